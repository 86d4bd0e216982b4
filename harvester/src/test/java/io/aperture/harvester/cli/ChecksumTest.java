package io.aperture.harvester.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.testsupport.RepoFiles;
import io.aperture.record.RecordSchema;
import io.aperture.harvester.ingest.Backoff;
import io.aperture.harvester.nexus.HostileLinkTargets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/** {@code --checksum sha256}: every digest is compared with the output of coreutils' sha256sum on the same file. */
class ChecksumTest {

    /** The digest as sha256sum prints it: an independent reading of the raw bytes. */
    static String sha256sum(Path file) throws Exception {
        Process p;
        try {
            p = new ProcessBuilder("sha256sum", file.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            assumeThat(false).as("sha256sum (coreutils) not installed").isTrue();
            return null;
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out.substring(0, out.indexOf(' '));
    }

    private static String[] run(Object cmd, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = new CommandLine(cmd).setOut(new PrintWriter(out)).setErr(new PrintWriter(err)).execute(args);
        return new String[]{String.valueOf(exit), out.toString(), err.toString()};
    }

    @Test
    void masterAndLinkedFilesGetTheSha256ThatSha256sumComputes() throws Exception {
        Path master = RepoFiles.nexus("links/external_master.hdf5");
        String[] r = run(new HarvestMain(), "file", master.toString(), "--dry-run", "--checksum", "sha256");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode records = new ObjectMapper().readTree(r[1]);
        assertThat(records).isNotEmpty();
        int checked = 0;
        for (JsonNode rec : records) {
            assertThat(RecordSchema.check(rec)).isEmpty();
            assertThat(rec.get("source").get("sha256").asText()).isEqualTo(sha256sum(master));
            for (JsonNode f : rec.get("files")) {
                if (f.get("missing").asBoolean()) {
                    assertThat(f.has("sha256")).isFalse();
                } else {
                    assertThat(f.get("sha256").asText()).as(f.get("path").asText())
                            .isEqualTo(sha256sum(Path.of(f.get("path").asText())));
                    checked++;
                }
            }
        }
        assertThat(checked).as("the master and its two link targets").isGreaterThanOrEqualTo(3);
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD) // the old code blocked for ever on the FIFO
    void linkTargetsOutsideTheMastersFolderOrNotRegularFilesAreNeverRead(@TempDir Path dir) throws Exception {
        Path master = HostileLinkTargets.master(dir);
        String[] r = run(new HarvestMain(), "file", master.toString(), "--dry-run", "--checksum", "sha256");
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        JsonNode rec = new ObjectMapper().readTree(r[1]).get(0);
        assertThat(rec.get("source").get("sha256").asText()).isEqualTo(sha256sum(master));
        String secretSum = sha256sum(HostileLinkTargets.secret(dir));
        assertThat(r[1]).doesNotContain(secretSum);
        for (JsonNode f : rec.get("files")) {
            if (!f.get("role").asText().equals("MASTER")) {
                assertThat(f.get("missing").asBoolean()).as(f.toString()).isTrue();
                assertThat(f.has("sha256")).isFalse();
                assertThat(f.has("size")).isFalse();
            }
        }
    }

    @Test
    void offByDefaultAndOnlySha256IsKnown() throws Exception {
        Path master = RepoFiles.nexus("links/external_master.hdf5");
        String[] r = run(new HarvestMain(), "file", master.toString(), "--dry-run");
        assertThat(r[1]).doesNotContain("sha256");
        String[] bad = run(new HarvestMain(), "file", master.toString(), "--dry-run", "--checksum", "md5");
        assertThat(bad[0]).isEqualTo("2");
        assertThat(bad[2]).contains("--checksum supports sha256");
    }

    @Test
    void scanSendsTheChecksumsToTheCatalogue(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        List<Path> files = new ArrayList<>();
        for (String rel : List.of("neutron/ipns_lrmecs_lrcs3701.nx5", "psi_sinq/dmc01.h5")) {
            Path t = data.resolve(Path.of(rel).getFileName());
            Files.copy(RepoFiles.nexus(rel), t);
            Files.setLastModifiedTime(t, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
            files.add(t);
        }
        try (FakeCatalogue cat = new FakeCatalogue()) {
            ScanCommand scan = new ScanCommand();
            scan.clock = Clock.systemUTC();
            scan.backoff = new Backoff(2, Duration.ofMillis(1), Duration.ofMillis(1), d -> { });
            String[] r = run(scan, data.toString(), "--server", cat.url(), "--oidc-url", cat.oidc(),
                    "--client-secret", "harvester-secret", "--checksum", "sha256");
            assertThat(r[0]).as(r[2]).isEqualTo("0");
            int seen = 0;
            for (JsonNode batch : cat.batches) {
                for (JsonNode rec : batch.get("records")) {
                    Path p = Path.of(rec.get("source").get("path").asText());
                    assertThat(files).contains(p);
                    assertThat(rec.get("files").get(0).get("role").asText()).isEqualTo("MASTER");
                    assertThat(rec.get("files").get(0).get("sha256").asText()).isEqualTo(sha256sum(p));
                    seen++;
                }
            }
            assertThat(seen).isEqualTo(3);
        }
    }
}
