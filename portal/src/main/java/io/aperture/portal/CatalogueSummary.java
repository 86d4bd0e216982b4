package io.aperture.portal;

import io.aperture.catalogue.panet.Panet;
import io.aperture.catalogue.search.SearchResult;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * What the catalogue holds for everyone, shown on the bare home page: counted over public data only (the public
 * scope, whoever is signed in), so a team's embargoed datasets never add to it.
 *
 * @param datasets    public datasets
 * @param bytes       the public datasets' data volume (sum of their file sizes)
 * @param instruments the instruments with most public datasets, largest first
 * @param techniques  the techniques with most public datasets, largest first
 * @param newest      the newest public datasets by production date
 * @param releases    the latest releases from embargo, the latest first
 */
public record CatalogueSummary(long datasets, long bytes, List<Entry> instruments, List<Entry> techniques,
                               List<SearchResult.Hit> newest, List<Release> releases) {
    /** A facet value, its count of public datasets and the search that selects it. */
    public record Entry(String value, long count, String link) {}

    /** A dataset released from its embargo, and when. */
    public record Release(String pid, String title, Instant releasedAt) {}

    /** Values listed per facet, and releases listed. */
    static final int SHOWN = 5;

    static CatalogueSummary of(SearchResult publicOnly, long bytes, List<Release> releases) {
        return new CatalogueSummary(publicOnly.total(), bytes, top(publicOnly, "instrument", values -> values),
                top(publicOnly, "technique", values -> TechniqueFacet.mostSpecific(values, Panet.shipped())),
                publicOnly.hits(), releases);
    }

    /** The data volume as people read it (1 KiB = 1024 bytes), as the staff dashboard writes it. */
    public String volume() {
        return BarChart.bytes(bytes);
    }

    /** The first values of a facet, after {@code pick} (the technique facet also counts every broader PaNET term). */
    private static List<Entry> top(SearchResult r, String facet, UnaryOperator<List<SearchResult.FacetValue>> pick) {
        return r.facets() == null ? List.of() : pick.apply(r.facets().getOrDefault(facet, List.of())).stream().limit(SHOWN)
                .map(v -> new Entry(v.value(), v.count(), SearchPage.link(Map.of(facet, List.of(v.value()))))).toList();
    }
}
