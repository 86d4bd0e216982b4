package io.aperture.harvester.scan;

import java.util.Iterator;
import java.util.ArrayDeque;
import io.aperture.harvester.hdf5.FileProblem;
import io.aperture.harvester.hdf5.FileSignature;
import io.aperture.harvester.hdf5.FileSniffer;
import io.aperture.harvester.hdf5.UnusableFileException;
import io.aperture.harvester.nexus.NexusHarvester;
import io.aperture.record.HarvestRecord;
import io.aperture.record.RecordJson;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Crawls directories, harvests new or changed NeXus files and hands their records to a sink in batches. A bad
 * file never stops the scan; a file is remembered as done only when every record of it was accepted.
 */
public final class ScanRunner {

    public static final Set<String> DEFAULT_EXTENSIONS = Set.of("nxs", "nx5", "nx", "h5", "hdf5", "hdf", "nexus");

    /**
     * A batch stays below this many bytes of JSON, well under the catalogue's 32 MiB request limit (docs/api.md); a
     * record larger than this on its own is sent alone.
     */
    public static final long MAX_BATCH_BYTES = 16L * 1024 * 1024;
    /** The catalogue refuses bodies over 32 MiB (or closes the connection): a record above it alone is never sent. */
    static final long MAX_REQUEST_BYTES = 32L * 1024 * 1024;
    /** {@code {"records":[]}} around the records, and a comma between two. */
    private static final int ENVELOPE_BYTES = 14;

    private final NexusHarvester harvester;
    private final InProgressCheck inProgress;
    private final Clock clock;
    private final Duration perFileLimit;
    private final int batchSize;
    private final Set<String> extensions;
    private final int threads;
    private final FileChecksums checksums;
    /** Where harvested files must really lie; null: below the roots of each run. */
    private final HarvestFolders confinement;

    public ScanRunner(NexusHarvester harvester, InProgressCheck inProgress, Clock clock, Duration perFileLimit,
                      int batchSize, Set<String> extensions) {
        this(harvester, inProgress, clock, perFileLimit, batchSize, extensions, 1);
    }

    /** @param threads files harvested at once; results are still handled in file order */
    public ScanRunner(NexusHarvester harvester, InProgressCheck inProgress, Clock clock, Duration perFileLimit,
                      int batchSize, Set<String> extensions, int threads) {
        this(harvester, inProgress, clock, perFileLimit, batchSize, extensions, threads, null);
    }

    /** @param checksums adds SHA-256 of the files to the records (inside the per-file time limit); null for none */
    public ScanRunner(NexusHarvester harvester, InProgressCheck inProgress, Clock clock, Duration perFileLimit,
                      int batchSize, Set<String> extensions, int threads, FileChecksums checksums) {
        this(harvester, inProgress, clock, perFileLimit, batchSize, extensions, threads, checksums, null);
    }

    private ScanRunner(NexusHarvester harvester, InProgressCheck inProgress, Clock clock, Duration perFileLimit,
                       int batchSize, Set<String> extensions, int threads, FileChecksums checksums,
                       HarvestFolders confinement) {
        this.confinement = confinement;
        this.checksums = checksums;
        this.threads = Math.max(1, threads);
        this.harvester = harvester;
        this.inProgress = inProgress;
        this.clock = clock;
        this.perFileLimit = perFileLimit;
        this.batchSize = batchSize;
        this.extensions = extensions;
    }

    /** @param bytes each record's size as JSON, measured when the file joins a batch (empty in a dry run) */
    /**
     * This runner, harvesting only files whose real path lies below one of {@code folders} (the watcher passes files
     * one by one, so its folders cannot come from the run's roots).
     */
    public ScanRunner confinedTo(HarvestFolders folders) {
        return new ScanRunner(harvester, inProgress, clock, perFileLimit, batchSize, extensions, threads, checksums, folders);
    }

    private record Harvested(Path path, long size, long mtime, List<HarvestRecord> records, List<Long> bytes) {
        Harvested measured() {
            return new Harvested(path, size, mtime, records, records.stream().map(ScanRunner::jsonBytes).toList());
        }

        long totalBytes() {
            return bytes.stream().mapToLong(b -> b + 1).sum();
        }
    }

