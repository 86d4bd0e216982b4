package io.aperture.catalogue.search;

import io.aperture.catalogue.model.Technique;
import io.aperture.policy.embargo.EmbargoStatus;
import org.hibernate.search.engine.search.aggregation.AggregationKey;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The facets: their public names (the vocabulary of the API and the portal), the index fields behind them, how a
 * filter value is read, and the counts of a result.
 */
public final class Facets {
    /** Facet name → index field. */
    public static final Map<String, String> FIELDS;

    static {
        Map<String, String> fields = new LinkedHashMap<>();
        // counted over each technique's PaNET lineage, so a broader term counts every dataset below it (issue #13)
        fields.put("technique", "techniques." + Technique.LINEAGE);
        fields.put("instrument", "instrument.name");
        fields.put("year", "year");
        fields.put("access", "accessState");
        fields.put("licence", "license");
        fields.put("sample", "sample.name_keyword");
        fields.put("kind", "kind");
        fields.put("definition", "definition");
        FIELDS = Collections.unmodifiableMap(fields);
    }

    /**
     * Facets only a caller who may review metadata quality gets ({@link SearchScope#qualityFindings()}): the rules of
     * a dataset's conformance findings. Nobody else sees them counted, and filtering by them is refused.
     */
    public static final Map<String, String> STAFF_FIELDS = Map.of("finding", "findings.rule");

    /** Values counted per facet. */
    static final int SIZE = 20;
    /**
     * Values counted for the technique facet: its values are the recorded techniques and every PaNET term above them
     * (a handful of techniques make dozens of terms), and the portal shows them as a tree that needs the parents.
     */
    static final int TECHNIQUE_SIZE = 100;

    private Facets() {
    }

    /** How many values of {@code facet} are counted. */
    static int size(String facet) {
        return facet.equals("technique") ? TECHNIQUE_SIZE : SIZE;
    }

    /** The Java type the index field of {@code facet} holds. */
    static Class<?> type(String facet) {
        return switch (facet) {
            case "year" -> Integer.class;
            case "access" -> EmbargoStatus.class;
            default -> String.class;
        };
    }

    /** A filter value as the index field of {@code facet} holds it; a value it cannot hold is a bad parameter. */
    static Object value(String facet, String v) {
        return switch (facet) {
            case "year" -> {
                try {
                    yield Integer.valueOf(v);
                } catch (NumberFormatException e) {
                    throw new InvalidSearchException("year", "must be a whole number");
                }
            }
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

    /** The index field of {@code facet} for a caller with {@code scope}, or null when there is none for it. */
    static String field(String facet, SearchScope scope) {
        String field = FIELDS.get(facet);
        return field != null || !scope.qualityFindings() ? field : STAFF_FIELDS.get(facet);
    }

    /** A filter on a staff facet from a caller without it is refused, naming the parameter. */
    static void requireAllowed(Map<String, List<String>> filters, SearchScope scope) {
        if (scope.qualityFindings()) {
            return;
        }
        STAFF_FIELDS.keySet().stream().filter(filters::containsKey).findFirst().ifPresent(facet -> {
            throw new InvalidSearchException(facet, "is a facility staff facet");
        });
    }

    /** One aggregation key per facet the caller may count, when facets are wanted. */
    static Map<String, AggregationKey<Map<Object, Long>>> keys(boolean wanted, SearchScope scope) {
        Map<String, AggregationKey<Map<Object, Long>>> keys = new LinkedHashMap<>();
        if (wanted) {
            FIELDS.keySet().forEach(name -> keys.put(name, AggregationKey.of(name)));
            if (scope.qualityFindings()) {
                STAFF_FIELDS.keySet().forEach(name -> keys.put(name, AggregationKey.of(name)));
            }
        }
        return keys;
    }

    /** The counts of a result, facet by facet, in the engine's order. */
    static Map<String, List<SearchResult.FacetValue>> counts(Map<String, Map<Object, Long>> byFacet) {
        Map<String, List<SearchResult.FacetValue>> facets = new LinkedHashMap<>();
        byFacet.forEach((name, counts) -> {
            List<SearchResult.FacetValue> values = new ArrayList<>();
            counts.forEach((v, c) -> values.add(new SearchResult.FacetValue(String.valueOf(v), c)));
            facets.put(name, values);
        });
        return facets;
    }
}
