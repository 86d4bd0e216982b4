package io.aperture.catalogue.search;

import io.aperture.units.Quantity;
import io.aperture.units.UnitConverter;
import io.aperture.units.UnitOutOfRangeException;

/**
 * A parameter range's bounds as the index compares them. Bounds given with a unit are converted to SI and compared
 * with each parameter's SI value (so 0.9–1.1 Angstrom finds 9.8e-11 m and 0.098 nm alike); bounds without a unit
 * compare with the value as written ({@code unit} null).
 */
record SiRange(Double min, Double max, String unit, boolean minExclusive, boolean maxExclusive) {
    private static final UnitConverter UNITS = new UnitConverter();

    static SiRange of(SearchRequest.ParameterRange r) {
        try {
            return convert(r);
        } catch (UnitOutOfRangeException e) {
            throw new InvalidSearchException("param", e.getMessage(), InvalidSearchException.UNIT_OUT_OF_RANGE);
        }
    }

    private static SiRange convert(SearchRequest.ParameterRange r) {
        if (r.unit() == null) {
            return new SiRange(r.min(), r.max(), null, r.minExclusive(), r.maxExclusive());
        }
        Quantity probe = UNITS.quantity(1.0, r.unit());
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
}