    private static long jsonBytes(HarvestRecord r) {
        try {
            return RecordJson.mapper().writeValueAsBytes(r).length;
        } catch (IOException e) {
            return 0; // the ingest client meets the same problem and reports it with the batch
        }
    }

    /** A file that passed the cheap checks and is being harvested. */
    private record Started(Path path, long size, long mtime, Instant modified, String warning,
                           Future<List<HarvestRecord>> future) {
    }

    /**
     * @param sink null for a dry run: nothing is sent and the state is not changed
     * @param dryRunOut receives every harvested record in a dry run (may be null)
     */
    public ScanReport run(List<Path> roots, ScanState state, RecordSink sink, List<HarvestRecord> dryRunOut) {
        Instant started = clock.instant();
        List<FileOutcome> outcomes = new ArrayList<>();
        List<Harvested> pending = new ArrayList<>();
        int[] sent = {0};
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "harvest-file");
            t.setDaemon(true); // a file stuck in the reader must not keep the JVM alive
            return t;
        });
        try {
            // Harvest up to `threads` files ahead; outcomes are taken in file order so reports are stable.
            ArrayDeque<Started> window = new ArrayDeque<>();
            Iterator<Path> files = candidates(roots, outcomes).iterator();
            HarvestFolders allowed = confinement != null ? confinement : new HarvestFolders(roots);
            while (files.hasNext() || !window.isEmpty()) {
                while (files.hasNext() && window.size() < threads) {
                    start(files.next(), allowed, state, pool, outcomes).ifPresent(window::add);
                }
                if (window.isEmpty()) {
                    continue;
                }
                Optional<Harvested> h = finish(window.poll(), outcomes);
                if (h.isEmpty()) {
                    continue;
                }
                Path file = h.get().path();
                if (sink == null) {
                    outcomes.add(new FileOutcome(file.toString(), FileOutcome.Status.OK, "dry run", h.get().records().size()));
                    if (dryRunOut != null) {
                        dryRunOut.addAll(h.get().records());
                    }
                    continue;
                }
                pending.add(h.get().measured());
                if (pending.stream().mapToInt(x -> x.records().size()).sum() >= batchSize
                        || pending.stream().mapToLong(Harvested::totalBytes).sum() >= MAX_BATCH_BYTES) {
                    flush(pending, sink, state, outcomes, sent);
                }
            }
            if (sink != null) {
                flush(pending, sink, state, outcomes, sent);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<FileOutcome.Status, Long> summary = new EnumMap<>(FileOutcome.Status.class);
        for (FileOutcome.Status s : FileOutcome.Status.values()) {
            summary.put(s, outcomes.stream().filter(o -> o.status() == s).count());
        }
        return new ScanReport(started, clock.instant(), sink == null, summary, sent[0], outcomes);
    }

    private List<Path> candidates(List<Path> roots, List<FileOutcome> outcomes) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            Path abs = root.toAbsolutePath().normalize();
            if (Files.isRegularFile(abs)) {
                files.add(abs);
                continue;
            }
            if (!Files.isDirectory(abs)) {
                outcomes.add(new FileOutcome(abs.toString(), FileOutcome.Status.FAILED, "no such file or directory", null));
                continue;
            }
            try {
                WalkRoot walk = WalkRoot.of(abs);
                Files.walkFileTree(walk.real(), new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) {
                        if (attrs.isRegularFile() && extensions.contains(extension(f))) {
                            files.add(walk.asGiven(f));
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path f, IOException e) {
                        outcomes.add(new FileOutcome(walk.asGiven(f).toString(), FileOutcome.Status.FAILED, "cannot read: " + e.getMessage(), null));
                        return FileVisitResult.CONTINUE;
                    }
                });
            } catch (IOException e) {
                outcomes.add(new FileOutcome(abs.toString(), FileOutcome.Status.FAILED, "cannot walk: " + e.getMessage(), null));
            }
        }
        files.sort(null);
        return files;
    }

    private static String extension(Path p) {
        String n = p.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private Optional<Started> start(Path file, HarvestFolders allowed, ScanState state, ExecutorService pool,
                                    List<FileOutcome> outcomes) {
        String name = file.toString();
        Optional<String> outside = allowed.refusal(file);
        if (outside.isPresent()) {
            outcomes.add(new FileOutcome(name, FileOutcome.Status.FAILED, outside.get(), null));
            return Optional.empty();
        }
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            long size = a.size();
            long mtime = a.lastModifiedTime().toMillis();
            if (state.unchanged(file, size, mtime)) {
                outcomes.add(new FileOutcome(name, FileOutcome.Status.SKIPPED, "unchanged since last scan", null));
                return Optional.empty();
            }
            FileSignature sig = FileSniffer.sniff(file);
            InProgressCheck.Verdict writing = inProgress.fromSignature(sig, a.lastModifiedTime().toInstant());
            if (writing.inProgress() != null) {
                outcomes.add(new FileOutcome(name, FileOutcome.Status.IN_PROGRESS, writing.inProgress(), null));
                return Optional.empty();
            }
            return Optional.of(new Started(file, size, mtime, a.lastModifiedTime().toInstant(), writing.warning(),
                    pool.submit(() -> harvestFile(file))));
        } catch (UnusableFileException e) {
            refuse(name, e, outcomes);
        } catch (IOException | RuntimeException e) {
            outcomes.add(new FileOutcome(name, FileOutcome.Status.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(), null));
        }
        return Optional.empty();
    }

    private List<HarvestRecord> harvestFile(Path file) throws UnusableFileException {
        List<HarvestRecord> records = harvester.harvest(file);
        return checksums == null ? records : checksums.apply(records);
    }

    private Optional<Harvested> finish(Started s, List<FileOutcome> outcomes) {
        String name = s.path().toString();
        try {
            List<HarvestRecord> records;
            try {
                records = s.future().get(perFileLimit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                s.future().cancel(true);
                outcomes.add(new FileOutcome(name, FileOutcome.Status.FAILED,
                        FileProblem.TIMEOUT.description() + " (" + perFileLimit.toMillis() + " ms)", null));
                return Optional.empty();
            }
            InProgressCheck.Verdict writing = inProgress.fromRecords(records, s.modified());
            if (writing.inProgress() != null) {
                outcomes.add(new FileOutcome(name, FileOutcome.Status.IN_PROGRESS, writing.inProgress(), null));
                return Optional.empty();
            }
            for (String warning : new String[]{s.warning(), writing.warning()}) {
                if (warning != null) {
                    records = records.stream().map(r -> withWarning(r, warning)).toList();
                }
            }
            return Optional.of(new Harvested(s.path(), s.size(), s.mtime(), records, List.of()));
        } catch (ExecutionException e) {
            return refuse(name, e.getCause(), outcomes);
        } catch (RuntimeException e) {
            outcomes.add(new FileOutcome(name, FileOutcome.Status.FAILED, e.getClass().getSimpleName() + ": " + e.getMessage(), null));
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcomes.add(new FileOutcome(name, FileOutcome.Status.FAILED, "interrupted", null));
            return Optional.empty();
        }
    }

    private static HarvestRecord withWarning(HarvestRecord r, String warning) {
        List<String> warnings = r.warnings() == null ? new ArrayList<>() : new ArrayList<>(r.warnings());
        warnings.add(warning);
        return new HarvestRecord(r.formatVersion(), r.facility(), r.source(), r.identity(), r.title(), r.kind(),
                r.startTime(), r.endTime(), r.producedAt(), r.program(), r.definition(), r.instrument(), r.sample(),
                r.users(), r.techniques(), r.parameters(), r.processing(), r.derivedFrom(), r.citations(),
                r.defaultPlot(), r.files(), r.datasets(), List.copyOf(warnings), r.findings(), r.preview());
    }

    // Plain HDF5 beside the masters (detector data files, link targets) is expected, not a failure.
    private static Optional<Harvested> refuse(String name, Throwable cause, List<FileOutcome> outcomes) {
        if (cause instanceof UnusableFileException u) {
            FileOutcome.Status s = u.problem() == FileProblem.NOT_NEXUS ? FileOutcome.Status.SKIPPED : FileOutcome.Status.FAILED;
            String reason = u.problem().name() + ": " + u.getMessage().substring(u.file().toString().length() + 2);
            outcomes.add(new FileOutcome(name, s, reason, null));
        } else {
            outcomes.add(new FileOutcome(name, FileOutcome.Status.FAILED, String.valueOf(cause), null));
        }
        return Optional.empty();
    }

    private void flush(List<Harvested> pending, RecordSink sink, ScanState state, List<FileOutcome> outcomes, int[] sent) {
        if (pending.isEmpty()) {
            return;
        }
        List<HarvestRecord> batch = new ArrayList<>();
        List<Long> bytes = new ArrayList<>();
        pending.forEach(h -> {
            batch.addAll(h.records());
            bytes.addAll(h.bytes());
        });
        // The API takes at most batchSize records and 32 MiB per call; one file's records may span calls.
        List<RecordSink.Result> results = new ArrayList<>(Collections.nCopies(batch.size(), null));
        String batchError = null;
        for (int from = 0; from < batch.size() && batchError == null; ) {
            int to = from;
            long size = ENVELOPE_BYTES;
            while (to < batch.size() && to - from < batchSize
                    && (to == from || size + bytes.get(to) + 1 <= MAX_BATCH_BYTES)) {
                size += bytes.get(to) + 1;
                to++;
            }
            batchError = send(sink, batch, bytes, from, to, results, sent);
            from = to;
        }
        int i = 0;
        for (Harvested h : pending) {
            int n = h.records().size();
            if (results.subList(i, i + n).contains(null)) {
                // the file is fine, the delivery failed: a later run may send it again
                outcomes.add(new FileOutcome(h.path().toString(), FileOutcome.Status.FAILED,
                        "not accepted: " + (batchError == null ? "no result" : batchError), n, true));
            } else {
                List<RecordSink.Result> mine = results.subList(i, i + n);
                List<String> rejected = mine.stream().filter(r -> !r.accepted())
                        .map(r -> r.status() + (r.error() == null ? "" : " " + r.error())).toList();
                if (rejected.isEmpty()) {
                    state.markDone(h.path(), h.size(), h.mtime());
                    outcomes.add(new FileOutcome(h.path().toString(), FileOutcome.Status.OK, null, n));
                } else {
                    outcomes.add(new FileOutcome(h.path().toString(), FileOutcome.Status.FAILED, "rejected: " + String.join("; ", rejected), n));
                }
            }
            i += n;
        }
        pending.clear();
    }

    /**
     * Sends records [from, to) and puts their results in place; a batch refused for its size is halved until only a
     * record too large on its own is left, which is rejected as TOO_LARGE (so the file fails for good instead of
     * being retried for ever). Returns why the rest could not be delivered, or null.
     */
    private static String send(RecordSink sink, List<HarvestRecord> batch, List<Long> bytes, int from, int to,
                               List<RecordSink.Result> results, int[] sent) {
        if (to - from == 1 && bytes.get(from) + ENVELOPE_BYTES > MAX_REQUEST_BYTES) {
            results.set(from, tooLarge(bytes.get(from), "over the catalogue's 32 MiB request limit"));
            return null;
        }
        List<HarvestRecord> part = batch.subList(from, to);
        try {
            List<RecordSink.Result> r = sink.send(part);
            if (r.size() != part.size()) {
                return "server answered " + r.size() + " results for " + part.size() + " records";
            }
            for (int k = 0; k < r.size(); k++) {
                results.set(from + k, r.get(k));
            }
            sent[0] += part.size();
            return null;
        } catch (RecordSink.TooLarge e) {
            if (to - from == 1) {
                results.set(from, tooLarge(bytes.get(from), e.getMessage()));
                return null;
            }
            int mid = (from + to) >>> 1;
            String error = send(sink, batch, bytes, from, mid, results, sent);
            return error != null ? error : send(sink, batch, bytes, mid, to, results, sent);
        } catch (RecordSink.SinkException e) {
            return e.getMessage();
        }
    }

    private static RecordSink.Result tooLarge(long bytes, String why) {
        return new RecordSink.Result(false, "TOO_LARGE", "record of " + bytes + " bytes refused for its size: " + why);
    }
}
