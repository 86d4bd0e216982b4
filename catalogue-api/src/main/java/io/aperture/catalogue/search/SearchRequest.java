package io.aperture.catalogue.search;

import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A catalogue search as the portal and {@code GET /api/search} express it.
 *
 * @param text        free text (Simple Query String syntax), empty for all
 * @param filters     facet name → accepted values (OR within a facet, AND across facets)
 * @param parameters  range conditions, each on one parameter (nested semantics)
 * @param sort        relevance, newest, oldest, title
 * @param offset      hits to skip (shallow pages only; deep pages use {@code after})
 * @param size        page size (1..100)
 * @param after       opaque cursor from the previous page (search_after), empty for the first page
 * @param facets      whether to count facet values; the counting, over every match, is most of a page's cost, and
 *                    a client paging through results or the PaNOSC API has no use for it
 * @param titlePatterns wildcard patterns ({@code *} any run, {@code ?} one character, {@code \} escapes) the whole
 *                    title must match, case- and accent-insensitively; all of them (the PaNOSC API's title conditions)
 */
public record SearchRequest(String text, Map<String, List<String>> filters, List<ParameterRange> parameters,
                            Sort sort, int offset, int size, Optional<String> after, boolean facets,
                            List<String> titlePatterns) {

    public SearchRequest(String text, Map<String, List<String>> filters, List<ParameterRange> parameters,
                         Sort sort, int offset, int size, Optional<String> after, boolean facets) {
        this(text, filters, parameters, sort, offset, size, after, facets, List.of());
    }

    public SearchRequest(String text, Map<String, List<String>> filters, List<ParameterRange> parameters,
                         Sort sort, int offset, int size, Optional<String> after) {
        this(text, filters, parameters, sort, offset, size, after, true);
    }

    public enum Sort { RELEVANCE, NEWEST, OLDEST, TITLE }

    /** No further condition: what {@link DatasetSearch#search(SearchRequest, SearchScope, Function)} adds by default. */
    public static final Function<SearchPredicateFactory, PredicateFinalStep> NO_CONDITION = SearchPredicateFactory::matchAll;

    /**
     * A condition on one parameter: its name ({@link ParameterNames}: full path, short name or trailing segments), a
     * range of its numeric value (bounds in {@code unit}, converted to SI before searching; inclusive unless marked
     * exclusive) and/or its text value. Without bounds and text it asks only that such a parameter exists.
     */
    public record ParameterRange(String name, Double min, Double max, String unit, boolean minExclusive,
                                 boolean maxExclusive, String text) {
        public ParameterRange(String name, Double min, Double max, String unit) {
            this(name, min, max, unit, false, false, null);
        }
    }
}
