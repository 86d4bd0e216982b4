package io.aperture.harvester.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.testsupport.RepoFiles;
import io.aperture.record.RecordSchema;
import io.aperture.harvester.ingest.Backoff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HarvestCliTest {

    record Run(int exit, String out, String err) {
    }

    private static Run run(Object command, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static ScanCommand scan(Clock clock) {
        ScanCommand s = new ScanCommand();
        s.clock = clock;
        s.backoff = new Backoff(4, Duration.ofMillis(1), Duration.ofMillis(5), d -> { });
        return s;
    }

    private static Path copy(String rel, Path dir) throws Exception {
        Path target = dir.resolve(Path.of(rel).getFileName());
        Files.copy(RepoFiles.nexus(rel), target);
        // an old mtime: finished files, outside any quiet period
        Files.setLastModifiedTime(target, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        return target;
    }

    @Test
    void fileDryRunPrintsValidRecordArray() throws Exception {
        Run r = run(new HarvestMain(), "file", RepoFiles.nexus("neutron/ipns_lrmecs_lrcs3701.nx5").toString(), "--dry-run");
        assertThat(r.exit()).isZero();
        JsonNode arr = new ObjectMapper().readTree(r.out());
        assertThat(arr.isArray()).isTrue();
        assertThat(arr).hasSize(2);
        for (JsonNode rec : arr) {
            assertThat(RecordSchema.check(rec)).isEmpty();
        }
        assertThat(arr.get(0).get("startTime").asText()).isEqualTo("2001-02-07T14:54:21Z");
    }

    @Test
    void fileWithBadInputNamesFileAndProblem() {
        Path bad = RepoFiles.nexus("bad/napi_nxtest_hdf4.hdf");
        Run r = run(new HarvestMain(), "file", bad.toString(), "--dry-run");
        assertThat(r.exit()).isNotZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains(bad.toString()).contains("HDF4");
    }

    @Test
    void scanPostsWithBearerTokenAndRemembersDoneFiles(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        copy("psi_sinq/dmc01.h5", data);
        copy("neutron/ipns_lrmecs_lrcs3701.nx5", data);
        copy("links/external_angles.hdf5", data); // plain HDF5: skipped, not failed
        Path state = dir.resolve("state.json");
        Path report = dir.resolve("report.json");
        try (FakeCatalogue cat = new FakeCatalogue()) {
            Run r = run(scan(Clock.systemUTC()), data.toString(), "--server", cat.url(), "--oidc-url", cat.oidc(),
                    "--client-secret", "harvester-secret", "--state", state.toString(), "--report", report.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("ok 2, skipped 1, in-progress 0, failed 0; 3 records sent");
            assertThat(cat.tokenForms).hasSize(1);
            assertThat(cat.tokenForms.getFirst()).contains("client_id=aperture-harvester");
            assertThat(cat.authorizations).containsOnly("Bearer tok-1");
            List<String> titles = new ArrayList<>();
            cat.batches.forEach(b -> b.get("records").forEach(rec -> titles.add(rec.get("title").asText())));
            assertThat(titles).contains("Ga0.94Mn0.04Sb_8mm 2.567A T=4", "MgB2 PDOS 43.37g 8K 120meV E0@240Hz T0@120Hz");
            JsonNode rep = new ObjectMapper().readTree(report.toFile());
            assertThat(rep.get("summary").get("OK").asInt()).isEqualTo(2);
            assertThat(rep.get("summary").get("SKIPPED").asInt()).isEqualTo(1);

            Run again = run(scan(Clock.systemUTC()), data.toString(), "--server", cat.url(), "--oidc-url", cat.oidc(),
                    "--client-secret", "harvester-secret", "--state", state.toString());
            assertThat(again.exit()).isZero();
            assertThat(again.out()).contains("ok 0, skipped 3, in-progress 0, failed 0; 0 records sent");
            assertThat(cat.ingestCalls.get()).isEqualTo(1);

            // a changed file is harvested again
            Files.setLastModifiedTime(data.resolve("dmc01.h5"), FileTime.from(Instant.parse("2024-02-01T00:00:00Z")));
            Run third = run(scan(Clock.systemUTC()), data.toString(), "--server", cat.url(), "--oidc-url", cat.oidc(),
                    "--client-secret", "harvester-secret", "--state", state.toString());
            assertThat(third.out()).contains("ok 1, skipped 2");
        }
    }

    @Test
    void serverErrorsAreRetriedAndAFailedBatchIsNeverMarkedDone(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        copy("psi_sinq/dmc01.h5", data);
        Path state = dir.resolve("state.json");
        try (FakeCatalogue cat = new FakeCatalogue()) {
            cat.ingestStatus = n -> n < 2 ? 503 : 200;
            Run r = run(scan(Clock.systemUTC()), data.toString(), "--server", cat.url(), "--oidc-url", cat.oidc(),
                    "--client-secret", "harvester-secret", "--state", state.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(cat.ingestCalls.get()).isEqualTo(3);

            Path more = Files.createDirectory(dir.resolve("more"));
            copy("psi_sinq/focus2007n001335.hdf", more);
            cat.ingestStatus = n -> 500;
            Path state2 = dir.resolve("state2.json");
            Run failed = run(scan(Clock.systemUTC()), more.toString(), "--server", cat.url(), "--oidc-url", cat.oidc(),
                    "--client-secret", "harvester-secret", "--state", state2.toString());
            assertThat(failed.exit()).isEqualTo(1);
            assertThat(failed.err()).contains("focus2007n001335.hdf").contains("500").contains("gave up after 4 attempts");
            assertThat(Files.readString(state2)).doesNotContain("focus2007n001335.hdf");
        }
    }

    @Test
    void aBatchRefusedForItsSizeIsSplitAndOnlyARecordTooLargeAloneFails(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        copy("psi_sinq/dmc01.h5", data);
        copy("neutron/ipns_lrmecs_lrcs3701.nx5", data);
        List<Integer> dmc = recordSizes(data.resolve("dmc01.h5"));
        List<Integer> ipns = recordSizes(data.resolve("ipns_lrmecs_lrcs3701.nx5"));
        assertThat(dmc).hasSize(1);
        assertThat(ipns).hasSize(2);
        int largest = Math.max(dmc.getFirst(), Math.max(ipns.get(0), ipns.get(1)));
        int largestIpns = Math.max(ipns.get(0), ipns.get(1));
        assertThat(largestIpns).isGreaterThan(dmc.getFirst() + 200);
        try (FakeCatalogue cat = new FakeCatalogue()) {
            // every record fits alone, no two together: the batch of three is halved until each part is taken
            cat.maxBody = largest + 100;
            Path state = dir.resolve("state.json");
            Run r = run(scan(Clock.systemUTC()), data.toString(), "--server", cat.url(), "--oidc-url", cat.oidc(),
                    "--client-secret", "harvester-secret", "--state", state.toString());
            assertThat(r.exit()).as(r.err()).isZero();
            assertThat(r.out()).contains("ok 2, skipped 0, in-progress 0, failed 0; 3 records sent");
            assertThat(cat.batches).hasSize(3);

            // the largest record alone is too large: its file fails for good (not retryable), the other is taken
            cat.maxBody = dmc.getFirst() + 100;
            Path state2 = dir.resolve("state2.json");
            Path report = dir.resolve("report.json");
            Run big = run(scan(Clock.systemUTC()), data.toString(), "--server", cat.url(), "--oidc-url", cat.oidc(),
                    "--client-secret", "harvester-secret", "--state", state2.toString(), "--report", report.toString());
            assertThat(big.exit()).isEqualTo(1);
            assertThat(big.out()).contains("ok 1, skipped 0, in-progress 0, failed 1");
            assertThat(big.err()).contains("FAILED " + data.resolve("ipns_lrmecs_lrcs3701.nx5") + ": rejected: TOO_LARGE record of")
                    .contains("413").doesNotContain("dmc01");
            List<JsonNode> failed = new ArrayList<>();
            new ObjectMapper().readTree(report.toFile()).get("files").forEach(f -> {
                if (f.get("status").asText().equals("FAILED")) {
                    failed.add(f);
                }
            });
            assertThat(failed).isNotEmpty().allSatisfy(f -> assertThat(f.get("retryable").asBoolean()).isFalse());
        }
    }

    /** Each record's size as compact JSON, from a dry run of one file. */
    private static List<Integer> recordSizes(Path file) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        new ObjectMapper().readTree(run(scan(Clock.systemUTC()), file.toString(), "--dry-run").out())
                .forEach(rec -> sizes.add(rec.toString().getBytes(StandardCharsets.UTF_8).length));
        return sizes;
    }

    @Test
    void aRootThatIsALinkToAFolderIsCrawledAndItsFilesKeepTheGivenName(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("gpfs/data"));
        copy("psi_sinq/dmc01.h5", Files.createDirectory(data.resolve("visit")));
        Path linked = Files.createSymbolicLink(dir.resolve("data"), data);
        Run r = run(scan(Clock.systemUTC()), linked.toString(), "--dry-run");
        assertThat(r.err()).contains("ok 1, skipped 0, in-progress 0, failed 0");
        JsonNode records = new ObjectMapper().readTree(r.out());
        assertThat(records).hasSize(1);
        assertThat(records.get(0).get("source").get("path").asText()).isEqualTo(linked.resolve("visit/dmc01.h5").toString());
    }

    @Test
    void unreachableServerAndRejectedRecordsFail(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        copy("psi_sinq/dmc01.h5", data);
        Path state = dir.resolve("state.json");
        Run down = run(scan(Clock.systemUTC()), data.toString(), "--server", "http://127.0.0.1:1", "--oidc-url",
                "http://127.0.0.1:1/realms/aperture", "--client-secret", "harvester-secret", "--state", state.toString());
        assertThat(down.exit()).isEqualTo(1);
        assertThat(down.err()).contains("dmc01.h5").contains("not accepted");
        assertThat(Files.readString(state)).doesNotContain("dmc01");

        try (FakeCatalogue cat = new FakeCatalogue()) {
            cat.statusFor = i -> "REJECTED";
            Run rejected = run(scan(Clock.systemUTC()), data.toString(), "--server", cat.url(), "--oidc-url", cat.oidc(),
                    "--client-secret", "harvester-secret", "--state", state.toString());
            assertThat(rejected.exit()).isEqualTo(1);
            assertThat(rejected.err()).contains("rejected: REJECTED scripted rejection");
            assertThat(Files.readString(state)).doesNotContain("dmc01");
        }
    }

    @Test
    void filesStillBeingWrittenAreLeftForLater(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        // superblock v3 file with the "open for write" + SWMR consistency flags set (byte 11)
        Path writing = copy("neutron/isis_sans2d_minimal_events.nxs", data);
        try (FileChannel ch = FileChannel.open(writing, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[]{0x05}), 11);
        }
        // no end_time and modified 2 minutes before "now"
        Path recent = copy("psi_sinq/dmc01.h5", data);
        Instant now = Instant.parse("2025-06-01T12:00:00Z");
        // changed an hour ago: a writer still has it (flags on a file unchanged for a day no longer count)
        Files.setLastModifiedTime(writing, FileTime.from(now.minusSeconds(3600)));
        Files.setLastModifiedTime(recent, FileTime.from(now.minusSeconds(120)));
        Clock clock = Clock.fixed(now, ZoneOffset.UTC);
        Run r = run(scan(clock), data.toString(), "--dry-run", "--quiet-period", "PT10M");
        assertThat(r.exit()).isZero();
        assertThat(r.err()).contains("IN-PROGRESS " + writing).contains("SWMR");
        assertThat(r.err()).contains("IN-PROGRESS " + recent).contains("no end_time");
        assertThat(r.err()).contains("ok 0, skipped 0, in-progress 2, failed 0");
        assertThat(r.out().strip()).isEqualTo("[]");

        Run later = run(scan(Clock.fixed(now.plusSeconds(3600), ZoneOffset.UTC)), recent.toString(), "--dry-run");
        assertThat(later.err()).contains("ok 1");

        // a modification time a year ahead (a restored timestamp) does not hold the file until then: harvested, warned
        Files.setLastModifiedTime(recent, FileTime.from(now.plus(Duration.ofDays(365))));
        Run future = run(scan(clock), recent.toString(), "--dry-run", "--quiet-period", "PT10M");
        assertThat(future.err()).contains("ok 1");
        assertThat(new ObjectMapper().readTree(future.out()).get(0).get("warnings").toString())
                .contains("in the future: the time is not believed");
    }

    @Test
    void scanNeverStopsOnBadFilesAndHasAPerFileTimeLimit(@TempDir Path dir) throws Exception {
        // the test files' mtimes are those of the checkout (seconds old on a fresh clone): no quiet period here
        Run r = run(scan(Clock.systemUTC()), RepoFiles.nexus("bad/aps_14bmc_0015_hdf4.nexus").getParent().toString(),
                RepoFiles.nexus("misc/writer_1_3.h5").toString(), "--dry-run", "--quiet-period", "PT0S",
                "--report", dir.resolve("r.json").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("ok 1, skipped 0, in-progress 0, failed 3");
        assertThat(new ObjectMapper().readTree(r.out())).hasSize(1);

        Run slow = run(scan(Clock.systemUTC()), RepoFiles.nexus("misc/soleil_file_2.nxs").toString(), "--dry-run",
                "--quiet-period", "PT0S", "--file-timeout", "PT0.001S");
        assertThat(slow.exit()).isEqualTo(1);
        assertThat(slow.err()).contains("per-file time limit");
    }

    @Test
    void scanWithoutServerOrSecretIsAUsageError() {
        Run r = run(new ScanCommand(), "/tmp");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no server");
    }
}
