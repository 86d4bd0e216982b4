package io.aperture.catalogue.panosc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.input.InputText;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.search.DatasetSearch;
import io.aperture.catalogue.search.InvalidSearchException;
import io.aperture.catalogue.tokens.OpaqueIds;
import io.aperture.catalogue.search.PanoscParameterFilter;
import io.aperture.catalogue.search.RankedSearch;
import io.aperture.catalogue.search.SearchRequest;
import io.aperture.catalogue.search.SearchScope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;

import java.util.*;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * PaNOSC search API, Dataset collection (design/PANOSC.md §2). The PaNOSC API is anonymous and serves public data
 * only: it always searches with the public scope, whoever calls. Paths are case-insensitive, as the federation
 * and the PaNOSC portal spell them differently.
 */
@Path("/api/{collection: (?i)datasets}")
@Produces(MediaType.APPLICATION_JSON)
public class PanoscDatasetsResource {
    /** skip + limit stays within the engine's result window (index.max_result_window, 10 000 by default). */
    private static final int MAX_WINDOW = 10_000;
    /**
     * The engine's relevance at which the score is one half. Scores are {@code r / (r + HALF_SCORE)}: a fixed, saturating
     * function of the relevance, so an item scores the same on every page and in every answer (design/PANOSC.md §4.5).
     */
    static final double HALF_SCORE = 10.0;
    private static final String FILES_OF = "r.dataset.id = :dataset";

    private final RankedSearch search;
    private final DatasetSearch counts;
    private final AccessControl access;
    private final PanoscQueries queries;
    private final PanoscCollection collection;
    private final ManagedExecutor workers;
    private final OpaqueIds ids;

    PanoscDatasetsResource(RankedSearch search, DatasetSearch counts, AccessControl access, PanoscQueries queries,
                           PanoscCollection collection, ManagedExecutor workers, OpaqueIds ids) {
        this.search = search;
        this.ids = ids;
        this.counts = counts;
        this.workers = workers;
        this.access = access;
        this.queries = queries;
        this.collection = collection;
    }

    /**
     * Answered without a thread waiting on the engine (issue #12): the filter is checked and the engine query built
     * where the request arrived (the event loop), the engine answers on its client's thread, and the page is built back
     * on the request's thread. Only what needs the database goes to a worker: the keys of an include that restricts by
     * instrument, documents, samples or files, and includes the hits cannot answer. No transaction: the list only
     * reads (the engine, then at most one statement per attached relation), each statement sees committed data as it
     * would at READ COMMITTED inside one, and a transaction would cost its COMMIT round trip on every page that
     * attaches from the database.
     */
    @GET
    public Uni<JsonPage> list(@QueryParam("filter") String filterJson) {
        PanoscFilter parsed = FilterParser.filter(filterJson);
        DatasetWhere.check(parsed.where(), parsed.include());
        // Large limits are clamped, not refused: a 400 makes the facility silently vanish from federated results
        // (PANOSC.md §3.8). The engine serves hits up to its result window; a skip beyond it is refused.
        if (parsed.skip() >= MAX_WINDOW) {
            throw new InvalidSearchException("filter.skip", "must be a whole number from 0 to " + (MAX_WINDOW - 1));
        }
        int skip = (int) parsed.skip();
        int limit = Math.min(PanoscCollection.limit(parsed), MAX_WINDOW - skip);
        List<SearchRequest.ParameterRange> parameters = parameters(filterJson, "filter");
        SearchRequest request = new SearchRequest(parsed.query(), Map.of(), parameters, SearchRequest.Sort.RELEVANCE,
                skip, limit, Optional.empty(), false);
        PanoscFilter attached = attachOnly(parsed);
        List<Optional<IndexedIncludes.Answer>> indexed = IndexedIncludes.of(attached.include(), ids);
        SearchScope scope = access.publicScope();
        Executor requestThread = requestThread();
        Function<List<DatasetRelations.Match>, Uni<List<RankedSearch.Ranked>>> hits = r -> Uni.createFrom()
                .completionStage(() -> search.ranked(request, scope, f -> f.bool()
                        .filter(DatasetWhere.of(f, parsed.where())).filter(DatasetWhere.techniques(f, parsed.include()))
                        .filter(DatasetRelations.predicate(f, r)), order(parsed), IndexedIncludes.related(indexed)));
        // as few steps as the threads need: each step of the pipeline costs its context's capture and restore
        return (DatasetRelations.readsDatabase(parsed.include())
                ? onWorker(() -> DatasetRelations.of(queries, parsed.include())).chain(r -> hits.apply(r))
                : hits.apply(List.of()))
                .emitOn(requestThread)
                .chain(found -> {
                    IndexedPage page = IndexedPage.of(found, indexed);
                    Supplier<JsonPage> answer = () -> page(answered(page, attached), parsed, parameters);
                    return page.withoutDatabase() ? Uni.createFrom().item(answer) : onWorker(answer);
                });
    }

