package io.aperture.harvester;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Locates the shared NeXus test files (../shared/testdata/nexus next to the repository). */
public final class TestFiles {

    private TestFiles() {
    }

    public static Path root() {
        String configured = System.getProperty("aperture.testdata");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/testdata/nexus");
            if (Files.isDirectory(candidate)) {
                return candidate.normalize();
            }
        }
        Assumptions.abort("shared NeXus test data not found (expected ../shared/testdata/nexus beside the repository, "
                + "or -Daperture.testdata=DIR); skipping tests that need real files");
        return null;
    }

    public static Path file(String relative) {
        Path p = root().resolve(relative);
        Assumptions.assumeTrue(Files.isRegularFile(p), "test file missing: " + p);
        return p;
    }

    /** Every data file in the shared folder (MANIFEST.md excluded), relative paths with '/'. */
    public static List<String> all() throws IOException {
        Path root = root();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("MANIFEST.md"))
                    .map(p -> root.relativize(p).toString().replace('\\', '/')).sorted().toList();
        }
    }
}
