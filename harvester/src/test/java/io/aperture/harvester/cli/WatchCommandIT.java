package io.aperture.harvester.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.testsupport.RepoFiles;
import io.aperture.harvester.ingest.Backoff;
import io.aperture.harvester.watch.MutableClock;
import io.aperture.harvester.watch.TestBroker;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code harvest watch} end to end: a real Artemis broker (AMQP 1.0), the loopback fake catalogue, real files and
 * folders. Time is a clock the test moves; nothing waits for minutes.
 */
class WatchCommandIT {
    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");
    private static final Instant OLD = Instant.parse("2024-01-01T00:00:00Z");
    private static final Duration PATIENCE = Duration.ofSeconds(30);

    /** A watcher running in its own thread, stopped as SIGTERM would stop it. */
    static final class Running implements AutoCloseable {
        final WatchCommand cmd = new WatchCommand();
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final Thread thread;
        volatile int exit = -1;

        Running(MutableClock clock, String... args) throws Exception {
            cmd.clock = clock;
            cmd.backoff = new Backoff(2, Duration.ofMillis(1), Duration.ofMillis(1), d -> { });
            cmd.maxWait = Duration.ofMillis(20);
            cmd.shutdownHook = false;
            CommandLine cl = new CommandLine(cmd);
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            thread = new Thread(() -> exit = cl.execute(args), "test-watch");
            thread.start();
            assertThat(cmd.awaitReady(PATIENCE)).isTrue();
            assertThat(exit).as("watch exited early: %s", err).isEqualTo(-1);
            severalRounds(); // the start-up rescan is over
        }

        /** Lets the watcher run several more rounds (each at most 20 ms apart), in which the test expects nothing new. */
        void severalRounds() throws InterruptedException {
            long target = cmd.loop().rounds() + 5;
            WatchCommandIT.await("5 more watch rounds", () -> cmd.loop().rounds() >= target);
        }

        String out() {
            return out.toString();
        }

        String err() {
            return err.toString();
        }

        @Override
        public void close() throws Exception {
            cmd.stop();
            thread.join(PATIENCE.toMillis());
            assertThat(thread.isAlive()).isFalse();
            assertThat(exit).isZero();
        }
    }

    private static String[] args(FakeCatalogue cat, Path state, String... more) {
        List<String> a = new ArrayList<>(List.of("--server", cat.url(), "--oidc-url", cat.oidc(),
                "--client-secret", "harvester-secret", "--state", state.toString(), "--threads", "2"));
        a.addAll(List.of(more));
        return a.toArray(String[]::new);
    }

    private static Path copy(String rel, Path dir, Instant mtime) throws Exception {
        Files.createDirectories(dir);
        Path target = dir.resolve(Path.of(rel).getFileName());
        Files.copy(RepoFiles.nexus(rel), target, StandardCopyOption.REPLACE_EXISTING);
        Files.setLastModifiedTime(target, FileTime.from(mtime));
        return target;
    }

    /** Source paths of every record the catalogue accepted, in order. */
    private static List<String> ingested(FakeCatalogue cat) {
        List<String> paths = new ArrayList<>();
        synchronized (cat) {
            for (JsonNode batch : cat.batches) {
                batch.get("records").forEach(r -> paths.add(r.get("source").get("path").asText()));
            }
        }
        return paths;
    }

