package io.aperture.portal.testing;

/**
 * A test class's catalogue set-up, run on its first test only: a {@code @BeforeEach} rather than a {@code @BeforeAll},
 * because Quarkus points REST Assured at the test server only then.
 */
public final class OncePerClass {
    private boolean done;

    public void run(Runnable setUp) {
        if (!done) {
            done = true;
            setUp.run();
        }
    }
}
