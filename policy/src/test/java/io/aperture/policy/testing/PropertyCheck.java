package io.aperture.policy.testing;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property-based test runner on plain JUnit Jupiter: draws many random cases from a generator and checks a
 * property on each. Every run uses a fresh base seed unless {@code -Daperture.pbt.seed=N} is given; a failure names
 * the seed and the failing case so it can be replayed exactly. {@code -Daperture.pbt.tries=N} changes the number
 * of cases (default {@value #DEFAULT_TRIES}).
 */
public final class PropertyCheck {

    public static final int DEFAULT_TRIES = 1_000;

    private PropertyCheck() {
    }

    /** Checks {@code property} on {@link #tries()} cases drawn from {@code generator}. */
    public static <T> void forAll(Function<SplittableRandom, T> generator, Consumer<T> property) {
        forAll(tries(), baseSeed(), generator, property);
    }

    /** As {@link #forAll(Function, Consumer)} with an explicit number of tries and base seed. */
    public static <T> void forAll(int tries, long baseSeed, Function<SplittableRandom, T> generator, Consumer<T> property) {
        SplittableRandom base = new SplittableRandom(baseSeed);
        for (int i = 0; i < tries; i++) {
            SplittableRandom random = base.split();
            T sample = generator.apply(random);
            try {
                property.accept(sample);
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError("property falsified at try " + (i + 1) + " of " + tries
                        + " (replay with -Daperture.pbt.seed=" + baseSeed + ")\n  case: " + sample
                        + "\n  failure: " + e.getMessage(), e);
            }
        }
    }

    static long baseSeed() {
        String given = System.getProperty("aperture.pbt.seed", "").strip();
        return given.isEmpty() ? new SplittableRandom().nextLong() : Long.parseLong(given);
    }

    static int tries() {
        String given = System.getProperty("aperture.pbt.tries", "").strip();
        return given.isEmpty() ? DEFAULT_TRIES : Integer.parseInt(given);
    }
}
