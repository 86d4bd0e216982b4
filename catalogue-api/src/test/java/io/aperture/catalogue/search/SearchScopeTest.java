package io.aperture.catalogue.search;

import io.aperture.policy.access.AccessPolicy;
import io.aperture.policy.access.Caller;
import io.aperture.policy.access.FacilityRole;
import io.aperture.policy.access.ProposalRole;
import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.embargo.EmbargoStatus;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The index filter is the policy's scope, translated: nothing decided here. */
class SearchScopeTest {
    final AccessPolicy policy = new AccessPolicy(EmbargoRules.defaults());

    @Test
    void staffFindEverything() {
        SearchScope s = SearchScope.of(policy.scopeFor(Caller.user("s").withFacilityRole(FacilityRole.STAFF)));
        assertThat(s.everything()).isTrue();
        assertThat(s.openStatus()).isEmpty();
    }

    @Test
    void thePublicFindsReleasedDataOnlyAndAMemberAlsoTheirProposals() {
        SearchScope pub = SearchScope.of(policy.publicScope());
        assertThat(pub.everything()).isFalse();
        assertThat(pub.embargoedProposalPids()).isEmpty();
        assertThat(pub.openStatus()).contains(EmbargoStatus.RELEASED);
        SearchScope pi = SearchScope.of(policy.scopeFor(Caller.user("pi").withProposalRole("P1", ProposalRole.PI)));
        assertThat(pi.embargoedProposalPids()).isEqualTo(Set.of("P1"));
        assertThat(pi.teamStatus()).isEqualTo(Optional.of(EmbargoStatus.EMBARGOED));
    }

    @Test
    void aHarvesterIdentityFindsWhatThePublicFinds() {
        Caller harvester = Caller.user("h").withFacilityRole(FacilityRole.HARVESTER).withFacilityRole(FacilityRole.STAFF);
        assertThat(SearchScope.of(policy.scopeFor(harvester))).isEqualTo(SearchScope.of(policy.publicScope()));
    }
}
