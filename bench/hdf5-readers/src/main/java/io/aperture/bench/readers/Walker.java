package io.aperture.bench.readers;

import java.nio.file.Path;

/** One faithful metadata walk of a file: every object and link, every attribute, values of small datasets only. */
interface Walker {
    String name();

    WalkResult walk(Path file, int maxElements);
}
