package io.aperture.units;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer: any value with any unit text is converted or refused with {@link UnitOutOfRangeException}, never anything
 * else (the {@code m^99999} StackOverflowError, an overflow to infinity). A normal {@code mvn test} replays the inputs in
 * {@code src/test/resources/io/aperture/units/UnitFuzzTestInputs/convertedOrRefused/}; {@code JAZZER_FUZZ=1} fuzzes.
 * See docs/fuzzing.md.
 */
class UnitFuzzTest {
    private static final UnitConverter UNITS = new UnitConverter();

    @FuzzTest(maxDuration = "60s")
    void convertedOrRefused(FuzzedDataProvider data) {
        double value = data.consumeDouble();
        String unit = data.consumeRemainingAsString();
        try {
            Quantity q = UNITS.quantity(value, unit);
            if (q.siValue() != null) {
                assertThat(q.siValue()).as("SI value of %s %s", value, unit).isFinite();
                assertThat(q.unitKnown()).isTrue();
                assertThat(q.siUnit()).isNotBlank();
            }
        } catch (UnitOutOfRangeException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
        // what a file recorded is never refused, only kept without an SI value
        Quantity recorded = UNITS.asRecorded(value, unit);
        assertThat(recorded.unit()).isEqualTo(unit);
    }
}
