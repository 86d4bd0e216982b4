package io.aperture.catalogue.panosc;

import io.aperture.catalogue.model.ParameterPath;
import io.aperture.catalogue.search.ParameterNames;
import io.aperture.catalogue.search.SearchRequest;
import io.aperture.units.Quantity;
import io.aperture.units.UnitConverter;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Attached parameters in the unit the query asked in (design/PANOSC.md §3.6, the spec's "matching parameter values are
 * returned converted into the unit the user supplied"): a parameter a unit-carrying condition names, whose unit has the
 * same dimension, comes back as {@code value} in the query's unit, at full precision (no rounding to 3 digits as the
 * SciCat adapter does). The other parameters stay as stored.
 */
final class QueryUnits {
    private static final UnitConverter UNITS = new UnitConverter();

    private QueryUnits() {
    }

    static void apply(List<Map<String, Object>> datasets, List<SearchRequest.ParameterRange> conditions) {
        for (SearchRequest.ParameterRange c : conditions) {
            if (c.unit() == null || c.text() != null) {
                continue;
            }
            Quantity zero = UNITS.quantity(0.0, c.unit());
            Quantity one = UNITS.quantity(1.0, c.unit());
            Set<String> names = ParameterNames.candidates(c.name());
            // a page repeats a handful of parameter names: each is matched against the condition once (issue #12's profile)
            Map<String, Boolean> named = new HashMap<>();
            Predicate<String> conditionNames = name -> named.computeIfAbsent(name,
                    n -> n.equalsIgnoreCase(c.name()) || !Collections.disjoint(ParameterPath.suffixes(n), names));
            for (Map<String, Object> d : datasets) {
                if (d.get("parameters") instanceof List<?> params) {
                    params.forEach(p -> convert(castMap(p), conditionNames, c.unit(), zero, one));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Collections.emptyMap();
    }

    private static void convert(Map<String, Object> p, Predicate<String> conditionNames, String unit, Quantity zero, Quantity one) {
        if (!(p.get("name") instanceof String name) || !(p.get("value") instanceof Number value) || !(p.get("unit") instanceof String stored)
                || stored.equals(unit)) {
            return;
        }
        if (!conditionNames.test(name)) {
            return;
        }
        Quantity si = UNITS.asRecorded(value.doubleValue(), stored);
        if (si.siValue() == null || !one.siUnit().equals(si.siUnit())) {
            return;
        }
        // every unit is affine in SI (celsius and fahrenheit have an offset): invert si = zero + value * (one - zero)
        double inQueryUnit = (si.siValue() - zero.siValue()) / (one.siValue() - zero.siValue());
        p.put("value", inQueryUnit);
        p.put("unit", unit);
    }
}
