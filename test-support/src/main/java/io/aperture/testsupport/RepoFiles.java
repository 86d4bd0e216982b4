package io.aperture.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The repository's files as the tests see them: its root, the NeXus test set in {@code testdata/nexus}, the schemas
 * in {@code testdata/standards}. The root is the nearest folder above the working directory that holds
 * {@code testdata/nexus/MANIFEST.md} (or {@code -Daperture.repo.dir=DIR}), so every module, an IDE and a fresh clone
 * with nothing beside it find the same files. Anything missing is an error naming the path: a test never skips for
 * want of its data.
 */
public final class RepoFiles {
    /** A file only the Aperture repository root has below it. */
    static final String MARKER = "testdata/nexus/MANIFEST.md";
    private static final String NEXUS = "testdata/nexus";

    private static Path root;

    private RepoFiles() {
    }

    /** The repository root (absolute, normalised). */
    public static synchronized Path root() {
        if (root == null) {
            root = locate(System.getProperty("aperture.repo.dir"), Path.of("").toAbsolutePath());
        }
        return root;
    }

    static Path locate(String configured, Path start) {
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath().normalize();
            if (!Files.isRegularFile(dir.resolve(MARKER))) {
                throw new IllegalStateException("-Daperture.repo.dir=" + configured + " is not an Aperture checkout: "
                        + dir.resolve(MARKER) + " does not exist");
            }
            return dir;
        }
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve(MARKER))) {
                return dir.normalize();
            }
        }
        throw new IllegalStateException("test data not found: no folder from " + start + " upwards holds " + MARKER
                + ". The tests read the repository's testdata/ folder: run them inside a checkout, or pass "
                + "-Daperture.repo.dir=<checkout>");
    }

    /** A file or folder of the repository, which must exist. */
    public static Path path(String relative) {
        Path p = root().resolve(relative).normalize();
        if (!Files.exists(p)) {
            throw new IllegalStateException("test data missing: " + p + " (" + relative + " in the repository)");
        }
        return p;
    }

    /** The folder of the NeXus test set. */
    public static Path nexus() {
        return path(NEXUS);
    }

    /** A file of the NeXus test set, e.g. {@code "nxmx/dls_i03_therm_6_2.nxs"}; it must exist. */
    public static Path nexus(String relative) {
        Path p = path(NEXUS + "/" + relative);
        if (!Files.isRegularFile(p)) {
            throw new IllegalStateException("test data missing: " + p + " is not a file");
        }
        return p;
    }

    /** Every data file of the NeXus test set (MANIFEST.md excluded), relative paths with '/', sorted. */
    public static List<String> nexusFiles() {
        Path dir = nexus();
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().equals("MANIFEST.md"))
                    .map(p -> dir.relativize(p).toString().replace('\\', '/')).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The folder of the XML schemas (with its catalog.xml) the exports are validated against. */
    public static Path standards() {
        return path("testdata/standards");
    }
}
