package io.aperture.units;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class UnitConverterTest {

    private final UnitConverter units = new UnitConverter();

    @ParameterizedTest(name = "{1} {0} = {2} {3}")
    @CsvSource({
            "Angstrom, 1.5, 1.5e-10, m", "angstrom, 1, 1e-10, m", "A, 2, 2e-10, m", "Angstroem, 6, 6e-10, m",
            "Angstroms, 1, 1e-10, m", "nm, 1, 1e-9, m", "mm, 540.8, 0.5408, m", "um, 3, 3e-6, m", "micron, 3, 3e-6, m",
            "\u00b5m, 3, 3e-6, m", "\u03bcm, 3, 3e-6, m", "m, 1, 1, m",
            "keV, 12.4, 1.98671e-15, J", "eV, 1, 1.602176634e-19, J", "meV, 1, 1.602176634e-22, J",
            "deg, 180, 3.141592653589793, rad", "degrees, 90, 1.5707963267948966, rad", "degree, 90, 1.5707963267948966, rad",
            "RAD, 1, 1, rad", "mrad, 1, 0.001, rad",
            "K, 300, 300, K", "kelvin, 300, 300, K", "celsius, 0, 273.15, K", "C, 25, 298.15, K",
            "fahrenheit, 32, 273.15, K", "degF, 212, 373.15, K", "\u00b0F, -40, 233.15, K", "psi, 1, 6894.757293168, Pa",
            "torr, 760, 101325, Pa", "atm, 1, 101325, Pa", "J, 2, 2, J", "pm, 100, 1e-10, m", "gauss, 1, 1e-4, T",
            "s, 1, 1, s", "ms, 5, 0.005, s", "us, 5, 5e-6, s", "microseconds, 5, 5e-6, s", "seconds, 2, 2, s", "minutes, 1, 60, s",
            "mbar, 1, 100, Pa", "bar, 1, 100000, Pa", "bars, 2, 200000, Pa", "Pa, 5, 5, Pa",
            "mA, 300, 0.3, A", "Hz, 50, 50, Hz", "rpm, 60, 1, Hz", "mT, 1, 0.001, T",
            "counts, 7, 7, 1", "Counts, 7, 7, 1",
            "1/A, 1, 1e10, 1/m", "1/angstrom, 2, 2e10, 1/m", "1/cm, 1, 100, 1/m", "1/nm, 1, 1e9, 1/m", "1/m, 1, 1, 1/m"})
    void convertsNexusSpellingsToSi(String unit, double value, double si, String siUnit) {
        Quantity q = units.quantity(value, unit);
        assertThat(q.unitKnown()).as(unit).isTrue();
        assertThat(q.unit()).isEqualTo(unit);
        assertThat(q.value()).isEqualTo(value);
        assertThat(q.siValue()).isCloseTo(si, within(Math.abs(si) * 1e-5 + 1e-30));
        assertThat(q.siUnit()).isEqualTo(siUnit);
    }

    @ParameterizedTest
    @CsvSource({"pixels", "pixel", "NX_LENGTH", "NX_ANGLE", "steps", "a.u.", "countsOrseconds", "'  '", "frame"})
    void unknownUnitsStayAsWritten(String unit) {
        Quantity q = units.quantity(3.0, unit);
        assertThat(q.unitKnown()).isFalse();
        assertThat(q.unit()).isEqualTo(unit);
        assertThat(q.value()).isEqualTo(3.0);
        assertThat(q.siValue()).isNull();
    }

    @Test
    void nonFiniteValuesBecomeText() {
        Quantity q = units.quantity(Double.NaN, "mm");
        assertThat(q.value()).isNull();
        assertThat(q.text()).isEqualTo("NaN");
    }

    @ParameterizedTest
    @CsvSource({"m^99999", "m^-99999", "km^13", "cm^-13", "m^99999999999999999999", "1/s^100"})
    void absurdExponentsAreRefusedWithoutExhaustingTheStack(String unit) {
        assertThatThrownBy(() -> units.quantity(1.0, unit))
                .isInstanceOf(UnitOutOfRangeException.class)
                .hasMessageContaining("exponent")
                .satisfies(e -> assertThat(((UnitOutOfRangeException) e).unit()).isEqualTo(unit));
    }

    @Test
    void exponentsUpToTheLimitStillConvert() {
        assertThat(units.quantity(1.0, "cm^-12").siValue()).isCloseTo(1e24, within(1e12));
        assertThat(units.quantity(2.0, "mm^3").siValue()).isCloseTo(2e-9, within(1e-20));
        assertThat(units.quantity(2.0, "m^012").siUnit()).isEqualTo("m^12");
    }

    @ParameterizedTest
    @CsvSource({"1e308, km", "-1e308, km", "1e300, km^12", "1.7e308, mbar^2"})
    void valuesWhoseSiEquivalentOverflowsAreRefused(double value, String unit) {
        assertThatThrownBy(() -> units.quantity(value, unit))
                .isInstanceOf(UnitOutOfRangeException.class)
                .hasMessageContaining("beyond the range");
    }

    @Test
    void aFilesAbsurdUnitOrValueIsKeptAsWrittenWithoutSi() {
        Quantity exponent = units.asRecorded(1.0, "m^99999");
        assertThat(exponent.value()).isEqualTo(1.0);
        assertThat(exponent.unit()).isEqualTo("m^99999");
        assertThat(exponent.unitKnown()).isFalse();
        assertThat(exponent.siValue()).isNull();
        Quantity overflow = units.asRecorded(1e308, "km");
        assertThat(overflow.value()).isEqualTo(1e308);
        assertThat(overflow.siValue()).isNull();
        assertThat(units.asRecorded(2.0, "mm").siValue()).as("ordinary values convert as always").isCloseTo(0.002, within(1e-15));
    }

    @Test
    void theLargestValuesThatFitStillConvert() {
        assertThat(units.quantity(1e305, "km").siValue()).isEqualTo(1e308);
        assertThat(units.quantity(1e308, "m").siValue()).isEqualTo(1e308);
    }

    @Test
    void longSpellingsAreUnknownNotParsed() {
        String longProduct = "m.".repeat(40) + "m";
        Quantity q = units.quantity(1.0, longProduct);
        assertThat(q.unitKnown()).isFalse();
        assertThat(q.unit()).isEqualTo(longProduct);
    }

    @Test
    void spellingsInventedByRequestsDoNotGrowTheCacheWithoutBound() {
        UnitConverter fresh = new UnitConverter();
        for (int i = 0; i < UnitConverter.MAX_CACHED * 3; i++) {
            assertThat(fresh.quantity(1.0, "unit" + i).unitKnown()).isFalse();
        }
        assertThat(fresh.quantity(1.0, "keV").unitKnown()).isTrue();
        assertThat(fresh.cachedSpellings()).isLessThanOrEqualTo(UnitConverter.MAX_CACHED);
    }
}
