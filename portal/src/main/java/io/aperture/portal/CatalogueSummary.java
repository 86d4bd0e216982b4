package io.aperture.portal;

import io.aperture.catalogue.search.SearchResult;

import java.util.List;
import java.util.Map;

/**
 * What the catalogue holds for everyone, shown on the bare home page: counted over public data only (the public
 * scope, whoever is signed in), so a team's embargoed datasets never add to it.
 *
 * @param datasets    public datasets
 * @param instruments the instruments with most public datasets, largest first
 * @param techniques  the techniques with most public datasets, largest first
 * @param newest      the newest public datasets by production date
 */
public record CatalogueSummary(long datasets, List<Entry> instruments, List<Entry> techniques,
                               List<SearchResult.Hit> newest) {
    /** A facet value, its count of public datasets and the search that selects it. */
    public record Entry(String value, long count, String link) {}

    /** Values listed per facet. */
    static final int SHOWN = 5;

    static CatalogueSummary of(SearchResult publicOnly) {
        return new CatalogueSummary(publicOnly.total(), top(publicOnly, "instrument"), top(publicOnly, "technique"),
                publicOnly.hits());
    }

    private static List<Entry> top(SearchResult r, String facet) {
        return r.facets() == null ? List.of() : r.facets().getOrDefault(facet, List.of()).stream().limit(SHOWN)
                .map(v -> new Entry(v.value(), v.count(), SearchPage.link(Map.of(facet, List.of(v.value()))))).toList();
    }
}
