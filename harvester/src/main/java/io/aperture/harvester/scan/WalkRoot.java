package io.aperture.harvester.scan;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A folder to crawl, as given and as it really is. A walk does not follow a symbolic link at its start (it would visit
 * a linked folder as one file and find nothing), so walks start at the real path; the files found are named under the
 * given path, so records, the state file and path patterns keep the name the operator chose.
 */
public record WalkRoot(Path given, Path real) {

    /** The root made absolute and normalised, and its real path (the folder or file must exist). */
    public static WalkRoot of(Path root) throws IOException {
        Path given = root.toAbsolutePath().normalize();
        return new WalkRoot(given, given.toRealPath());
    }

    /** A path found by walking {@link #real} (at or below it), named under {@link #given}. */
    public Path asGiven(Path underReal) {
        return given.resolve(real.relativize(underReal));
    }
}
