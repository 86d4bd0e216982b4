package io.aperture.catalogue.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import io.aperture.policy.embargo.EmbargoStatus;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.model.Technique;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.search.backend.elasticsearch.ElasticsearchExtension;
import org.hibernate.search.engine.search.aggregation.AggregationKey;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.query.SearchResult;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.SearchException;
import org.hibernate.search.util.common.SearchTimeoutException;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.*;

/**
 * The one search service behind the portal, {@code GET /api/search} and the PaNOSC API. The caller's
 * {@link SearchScope} becomes a filter inside the search engine query, so hits and facet counts only ever count
 * what the caller may see.
 */
@ApplicationScoped
public class DatasetSearch {
    /** Facet name → index field. The names are the public vocabulary of the API and the portal. */
    public static final Map<String, String> FACETS = new LinkedHashMap<>();

    static {
        FACETS.put("technique", "techniques.label_keyword");
        FACETS.put("instrument", "instrument.name");
        FACETS.put("year", "year");
        FACETS.put("access", "accessState");
        FACETS.put("licence", "license");
        FACETS.put("sample", "sample.name_keyword");
        FACETS.put("kind", "kind");
        FACETS.put("definition", "definition");
    }

    private static final int FACET_SIZE = 20;
    private static final Pattern ENGINE_STATUS = Pattern.compile("(?m)^Response: (\\d{3}) '"); // at a line start: a query text cannot fake it (JSON escapes newlines)

    private static final Logger LOG = Logger.getLogger(DatasetSearch.class);

    private final SearchSession session;
    private final ObjectMapper mapper;
    private final long timeoutMillis;

    DatasetSearch(SearchSession session, ObjectMapper mapper,
                  @ConfigProperty(name = "aperture.search.timeout", defaultValue = "PT10S") Duration timeout) {
        this.session = session;
        this.mapper = mapper;
        this.timeoutMillis = timeout.toMillis();
    }

    // No transaction: hits are projections read from the index, the database is not touched.
    public io.aperture.catalogue.search.SearchResult search(SearchRequest request, SearchScope scope) {
        Map<String, AggregationKey<Map<Object, Long>>> keys = new LinkedHashMap<>();
        if (request.facets()) {
            FACETS.keySet().forEach(name -> keys.put(name, AggregationKey.of(name)));
        }
        Optional<JsonArray> after = request.after().map(c -> decodeCursor(c, request.sort()));

        var query = session.search(Dataset.class)
                .extension(ElasticsearchExtension.get())
                // Every hit is read from the index itself: a page costs no database query whatever its size (no entity per hit).
                .select(f -> f.composite().from(
                        f.field("pid", String.class), f.field("title", String.class), f.field("kind", String.class),
                        f.field("instrument.name", String.class), f.field("techniques.label", String.class).list(),
                        f.field("sample.name", String.class), f.field("producedAt", java.time.Instant.class),
                        f.field("accessState", EmbargoStatus.class), f.field("embargoEnd", java.time.Instant.class),
                        f.field("license", String.class), f.field("doi", String.class),
                        f.jsonHit(), f.highlight("title")).asList())
                .where(f -> predicate(f, request, scope))
                .sort(f -> switch (request.sort()) {
                    case NEWEST -> f.field("producedAt").desc().then().field("pid").asc();
                    case OLDEST -> f.field("producedAt").asc().then().field("pid").asc();
                    case TITLE -> f.field("title_sort").asc().then().field("pid").asc();
                    case RELEVANCE -> f.score().then().field("producedAt").desc().then().field("pid").asc();
                })
                .highlighter(f -> f.plain().encoder(org.hibernate.search.engine.search.highlighter.dsl.HighlighterEncoder.HTML).numberOfFragments(2).fragmentSize(120).tag("<mark>", "</mark>"));
        for (var e : keys.entrySet()) {
            String field = FACETS.get(e.getKey());
            Class<?> type = switch (e.getKey()) {
                case "year" -> Integer.class;
                case "access" -> EmbargoStatus.class;
                default -> String.class;
            };
            query = query.aggregation(e.getValue(), f -> f.terms().field(field, (Class<Object>) type).maxTermCount(FACET_SIZE));
        }
        if (after.isPresent()) {
            JsonArray cursor = after.get();
            query = query.requestTransformer(ctx -> ctx.body().add("search_after", cursor));
        }
        SearchResult<List<?>> result;
        try {
            // failAfter bounds the wait on the client side too, so a hung engine costs a caller seconds, not minutes
            result = query.failAfter(timeoutMillis, TimeUnit.MILLISECONDS)
                    .fetch(after.isPresent() ? 0 : request.offset(), request.size());
        } catch (SearchException e) {
            // The engine's message quotes the request, access filter included: it goes to the log only.
            LOG.warnf("search engine failed a search: %s", abbreviate(e.getMessage()));
            if (engineUnavailable(e)) {
                throw new SearchUnavailableException(e);
            }
            throw e; // the engine refused the query itself: a defect here, not an outage to retry
        }

        List<io.aperture.catalogue.search.SearchResult.Hit> hits = new ArrayList<>();
        JsonArray lastSort = null;
        for (List<?> row : result.hits()) {
            JsonObject hit = (JsonObject) row.get(11);
            @SuppressWarnings("unchecked") List<String> highlights = (List<String>) row.get(12);
            @SuppressWarnings("unchecked") List<String> techniques = (List<String>) row.get(4);
            EmbargoStatus state = (EmbargoStatus) row.get(7);
            lastSort = hit.has("sort") ? hit.getAsJsonArray("sort") : null;
            double score = hit.has("_score") && !hit.get("_score").isJsonNull() ? hit.get("_score").getAsDouble() : 0;
            hits.add(new io.aperture.catalogue.search.SearchResult.Hit((String) row.get(0), (String) row.get(1),
                    highlights.isEmpty() ? null : highlights, (String) row.get(2), (String) row.get(3), techniques,
                    (String) row.get(5), (java.time.Instant) row.get(6), state.name(),
                    state.underEmbargo() ? (java.time.Instant) row.get(8) : null,
                    (String) row.get(9), (String) row.get(10), score));
        }
        Map<String, List<io.aperture.catalogue.search.SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        keys.forEach((name, key) -> {
            List<io.aperture.catalogue.search.SearchResult.FacetValue> values = new ArrayList<>();
            result.aggregation(key).forEach((v, c) -> values.add(new io.aperture.catalogue.search.SearchResult.FacetValue(String.valueOf(v), c)));
            facets.put(name, values);
        });
        long total = result.total().hitCount();
        String next = hits.size() == request.size() && lastSort != null ? encodeCursor(lastSort) : null;
        return new io.aperture.catalogue.search.SearchResult(total, hits, facets, next);
    }

