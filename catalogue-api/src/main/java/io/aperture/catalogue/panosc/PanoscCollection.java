package io.aperture.catalogue.panosc;

import io.aperture.catalogue.api.ApiError;
import io.aperture.catalogue.input.InputText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The three calls every PaNOSC collection answers from the database (design/PANOSC.md §2): a page of objects, a count
 * under the same condition, and one object by pid; the resources only name their model.
 */
@ApplicationScoped
class PanoscCollection {
    /** Page size when {@code limit} is absent or 0; larger limits are clamped to the maximum, never refused (§3.8). */
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    /**
     * The score of every item when there is no query: inside (0, 1) so the aggregator keeps it (§5), the same for all
     * so it says nothing.
     */
    static final double UNSCORED = 0.5;

    private final PanoscQueries queries;

    PanoscCollection(PanoscQueries queries) {
        this.queries = queries;
    }

    List<Map<String, Object>> list(EntityModel model, String filterJson, String extra, Map<String, Object> extraParams) {
        // a query ranks and never selects (design/PANOSC.md: hard filters select), as on /Datasets
        PanoscFilter filter = FilterParser.filter(filterJson);
        List<Map<String, Object>> out = new ArrayList<>();
        for (PanoscQueries.Row row : queries.list(model, filter, extra, extraParams, skip(filter), limit(filter))) {
            Map<String, Object> json = PanoscQueries.project(row.json(), filter.fields());
            // with a query the rank (PanoscQueries.relevance), kept inside the open interval the aggregator accepts
            json.put("score", json.get("score") instanceof Double rank ? clampScore(rank) : UNSCORED);
            out.add(json);
        }
        return out;
    }

    Map<String, Long> count(EntityModel model, String whereJson, String extra, Map<String, Object> extraParams) {
        PanoscFilter filter = new PanoscFilter(FilterParser.where(whereJson), List.of(), Optional.empty(), 0, List.of(),
                PanoscFilter.Projection.ALL, "");
        return Map.of("count", queries.count(model, filter, extra, extraParams));
    }

    /** One object by pid; unknown and not public alike are a 404, never a hint that the pid exists. */
    Response one(EntityModel model, String pid, String filterJson) {
        PanoscFilter filter = FilterParser.filter(filterJson);
        Optional<Long> id = InputText.possibleIdentifier(pid) ? queries.idOf(model, Entities.lookup(model), pid) : Optional.empty();
        if (id.isEmpty()) {
            return notFound(model, pid);
        }
        // only include and fields apply to one object; its where is ignored, as in the reference (§2)
        PanoscQueries.Row row = queries.byIds(model, List.of(id.get()), filter).getFirst();
        return Response.ok(PanoscQueries.project(row.json(), filter.fields())).build();
    }

    static Response notFound(EntityModel model, String pid) {
        String shown = InputText.possibleIdentifier(pid) ? pid : "(not an identifier)";
        return ApiError.of(404, "Unknown \"" + model.name() + "\" id \"" + shown + "\".").withCode("MODEL_NOT_FOUND").response();
    }

    /** A score kept inside the open interval (0, 1): the aggregator drops 0, 1 and anything beyond (§4.5, §5). */
    static double clampScore(double s) {
        return Math.max(0.001, Math.min(0.999, s));
    }

    static int skip(PanoscFilter filter) {
        return (int) Math.min(filter.skip(), Integer.MAX_VALUE);
    }

    static int limit(PanoscFilter filter) {
        return (int) Math.min(filter.limit().orElse((long) DEFAULT_LIMIT), MAX_LIMIT);
    }
}
