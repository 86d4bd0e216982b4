package io.aperture.harvester.watch;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScanFinishedMessageTest {

    @Test
    void jsonWithEventAndPath() throws Exception {
        ScanFinishedMessage m = ScanFinishedMessage.parse(
                "{\"event\":\"scan-finished\",\"path\":\"/dls/i03/data/2024/cm1234-1/scan_1.nxs\",\"beamline\":\"i03\"}");
        assertThat(m.path()).isEqualTo(Path.of("/dls/i03/data/2024/cm1234-1/scan_1.nxs"));
    }

    @Test
    void jsonWithoutEventAndPlainTextPathAndUtf8Bytes() throws Exception {
        assertThat(ScanFinishedMessage.parse("{\"path\":\"/data/a.nxs\"}").path()).isEqualTo(Path.of("/data/a.nxs"));
        assertThat(ScanFinishedMessage.parse("  /data/scan 1.nxs\n").path()).isEqualTo(Path.of("/data/scan 1.nxs"));
        assertThat(ScanFinishedMessage.parse("/data/μ/../b.nxs".getBytes(StandardCharsets.UTF_8)).path())
                .isEqualTo(Path.of("/data/b.nxs"));
    }

    @Test
    void malformedBodiesSayWhatIsWrong() {
        assertRejected("", "empty body");
        assertRejected("{\"event\":\"scan-finished\"}", "no \"path\"");
        assertRejected("{\"event\":\"scan-started\",\"path\":\"/a.nxs\"}", "expected \"scan-finished\"");
        assertRejected("{\"path\":42}", "must be a string");
        assertRejected("{\"path\":\"relative/a.nxs\"}", "must be absolute");
        assertRejected("scan_1.nxs", "must be absolute");
        assertRejected("{\"path\":", "not valid JSON");
        assertRejected("[\"/a.nxs\"]", "must be absolute"); // an array is not a JSON object body, and not a path either
        assertRejected("/a.nxs\n/b.nxs", "several lines");
        assertThatThrownBy(() -> ScanFinishedMessage.parse(new byte[]{'/', (byte) 0xff, 'a'}))
                .hasMessageContaining("not UTF-8");
        assertThatThrownBy(() -> ScanFinishedMessage.parse(new byte[ScanFinishedMessage.MAX_BODY + 1]))
                .hasMessageContaining("at most");
    }

    private static void assertRejected(String body, String why) {
        assertThatThrownBy(() -> ScanFinishedMessage.parse(body))
                .isInstanceOf(ScanFinishedMessage.MalformedMessageException.class).hasMessageContaining(why);
    }
}
