package io.aperture.policy.testing;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The runner itself must be able to fail, and must replay a seed exactly. */
class PropertyCheckTest {

    @Test
    void aFalsePropertyFailsNamingSeedAndCase() {
        assertThatThrownBy(() -> PropertyCheck.forAll(1_000, 42L, r -> r.nextInt(100),
                n -> assertThat(n).isLessThan(90)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("-Daperture.pbt.seed=42")
                .hasMessageContaining("case: 9");
    }

    @Test
    void theSameSeedDrawsTheSameCases() {
        List<Long> first = new ArrayList<>();
        List<Long> second = new ArrayList<>();
        PropertyCheck.forAll(50, 7L, r -> r.nextLong(), first::add);
        PropertyCheck.forAll(50, 7L, r -> r.nextLong(), second::add);
        assertThat(first).hasSize(50).isEqualTo(second).doesNotHaveDuplicates();
    }
}
