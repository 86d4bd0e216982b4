package io.aperture.catalogue.panosc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.api.ApiError;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.search.DatasetSearch;
import io.aperture.catalogue.search.InvalidSearchException;
import io.aperture.catalogue.search.PanoscParameterFilter;
import io.aperture.catalogue.search.SearchRequest;
import io.aperture.catalogue.search.SearchResult;
import io.aperture.policy.access.Visibility;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.*;

/**
 * PaNOSC search API, Dataset collection (design/PANOSC.md §2). The PaNOSC API is anonymous and serves public data
 * only: it always searches with the public scope, whoever calls. Paths are case-insensitive, as the federation
 * and the PaNOSC portal spell them differently.
 */
@Path("/api/{collection: (?i)datasets}")
@Produces(MediaType.APPLICATION_JSON)
public class PanoscDatasetsResource {
    private static final int DEFAULT_LIMIT = 100;
    private static final int MAX_LIMIT = 1000;
    /** skip + limit stays within the engine's result window (index.max_result_window, 10 000 by default). */
    private static final int MAX_WINDOW = 10_000;
    private static final Set<String> FILTER_KEYS = Set.of("where", "include", "limit", "skip", "order", "fields", "query");

    private final DatasetSearch search;
    private final ObjectMapper mapper;
    private final AccessControl access;

    PanoscDatasetsResource(DatasetSearch search, ObjectMapper mapper, AccessControl access) {
        this.search = search;
        this.mapper = mapper;
        this.access = access;
    }

    @GET
    public List<Map<String, Object>> list(@QueryParam("filter") String filterJson) {
        JsonNode filter = parseFilter(filterJson);
        Conditions conditions = conditions(filter, "filter.where");
        // Large limits are clamped, not refused: a 400 makes the facility silently vanish from federated results
        // (PANOSC.md §3.8). The engine serves hits up to its result window; a skip beyond it is refused.
        long skipAsked = wholeNumber(filter, "skip").orElse(0);
        if (skipAsked >= MAX_WINDOW) {
            throw new InvalidSearchException("filter.skip", "must be a whole number from 0 to " + (MAX_WINDOW - 1));
        }
        int skip = (int) skipAsked;
        long limitAsked = wholeNumber(filter, "limit").orElse(0);
        int limit = (int) Math.min(Math.min(limitAsked == 0 ? DEFAULT_LIMIT : limitAsked, MAX_LIMIT), MAX_WINDOW - skip);
        String text = filter.path("query").isTextual() ? filter.get("query").textValue() : "";
        if (!conditions.publicWanted()) {
            return List.of(); // where isPublic = false: everything served here is public
        }
        SearchRequest request = new SearchRequest(text, Map.of(), conditions.parameters(),
                text.isBlank() ? SearchRequest.Sort.NEWEST : SearchRequest.Sort.RELEVANCE, skip, limit, Optional.empty(), false,
                conditions.titles());
        SearchResult result = search.search(request, access.publicScope());
        double max = result.hits().stream().mapToDouble(SearchResult.Hit::score).max().orElse(0);
        List<Map<String, Object>> out = new ArrayList<>();
        for (SearchResult.Hit hit : result.hits()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("pid", hit.pid());
            d.put("title", hit.title());
            d.put("isPublic", true);
            d.put("creationDate", hit.producedAt() == null ? null : hit.producedAt().toString());
            // The federation drops items whose score is not strictly between 0 and 1.
            d.put("score", max > 0 ? Math.max(0.001, Math.min(0.999, hit.score() / (max * 1.001))) : 0.5);
            out.add(d);
        }
        return out;
    }

    /** {@code GET /Datasets/count?where={…}}: how many public datasets the conditions match (PANOSC.md §2). */
    @GET
    @Path("/count")
    public Map<String, Long> count(@QueryParam("where") String whereJson) {
        JsonNode where = whereJson == null || whereJson.isBlank() ? null : parseJson(whereJson, "where");
        var filter = mapper.createObjectNode();
        if (where != null) {
            filter.set("where", where);
        }
        Conditions conditions = conditions(filter, "where");
        if (!conditions.publicWanted()) {
            return Map.of("count", 0L);
        }
        SearchRequest request = new SearchRequest("", Map.of(), conditions.parameters(), SearchRequest.Sort.NEWEST, 0, 1,
                Optional.empty(), false, conditions.titles());
        return Map.of("count", search.search(request, access.publicScope()).total());
    }

