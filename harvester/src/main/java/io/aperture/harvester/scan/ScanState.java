package io.aperture.harvester.scan;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;

/** Files already harvested and accepted, by absolute path, with the size and mtime they had then. */
public final class ScanState {

    public record Seen(long size, long modifiedMillis) {
    }

    private final Path file;
    private final Map<String, Seen> seen;

    private ScanState(Path file, Map<String, Seen> seen) {
        this.file = file;
        this.seen = seen;
    }

    /** Loads the state; a missing file is an empty state, an unreadable one is an error (never silently reset). */
    public static ScanState load(Path file) throws IOException {
        if (file == null || !Files.exists(file)) {
            return new ScanState(file, new TreeMap<>());
        }
        Map<String, Seen> m = new ObjectMapper().readValue(file.toFile(), new TypeReference<TreeMap<String, Seen>>() {
        });
        return new ScanState(file, m);
    }

    public boolean unchanged(Path p, long size, long modifiedMillis) {
        Seen s = seen.get(p.toString());
        return s != null && s.size() == size && s.modifiedMillis() == modifiedMillis;
    }

    public void markDone(Path p, long size, long modifiedMillis) {
        seen.put(p.toString(), new Seen(size, modifiedMillis));
    }

    public int size() {
        return seen.size();
    }

    /** Writes atomically (temp file, then rename) so a crash never leaves half a state file. */
    public void save() throws IOException {
        if (file == null) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
        new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(tmp.toFile(), seen);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
