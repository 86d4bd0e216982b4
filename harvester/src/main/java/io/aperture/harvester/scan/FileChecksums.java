package io.aperture.harvester.scan;

import io.aperture.harvester.nexus.LinkedFiles;
import io.aperture.record.FileRef;
import io.aperture.record.HarvestRecord;
import io.aperture.record.SourceRef;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Adds the SHA-256 of the master file and of every file it reaches (external links, VDS sources) to records. This
 * reads whole files, so it is optional ({@code --checksum sha256}). A file that cannot be read keeps a null checksum
 * and the record gets a warning; the records are never refused for it.
 */
public final class FileChecksums {
    private static final int BUFFER = 1 << 20;

    /** Records of one file, with checksums filled; each distinct file is read once even when several entries list it. */
    public List<HarvestRecord> apply(List<HarvestRecord> records) {
        Map<String, String> digests = new HashMap<>();
        Map<String, String> problems = new HashMap<>();
        List<HarvestRecord> out = new ArrayList<>(records.size());
        for (HarvestRecord r : records) {
            List<String> warnings = r.warnings() == null ? new ArrayList<>() : new ArrayList<>(r.warnings());
            SourceRef s = r.source();
            SourceRef source = s == null ? null
                    : new SourceRef(s.path(), s.entry(), s.size(), s.modified(), digest(s.path(), digests, problems, warnings));
            List<FileRef> files = null;
            if (r.files() != null) {
                files = new ArrayList<>(r.files().size());
                for (FileRef f : r.files()) {
                    files.add(f.missing() || !mayRead(s, f, problems, warnings) ? f
                            : f.withSha256(digest(f.path(), digests, problems, warnings)));
                }
            }
            out.add(new HarvestRecord(r.formatVersion(), r.facility(), source, r.identity(), r.title(), r.kind(),
                    r.startTime(), r.endTime(), r.producedAt(), r.program(), r.definition(), r.instrument(), r.sample(),
                    r.users(), r.techniques(), r.parameters(), r.processing(), r.derivedFrom(), r.citations(),
                    r.defaultPlot(), files, r.datasets(), warnings.isEmpty() ? r.warnings() : List.copyOf(warnings),
                    r.findings(), r.preview()));
        }
        return out;
    }

    /** A linked file is judged again here: it may have become a link elsewhere, or a FIFO, since it was listed. */
    private static boolean mayRead(SourceRef master, FileRef f, Map<String, String> problems, List<String> warnings) {
        if (f.role() == FileRef.Role.MASTER || master == null || master.path() == null) {
            return true;
        }
        Optional<String> refusal = LinkedFiles.refusal(Path.of(master.path()), Path.of(f.path()));
        if (refusal.isEmpty()) {
            return true;
        }
        String problem = problems.computeIfAbsent(f.path(), p -> "no sha256 for " + p + ": " + refusal.get());
        if (!warnings.contains(problem)) {
            warnings.add(problem);
        }
        return false;
    }

    private static String digest(String path, Map<String, String> digests, Map<String, String> problems, List<String> warnings) {
        if (path == null) {
            return null;
        }
        if (!digests.containsKey(path) && !problems.containsKey(path)) {
            try {
                digests.put(path, sha256(Path.of(path)));
            } catch (IOException e) {
                problems.put(path, "no sha256 for " + path + ": " + e.getClass().getSimpleName()
                        + (e.getMessage() == null ? "" : " " + e.getMessage()));
            }
        }
        String problem = problems.get(path);
        if (problem != null && !warnings.contains(problem)) {
            warnings.add(problem);
        }
        return digests.get(path);
    }

    /** Lower-case hex SHA-256 of the whole file. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e); // every JDK must provide it
        }
        if (!Files.isRegularFile(file)) {
            throw new IOException("not a regular file"); // opening a FIFO would block
        }
        byte[] buf = new byte[BUFFER];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IOException("interrupted (per-file time limit)");
                }
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
