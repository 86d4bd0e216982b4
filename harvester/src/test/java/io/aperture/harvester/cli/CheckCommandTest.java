package io.aperture.harvester.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.testsupport.RepoFiles;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code harvest check}: the grouped report, the summary line, JSON for machines and the exit codes for CI. */
class CheckCommandTest {

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new HarvestMain());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    private static String nexus(String rel) {
        return RepoFiles.nexus(rel).toString();
    }

    @Test
    void textReportGroupsFindingsByLevelAndEndsWithASummary() {
        Run r = run("check", nexus("tomo/dls_i13_24888.nxs"), nexus("misc/writer_1_3.h5"), nexus("bad/napi_nxtest_hdf4.hdf"));

        assertThat(r.exit()).isEqualTo(1);
        String[] lines = r.out().split("\n");
        assertThat(lines[0]).endsWith("tomo/dls_i13_24888.nxs: FAIL (7 errors, 12 warnings, 0 info)");
        assertThat(lines[1]).isEqualTo("  ERROR");
        assertThat(r.out()).contains("    required  /entry1/tomo_entry/sample/name: NXtomo requires field name\n")
                .contains("  WARNING\n    enumeration  /entry1/instrument/source/probe: ")
                .contains("misc/writer_1_3.h5: PASS (0 errors, 1 warnings, 0 info)\n  WARNING\n    legacy-plot  /Scan/data: ")
                .contains("bad/napi_nxtest_hdf4.hdf: REFUSED HDF4: ");
        assertThat(lines[lines.length - 1])
                .isEqualTo("checked 3 files: 1 passed, 1 failed, 1 refused; 7 errors, 13 warnings, 0 info");
    }

    @Test
    void exitCodeIsZeroWhenEveryFilePassesAndFailOnWarningIsStricter() {
        assertThat(run("check", nexus("misc/writer_1_3.h5")).exit()).isZero();
        assertThat(run("check", "--fail-on", "warning", nexus("misc/writer_1_3.h5")).exit()).isEqualTo(1);
        assertThat(run("check", "--fail-on", "warning", nexus("neutron/isis_sans2d_minimal_events.nxs")).exit()).isZero();
    }

    @Test
    void jsonReportForMachines() throws Exception {
        Run r = run("check", "--format", "json", nexus("tomo/dls_i13_24888.nxs"), nexus("bad/aps_14bmc_0015.xml"));

        assertThat(r.exit()).isEqualTo(1);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.at("/summary/files").asInt()).isEqualTo(2);
        assertThat(report.at("/summary/failed").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/refused").asInt()).isEqualTo(1);
        assertThat(report.at("/summary/errors").asInt()).isEqualTo(7);
        JsonNode tomo = report.at("/files/0");
        assertThat(tomo.get("passes").asBoolean()).isFalse();
        assertThat(tomo.get("findings")).hasSize(19);
        JsonNode name = null;
        for (JsonNode f : tomo.get("findings")) {
            if (f.get("path").asText().equals("/entry1/tomo_entry/sample/name")) {
                name = f;
            }
        }
        assertThat(name).isNotNull();
        assertThat(name.get("level").asText()).isEqualTo("error");
        assertThat(name.get("rule").asText()).isEqualTo("required");
        assertThat(name.get("message").asText()).isEqualTo("NXtomo requires field name");
        assertThat(report.at("/files/1/refused").asText()).startsWith("XML: ");
        assertThat(report.at("/files/1/findings")).isEmpty();
    }

    @Test
    void maxFindingsBoundsTheReport() {
        Run r = run("check", "--max-findings", "2", nexus("tomo/dls_i13_24888.nxs"));

        assertThat(r.out()).contains("  ... 17 more findings not listed (--max-findings)");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(run("check").exit()).isEqualTo(2);
        Run zero = run("check", "--max-findings", "0", nexus("misc/writer_1_3.h5"));
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).contains("--max-findings must be at least 1");
        assertThat(run("check", "--format", "yaml", nexus("misc/writer_1_3.h5")).exit()).isEqualTo(2);
    }
}
