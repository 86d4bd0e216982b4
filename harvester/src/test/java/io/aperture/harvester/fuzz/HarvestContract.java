package io.aperture.harvester.fuzz;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.harvester.hdf5.FileProblem;
import io.aperture.harvester.hdf5.UnusableFileException;
import io.aperture.harvester.nexus.HarvestConfig;
import io.aperture.harvester.nexus.NexusHarvester;
import io.aperture.record.HarvestRecord;
import io.aperture.record.RecordJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the harvester promises for any bytes at all (issue 4, "Bad input"): it returns records that serialise to
 * strict JSON, or it refuses the file with an {@link UnusableFileException} whose message names the problem. Anything
 * else is a {@link Violation}: another exception or Error, a refusal that is only the last-resort catch of an
 * unexpected runtime exception, an OutOfMemoryError or StackOverflowError swallowed into a warning, a warning or
 * refusal whose explanation is just "null", or a hang.
 */
public final class HarvestContract {

    /** Thrown for a broken promise; Jazzer reports it as a finding, JUnit as a failure. */
    public static final class Violation extends AssertionError {
        Violation(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final long TIME_LIMIT_MS = Long.getLong("aperture.fuzz.timeLimitMs", 10_000);
    /**
     * The first harvest loads (and when fuzzing, instruments) every class of the reader, jhdf, Jackson and indriya:
     * on a busy 2-core machine that took more than 10 s once, which is no hang of the harvester.
     */
    private static final long FIRST_CALL_LIMIT_MS = Math.max(TIME_LIMIT_MS, 120_000);
    /** Errors that mean the reader trusted a size or a depth from the file. */
    private static final List<String> SWALLOWED_ERRORS = List.of("OutOfMemoryError", "StackOverflowError", "Java heap space");

    private final NexusHarvester harvester = new NexusHarvester(HarvestConfig.defaults());
    private final ObjectMapper json = RecordJson.mapper();
    private final ObjectMapper strict = new ObjectMapper();
    private final Path file;
    private ExecutorService worker = newWorker();
    private boolean warm;

    public HarvestContract() {
        try {
            // memory-backed when possible: the fuzzer writes one file per input
            Path shm = Path.of("/dev/shm");
            Path dir = Files.isDirectory(shm) && Files.isWritable(shm)
                    ? Files.createTempDirectory(shm, "aperture-fuzz") : Files.createTempDirectory("aperture-fuzz");
            dir.toFile().deleteOnExit();
            file = dir.resolve("input.nxs");
            file.toFile().deleteOnExit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Harvests {@code bytes} as a file and checks the promise; returns how it ended, for tests that look. */
    public Outcome check(byte[] bytes) {
        try {
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Future<List<HarvestRecord>> run = worker.submit(() -> harvester.harvest(file));
        List<HarvestRecord> records;
        long limit = warm ? TIME_LIMIT_MS : FIRST_CALL_LIMIT_MS;
        try {
            records = run.get(limit, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            run.cancel(true);
            worker.shutdownNow();
            worker = newWorker(); // the stuck thread is abandoned; the next input gets a fresh one
            throw new Violation("harvest took longer than " + limit + " ms", null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            return refusal(e.getCause());
        }
        warm = true; // records came back: every part of the reader and the extraction has been loaded
        for (HarvestRecord r : records) {
            String text;
            try {
                text = json.writeValueAsString(r);
                strict.readTree(text); // NaN/Infinity tokens are not JSON and the ingest API would reject the batch
            } catch (IOException e) {
                throw new Violation("record does not serialise to strict JSON: " + e.getMessage(), e);
            }
            for (String w : r.warnings()) {
                if (SWALLOWED_ERRORS.stream().anyMatch(w::contains)) {
                    throw new Violation("an Error was swallowed into a warning: " + w, null);
                }
                if (namesNothing(w)) {
                    throw new Violation("a warning that names no problem: " + w, null);
                }
            }
        }
        return new Outcome(records.size(), null);
    }

    private static Outcome refusal(Throwable thrown) {
        if (!(thrown instanceof UnusableFileException u)) {
            throw new Violation("harvest threw " + thrown.getClass().getName() + " instead of a refusal", thrown);
        }
        if (u.problem() == null || u.getMessage() == null || u.getMessage().isBlank()) {
            throw new Violation("refusal without a problem or message", u);
        }
        if (namesNothing(u.getMessage())) {
            throw new Violation("a refusal that names no problem: " + u.getMessage(), u);
        }
        Throwable cause = u.getCause();
        if (cause instanceof Error) {
            throw new Violation("refusal hides an Error: " + cause, u);
        }
        if (u.problem() == FileProblem.READ_ERROR && cause instanceof RuntimeException) {
            // the harvester's last-resort catch: the reader let an internal exception through unnamed
            throw new Violation("unexpected " + cause.getClass().getName() + " reached the harvester: " + u.getMessage(), u);
        }
        return new Outcome(0, u.problem());
    }

    /** An exception without a message, printed as "null", is no explanation for a report. */
    private static boolean namesNothing(String message) {
        return message.endsWith(": null") || message.contains(": null)") || message.contains("(null)");
    }

    /** Records harvested, or the reason the file was refused. */
    public record Outcome(int records, FileProblem refused) {
    }

    private static ExecutorService newWorker() {
        return Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-harvest");
            t.setDaemon(true);
            return t;
        });
    }
}
