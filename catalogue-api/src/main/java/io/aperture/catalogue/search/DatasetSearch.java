package io.aperture.catalogue.search;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
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

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;

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

    /**
     * A hit of {@link #ranked}: the engine's document id and relevance (0 without a text query), and the properties the
     * PaNOSC list answers, read from the index. {@code panoscPid} is null in a document indexed before it was mapped
     * (issue #12): such a hit has only its stored pid to go by until it is reindexed. {@code embedded} holds the
     * related objects the caller asked {@link #ranked} to read along.
     */
    public record Ranked(long id, String pid, String panoscPid, String title, Instant producedAt, Long sizeBytes,
                         double relevance, Embedded embedded) {
        /** Whether the document holds every property the list answers. */
        public boolean complete() {
            return panoscPid != null;
        }
    }

    /** The related objects a dataset document embeds that {@link #ranked} can read along with a hit. */
    public enum Related { TECHNIQUES, INSTRUMENT, PARAMETERS }

    /**
     * A parameter as the dataset document embeds it (its stored name, number and unit); {@code id} is null in a
     * document indexed before it was mapped.
     */
    public record IndexedParameter(Long id, String name, Double numericValue, String unit) {}

    /** A technique as the dataset document embeds it. */
    public record IndexedTechnique(String iri, String label) {}

    /** The instrument as the dataset document embeds it; {@code pid} and {@code facility} are null in a document indexed before they were mapped. */
    public record IndexedInstrument(String pid, String name, String facility) {
        /** Whether the document holds every property the PaNOSC Instrument answers. */
        public boolean complete() {
            return pid != null && facility != null;
        }
    }

    /**
     * What a hit embeds, as far as it was asked for: the techniques and the parameters (empty when not asked for or
     * none) and the instrument (null when not asked for or none).
     */
    public record Embedded(List<IndexedTechnique> techniques, IndexedInstrument instrument, List<IndexedParameter> parameters) {
        static final Embedded NONE = new Embedded(List.of(), null, List.of());
    }

    /** {@link #ranked(SearchRequest, SearchScope, Function, Function, Set)} reading no related objects. */
    public List<Ranked> ranked(SearchRequest request, SearchScope scope,
                               Function<SearchPredicateFactory, PredicateFinalStep> condition,
                               Function<SearchSortFactory, SortFinalStep> order) {
        return ranked(request, scope, condition, order, Set.of());
    }

    /**
     * The page of hits of the same query as {@link #search(SearchRequest, SearchScope, Function, Function)} (the same
     * predicate, so the same hits in the same order), reading only what the PaNOSC list answers: its own properties and
     * the relevance. No highlight, no facets, and no exact total (the list has none): counting every hit of a broad
     * query is most of the engine's work for a page of 50. {@code related}: the embedded objects to read along (each
     * adds its fields to the engine's {@code _source}; none when the caller attaches nothing from the index).
     */
    public List<Ranked> ranked(SearchRequest request, SearchScope scope,
                               Function<SearchPredicateFactory, PredicateFinalStep> condition,
                               Function<SearchSortFactory, SortFinalStep> order, Set<Related> related) {
        var query = session.search(Dataset.class)
                .extension(ElasticsearchExtension.get())
                .select(f -> f.composite().from(f.id(Long.class), f.field("pid", String.class),
                        f.field(Dataset.PANOSC_PID, String.class), f.field("title", String.class),
                        f.field("producedAt", Instant.class), f.field("sizeBytes", Long.class), f.jsonHit(),
                        related.contains(Related.TECHNIQUES)
                                ? f.object("techniques").from(f.field("techniques.iri", String.class),
                                f.field("techniques.label", String.class)).as(IndexedTechnique::new).list()
                                : f.constant(List.<IndexedTechnique>of()),
                        related.contains(Related.INSTRUMENT)
                                ? f.object("instrument").from(f.field("instrument.pid", String.class),
                                f.field("instrument.name", String.class), f.field("instrument.facilityCode", String.class))
                                .as(IndexedInstrument::new)
                                : f.constant((IndexedInstrument) null),
                        related.contains(Related.PARAMETERS)
                                ? f.object("parameters").from(f.field("parameters.id", Long.class),
                                f.field("parameters.name", String.class), f.field("parameters.numericValue", Double.class),
                                f.field("parameters.unit", String.class)).asList(v -> new IndexedParameter((Long) v.get(0),
                                (String) v.get(1), (Double) v.get(2), (String) v.get(3))).list()
                                : f.constant(List.<IndexedParameter>of())).asList())
                .where(f -> SearchPredicates.of(f, request, scope, condition))
                .sort(order::apply)
                .totalHitCountThreshold(request.offset() + request.size())
                .requestTransformer(c -> SourceFields.narrow(c.body()))
                .failAfter(timeoutMillis, TimeUnit.MILLISECONDS);
        return engine("a search", () -> query.fetchHits(request.offset(), request.size())).stream()
                .map(row -> new Ranked((Long) row.get(0), (String) row.get(1), (String) row.get(2), (String) row.get(3),
                        (Instant) row.get(4), (Long) row.get(5), HitProjection.score((JsonObject) row.get(6)),
                        embedded(row.get(7), row.get(8), row.get(9)))).toList();
    }

    @SuppressWarnings("unchecked")
    private static Embedded embedded(Object techniques, Object instrument, Object parameters) {
        if (techniques instanceof List<?> t && t.isEmpty() && instrument == null && parameters instanceof List<?> p && p.isEmpty()) {
            return Embedded.NONE;
        }
        return new Embedded(techniques == null ? List.of() : List.copyOf((List<IndexedTechnique>) techniques),
                (IndexedInstrument) instrument, parameters == null ? List.of() : List.copyOf((List<IndexedParameter>) parameters));
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
