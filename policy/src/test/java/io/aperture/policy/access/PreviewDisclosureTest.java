package io.aperture.policy.access;

import io.aperture.policy.doi.DoiState;
import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.embargo.EmbargoStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may see a record's data preview (the harvester's default plot): those who may see its files. */
class PreviewDisclosureTest {
    static final String P = "MX2002";
    static final Instant END = Instant.parse("2027-06-10T14:00:00Z");
    static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");
    static final Instant AFTER = Instant.parse("2027-07-01T12:00:00Z");

    final AccessPolicy policy = new AccessPolicy(EmbargoRules.defaults());
    final Caller anonymous = Caller.anonymous();
    final Caller researcher = Caller.user("someone");
    final Caller member = Caller.user("tm").withProposalRole(P, ProposalRole.TEAM_MEMBER);
    final Caller metadataProvider = Caller.user("sp").withFacilityRole(FacilityRole.SERVICE_PROVIDER)
            .withServiceGrant(P, Visibility.METADATA);
    final Caller filesProvider = Caller.user("sp2").withFacilityRole(FacilityRole.SERVICE_PROVIDER)
            .withServiceGrant(P, Visibility.METADATA_AND_FILES);
    final Caller staff = Caller.user("staff").withFacilityRole(FacilityRole.STAFF);
    final Caller harvester = Caller.user("aperture-harvester").withFacilityRole(FacilityRole.HARVESTER)
            .withFacilityRole(FacilityRole.STAFF);

    static ProtectedResource stored(EmbargoStatus status, DoiState doi) {
        return ProtectedResource.of("ds", P, status, END,
                status == EmbargoStatus.EMBARGOED ? Optional.empty() : Optional.of(END), doi);
    }

    @Test
    void anEmbargoedPreviewIsForThoseWhoMaySeeTheData() {
        ProtectedResource embargoed = stored(EmbargoStatus.EMBARGOED, DoiState.NONE);
        assertThat(policy.mayPreview(staff, embargoed, NOW)).isTrue();
        assertThat(policy.mayPreview(member, embargoed, NOW)).isTrue();
        assertThat(policy.mayPreview(filesProvider, embargoed, NOW)).isTrue();
        assertThat(policy.mayPreview(metadataProvider, embargoed, NOW)).as("metadata only: no data").isFalse();
        assertThat(policy.mayPreview(researcher, embargoed, NOW)).isFalse();
        assertThat(policy.mayPreview(anonymous, embargoed, NOW)).isFalse();
        assertThat(policy.mayPreview(harvester, embargoed, NOW)).isFalse();
    }

    @Test
    void aDoiLandingPageShowsNoPreview() {
        ProtectedResource withDoi = stored(EmbargoStatus.EMBARGOED, DoiState.REGISTERED);
        assertThat(policy.decide(anonymous, withDoi, NOW).visibility()).isEqualTo(Visibility.DOI_LANDING);
        assertThat(policy.mayPreview(anonymous, withDoi, NOW)).isFalse();
    }

    @Test
    void aReleasedPreviewIsForEveryoneAWithdrawnOneForStaff() {
        ProtectedResource released = stored(EmbargoStatus.RELEASED, DoiState.NONE);
        assertThat(policy.mayPreview(anonymous, released, AFTER)).isTrue();
        assertThat(policy.mayPreview(researcher, released, AFTER)).isTrue();
        ProtectedResource withdrawn = stored(EmbargoStatus.WITHDRAWN, DoiState.NONE);
        assertThat(policy.mayPreview(staff, withdrawn, AFTER)).isTrue();
        assertThat(policy.mayPreview(member, withdrawn, AFTER)).isFalse();
        assertThat(policy.mayPreview(anonymous, withdrawn, AFTER)).isFalse();
    }
}
