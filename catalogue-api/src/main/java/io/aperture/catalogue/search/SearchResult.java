package io.aperture.catalogue.search;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One page of search results with the facet counts of everything the caller may see that matches. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(long total, List<Hit> hits, Map<String, List<FacetValue>> facets, String next) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String pid, String title, List<String> highlights, String kind, String instrument,
                      List<String> techniques, String sample, Instant producedAt, String accessState,
                      Instant embargoEnd, String license, String doi, double score) {}

    public record FacetValue(String value, long count) {}
}
