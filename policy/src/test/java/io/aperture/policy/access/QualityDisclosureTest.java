package io.aperture.policy.access;

import io.aperture.policy.doi.DoiState;
import io.aperture.policy.embargo.EmbargoStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.aperture.policy.access.QualityDisclosure.SHOWN;
import static io.aperture.policy.access.QualityDisclosure.UNKNOWN;
import static io.aperture.policy.access.QualityDisclosure.WITHHELD;
import static org.assertj.core.api.Assertions.assertThat;

/** Who may learn of a record's metadata quality (findings, FAIR assessment) and review quality across records. */
class QualityDisclosureTest extends DisclosureCase {
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
