package io.aperture.policy.access;

import io.aperture.policy.doi.DoiState;
import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.embargo.EmbargoStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static io.aperture.policy.access.QualityDisclosure.SHOWN;
import static io.aperture.policy.access.QualityDisclosure.UNKNOWN;
import static io.aperture.policy.access.QualityDisclosure.WITHHELD;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may learn of a record's metadata quality (findings, FAIR assessment) and review quality across records. */
class QualityDisclosureTest {
    static final String P = "MX1001";
    static final Instant END = Instant.parse("2027-06-10T14:00:00Z");
    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    final AccessPolicy policy = new AccessPolicy(EmbargoRules.defaults());
    final Caller anonymous = Caller.anonymous();
    final Caller researcher = Caller.user("someone");
    final Caller pi = Caller.user("pi").withProposalRole(P, ProposalRole.PI);
    final Caller provider = Caller.user("sp").withFacilityRole(FacilityRole.SERVICE_PROVIDER)
            .withServiceGrant(P, Visibility.METADATA_AND_FILES);
    final Caller staff = Caller.user("staff").withFacilityRole(FacilityRole.STAFF);
    final Caller harvester = Caller.user("aperture-harvester").withFacilityRole(FacilityRole.HARVESTER)
            .withFacilityRole(FacilityRole.STAFF);

    static ProtectedResource stored(EmbargoStatus status, DoiState doi) {
        return ProtectedResource.of("ds", P, status, END,
                status == EmbargoStatus.EMBARGOED ? Optional.empty() : Optional.of(END), doi);
    }

    @Test
    void embargoedFindingsAreForStaffOnlyAndHiddenLikeTheRecordFromThoseWhoCannotSeeIt() {
        ProtectedResource embargoed = stored(EmbargoStatus.EMBARGOED, DoiState.NONE);
        assertThat(policy.qualityDisclosure(staff, embargoed, NOW)).isEqualTo(SHOWN);
        assertThat(policy.qualityDisclosure(pi, embargoed, NOW)).isEqualTo(WITHHELD);
        assertThat(policy.qualityDisclosure(provider, embargoed, NOW)).isEqualTo(WITHHELD);
        assertThat(policy.qualityDisclosure(researcher, embargoed, NOW)).isEqualTo(UNKNOWN);
        assertThat(policy.qualityDisclosure(anonymous, embargoed, NOW)).isEqualTo(UNKNOWN);
        assertThat(policy.qualityDisclosure(harvester, embargoed, NOW)).isEqualTo(UNKNOWN);
    }

    @Test
    void aDoiLandingPageDoesNotOpenTheFindings() {
        ProtectedResource withDoi = stored(EmbargoStatus.EMBARGOED, DoiState.REGISTERED);
        assertThat(policy.decide(anonymous, withDoi, NOW).visibility()).isEqualTo(Visibility.DOI_LANDING);
        assertThat(policy.qualityDisclosure(anonymous, withDoi, NOW)).isEqualTo(UNKNOWN);
    }

    @Test
    void releasedFindingsAreShownToEveryoneWithdrawnOnesToStaffOnly() {
        Instant after = Instant.parse("2027-07-01T12:00:00Z");
        ProtectedResource released = stored(EmbargoStatus.RELEASED, DoiState.NONE);
        assertThat(policy.qualityDisclosure(anonymous, released, after)).isEqualTo(SHOWN);
        assertThat(policy.qualityDisclosure(researcher, released, after)).isEqualTo(SHOWN);
        ProtectedResource withdrawn = stored(EmbargoStatus.WITHDRAWN, DoiState.NONE);
        assertThat(policy.qualityDisclosure(staff, withdrawn, after)).isEqualTo(SHOWN);
        assertThat(policy.qualityDisclosure(pi, withdrawn, after)).isEqualTo(UNKNOWN);
        assertThat(policy.qualityDisclosure(anonymous, withdrawn, after)).isEqualTo(UNKNOWN);
    }

    @Test
    void onlyStaffReviewQualityAcrossRecords() {
        assertThat(policy.mayReviewQuality(staff)).isTrue();
        assertThat(policy.mayReviewQuality(harvester)).isFalse();
        assertThat(policy.mayReviewQuality(pi)).isFalse();
        assertThat(policy.mayReviewQuality(provider)).isFalse();
        assertThat(policy.mayReviewQuality(anonymous)).isFalse();
    }
}
