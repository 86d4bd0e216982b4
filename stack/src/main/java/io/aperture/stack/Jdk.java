package io.aperture.stack;

import java.nio.file.Path;

/** The JDK running the stack (21 or newer: ./aperture and the enforcer make sure) also runs its child JVMs. */
final class Jdk {
    private Jdk() {
    }

    static Path home() {
        return Path.of(System.getProperty("java.home"));
    }

    static String java() {
        return home().resolve("bin").resolve("java").toString();
    }

    static int feature() {
        return Runtime.version().feature();
    }
}
