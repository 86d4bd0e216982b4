package io.aperture.catalogue.search;

import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
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
 * @param produced    the production day range (UTC days, both inclusive, either open), empty for any
 */
public record SearchRequest(String text, Map<String, List<String>> filters, List<ParameterRange> parameters,
                            Sort sort, int offset, int size, Optional<String> after, boolean facets,
                            List<String> titlePatterns, DayRange produced) {

    public SearchRequest(String text, Map<String, List<String>> filters, List<ParameterRange> parameters,
                         Sort sort, int offset, int size, Optional<String> after, boolean facets,
                         List<String> titlePatterns) {
        this(text, filters, parameters, sort, offset, size, after, facets, titlePatterns, DayRange.ANY);
    }

    public SearchRequest(String text, Map<String, List<String>> filters, List<ParameterRange> parameters,
                         Sort sort, int offset, int size, Optional<String> after, boolean facets) {
        this(text, filters, parameters, sort, offset, size, after, facets, List.of());
    }

    public SearchRequest(String text, Map<String, List<String>> filters, List<ParameterRange> parameters,
                         Sort sort, int offset, int size, Optional<String> after) {
        this(text, filters, parameters, sort, offset, size, after, true);
    }

    public enum Sort { RELEVANCE, NEWEST, OLDEST, TITLE }

    /** The same search without the filter on one facet: what that facet's values are counted over (OR within a facet). */
    public SearchRequest withoutFacet(String facet) {
        Map<String, List<String>> rest = new LinkedHashMap<>(filters);
        rest.remove(facet);
        return new SearchRequest(text, rest, parameters, sort, offset, size, after, facets, titlePatterns, produced);
    }

    /**
     * Days of production, from {@code from} to {@code to}, both inclusive, as UTC days (the {@code year} facet's
     * calendar too); either may be absent.
     */
    public record DayRange(Optional<LocalDate> from, Optional<LocalDate> to) {
        public static final DayRange ANY = new DayRange(Optional.empty(), Optional.empty());

        public boolean any() {
            return from.isEmpty() && to.isEmpty();
        }

        /** The first instant of {@code from}. */
        Optional<Instant> start() {
            return from.map(d -> d.atStartOfDay(ZoneOffset.UTC).toInstant());
        }

        /** The last instant of {@code to}. */
        Optional<Instant> end() {
            return to.map(d -> d.atTime(LocalTime.MAX).toInstant(ZoneOffset.UTC));
        }
    }

    /** No further condition: what {@link DatasetSearch#search(SearchRequest, SearchScope, Function)} adds by default. */
    public static final Function<SearchPredicateFactory, PredicateFinalStep> NO_CONDITION = SearchPredicateFactory::matchAll;

    /**
     * A condition on one parameter: its name ({@link ParameterNames}: full path, short name or trailing segments), a
     * range of its numeric value (bounds in {@code unit}, converted to SI before searching; inclusive unless marked
     * exclusive) and/or its text value. Without bounds and text it asks only that such a parameter exists.
     */
    public record ParameterRange(String name, Double min, Double max, String unit, boolean minExclusive,
                                 boolean maxExclusive, String text) {
        public ParameterRange {
            // -0 as +0: the engine orders -0.0 below +0.0, so "at most -0" would miss every stored 0
            min = min == null ? null : min + 0.0;
            max = max == null ? null : max + 0.0;
        }

        public ParameterRange(String name, Double min, Double max, String unit) {
            this(name, min, max, unit, false, false, null);
        }
    }
}