    /** Timed out, unreachable, or answered 429 (overloaded, circuit breaker) or 5xx: worth a retry later. */
    static boolean engineUnavailable(SearchException e) {
        if (e instanceof SearchTimeoutException) {
            return true;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException || t instanceof SearchTimeoutException) {
                return true;
            }
            // Hibernate Search reports the engine's answer as "Response: <status> '<reason>' from ..."
            Matcher m = t.getMessage() == null ? null : ENGINE_STATUS.matcher(t.getMessage());
            if (m != null && m.find()) {
                int status = Integer.parseInt(m.group(1));
                return status == 429 || status >= 500;
            }
        }
        return false;
    }

    private static String abbreviate(String message) {
        return message == null || message.length() <= 500 ? message : message.substring(0, 500) + "…";
    }

    private static PredicateFinalStep predicate(
            SearchPredicateFactory f, SearchRequest request, SearchScope scope) {
        BooleanPredicateClausesStep<?, ?> bool = f.bool();
        bool.must(f.matchAll());
        for (String pattern : request.titlePatterns()) {
            // title_sort is the title as one lower-cased, accent-folded keyword: a pattern matches the whole title
            bool.filter(f.wildcard().field("title_sort").matching(pattern.toLowerCase(Locale.ROOT)));
        }
        if (request.text() != null && !request.text().isBlank()) {
            bool.must(f.simpleQueryString()
                    .field("title").boost(3.0f)
                    .field("sample.name")
                    .field("techniques.label")
                    .matching(request.text())
                    .defaultOperator(org.hibernate.search.engine.search.common.BooleanOperator.AND));
        }
        request.filters().forEach((facet, values) -> {
            String field = FACETS.get(facet);
            if (field == null || values.isEmpty()) {
                return;
            }
            BooleanPredicateClausesStep<?, ?> anyOf = f.bool();
            for (String v : values) {
                anyOf.should(f.match().field(field).matching(facetValue(facet, v)));
            }
            bool.filter(anyOf);
        });
        for (SearchRequest.ParameterRange range : request.parameters()) {
            SiRange si = toSi(range);
            // nested: the name, the unit's dimension and the value range must hold for one and the same parameter
            bool.filter(f.nested("parameters").add(p -> {
                // a full path, a short name ("wavelength") or trailing segments ("sample temperature"): ParameterNames
                // (the exact stored name too, so full paths match documents indexed before nameSuffix existed)
                var clauses = p.bool().must(p.bool()
                        .should(p.terms().field("parameters.nameSuffix").matchingAny(ParameterNames.candidates(range.name())))
                        .should(p.match().field("parameters.name").matching(range.name())));
                if (si.unit() != null) {
                    clauses.must(p.match().field("parameters.siUnit").matching(si.unit()));
                }
                if (si.min() != null || si.max() != null) {
                    clauses.must(p.range().field(si.unit() != null ? "parameters.siValue" : "parameters.numericValue")
                            .between(si.min(), inclusion(si.minExclusive()), si.max(), inclusion(si.maxExclusive())));
                }
                if (range.text() != null) {
                    clauses.must(p.match().field("parameters.textValue").matching(range.text()));
                }
                return clauses;
            }));
        }
        bool.filter(scopeFilter(f, scope));
        return bool;
    }

    private static final io.aperture.units.UnitConverter UNITS = new io.aperture.units.UnitConverter();

    private record SiRange(Double min, Double max, String unit, boolean minExclusive, boolean maxExclusive) {}

    private static org.hibernate.search.util.common.data.RangeBoundInclusion inclusion(boolean exclusive) {
        return exclusive ? org.hibernate.search.util.common.data.RangeBoundInclusion.EXCLUDED
                : org.hibernate.search.util.common.data.RangeBoundInclusion.INCLUDED;
    }

    /**
     * Bounds given with a unit are converted to SI and compared with each parameter's SI value (so 0.9–1.1 Angstrom
     * finds 9.8e-11 m and 0.098 nm alike); bounds without a unit compare with the value as written.
     */
    private static SiRange toSi(SearchRequest.ParameterRange r) {
        if (r.unit() == null) {
            return new SiRange(r.min(), r.max(), null, r.minExclusive(), r.maxExclusive());
        }
        io.aperture.units.Quantity probe = UNITS.quantity(1.0, r.unit());
        if (!probe.unitKnown() || probe.siUnit() == null) {
            throw new InvalidSearchException("param", "unknown unit '" + r.unit() + "'");
        }
        Double min = r.min() == null ? null : UNITS.quantity(r.min(), r.unit()).siValue();
        Double max = r.max() == null ? null : UNITS.quantity(r.max(), r.unit()).siValue();
        // a conversion that decreases (a negative factor) turns the lower bound into the upper one
        if (probe.siValue() < UNITS.quantity(0.0, r.unit()).siValue()) {
            return new SiRange(max, min, probe.siUnit(), r.maxExclusive(), r.minExclusive());
        }
        return new SiRange(min, max, probe.siUnit(), r.minExclusive(), r.maxExclusive());
    }

    private static Object facetValue(String facet, String v) {
        return switch (facet) {
            case "year" -> Integer.valueOf(v);
            case "access" -> {
                try {
                    yield EmbargoStatus.valueOf(v);
                } catch (IllegalArgumentException e) {
                    throw new InvalidSearchException("access", "must be one of EMBARGOED, RELEASED, WITHDRAWN");
                }
            }
            default -> v;
        };
    }

    /** Released data for everyone; embargoed data only of the proposals the policy names; everything for staff. */
    static PredicateFinalStep scopeFilter(SearchPredicateFactory f, SearchScope scope) {
        if (scope.everything()) {
            return f.matchAll();
        }
        BooleanPredicateClausesStep<?, ?> visible = f.bool()
                .should(f.match().field("accessState").matching(scope.openStatus().orElseThrow()));
        if (!scope.embargoedProposalPids().isEmpty()) {
            visible.should(f.bool()
                    .must(f.match().field("accessState").matching(scope.teamStatus().orElseThrow()))
                    .must(f.terms().field("proposalPid").matchingAny(scope.embargoedProposalPids())));
        }
        return visible;
    }

    private static String encodeCursor(JsonArray sort) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sort.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * A cursor is the sort values of the previous page's last hit, so its shape follows the sort: l a date (epoch
     * milliseconds), d a score, s a keyword, t a keyword the hit may lack (null). Anything else would only make the
     * engine fail the query, so it is refused here, as a bad parameter.
     */
    private static String cursorShape(SearchRequest.Sort sort) {
        return switch (sort) {
            case NEWEST, OLDEST -> "ls";
            case TITLE -> "ts";
            case RELEVANCE -> "dls";
        };
    }

    static JsonArray decodeCursor(String cursor, SearchRequest.Sort sort) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            JsonArray arr = JsonParser.parseString(json).getAsJsonArray();
            String shape = cursorShape(sort);
            if (arr.size() != shape.length()) {
                throw new IllegalArgumentException();
            }
            for (int i = 0; i < shape.length(); i++) {
                if (!fits(arr.get(i), shape.charAt(i))) {
                    throw new IllegalArgumentException();
                }
            }
            return arr;
        } catch (RuntimeException e) {
            throw new InvalidSearchException("after", "is not a cursor returned by a previous page of this sort");
        }
    }

    private static boolean fits(JsonElement e, char kind) {
        if (e.isJsonNull()) {
            return kind == 't';
        }
        if (!e.isJsonPrimitive()) {
            return false;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return switch (kind) {
            case 'l' -> p.isNumber() && isLong(p.getAsBigDecimal());
            case 'd' -> p.isNumber() && Double.isFinite(p.getAsDouble());
            default -> p.isString() && p.getAsString().length() <= 1000;
        };
    }

    private static boolean isLong(BigDecimal n) {
        try {
            n.longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }
}