    @GET
    @Path("/{pid}")
    @Transactional
    public Response one(@PathParam("pid") String pid) {
        Dataset d = Dataset.byPid(pid);
        if (d == null || !access.decideForPublic(d).visibility().showsMetadata()) {
            // Embargoed and unknown look the same: 404, never a hint that the pid exists.
            return ApiError.of(404, "Unknown \"Dataset\" id \"" + pid + "\".").withCode("MODEL_NOT_FOUND").response();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("pid", d.pid);
        out.put("title", d.title);
        out.put("isPublic", true);
        out.put("creationDate", d.producedAt.toString());
        out.put("size", d.sizeBytes);
        return Response.ok(out).build();
    }

    private JsonNode parseJson(String json, String name) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (Exception e) {
            throw new InvalidSearchException(name, "is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidSearchException(name, "must be a JSON object");
        }
        return node;
    }

    private JsonNode parseFilter(String json) {
        if (json == null || json.isBlank()) {
            return mapper.createObjectNode();
        }
        JsonNode node = parseJson(json, "filter");
        node.fieldNames().forEachRemaining(k -> {
            if (!FILTER_KEYS.contains(k)) {
                throw new InvalidSearchException("filter", "has an unknown key '" + k + "'");
            }
        });
        return node;
    }

    /** What a filter asks of the datasets, as the list and the count both apply it. */
    private record Conditions(boolean publicWanted, List<String> titles, List<SearchRequest.ParameterRange> parameters) {}

    private static Conditions conditions(JsonNode filter, String whereLabel) {
        List<String> titles = new ArrayList<>();
        boolean wanted = publicDataWanted(filter.get("where"), whereLabel, titles);
        // parameter conditions (include parameters scope.where, or where.parameters): nested, names as in /api/search
        return new Conditions(wanted, titles, PanoscParameterFilter.read(filter));
    }

    /**
     * The Dataset-level {@code where} this API understands: {@code parameters} (read by {@link PanoscParameterFilter})
     * and {@code isPublic}. Any other property is refused rather than ignored, which would answer unfiltered results
     * as if they matched (design/PANOSC.md §3.2 recommends the 400).
     */
    private static boolean publicDataWanted(JsonNode where, String at, List<String> titles) {
        if (where == null || where.isNull()) {
            return true;
        }
        if (!where.isObject()) {
            throw new InvalidSearchException(at, "must be an object");
        }
        boolean wanted = true;
        for (Iterator<Map.Entry<String, JsonNode>> it = where.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "parameters" -> {
                    // read by PanoscParameterFilter
                }
                case "isPublic" -> wanted &= truth(e.getValue());
                case "text" -> titles.add("*" + literal(text(e.getValue(), at + ".text")) + "*");
                case "title" -> titles.add(titlePattern(e.getValue(), at + ".title"));
                case "and" -> {
                    if (!e.getValue().isArray()) {
                        throw new InvalidSearchException(at + ".and", "must be an array");
                    }
                    for (int i = 0; i < e.getValue().size(); i++) {
                        wanted &= publicDataWanted(e.getValue().get(i), at + ".and[" + i + "]", titles);
                    }
                }
                default -> throw new InvalidSearchException(at + "." + e.getKey(),
                        "is not a supported condition (supported: parameters, isPublic, text, title, and)");
            }
        }
        return wanted;
    }

    /**
     * A title condition as a wildcard pattern over the whole title: a string or {@code eq} is the title itself,
     * {@code like}/{@code ilike} a substring with SQL wildcards ({@code %} any run, {@code _} one character), unanchored
     * as in the reference and the aggregator's examples (PANOSC.md §3.2). Case is ignored for all of them.
     */
    private static String titlePattern(JsonNode v, String at) {
        if (v.isTextual()) {
            return literal(v.textValue());
        }
        if (v.isObject() && v.size() == 1) {
            Map.Entry<String, JsonNode> op = v.fields().next();
            String operand = text(op.getValue(), at + "." + op.getKey());
            return switch (op.getKey()) {
                case "eq" -> literal(operand);
                case "like", "ilike" -> "*" + sqlPattern(operand) + "*";
                default -> throw new InvalidSearchException(at, "unsupported operator '" + op.getKey() + "' (eq, like, ilike)");
            };
        }
        throw new InvalidSearchException(at, "must be a string or {\"eq\"|\"like\"|\"ilike\": string}");
    }

    private static String text(JsonNode v, String at) {
        if (!v.isTextual() || v.textValue().isEmpty() || v.textValue().length() > 500) {
            throw new InvalidSearchException(at, "must be a string of 1 to 500 characters");
        }
        return v.textValue();
    }

    /** The string as itself in a wildcard pattern. */
    private static String literal(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }

    /** SQL LIKE wildcards as the engine's: % → *, _ → ?, everything else literal. */
    private static String sqlPattern(String s) {
        return literal(s).replace("%", "*").replace("_", "?");
    }

    /** LoopBack's boolean coercion: true, false, "true", "false", 1, 0, "1", "0"; also {"eq": …}. */
    private static boolean truth(JsonNode v) {
        if (v.isObject() && v.size() == 1 && v.has("eq")) {
            v = v.get("eq");
        }
        String s = v.isBoolean() || v.isNumber() || v.isTextual() ? v.asText() : "";
        return switch (s) {
            case "true", "1" -> true;
            case "false", "0" -> false;
            default -> throw new InvalidSearchException("filter.where.isPublic", "must be true or false");
        };
    }

    /**
     * A non-negative whole number, as a JSON number ({@code 100}, {@code 100.0}, {@code 1e3}) or a numeric string
     * (LoopBack takes {@code "2"}); huge values saturate, the callers clamp. Empty when absent or null.
     */
    private static OptionalLong wholeNumber(JsonNode filter, String key) {
        JsonNode v = filter.get(key);
        if (v == null || v.isNull()) {
            return OptionalLong.empty();
        }
        java.math.BigDecimal n = null;
        if (v.isNumber()) {
            n = v.decimalValue();
        } else if (v.isTextual() && v.asText().matches("\\d{1,30}")) {
            n = new java.math.BigDecimal(v.asText());
        }
        if (n == null || n.signum() < 0 || n.stripTrailingZeros().scale() > 0) {
            throw new InvalidSearchException("filter." + key, "must be a whole number of 0 or more");
        }
        return OptionalLong.of(n.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : n.longValueExact());
    }
}
