package io.aperture.catalogue.input;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputTextTest {

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0000", "x\u0001", "x\u001f", "x\ufffe", "x\uffff", "lone \ud800 high", "lone \udc00 low"})
    void charactersXmlForbidsMakeAnIdentifierImpossibleAndATextInvalid(String value) {
        assertThat(InputText.possibleIdentifier(value)).isFalse();
        assertThat(InputText.problem(value, 1000)).hasValueSatisfying(p -> assertThat(p).startsWith("contains a control character"));
        assertThat(InputText.forXml(value)).doesNotContain("\u0000").contains("\ufffd");
    }

    @Test
    void ordinaryTextIsLeftAlone() {
        String text = "Ni\u2083Al \u00c5ngstr\u00f6m, tab\tline\nreturn\r, emoji \ud83d\ude00";
        assertThat(InputText.problem(text, 1000)).isEmpty();
        assertThat(InputText.forXml(text)).isSameAs(text);
        assertThat(InputText.possibleIdentifier("DLS/cm12345-1/i03-000123")).isTrue();
    }

    @Test
    void lengthIsBounded() {
        assertThat(InputText.problem("x".repeat(11), 10)).hasValue("is longer than 10 characters");
        assertThat(InputText.possibleIdentifier("x".repeat(InputText.MAX_IDENTIFIER))).isTrue();
        assertThat(InputText.possibleIdentifier("x".repeat(InputText.MAX_IDENTIFIER + 1))).isFalse();
        assertThat(InputText.possibleIdentifier("")).isFalse();
        assertThat(InputText.possibleIdentifier(null)).isFalse();
    }

    @Test
    void theProblemNamesThePositionNotTheValue() {
        assertThat(InputText.problem("secret\u0000", 100)).hasValue("contains a control character (U+0000) at position 6");
        assertThatThrownBy(() -> InvalidInputException.requireText("actor", "a\u0000", 100))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("actor: contains a control character (U+0000) at position 1")
                .satisfies(e -> assertThat(((InvalidInputException) e).field()).isEqualTo("actor"));
        assertThat(InvalidInputException.requireText("actor", null, 100)).isNull();
    }

    @Test
    void instantsOutsideTheYears1To9999AreOutOfRange() {
        assertThat(InstantRange.contains(Instant.parse("2026-01-31T00:00:00Z"))).isTrue();
        assertThat(InstantRange.contains(InstantRange.EARLIEST)).isTrue();
        assertThat(InstantRange.contains(InstantRange.LATEST)).isTrue();
        assertThat(InstantRange.contains(Instant.parse("+999999999-12-31T00:00:00Z"))).isFalse();
        assertThat(InstantRange.contains(Instant.parse("-999999999-01-01T00:00:00Z"))).isFalse();
        assertThat(InstantRange.contains(Instant.parse("+10000-01-01T00:00:00Z"))).isFalse();
        assertThat(InstantRange.contains(null)).isFalse();
    }
}
