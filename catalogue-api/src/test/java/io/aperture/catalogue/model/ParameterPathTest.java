package io.aperture.catalogue.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ParameterPathTest {

    @Test
    void everyTrailingRunOfANexusPathIsIndexed() {
        assertThat(ParameterPath.suffixes("/entry/sample/temperature/value")).containsExactly(
                "value", "temperature/value", "sample/temperature/value", "entry/sample/temperature/value",
                "temperature", "sample/temperature", "entry/sample/temperature");
        assertThat(ParameterPath.suffixes("///")).isEmpty();
        assertThat(ParameterPath.suffixes(" ")).isEmpty();
    }

    /** A hostile name of thousands of segments indexes a bounded amount of text, and still matches typed in full. */
    @Test
    void aVeryDeepNameIndexesBoundedText() {
        String deep = "a/".repeat(2_000) + "b";
        List<String> suffixes = ParameterPath.suffixes(deep);
        assertThat(suffixes).hasSize(ParameterPath.MAX_SUFFIX_SEGMENTS + 1).contains("b", String.join("/", ParameterPath.segments(deep)));
        assertThat(suffixes.stream().mapToInt(String::length).sum())
                .as("characters indexed").isLessThan(ParameterPath.MAX_SUFFIX_SEGMENTS * ParameterPath.MAX_SUFFIX_SEGMENTS * 2 + deep.length() + 1);
    }
}