    /** The page as answered: each row's kept properties and its score, parameter values in the query's units. */
    private static JsonPage page(List<Answered> answered, PanoscFilter filter,
                                 List<SearchRequest.ParameterRange> parameters) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Answered a : answered) {
            Map<String, Object> d = PanoscQueries.project(a.row().json(), filter.fields());
            d.put("score", filter.query().isBlank() ? PanoscCollection.UNSCORED : score(a.hit().relevance()));
            out.add(d);
        }
        QueryUnits.apply(out, parameters);
        return new JsonPage(out);
    }

    /** Blocking work (the database) on a worker, with the request's context (its session, its caller). */
    private <T> Uni<T> onWorker(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(workers);
    }

    /** The request's own thread (its Vert.x context), where the page is built once the engine has answered. */
    private static Executor requestThread() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(v -> task.run());
    }

    /** A hit and the row answered for it. */
    private record Answered(RankedSearch.Ranked hit, PanoscQueries.Row row) {}

    /**
     * The page's rows from the index (issue #12); a page with a document indexed before the list's properties were
     * mapped is read from the database instead, keyed by the stored pid as before, until the reindex reaches it.
     */
    private List<Answered> answered(IndexedPage page, PanoscFilter filter) {
        List<RankedSearch.Ranked> hits = page.hits();
        List<Answered> out = new ArrayList<>();
        if (page.complete()) {
            List<PanoscQueries.Row> rows = queries.fromIndex(page, filter);
            for (int i = 0; i < hits.size(); i++) {
                out.add(new Answered(hits.get(i), rows.get(i)));
            }
            return out;
        }
        Map<String, RankedSearch.Ranked> byPid = new HashMap<>();
        hits.forEach(h -> byPid.put(h.pid(), h));
        queries.byPids(Entities.DATASET, hits.stream().map(RankedSearch.Ranked::pid).toList(), filter)
                .forEach((pid, row) -> out.add(new Answered(byPid.get(pid), row)));
        return out;
    }

    /** {@code order} keys → index sort fields; other properties are not sortable there and are skipped, as elsewhere. */
    private static final Map<String, String> SORTABLE = Map.of("pid", "pid", "title", "title_sort",
            "creationDate", "producedAt", "size", "sizeBytes");

    /**
     * The filter's {@code order}, every key the index can sort by, in turn; then relevance with a query; then newest
     * first when no key applied; ties by pid.
     */
    static Function<SearchSortFactory, SortFinalStep> order(PanoscFilter filter) {
        return f -> f.composite(c -> {
            boolean keyed = false;
            for (PanoscFilter.Order o : filter.order()) {
                String field = SORTABLE.get(o.field());
                if (field != null) {
                    c.add(o.descending() ? f.field(field).desc() : f.field(field).asc());
                    keyed = true;
                }
            }
            if (!filter.query().isBlank()) {
                c.add(f.score());
            }
            if (!keyed) {
                c.add(f.field("producedAt").desc());
            }
            c.add(f.field("pid").asc());
        });
    }

    /** The parameter conditions of a filter (or of a count's where), read as {@code /api/search} reads them. */
    private List<SearchRequest.ParameterRange> parameters(String json, String name) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        JsonNode node = FilterParser.object(json, name);
        if (name.equals("where")) {
            node = JsonNodeFactory.instance.objectNode().set("where", node);
        }
        return PanoscParameterFilter.read(node);
    }

    /** The engine's relevance mapped into the open interval (0, 1), the same way for every answer (§4). */
    static double score(double relevance) {
        double s = relevance <= 0 ? 0 : relevance / (relevance + HALF_SCORE);
        return PanoscCollection.clampScore(s);
    }

    /**
     * Parameter includes have selected the datasets already (in the index, with unit conversion); like the reference,
     * they then attach all of each dataset's parameters (§3.5 rule 5), not only those the condition named.
     */
    private static PanoscFilter attachOnly(PanoscFilter f) {
        List<PanoscFilter.Include> include = f.include().stream().map(i -> !i.relation().equals("parameters") ? i
                : new PanoscFilter.Include(i.relation(), new PanoscFilter(Condition.EVERYTHING, List.of(), i.scope().limit(),
                i.scope().skip(), i.scope().order(), i.scope().fields(), ""), i.at())).toList();
        return new PanoscFilter(f.where(), include, f.limit(), f.skip(), f.order(), f.fields(), f.query());
    }

    /** {@code GET /Datasets/count?where={…}}: how many public datasets the conditions match (PANOSC.md §2). */
    @GET
    @Path("/{count: (?i)count}")
    public Map<String, Long> count(@QueryParam("where") String whereJson) {
        Condition where = FilterParser.where(whereJson);
        DatasetWhere.check(where, List.of());
        SearchRequest request = new SearchRequest("", Map.of(), parameters(whereJson, "where"), SearchRequest.Sort.NEWEST,
                0, 1, Optional.empty(), false);
        return Map.of("count", counts.search(request, access.publicScope(), f -> DatasetWhere.of(f, where)).total());
    }

    @GET
    @Path("/{pid}")
    @Transactional
    public Response one(@PathParam("pid") String pid, @QueryParam("filter") String filter) {
        return ofPublicDataset(pid, d -> collection.one(Entities.DATASET, d.pid, filter));
    }

    /** {@code GET /Datasets/{pid}/files}: the files of a public dataset; 404 for any other pid, as the reference. */
    @GET
    @Path("/{pid}/{files: (?i)files}")
    @Transactional
    public Response files(@PathParam("pid") String pid, @QueryParam("filter") String filter) {
        return ofPublicDataset(pid, d -> Response.ok(collection.list(Entities.FILE, filter, FILES_OF, Map.of("dataset", d.id))).build());
    }

    @GET
    @Path("/{pid}/{files: (?i)files}/{count: (?i)count}")
    @Transactional
    public Response filesCount(@PathParam("pid") String pid, @QueryParam("where") String where) {
        return ofPublicDataset(pid, d -> Response.ok(collection.count(Entities.FILE, where, FILES_OF, Map.of("dataset", d.id))).build());
    }

    /** The answer about the dataset a pid names, or the 404 of an unknown one when the public may not see it. */
    private Response ofPublicDataset(String pid, Function<Dataset, Response> answer) {
        return publicDataset(pid).map(answer).orElseGet(() -> PanoscCollection.notFound(Entities.DATASET, pid));
    }

    /** The dataset a pid or DOI names, when the policy lets the public see it; embargoed and unknown look the same. */
    private Optional<Dataset> publicDataset(String pid) {
        if (!InputText.possibleIdentifier(pid)) {
            return Optional.empty();
        }
        Dataset d = Dataset.byPidOrResolvingDoi(pid);
        return d != null && access.decideForPublic(d).visibility().showsMetadata() ? Optional.of(d) : Optional.empty();
    }
}
