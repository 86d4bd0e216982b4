package io.aperture.harvester.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.harvester.ingest.Backoff;
import io.aperture.testsupport.RepoFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code harvest scan} tells the catalogue what it harvested and what it refused (docs/harvester.md "Harvest health"). */
class HarvestHealthReportTest {

    private static String[] runScan(FakeCatalogue cat, Path data, Path state) {
        ScanCommand s = new ScanCommand();
        s.clock = Clock.systemUTC();
        s.backoff = new Backoff(2, Duration.ofMillis(1), Duration.ofMillis(5), d -> { });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(s);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(data.toString(), "--server", cat.url(), "--oidc-url", cat.oidc(),
                "--client-secret", "harvester-secret", "--state", state.toString());
        return new String[]{String.valueOf(exit), out.toString(), err.toString()};
    }

    private static Path data(Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        for (String rel : new String[]{"psi_sinq/dmc01.h5", "bad/napi_nxtest_hdf4.hdf", "links/external_angles.hdf5"}) {
            Path target = data.resolve(Path.of(rel).getFileName());
            Files.copy(RepoFiles.nexus(rel), target);
            Files.setLastModifiedTime(target, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        }
        return data;
    }

    @Test
    void aScanReportsTheHarvestedCountAndEachRefusalWithItsReason(@TempDir Path dir) throws Exception {
        Path data = data(dir);
        try (FakeCatalogue cat = new FakeCatalogue()) {
            String[] r = runScan(cat, data, dir.resolve("state.json"));
            assertThat(r[0]).as(r[2]).isEqualTo("1"); // the bad file fails the scan
            assertThat(cat.healthReports).hasSize(1);
            JsonNode report = cat.healthReports.getFirst();
            assertThat(report.get("harvested").asLong()).isEqualTo(1);
            // plain HDF5 beside the masters is skipped, not refused
            assertThat(report.get("events")).hasSize(1);
            JsonNode refused = report.get("events").get(0);
            assertThat(refused.get("kind").asText()).isEqualTo("REFUSED");
            assertThat(refused.get("subject").asText()).isEqualTo(data.resolve("napi_nxtest_hdf4.hdf").toString());
            assertThat(refused.get("reason").asText()).contains("HDF4");
            assertThat(Instant.parse(refused.get("at").asText())).isAfter(Instant.parse("2026-01-01T00:00:00Z"));

            // a second scan harvests nothing new; the bad file is not remembered as done, so it is refused again
            runScan(cat, data, dir.resolve("state.json"));
            assertThat(cat.healthReports).hasSize(2);
            assertThat(cat.healthReports.get(1).get("harvested").asLong()).isZero();
            assertThat(cat.healthReports.get(1).get("events")).hasSize(1);
        }
    }

    @Test
    void aCatalogueThatCannotTakeTheReportDoesNotStopTheScan(@TempDir Path dir) throws Exception {
        Path data = data(dir);
        try (FakeCatalogue cat = new FakeCatalogue()) {
            cat.healthStatus = 503;
            String[] r = runScan(cat, data, dir.resolve("state.json"));
            assertThat(r[1]).contains("ok 1, skipped 1, in-progress 0, failed 1");
            assertThat(r[2]).contains("harvest health not reported (1 events)").contains("503").contains("(dropped)");
            assertThat(cat.healthReports).isEmpty();
            assertThat(Files.readString(dir.resolve("state.json"))).contains("dmc01.h5");
        }
    }

    @Test
    void aReportTheCatalogueRefusesWith400IsDroppedAndSaidSo(@TempDir Path dir) throws Exception {
        Path data = data(dir);
        try (FakeCatalogue cat = new FakeCatalogue()) {
            cat.healthStatus = 400;
            String[] r = runScan(cat, data, dir.resolve("state.json"));
            assertThat(r[1]).contains("ok 1, skipped 1, in-progress 0, failed 1");
            assertThat(r[2]).contains("1 events refused by the catalogue and dropped").contains("answered 400");
            assertThat(cat.healthReports).isEmpty();
        }
    }
}
