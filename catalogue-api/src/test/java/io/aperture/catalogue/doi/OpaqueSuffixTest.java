package io.aperture.catalogue.doi;

import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpaqueSuffixTest {

    @Test
    void suffixesHaveTheFormAndACheckSymbolThatAgrees() {
        OpaqueSuffix suffixes = new OpaqueSuffix(new Random(17));
        for (int i = 0; i < 10_000; i++) {
            String s = suffixes.next();
            assertThat(s).as("URL-safe, no ambiguous letters").matches("[0-9a-hjkmnp-tv-y]{4}-[0-9a-hjkmnp-tv-y]{4}-[0-9a-hjkmnp-tv-y]{4}");
            assertThat(OpaqueSuffix.isWellFormed(s)).as(s).isTrue();
            assertThat(OpaqueSuffix.isWellFormed(s.toUpperCase())).as("DOIs are case-insensitive").isTrue();
        }
    }

    @Test
    void theCheckSymbolCatchesAMistypedOrSwappedSymbol() {
        OpaqueSuffix suffixes = new OpaqueSuffix(new Random(3));
        int caught = 0;
        int tried = 0;
        for (int i = 0; i < 500; i++) {
            String s = suffixes.next();
            char[] c = s.toCharArray();
            // any symbol replaced by any other
            for (int at = 0; at < c.length; at++) {
                if (c[at] == '-') {
                    continue;
                }
                for (char other : OpaqueSuffix.SYMBOLS.toCharArray()) {
                    if (other != c[at]) {
                        char[] typo = c.clone();
                        typo[at] = other;
                        tried++;
                        if (!OpaqueSuffix.isWellFormed(new String(typo))) {
                            caught++;
                        }
                    }
                }
            }
            // two adjacent different symbols swapped
            if (c[0] != c[1]) {
                char[] swapped = c.clone();
                swapped[0] = c[1];
                swapped[1] = c[0];
                tried++;
                if (!OpaqueSuffix.isWellFormed(new String(swapped))) {
                    caught++;
                }
            }
        }
        assertThat(caught).isEqualTo(tried);
        assertThat(OpaqueSuffix.isWellFormed("abcd-efgh-jkm")).as("too short").isFalse();
        assertThat(OpaqueSuffix.isWellFormed("abcd-efgh-ilo0")).as("I, L and O are not symbols").isFalse();
        assertThat(OpaqueSuffix.isWellFormed("abcd-efgh-jkmz")).as("nor is z").isFalse();
        assertThat(OpaqueSuffix.isWellFormed(null)).isFalse();
    }

    @Test
    void suffixesDoNotRepeatAndDoNotFollowEachOther() {
        OpaqueSuffix suffixes = new OpaqueSuffix(new SecureRandom());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            assertThat(seen.add(suffixes.next())).isTrue();
        }
        // every symbol position varies: nothing is a counter or a fixed code
        for (int pos = 0; pos < 14; pos++) {
            if (pos == 4 || pos == 9) {
                continue;
            }
            int p = pos;
            assertThat(seen.stream().map(s -> s.charAt(p)).distinct().count()).as("position %d", pos).isGreaterThan(20);
        }
    }

    @Test
    void aSuffixIsIndependentOfTheRecord() {
        // the generator has no input but its random source: the same source gives the same suffixes whatever is catalogued
        assertThat(new OpaqueSuffix(new Random(5)).next()).isEqualTo(new OpaqueSuffix(new Random(5)).next());
    }

    @Test
    void aFixedFirstSegmentGoesBeforeTheRandomPartAndNothingElse() {
        OpaqueSuffix suffixes = new OpaqueSuffix(new Random(5), Optional.of("dls"));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            String s = suffixes.next();
            assertThat(s).startsWith("dls.");
            assertThat(OpaqueSuffix.isWellFormed(s.substring("dls.".length()))).as(s).isTrue();
            seen.add(s);
        }
        assertThat(seen).as("still random").hasSize(1000);
        assertThat(new OpaqueSuffix(new Random(5), Optional.empty()).next()).doesNotContain(".");
    }

    @Test
    void aFirstSegmentThatCouldCarryMoreThanAConstantNameIsRefused() {
        for (String bad : List.of("", "DLS", "dls.raw", "{proposal}", "%s", "dls-2024", "a".repeat(17), "dls/x", "dls ")) {
            assertThatThrownBy(() -> new OpaqueSuffix(new Random(1), Optional.of(bad))).as("'%s'", bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lower-case letters or digits");
        }
        assertThat(new OpaqueSuffix(new Random(1), Optional.of("esrf2")).next()).startsWith("esrf2.");
    }
}
