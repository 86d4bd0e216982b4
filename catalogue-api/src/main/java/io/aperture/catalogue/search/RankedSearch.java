package io.aperture.catalogue.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.aperture.catalogue.model.Dataset;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import org.elasticsearch.client.Cancellable;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.ResponseListener;
import org.elasticsearch.client.RestClient;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.backend.elasticsearch.index.ElasticsearchIndexManager;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * The PaNOSC list's page of hits without a thread waiting on the engine (issue #12). Hibernate Search writes the engine
 * query: the same predicate code as every search ({@link SearchPredicates}, the caller's {@link SearchScope} inside
 * it) and the caller's sort. It can only fetch by blocking a thread, and reads the answer through Gson and its
 * projections. So the query it wrote is sent with its own low-level client (the same hosts, account, TLS and
 * connection pool: no second client, nothing configured twice) without waiting, and the answer is read once, with
 * Jackson ({@link RankedHits}). Only the PaNOSC list's own properties and the relevance are read; no highlight, no
 * facets, no exact total (the list has none: counting every hit of a broad query is most of the engine's work for a
 * page of 50).
 */
@ApplicationScoped
public class RankedSearch {
    private static final Logger LOG = Logger.getLogger(RankedSearch.class);

    /**
     * A hit: the engine's document id and relevance (0 without a text query), and the properties the PaNOSC list
     * answers, read from the index. {@code panoscPid} is null in a document indexed before it was mapped (issue #12):
     * such a hit has only its stored pid to go by until it is reindexed. {@code embedded} holds the related objects the
     * caller asked to read along.
     */
    public record Ranked(long id, String pid, String panoscPid, String title, Instant producedAt, Long sizeBytes,
                         double relevance, Embedded embedded) {
        /** Whether the document holds every property the list answers. */
        public boolean complete() {
            return panoscPid != null;
        }
    }

    /** The related objects a dataset document embeds that can be read along with a hit. */
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

    private final SessionFactory sessions;
    private final SearchMapping mapping;
    private final ObjectMapper json;
    private final ObjectReader hits;
    private final Vertx vertx;
    private final long timeoutMillis;
    private volatile Engine engine;

    RankedSearch(SessionFactory sessions, SearchMapping mapping, ObjectMapper json, Vertx vertx, SearchConfig config) {
        this.sessions = sessions;
        this.mapping = mapping;
        this.json = json;
        this.hits = RankedHits.reader(json);
        this.vertx = vertx;
        this.timeoutMillis = config.timeout().toMillis();
    }

    /** {@link #ranked(SearchRequest, SearchScope, Function, Function, Set)} reading no related objects. */
    public CompletionStage<List<Ranked>> ranked(SearchRequest request, SearchScope scope,
                                                Function<SearchPredicateFactory, PredicateFinalStep> condition,
                                                Function<SearchSortFactory, SortFinalStep> order) {
        return ranked(request, scope, condition, order, Set.of());
    }

    /**
     * The page of hits of the same query as {@link DatasetSearch#search(SearchRequest, SearchScope, Function, Function)}
     * (the same predicate, so the same hits in the same order), completed on the engine client's thread, or failed
     * with {@link SearchUnavailableException} when the engine is down, overloaded or has not answered within
     * {@code aperture.search.timeout}. {@code related}: the embedded objects to read along. The calling thread only
     * builds the request; it may be an event loop.
     */
    public CompletionStage<List<Ranked>> ranked(SearchRequest request, SearchScope scope,
                                                Function<SearchPredicateFactory, PredicateFinalStep> condition,
                                                Function<SearchSortFactory, SortFinalStep> order, Set<Related> related) {
        Engine engine = engine();
        Request call = new Request("POST", engine.searchPath());
        call.addParameter("from", String.valueOf(request.offset()));
        call.addParameter("size", String.valueOf(request.size()));
        call.addParameter("track_total_hits", "false");
        call.addParameter("timeout", timeoutMillis + "ms"); // the engine stops searching; the timer below stops waiting
        call.setJsonEntity(body(engine, request, scope, condition, order, related));

        CompletableFuture<List<Ranked>> answer = new CompletableFuture<>();
        Cancellable sent = engine.client().performRequestAsync(call, new ResponseListener() {
            @Override
            public void onSuccess(Response response) {
                if (answer.isDone()) {
                    return; // the timer or the caller ended it: an answer nobody waits for is not read
                }
                try (InputStream in = response.getEntity().getContent()) {
                    answer.complete(RankedHits.read(hits, in, related));
                } catch (IOException e) {
                    fail(answer, new UncheckedIOException(e));
                } catch (RuntimeException e) {
                    fail(answer, e);
                }
            }

            @Override
            public void onFailure(Exception e) {
                fail(answer, e); // unless the timer or the caller ended it and cancelled this request
            }
        });
        long timer = vertx.setTimer(timeoutMillis, id -> {
            if (fail(answer, new TimeoutException("no answer within " + timeoutMillis + " ms"))) {
                sent.cancel();
            }
        });
        answer.whenComplete((hits, e) -> {
            vertx.cancelTimer(timer);
            if (answer.isCancelled()) {
                sent.cancel(); // the caller went away: the engine's connection is not kept busy for nobody
            }
        });
        return answer;
    }

