package io.aperture.harvester.nexus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TransformationChainTest {

    @Test
    void translationAfterRotationIsRotated() {
        // object translated 1 m along x, the whole stage then rotated 90 degrees about z: ends up on +y
        TransformationChain c = new TransformationChain();
        c.add(new TransformationChain.Step("/t", false, new double[]{1, 0, 0}, 1.0, null));
        c.add(new TransformationChain.Step("/r", true, new double[]{0, 0, 1}, Math.PI / 2, null));
        assertThat(c.position().get(0)).isCloseTo(0.0, within(1e-12));
        assertThat(c.position().get(1)).isCloseTo(1.0, within(1e-12));
        assertThat(c.orientation().get(0).get(1)).isCloseTo(-1.0, within(1e-12));
    }

    @Test
    void offsetsAndUnnormalisedVectors() {
        TransformationChain c = new TransformationChain();
        c.add(new TransformationChain.Step("/t", false, new double[]{0, 0, 2}, 0.5, new double[]{0.1, 0.2, 0}));
        assertThat(c.position()).containsExactly(0.1, 0.2, 0.5);
    }

    @Test
    void emptyChainIsTheOrigin() {
        assertThat(new TransformationChain().position()).containsExactly(0.0, 0.0, 0.0);
    }
}
