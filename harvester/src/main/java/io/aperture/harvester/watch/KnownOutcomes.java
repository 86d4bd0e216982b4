package io.aperture.harvester.watch;

import io.aperture.harvester.scan.FileOutcome;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Files settled without entering the scan state: definitively failed files (recorded with their reason) and plain
 * HDF5 files that are not NeXus. A rescan leaves them alone while their size and mtime stay the same, so a bad file
 * or a detector data file is not read again every few minutes; once it changes it is tried again. In memory only:
 * a restarted watcher looks at them once more, and reports them again.
 */
final class KnownOutcomes {

    record Known(long size, long modifiedMillis, FileOutcome outcome) {
    }

    private final Map<Path, Known> known = new HashMap<>();

    synchronized void record(Path path, long size, long modifiedMillis, FileOutcome outcome) {
        known.put(path, new Known(size, modifiedMillis, outcome));
    }

    synchronized void forget(Path path) {
        known.remove(path);
    }

    synchronized boolean unchanged(Path path, long size, long modifiedMillis) {
        Known k = known.get(path);
        return k != null && k.size() == size && k.modifiedMillis() == modifiedMillis;
    }

    synchronized Map<Path, Known> snapshot() {
        return Map.copyOf(known);
    }
}
