package io.aperture.catalogue.search;

import com.google.gson.JsonArray;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.tokens.TokenSignature;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterFinalStep;
import org.hibernate.search.engine.search.highlighter.dsl.SearchHighlighterFactory;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.SearchException;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The one search service behind the portal, {@code GET /api/search} and the PaNOSC API. The caller's
 * {@link SearchScope} becomes a filter inside the search engine query ({@link SearchPredicates}), so hits and facet
 * counts only ever count what the caller may see (the PaNOSC list's page of hits: {@link RankedSearch}). Hits are projections ({@link HitProjection}), deep pages follow a
 * {@link SearchCursor}, facets are {@link Facets}.
 */
@ApplicationScoped
public class DatasetSearch {
    /** Facet name → index field; see {@link Facets}. */
    public static final Map<String, String> FACETS = Facets.FIELDS;

    private static final Logger LOG = Logger.getLogger(DatasetSearch.class);

    private final SearchSession session;
    private final long timeoutMillis;
    private final TokenSignature cursors;

    DatasetSearch(SearchSession session, SearchConfig config, TokenSignature cursors) {
        this.session = session;
        this.cursors = cursors;
        this.timeoutMillis = config.timeout().toMillis();
    }

    // No transaction: hits are projections read from the index, the database is not touched.
    public SearchResult search(SearchRequest request, SearchScope scope) {
        return search(request, scope, SearchRequest.NO_CONDITION);
    }

    /**
     * The same, with a further condition on the datasets that the caller builds from the engine's predicate factory (the
     * PaNOSC API's {@code where}); it is a filter inside the same query, so hits and the total agree with it.
     */
    public SearchResult search(SearchRequest request, SearchScope scope,
                               Function<SearchPredicateFactory, PredicateFinalStep> condition) {
        return search(request, scope, condition, f -> switch (request.sort()) {
            case NEWEST -> f.field("producedAt").desc().then().field("pid").asc();
            case OLDEST -> f.field("producedAt").asc().then().field("pid").asc();
            case TITLE -> f.field("title_sort").asc().then().field("pid").asc();
            case RELEVANCE -> f.score().then().field("producedAt").desc().then().field("pid").asc();
        });
    }

    /**
     * The same, in an order the caller builds from the engine's sort factory (the PaNOSC API's {@code order}, several
     * keys) instead of {@link SearchRequest#sort()}; a cursor ({@code after}) is only valid for the request's own sort.
     */
    public SearchResult search(SearchRequest request, SearchScope scope,
                               Function<SearchPredicateFactory, PredicateFinalStep> condition,
                               Function<SearchSortFactory, SortFinalStep> order) {
        Facets.requireAllowed(request.filters(), scope);
        Map<String, AggregationKey<Map<Object, Long>>> keys = Facets.keys(request.facets(), scope);
        Optional<JsonArray> after = request.after().map(c -> SearchCursor.decode(c, request.sort(), cursors));

        var query = session.search(Dataset.class)
                .extension(ElasticsearchExtension.get())
                .select(HitProjection::of)
                .where(f -> SearchPredicates.of(f, request, scope, condition))
                .sort(order::apply)
                .highlighter(f -> highlighter(f, request, condition));
        for (var e : keys.entrySet()) {
            String field = Facets.field(e.getKey(), scope);
            @SuppressWarnings("unchecked")
            Class<Object> type = (Class<Object>) Facets.type(e.getKey());
            query = query.aggregation(e.getValue(), f -> f.terms().field(field, type).maxTermCount(Facets.size(e.getKey())));
        }
        if (after.isPresent()) {
            JsonArray cursor = after.get();
            query = query.requestTransformer(ctx -> ctx.body().add("search_after", cursor));
        }
        var bounded = query.failAfter(timeoutMillis, TimeUnit.MILLISECONDS);
        var result = engine("a search", () -> bounded.fetch(after.isPresent() ? 0 : request.offset(), request.size()));

        List<SearchResult.Hit> hits = result.hits().stream().map(HitProjection::hit).toList();
        JsonArray lastSort = result.hits().isEmpty() ? null : HitProjection.sortValues(result.hits().getLast());
        Map<String, Map<Object, Long>> counts = new LinkedHashMap<>();
        keys.forEach((name, key) -> counts.put(name, result.aggregation(key)));
        if (request.facets()) {
            // OR within a facet: a facet with a selection is counted as if nothing were selected in it (the other
            // facets' selections still apply), so its siblings stay offered with the hits they would add
            request.filters().keySet().forEach(name -> counts.put(name, countWithout(request, name, scope, condition)));
        }
        long total = result.total().hitCount();
        // a cursor page cannot know how many came before it; a numbered page knows whether any follow
        boolean more = hits.size() == request.size() && (after.isPresent() || request.offset() + hits.size() < total);
        String next = more && lastSort != null ? SearchCursor.encode(lastSort, cursors) : null;
        return new SearchResult(total, hits, Facets.counts(counts), next);
    }

    /** One facet's counts over the request without its own filter (no hits fetched). */
    private Map<Object, Long> countWithout(SearchRequest request, String facet, SearchScope scope,
                                           Function<SearchPredicateFactory, PredicateFinalStep> condition) {
        SearchRequest others = request.withoutFacet(facet);
        AggregationKey<Map<Object, Long>> key = AggregationKey.of(facet);
        @SuppressWarnings("unchecked")
        Class<Object> type = (Class<Object>) Facets.type(facet);
        var count = session.search(Dataset.class)
                .where(f -> SearchPredicates.of(f, others, scope, condition))
                .aggregation(key, f -> f.terms().field(Facets.field(facet, scope), type).maxTermCount(Facets.size(facet)))
                .failAfter(timeoutMillis, TimeUnit.MILLISECONDS);
        return engine("a facet count", () -> count.fetch(0)).aggregation(key);
    }

    /**
     * Runs one engine call; failAfter (set by the caller) bounds the wait on the client side too, so a hung engine
     * costs a caller seconds, not minutes. The engine's message quotes the request, access filter included: it goes
     * to the log only.
     */
    private static <T> T engine(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (SearchException e) {
            LOG.warnf("search engine failed %s: %s", what, EngineFailures.forLog(e));
            if (EngineFailures.engineUnavailable(e)) {
                throw new SearchUnavailableException(e);
            }
            throw e; // the engine refused the query itself: a defect here, not an outage to retry
        }
    }

    /**
     * The plain highlighter, except under a caller's condition or a production-day range: OpenSearch 3's plain
     * highlighter fails on a range filter over a date (opensearch-project/OpenSearch#20496,
     * unsupported_operation_exception), and the PaNOSC conditions and {@code from}/{@code to} are such ranges, so those
     * searches use the unified highlighter.
     */
    private static HighlighterFinalStep highlighter(SearchHighlighterFactory f, SearchRequest request,
                                                    Function<SearchPredicateFactory, PredicateFinalStep> condition) {
        if (condition == SearchRequest.NO_CONDITION && request.produced().any()) {
            return f.plain().encoder(HighlighterEncoder.HTML).numberOfFragments(2).fragmentSize(120).tag("<mark>", "</mark>");
        }
        return f.unified().encoder(HighlighterEncoder.HTML).numberOfFragments(2).fragmentSize(120).tag("<mark>", "</mark>");
    }
}
