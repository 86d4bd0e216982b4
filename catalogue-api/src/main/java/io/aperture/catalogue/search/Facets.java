package io.aperture.catalogue.search;

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
        fields.put("technique", "techniques.label_keyword");
        fields.put("instrument", "instrument.name");
        fields.put("year", "year");
        fields.put("access", "accessState");
        fields.put("licence", "license");
        fields.put("sample", "sample.name_keyword");
        fields.put("kind", "kind");
        fields.put("definition", "definition");
        FIELDS = Collections.unmodifiableMap(fields);
    }

    /** Values counted per facet. */
    static final int SIZE = 20;

    private Facets() {
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

    /** One aggregation key per facet, when facets are wanted. */
    static Map<String, AggregationKey<Map<Object, Long>>> keys(boolean wanted) {
        Map<String, AggregationKey<Map<Object, Long>>> keys = new LinkedHashMap<>();
        if (wanted) {
            FIELDS.keySet().forEach(name -> keys.put(name, AggregationKey.of(name)));
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