    /** The harvest health events of one kind the catalogue received. */
    private static List<JsonNode> healthEvents(FakeCatalogue cat, String kind) {
        List<JsonNode> events = new ArrayList<>();
        synchronized (cat) {
            cat.healthReports.forEach(r -> r.get("events").forEach(e -> {
                if (e.get("kind").asText().equals(kind)) {
                    events.add(e);
                }
            }));
        }
        return events;
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited %s for %s", PATIENCE, what).isLessThan(end);
            Thread.sleep(20);
        }
    }

    private static boolean recorded(Path state, Path... files) {
        try {
            JsonNode json = state(state);
            return Arrays.stream(files).allMatch(f -> json.has(f.toString()));
        } catch (Exception e) {
            return false; // being replaced right now
        }
    }

    private static JsonNode state(Path state) throws Exception {
        return new ObjectMapper().readTree(state.toFile());
    }

    @Test
    void scanFinishedMessagesAreHarvestedAndAcknowledgedAndMalformedOnesRejected(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path twoEntries = copy("neutron/ipns_lrmecs_lrcs3701.nx5", data, OLD);
        Path plain = copy("psi_sinq/dmc01.h5", data, OLD);
        Path hdf4 = copy("bad/napi_nxtest_hdf4.hdf", data, OLD);
        Path state = dir.resolve("state.json");
        MutableClock clock = new MutableClock(T0);
        try (TestBroker broker = new TestBroker(); FakeCatalogue cat = new FakeCatalogue();
             Running w = new Running(clock, args(cat, state, "--amqp-url", broker.url(), "--amqp-queue", TestBroker.SCANS,
                     "--accept-under", data.toString()))) {
            await("listener connected", () -> w.cmd.listener().connected());
            broker.sendText("{\"event\":\"scan-finished\",\"path\":\"" + twoEntries + "\"}");
            broker.sendText("this is not a path");
            broker.sendText("{\"event\":\"scan-finished\",\"path\":\"relative/scan.nxs\"}");
            broker.sendBytes(plain.toString().getBytes(StandardCharsets.UTF_8)); // plain text in a data section
            broker.sendText("{\"path\":\"" + hdf4 + "\"}");
            broker.sendText("{\"path\":\"" + data.resolve("never_written.nxs") + "\"}");
            // outside the accepted folder, also when '..' or a link inside it leads there
            Path outside = copy("psi_sinq/dmc01.h5", dir.resolve("elsewhere"), OLD);
            broker.sendText("{\"path\":\"" + data.resolve("../elsewhere/dmc01.h5") + "\"}");
            Path link = Files.createSymbolicLink(data.resolve("link.h5"), outside);
            broker.sendText("{\"path\":\"" + link + "\"}");

            await("both good files ingested", () -> ingested(cat).containsAll(List.of(twoEntries.toString(), plain.toString())));
            await("every message settled", () -> broker.waiting(TestBroker.SCANS) == 0);
            assertThat(ingested(cat)).containsExactlyInAnyOrder(twoEntries.toString(), twoEntries.toString(), plain.toString());
            // the two malformed messages and the two naming files outside went to the dead-letter queue; the bad and the
            // missing file were recorded and acknowledged
            assertThat(broker.waiting(TestBroker.DLQ)).isEqualTo(4);
            assertThat(ingested(cat)).noneMatch(p -> p.contains("elsewhere") || p.contains("link.h5"));
            assertThat(w.err()).contains("REJECTED message").contains(outside + " is outside the folders messages may name")
                    .contains(link + " (really " + outside.toRealPath() + ") is outside");
            assertThat(w.err()).contains("REJECTED message").contains("path must be absolute, got \"this is not a path\"")
                    .contains("path must be absolute, got \"relative/scan.nxs\"");
            assertThat(w.err()).contains("FAILED " + hdf4 + ": HDF4").contains("FAILED " + data.resolve("never_written.nxs"));
            assertThat(w.out()).contains("OK " + twoEntries + " (2 records)").contains("OK " + plain + " (1 records)");
            assertThat(state(state).has(twoEntries.toString())).isTrue();
            // and the catalogue was told (harvester.md "Harvest health"): the four dead letters, the two refused files
            await("the harvest health reported", () -> healthEvents(cat, "DEAD_LETTER").size() == 4);
            assertThat(healthEvents(cat, "DEAD_LETTER")).anyMatch(e -> e.get("reason").asText().contains(outside + " is outside"));
            // the refused files may come in a later report than the dead letters
            await("the refused files reported", () -> healthEvents(cat, "REFUSED").size() >= 2);
            assertThat(healthEvents(cat, "REFUSED")).extracting(e -> e.get("subject").asText())
                    .containsExactlyInAnyOrder(hdf4.toString(), data.resolve("never_written.nxs").toString());

            // still listening after all that
            Path later = copy("neutron/isis_loq_minimal_histogram.nxs", data, OLD);
            broker.sendText(later.toString());
            await("a later message", () -> ingested(cat).contains(later.toString()));
            await("its message settled", () -> broker.waiting(TestBroker.SCANS) == 0);
        }
    }

    @Test
    void filesStillBeingWrittenWaitAndTheirMessagesSurviveARestart(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        // an SWMR writer has the file open: superblock v3 consistency flags (byte 11)
        Path swmr = copy("neutron/isis_sans2d_minimal_events.nxs", data, OLD);
        byte original = Files.readAllBytes(swmr)[11];
        writeByte(swmr, 11, (byte) 0x05);
        // changed a minute ago: flags on a file unchanged for a day no longer count (InProgressCheck)
        Files.setLastModifiedTime(swmr, FileTime.from(T0.minusSeconds(60)));
        // no end_time and modified two minutes ago: a scan still running
        Path recent = copy("psi_sinq/dmc01.h5", data, T0.minusSeconds(120));
        Path state = dir.resolve("state.json");
        MutableClock clock = new MutableClock(T0);
        try (TestBroker broker = new TestBroker(); FakeCatalogue cat = new FakeCatalogue()) {
            String[] a = args(cat, state, "--amqp-url", broker.url(), "--recheck", "PT1M", "--quiet-period", "PT10M",
                    "--accept-under", data.toString());
            try (Running w = new Running(clock, a)) {
                await("listener connected", () -> w.cmd.listener().connected());
                broker.sendText("{\"event\":\"scan-finished\",\"path\":\"" + swmr + "\"}");
                broker.sendText("{\"event\":\"scan-finished\",\"path\":\"" + recent + "\"}");
                await("both seen in progress", () -> w.out().contains("IN-PROGRESS " + swmr) && w.out().contains("IN-PROGRESS " + recent));
                assertThat(w.out()).contains("SWMR").contains("no end_time");
                w.severalRounds();
                assertThat(ingested(cat)).isEmpty();
                assertThat(broker.waiting(TestBroker.SCANS)).as("unsettled until harvested").isEqualTo(2);

                // the writer closes the file; a minute later it is looked at again and ingested
                writeByte(swmr, 11, original);
                Files.setLastModifiedTime(swmr, FileTime.from(OLD));
                clock.advance(Duration.ofSeconds(61));
                await("SWMR file ingested once closed", () -> ingested(cat).contains(swmr.toString()));
                await("its message acknowledged", () -> broker.waiting(TestBroker.SCANS) == 1);
                w.severalRounds();
                assertThat(ingested(cat)).doesNotContain(recent.toString()); // 3 minutes old: still in its quiet period
            }
            // stopped with one file still waiting: its message goes back to the queue, nothing is lost
            await("unfinished message back in the queue", () -> broker.queue(TestBroker.SCANS).getDeliveringCount() == 0);
            assertThat(broker.waiting(TestBroker.SCANS)).isEqualTo(1);
            assertThat(state(state).has(swmr.toString())).isTrue();

            clock.advance(Duration.ofMinutes(10));
            try (Running again = new Running(clock, a)) {
                await("the redelivered message's file ingested", () -> ingested(cat).contains(recent.toString()));
                await("and acknowledged", () -> broker.waiting(TestBroker.SCANS) == 0);
                assertThat(ingested(cat)).containsExactly(swmr.toString(), recent.toString());
                assertThat(again.out()).contains("OK " + recent);
            }
        }
    }

    @Test
    void anIngestApiOutageLosesNothing(@TempDir Path dir) throws Exception {
        Path watched = dir.resolve("watched");
        Path inFolder = copy("neutron/ipns_lrmecs_lrcs3701.nx5", watched, OLD);
        Path byMessage = copy("psi_sinq/dmc01.h5", dir.resolve("elsewhere"), OLD);
        Path state = dir.resolve("state.json");
        MutableClock clock = new MutableClock(T0);
        AtomicBoolean down = new AtomicBoolean(true);
        try (TestBroker broker = new TestBroker(); FakeCatalogue cat = new FakeCatalogue()) {
            cat.ingestStatus = n -> down.get() ? 503 : 200;
            try (Running w = new Running(clock, args(cat, state, watched.toString(), "--amqp-url", broker.url(),
                    "--retry", "PT10S", "--retry-max", "PT1M", "--no-events", "--accept-under", byMessage.getParent().toString()))) {
                await("listener connected", () -> w.cmd.listener().connected());
                broker.sendText("{\"event\":\"scan-finished\",\"path\":\"" + byMessage + "\"}");
                await("both put back for later", () -> w.err().contains("RETRY " + inFolder) && w.err().contains("RETRY " + byMessage));
                assertThat(w.err()).contains("answered 503").contains("again in 10 s");
                clock.advance(Duration.ofSeconds(10));
                await("second try, longer wait", () -> w.err().contains("again in 20 s"));
                w.severalRounds();
                assertThat(ingested(cat)).isEmpty();
                assertThat(broker.waiting(TestBroker.SCANS)).as("message kept while the API is down").isEqualTo(1);
                assertThat(Files.exists(state) ? state(state).size() : 0).isZero();

                down.set(false);
                clock.advance(Duration.ofSeconds(20));
                await("both ingested once the API is back", () -> ingested(cat).contains(byMessage.toString())
                        && ingested(cat).contains(inFolder.toString()));
                await("message acknowledged", () -> broker.waiting(TestBroker.SCANS) == 0);
                assertThat(w.err()).doesNotContain("FAILED");
                // the state is written after the ingest answered: wait for it rather than race the writer
                await("both recorded in the state", () -> Files.exists(state) && recorded(state, inFolder, byMessage));
            }
        }
    }

    @Test
    void aFileDroppedIntoANewSubfolderIsPickedUpByEvents(@TempDir Path dir) throws Exception {
        Path watched = Files.createDirectories(dir.resolve("watched"));
        Path staging = dir.resolve("staging");
        Path prepared = copy("neutron/ipns_lrmecs_lrcs3701.nx5", staging, OLD);
        MutableClock clock = new MutableClock(T0);
        try (FakeCatalogue cat = new FakeCatalogue();
             Running w = new Running(clock, args(cat, dir.resolve("state.json"), watched.toString(),
                     "--settle", "PT0S", "--rescan", "PT1H", "--checksum", "sha256"))) {
            assertThat(w.out()).contains("events on 1 folders");
            w.severalRounds();
            Path visit = Files.createDirectories(watched.resolve("cm1234-1/raw"));
            Path target = Files.move(prepared, visit.resolve("scan_1.nx5"), StandardCopyOption.ATOMIC_MOVE);
            // the clock stands still, so no rescan can have found it: only the events did
            await("the new file ingested", () -> ingested(cat).contains(target.toString()));
            JsonNode rec = cat.batches.get(0).get("records").get(0);
            assertThat(rec.get("source").get("sha256").asText()).isEqualTo(ChecksumTest.sha256sum(target));
            w.severalRounds();
            assertThat(ingested(cat)).hasSize(2); // two entries, sent once
        }
    }

    @Test
    void aWatchedFolderThatIsALinkIsRescannedAndWatched(@TempDir Path dir) throws Exception {
        Path real = Files.createDirectories(dir.resolve("gpfs/watched"));
        Path watched = Files.createSymbolicLink(dir.resolve("watched"), real);
        copy("psi_sinq/dmc01.h5", real, OLD);
        Path prepared = copy("neutron/ipns_lrmecs_lrcs3701.nx5", dir.resolve("staging"), OLD);
        MutableClock clock = new MutableClock(T0);
        try (FakeCatalogue cat = new FakeCatalogue();
             Running w = new Running(clock, args(cat, dir.resolve("state.json"), watched.toString(),
                     "--settle", "PT0S", "--rescan", "PT1H"))) {
            // the start-up rescan walked the link's folder; the record names the file under the given path
            await("the existing file ingested", () -> ingested(cat).contains(watched.resolve("dmc01.h5").toString()));
            assertThat(w.out()).contains("events on 1 folders");
            Path visit = Files.createDirectories(real.resolve("cm1234-1"));
            Files.move(prepared, visit.resolve("scan_1.nx5"), StandardCopyOption.ATOMIC_MOVE);
            // the clock stands still: only the events can find it
            await("the new file ingested", () -> ingested(cat).contains(watched.resolve("cm1234-1/scan_1.nx5").toString()));
        }
    }

    @Test
    void aLinkToAFileOutsideIsRefusedWhenHarvestedWhetherAnEventOrAMessageNamedIt(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        Path outside = copy("psi_sinq/dmc01.h5", dir.resolve("elsewhere"), OLD);
        // superblock v3 with the open-for-write and SWMR flags: in progress, so its message waits
        Path writing = copy("neutron/isis_sans2d_minimal_events.nxs", data, OLD);
        writeByte(writing, 11, (byte) 0x05);
        Files.setLastModifiedTime(writing, FileTime.from(T0.minusSeconds(60)));
        String really = "OUTSIDE: really " + outside.toRealPath();
        MutableClock clock = new MutableClock(T0);
        try (TestBroker broker = new TestBroker(); FakeCatalogue cat = new FakeCatalogue();
             Running w = new Running(clock, args(cat, dir.resolve("state.json"), data.toString(), "--settle", "PT0S",
                     "--rescan", "PT1H", "--amqp-url", broker.url(), "--amqp-queue", TestBroker.SCANS))) {
            await("listener connected", () -> w.cmd.listener().connected());
            // an event: a link dropped into the watched folder
            Path link = Files.createSymbolicLink(data.resolve("sneaky.h5"), outside);
            await("the link refused", () -> w.err().contains("FAILED " + link + ": " + really));

            // a message accepted on arrival, whose file becomes a link to a file outside before it is harvested
            broker.sendText(writing.toString());
            await("the named file in progress", () -> w.out().contains("IN-PROGRESS " + writing));
            Files.delete(writing);
            Files.createSymbolicLink(writing, outside);
            clock.advance(Duration.ofMinutes(2));
            await("the message's file refused", () -> w.err().contains("FAILED " + writing + ": " + really));
            await("its message settled", () -> broker.waiting(TestBroker.SCANS) == 0);
            w.severalRounds();
            assertThat(ingested(cat)).isEmpty();
        }
    }

    @Test
    void withoutEventsTheRescanFindsNewFilesAndLeavesUnchangedAndBadOnesAlone(@TempDir Path dir) throws Exception {
        Path watched = Files.createDirectories(dir.resolve("watched"));
        Path staging = dir.resolve("staging");
        Path prepared = copy("psi_sinq/dmc01.h5", staging, OLD);
        Path bad = copy("bad/napi_nxtest_hdf4.hdf", staging, OLD);
        MutableClock clock = new MutableClock(T0);
        try (FakeCatalogue cat = new FakeCatalogue();
             Running w = new Running(clock, args(cat, dir.resolve("state.json"), watched.toString(),
                     "--no-events", "--rescan", "PT5M"))) {
            assertThat(w.out()).contains("(rescans only)");
            Path target = Files.move(prepared, watched.resolve("dmc01.h5"), StandardCopyOption.ATOMIC_MOVE);
            Path badTarget = Files.move(bad, watched.resolve("broken.hdf"), StandardCopyOption.ATOMIC_MOVE);
            w.severalRounds();
            assertThat(ingested(cat)).isEmpty();

            clock.advance(Duration.ofMinutes(5));
            await("the rescan found the new file", () -> ingested(cat).contains(target.toString()));
            await("and recorded the bad one", () -> w.err().contains("FAILED " + badTarget + ": HDF4"));
            assertThat(w.out()).contains("rescan: 2 new or changed files");

            int calls = cat.ingestCalls.get();
            clock.advance(Duration.ofMinutes(5));
            w.severalRounds();
            clock.advance(Duration.ofMinutes(5));
            w.severalRounds();
            assertThat(cat.ingestCalls.get()).as("unchanged files are not sent again").isEqualTo(calls);
            assertThat(w.err().split("FAILED " + badTarget, -1)).as("a bad file is reported once").hasSize(2);

            // a changed file is harvested again
            Files.setLastModifiedTime(target, FileTime.from(OLD.plusSeconds(60)));
            clock.advance(Duration.ofMinutes(5));
            await("the changed file sent again", () -> ingested(cat).size() == 2);
        }
    }

    @Test
    void usageErrors() {
        WatchCommand cmd = new WatchCommand();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(cmd);
        cl.setErr(new PrintWriter(err, true));
        assertThat(cl.execute("--server", "http://127.0.0.1:9", "--client-secret", "s")).isEqualTo(2);
        assertThat(err.toString()).contains("nothing to watch");
        assertThat(new CommandLine(new WatchCommand()).setErr(new PrintWriter(err, true))
                .execute("/tmp", "--server", "http://127.0.0.1:9", "--client-secret", "s", "--amqp-url", "http://x:1")).isEqualTo(2);
        assertThat(err.toString()).contains("--amqp-url must be amqp://");
        // the URL's user-info may hold the broker password: never echoed, however the URL is wrong
        for (String url : List.of("http://harvester:s3cret@x:1", "amqp://harvester:s3cret@", "amqp://harvester:s3cret@host:1/a b",
                "amqp://harvester:s3cret/x@host", "amqp://harvester:s3cret%@host:1")) {
            StringWriter secretErr = new StringWriter();
            assertThat(new CommandLine(new WatchCommand()).setErr(new PrintWriter(secretErr, true))
                    .execute("/tmp", "--server", "http://127.0.0.1:9", "--client-secret", "s", "--amqp-url", url)).as(url).isEqualTo(2);
            assertThat(secretErr.toString()).as(url).contains("--amqp-url").doesNotContain("s3cret");
        }
        assertThat(new CommandLine(new WatchCommand()).setErr(new PrintWriter(err, true))
                .execute("--server", "http://127.0.0.1:9", "--client-secret", "s", "--amqp-url", "amqp://127.0.0.1:9")).isEqualTo(2);
        assertThat(err.toString()).contains("--amqp-url needs the folders messages may name files in");
        assertThat(new CommandLine(new WatchCommand()).setErr(new PrintWriter(err, true))
                .execute("/tmp", "--server", "http://127.0.0.1:9", "--client-secret", "s", "--checksum", "md5")).isEqualTo(2);
        assertThat(err.toString()).contains("--checksum supports sha256");
        assertThat(new CommandLine(new WatchCommand()).setErr(new PrintWriter(err, true))
                .execute("/tmp", "--client-secret", "s", "--server", "")).isEqualTo(2);
        assertThat(err.toString()).contains("no server");
        assertThat(new CommandLine(new WatchCommand()).setErr(new PrintWriter(err, true))
                .execute("/tmp", "--server", "http://127.0.0.1:9", "--client-secret", "s", "--batch-size", "501")).isEqualTo(2);
        assertThat(err.toString()).contains("--batch-size must be between 1 and 500");
        StringWriter scanErr = new StringWriter();
        assertThat(new CommandLine(new ScanCommand()).setErr(new PrintWriter(scanErr, true))
                .execute("/tmp", "--dry-run", "--batch-size", "0")).isEqualTo(2);
        assertThat(scanErr.toString()).contains("harvest scan: --batch-size must be between 1 and 500");
    }

    private static void writeByte(Path f, long at, byte b) throws Exception {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[]{b}), at);
        }
    }
}
