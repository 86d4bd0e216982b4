package io.aperture.catalogue.search;

import io.aperture.policy.access.AccessPolicy;
import io.aperture.policy.access.Caller;
import io.aperture.policy.access.FacilityRole;
import io.aperture.policy.embargo.EmbargoRules;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The findings facet exists for callers who may review quality only: not counted, not filterable for anyone else. */
class StaffFacetTest {
    final AccessPolicy policy = new AccessPolicy(EmbargoRules.defaults());
    final Caller staff = Caller.user("s").withFacilityRole(FacilityRole.STAFF);
    final SearchScope staffScope = SearchScope.of(policy.scopeFor(staff)).withQualityFindings(policy.mayReviewQuality(staff));
    final SearchScope publicScope = SearchScope.of(policy.publicScope())
            .withQualityFindings(policy.mayReviewQuality(Caller.anonymous()));

    @Test
    void staffCountAndFilterByFindingRule() {
        assertThat(Facets.keys(true, staffScope)).containsKey("finding");
        assertThat(Facets.field("finding", staffScope)).isEqualTo("findings.rule");
        Facets.requireAllowed(Map.of("finding", List.of("required")), staffScope);
    }

    @Test
    void thePublicNeitherSeesTheFacetNorMayFilterByIt() {
        assertThat(publicScope.qualityFindings()).isFalse();
        assertThat(Facets.keys(true, publicScope)).doesNotContainKey("finding").containsKey("instrument");
        assertThat(Facets.field("finding", publicScope)).isNull();
        assertThatThrownBy(() -> Facets.requireAllowed(Map.of("finding", List.of("required")), publicScope))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("staff facet");
    }

    @Test
    void theParserReadsTheFindingFilterSoThatItCanBeRefused() {
        SearchRequest r = SearchRequestParser.parse(Map.of("finding", List.of("units-category")));
        assertThat(r.filters()).containsEntry("finding", List.of("units-category"));
    }
}