    /**
     * The dataset index's search path (its read alias), Hibernate Search's client, and its scope of the dataset index
     * (session-independent; making one per request was a fiftieth of the event loop's time under the federated mix):
     * fixed while the application runs. Hibernate Search's scope type is named in full: {@link SearchScope} here is the
     * policy's access scope.
     */
    private record Engine(String searchPath, RestClient client,
                          org.hibernate.search.mapper.orm.scope.SearchScope<Dataset> datasets) {}

    /**
     * Resolved on first use, not in the constructor (Hibernate Search may not have started when this bean is built), and
     * then kept: not looked up through Hibernate Search's wrappers on every request. Two first requests may both resolve
     * it; they get the same values.
     */
    private Engine engine() {
        Engine known = engine;
        if (known == null) {
            known = new Engine("/" + mapping.indexedEntity(Dataset.class).indexManager().unwrap(ElasticsearchIndexManager.class)
                    .descriptor().readName() + "/_search", mapping.backend().unwrap(ElasticsearchBackend.class).client(RestClient.class),
                    mapping.scope(Dataset.class));
            engine = known;
        }
        return known;
    }

    /**
     * The request body as Hibernate Search writes it for this predicate and sort, with only the paths read in its
     * {@code _source}. Built in a session of its own, which touches no connection: the request's session is tied to a
     * worker thread, and this may run on an event loop.
     */
    private String body(Engine engine, SearchRequest request, SearchScope scope, Function<SearchPredicateFactory, PredicateFinalStep> condition,
                        Function<SearchSortFactory, SortFinalStep> order, Set<Related> related) {
        String written;
        try (Session session = sessions.openSession()) {
            written = Search.session(session).search(engine.datasets())
                    .select(f -> f.id(Long.class))
                    .where(f -> SearchPredicates.of(f, request, scope, condition))
                    .sort(order::apply)
                    .toQuery().queryString();
        }
        return RankedHits.withSource(written, related, json);
    }

    /**
     * An engine failure as the caller answers it: down, unreachable, timed out, overloaded (429) or failing (5xx) is
     * an outage (503, retry later); a refusal of the query itself is a defect here. The engine's message quotes the
     * request, access filter included: it goes to the log only, once per request, and only when it is the answer.
     * Whether it became the answer.
     */
    private static boolean fail(CompletableFuture<List<Ranked>> answer, Exception e) {
        if (answer.isDone() || !answer.completeExceptionally(failed(e))) {
            return false; // already answered: a late failure is neither the caller's answer nor a second warning
        }
        LOG.warnf("search engine failed the PaNOSC list's search: %s", EngineFailures.forLog(e));
        return true;
    }

    /** {@code e} as the caller answers it (see {@link #fail}). */
    private static RuntimeException failed(Exception e) {
        if (e instanceof SearchUnavailableException u) {
            return u;
        }
        if (EngineFailures.clientUnavailable(e)) {
            return new SearchUnavailableException(e);
        }
        if (e instanceof ResponseException r) {
            return new IllegalStateException("the search engine refused the query ("
                    + r.getResponse().getStatusLine().getStatusCode() + ")", e);
        }
        return e instanceof RuntimeException rt ? rt : new IllegalStateException(e);
    }
}
