package io.aperture.policy.access;

import io.aperture.policy.doi.DoiState;
import io.aperture.policy.embargo.EmbargoStatus;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may see a record's data preview (the harvester's default plot): those who may see its files. */
class PreviewDisclosureTest extends DisclosureCase {
    static final Instant AFTER = Instant.parse("2027-07-01T12:00:00Z");

    final Caller member = Caller.user("tm").withProposalRole(P, ProposalRole.TEAM_MEMBER);
    final Caller metadataProvider = Caller.user("sp-m").withFacilityRole(FacilityRole.SERVICE_PROVIDER)
            .withServiceGrant(P, Visibility.METADATA);

    @Test
    void anEmbargoedPreviewIsForThoseWhoMaySeeTheData() {
        ProtectedResource embargoed = stored(EmbargoStatus.EMBARGOED, DoiState.NONE);
        assertThat(policy.mayPreview(staff, embargoed, NOW)).isTrue();
        assertThat(policy.mayPreview(member, embargoed, NOW)).isTrue();
        assertThat(policy.mayPreview(provider, embargoed, NOW)).isTrue();
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
