package io.aperture.harvester.conformance;

import io.aperture.units.UnitConverter;
import tech.units.indriya.AbstractUnit;
import tech.units.indriya.unit.Units;

import javax.measure.Dimension;
import javax.measure.Unit;
import java.util.Map;
import java.util.Optional;

/**
 * NXDL unit categories (NX_LENGTH, NX_ENERGY, ...) as physical dimensions, so a written unit can be checked against
 * the category: a unit fits when the {@code units} module understands it and its dimension is the category's.
 * Categories without a fixed dimension (NX_ANY, NX_UNITLESS, NX_COUNT, NX_TRANSFORMATION, ...) are not checked here.
 * Angles are dimensionless in JSR-385, so NX_ANGLE only catches a dimensioned unit (mm for an angle).
 */
final class UnitCategory {

    /** What a written unit is, measured against a category. */
    enum Fit { FITS, WRONG_CATEGORY, NOT_UNDERSTOOD, NOT_CHECKED }

    private static final Map<String, Unit<?>> REFERENCE = Map.ofEntries(
            Map.entry("NX_LENGTH", Units.METRE),
            Map.entry("NX_WAVELENGTH", Units.METRE),
            Map.entry("NX_EMITTANCE", Units.METRE),
            Map.entry("NX_ANGLE", AbstractUnit.ONE),
            Map.entry("NX_DIMENSIONLESS", AbstractUnit.ONE),
            Map.entry("NX_TIME", Units.SECOND),
            Map.entry("NX_TIME_OF_FLIGHT", Units.SECOND),
            Map.entry("NX_PERIOD", Units.SECOND),
            Map.entry("NX_ENERGY", Units.JOULE),
            Map.entry("NX_TEMPERATURE", Units.KELVIN),
            Map.entry("NX_VOLTAGE", Units.VOLT),
            Map.entry("NX_CURRENT", Units.AMPERE),
            Map.entry("NX_CHARGE", Units.COULOMB),
            Map.entry("NX_FREQUENCY", Units.HERTZ),
            Map.entry("NX_POWER", Units.WATT),
            Map.entry("NX_PRESSURE", Units.PASCAL),
            Map.entry("NX_MASS", Units.KILOGRAM),
            Map.entry("NX_AREA", Units.SQUARE_METRE),
            Map.entry("NX_CROSS_SECTION", Units.SQUARE_METRE),
            Map.entry("NX_VOLUME", Units.CUBIC_METRE),
            Map.entry("NX_PER_LENGTH", Units.METRE.inverse()),
            Map.entry("NX_WAVENUMBER", Units.METRE.inverse()),
            Map.entry("NX_PER_AREA", Units.SQUARE_METRE.inverse()),
            Map.entry("NX_SCATTERING_LENGTH_DENSITY", Units.SQUARE_METRE.inverse()),
            Map.entry("NX_MASS_DENSITY", Units.KILOGRAM.divide(Units.CUBIC_METRE)),
            Map.entry("NX_FLUX", Units.SECOND.multiply(Units.SQUARE_METRE).inverse()));

    private final UnitConverter converter;

    UnitCategory(UnitConverter converter) {
        this.converter = converter;
    }

    static boolean isChecked(String category) {
        return category != null && REFERENCE.containsKey(category);
    }

    Fit fit(String category, String written) {
        Unit<?> reference = category == null ? null : REFERENCE.get(category);
        Optional<Unit<?>> unit = parse(written);
        if (unit.isEmpty()) {
            return Fit.NOT_UNDERSTOOD;
        }
        if (reference == null) {
            return Fit.NOT_CHECKED;
        }
        Dimension want = reference.getDimension();
        return unit.get().getDimension().equals(want) ? Fit.FITS : Fit.WRONG_CATEGORY;
    }

    /** The unit a spelling stands for; an absurd one (m^99) counts as not understood. */
    Optional<Unit<?>> parse(String written) {
        try {
            return converter.parse(written);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
