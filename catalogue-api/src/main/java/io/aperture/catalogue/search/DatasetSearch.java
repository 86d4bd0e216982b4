package io.aperture.catalogue.search;

import com.google.gson.JsonArray;
import io.aperture.catalogue.model.Dataset;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder;
import org.hibernate.search.engine.search.highlighter.dsl.HighlighterFinalStep;
import org.hibernate.search.engine.search.highlighter.dsl.SearchHighlighterFactory;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.SearchException;
import org.jboss.logging.Logger;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * The one search service behind the portal, {@code GET /api/search} and the PaNOSC API. The caller's
 * {@link SearchScope} becomes a filter inside the search engine query ({@link SearchPredicates}), so hits and facet
 * counts only ever count what the caller may see. Hits are projections ({@link HitProjection}), deep pages follow a
 * {@link SearchCursor}, facets are {@link Facets}.
 */
@ApplicationScoped
public class DatasetSearch {
    /** Facet name → index field; see {@link Facets}. */
    public static final Map<String, String> FACETS = Facets.FIELDS;

    private static final Logger LOG = Logger.getLogger(DatasetSearch.class);

    private final SearchSession session;
    private final long timeoutMillis;

    DatasetSearch(SearchSession session, SearchConfig config) {
        this.session = session;
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
        Facets.requireAllowed(request.filters(), scope);
        Map<String, AggregationKey<Map<Object, Long>>> keys = Facets.keys(request.facets(), scope);
        Optional<JsonArray> after = request.after().map(c -> SearchCursor.decode(c, request.sort()));

        var query = session.search(Dataset.class)
                .extension(ElasticsearchExtension.get())
                .select(HitProjection::of)
                .where(f -> SearchPredicates.of(f, request, scope, condition))
                .sort(f -> switch (request.sort()) {
                    case NEWEST -> f.field("producedAt").desc().then().field("pid").asc();
                    case OLDEST -> f.field("producedAt").asc().then().field("pid").asc();
                    case TITLE -> f.field("title_sort").asc().then().field("pid").asc();
                    case RELEVANCE -> f.score().then().field("producedAt").desc().then().field("pid").asc();
                })
                .highlighter(f -> highlighter(f, condition));
        for (var e : keys.entrySet()) {
            String field = Facets.field(e.getKey(), scope);
            @SuppressWarnings("unchecked")
            Class<Object> type = (Class<Object>) Facets.type(e.getKey());
            query = query.aggregation(e.getValue(), f -> f.terms().field(field, type).maxTermCount(Facets.SIZE));
        }
        if (after.isPresent()) {
            JsonArray cursor = after.get();
            query = query.requestTransformer(ctx -> ctx.body().add("search_after", cursor));
        }
        org.hibernate.search.engine.search.query.SearchResult<List<?>> result;
        try {
            // failAfter bounds the wait on the client side too, so a hung engine costs a caller seconds, not minutes
            result = query.failAfter(timeoutMillis, TimeUnit.MILLISECONDS)
                    .fetch(after.isPresent() ? 0 : request.offset(), request.size());
        } catch (SearchException e) {
            // The engine's message quotes the request, access filter included: it goes to the log only.
            LOG.warnf("search engine failed a search: %s", EngineFailures.forLog(e));
            if (EngineFailures.engineUnavailable(e)) {
                throw new SearchUnavailableException(e);
            }
            throw e; // the engine refused the query itself: a defect here, not an outage to retry
        }

        List<SearchResult.Hit> hits = result.hits().stream().map(HitProjection::hit).toList();
        JsonArray lastSort = result.hits().isEmpty() ? null : HitProjection.sortValues(result.hits().getLast());
        Map<String, Map<Object, Long>> counts = new LinkedHashMap<>();
        keys.forEach((name, key) -> counts.put(name, result.aggregation(key)));
        String next = hits.size() == request.size() && lastSort != null ? SearchCursor.encode(lastSort) : null;
        return new SearchResult(result.total().hitCount(), hits, Facets.counts(counts), next);
    }

    /**
     * The plain highlighter, except under a caller's condition: OpenSearch 3's plain highlighter fails on a range
     * filter over a date (opensearch-project/OpenSearch#20496, unsupported_operation_exception), and the PaNOSC
     * conditions have such ranges, so those searches use the unified highlighter.
     */
    private static HighlighterFinalStep highlighter(SearchHighlighterFactory f,
                                                    Function<SearchPredicateFactory, PredicateFinalStep> condition) {
        if (condition == SearchRequest.NO_CONDITION) {
            return f.plain().encoder(HighlighterEncoder.HTML).numberOfFragments(2).fragmentSize(120).tag("<mark>", "</mark>");
        }
        return f.unified().encoder(HighlighterEncoder.HTML).numberOfFragments(2).fragmentSize(120).tag("<mark>", "</mark>");
    }
}
