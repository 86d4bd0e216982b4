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
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Attached parameters in the unit the query asked in (design/PANOSC.md §3.6, the spec's "matching parameter values are
 * returned converted into the unit the user supplied"): a parameter a unit-carrying condition names, whose unit has the
 * same dimension, comes back as {@code value} in the query's unit, in double arithmetic (no rounding to 3 digits as the
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
            Optional<Affine> inQueryUnit = Affine.of(c.unit());
            if (inQueryUnit.isEmpty()) {
                continue; // a unit without SI converts nothing
            }
            Affine query = inQueryUnit.get();
            Set<String> names = ParameterNames.candidates(c.name());
            // a page repeats a handful of parameter names: each is matched against the condition once (issue #12's profile)
            Map<String, Boolean> named = new HashMap<>();
            Predicate<String> conditionNames = name -> named.computeIfAbsent(name,
                    n -> n.equalsIgnoreCase(c.name()) || !Collections.disjoint(ParameterPath.suffixes(n), names));
            // and a handful of stored units: each is resolved once, then every value converts in double arithmetic,
            // where the unit library's exact rational arithmetic cost more per value than the rest of the row
            Map<String, Optional<Affine>> stored = new HashMap<>();
            for (Map<String, Object> d : datasets) {
                if (d.get("parameters") instanceof List<?> params) {
                    params.forEach(p -> convert(castMap(p), conditionNames, c.unit(), query, stored));
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object o) {
        return o instanceof Map<?, ?> m ? (Map<String, Object>) m : Collections.emptyMap();
    }

    private static void convert(Map<String, Object> p, Predicate<String> conditionNames, String unit, Affine query,
                                Map<String, Optional<Affine>> storedUnits) {
        if (!(p.get("name") instanceof String name) || !(p.get("value") instanceof Number value) || !(p.get("unit") instanceof String stored)
                || stored.equals(unit)) {
            return;
        }
        if (!conditionNames.test(name)) {
            return;
        }
        Affine from = storedUnits.computeIfAbsent(stored, Affine::of).orElse(null);
        if (from == null || !query.siUnit().equals(from.siUnit())) {
            return;
        }
        double inQueryUnit = query.fromSi(from.toSi(value.doubleValue()));
        if (Double.isFinite(inQueryUnit)) {
            p.put("value", inQueryUnit);
            p.put("unit", unit);
        }
    }

    /**
     * A unit as SI sees it: every unit is affine in SI (celsius and fahrenheit have an offset), si = zero + value * step.
     * Empty for a unit without an SI equivalent (a spelling the unit library refuses is one), kept as such for the page.
     * With an offset, the step is a difference of two rounded values: about 13 significant digits, not the last bit.
     */
    private record Affine(double zero, double step, String siUnit) {
        static Optional<Affine> of(String unit) {
            Quantity zero = UNITS.asRecorded(0.0, unit);
            Quantity one = UNITS.asRecorded(1.0, unit);
            if (zero.siValue() == null || one.siValue() == null || one.siUnit() == null) {
                return Optional.empty();
            }
            return Optional.of(new Affine(zero.siValue(), one.siValue() - zero.siValue(), one.siUnit()));
        }

        double toSi(double value) {
            return zero + value * step;
        }

        double fromSi(double si) {
            return (si - zero) / step;
        }
    }
}
