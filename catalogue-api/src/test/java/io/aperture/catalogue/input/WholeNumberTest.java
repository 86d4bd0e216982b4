package io.aperture.catalogue.input;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WholeNumberTest {

    @ParameterizedTest
    @CsvSource({"1, 1", "50, 50", "' 7 ', 7", "+3, 3", "0050, 50"})
    void aWholeNumberInRangeIsRead(String text, long expected) {
        assertThat(WholeNumber.of("limit", text, 1, 50)).contains(expected);
        assertThat(WholeNumber.of("limit", text, 1, 50, 20)).isEqualTo((int) expected);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void anAbsentOrBlankParameterTakesTheDefault(String text) {
        assertThat(WholeNumber.of("limit", text, 1, 50)).isEmpty();
        assertThat(WholeNumber.of("limit", text, 1, 50, 20)).isEqualTo(20);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "51", "-1", "abc", "1.5", "1e3", "0x10", "99999999999999999999", "-9223372036854775809",
            "5\u0000"})
    void anythingElseIsABadRequestNamingTheParameterAndTheRange(String text) {
        assertThatThrownBy(() -> WholeNumber.of("limit", text, 1, 50, 20))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("limit")
                .hasMessageContaining("must be a whole number from 1 to 50");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2147483648", "4294967297", "9223372036854775807"})
    void theIntFormRefusesWhatTheRangeRefusesBeforeNarrowing(String text) {
        // 4294967297 would narrow to 1, inside the range: it must be refused as the number it is
        assertThatThrownBy(() -> WholeNumber.of("page", text, 1, Integer.MAX_VALUE, 1)).isInstanceOf(InvalidInputException.class);
    }
}
