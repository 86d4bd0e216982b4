package io.aperture.catalogue.panosc;

import io.aperture.catalogue.search.RankedSearch;

import java.util.List;
import java.util.Optional;

/**
 * A page of the engine's hits; whether every hit holds the list's properties ({@code complete}: a document indexed
 * before they were mapped does not); and, for each of the filter's includes in its order, how the hits answer it, or
 * empty when the database must ({@link IndexedIncludes.Answer#answers}). Decided once per page, both to choose the thread
 * and to build the rows.
 */
record IndexedPage(List<RankedSearch.Ranked> hits, List<RankedSearch.Embedded> embedded, boolean complete,
                   List<Optional<IndexedIncludes.Answer>> answered) {

    /** {@code indexed}: {@link IndexedIncludes#of} the filter's includes, built before the search asked for them. */
    static IndexedPage of(List<RankedSearch.Ranked> hits, List<Optional<IndexedIncludes.Answer>> indexed) {
        List<RankedSearch.Embedded> embedded = hits.stream().map(RankedSearch.Ranked::embedded).toList();
        List<Optional<IndexedIncludes.Answer>> answered = indexed.stream()
                .map(a -> a.filter(answer -> answer.answers(embedded))).toList();
        return new IndexedPage(hits, embedded, hits.stream().allMatch(RankedSearch.Ranked::complete), answered);
    }

    /**
     * Whether {@link PanoscQueries#fromIndex} builds this page without a statement: every hit is complete and every
     * include is answered by the hits. Then it may be built where the database may not be waited on (an event loop).
     */
    boolean withoutDatabase() {
        return complete() && answered.stream().allMatch(Optional::isPresent);
    }
}
