package io.aperture.harvester.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.testsupport.RepoFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** SIGTERM on a real {@code harvest watch} process: it finishes, saves its state and says so. */
class WatchShutdownIT {

    @Test
    void sigtermStopsTheWatcherCleanly(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve("data"));
        Path file = data.resolve("dmc01.h5");
        Files.copy(RepoFiles.nexus("psi_sinq/dmc01.h5"), file);
        Files.setLastModifiedTime(file, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        Path state = dir.resolve("state.json");
        String java = ProcessHandle.current().info().command().orElse("java");
        try (FakeCatalogue cat = new FakeCatalogue()) {
            ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                    HarvestMain.class.getName(), "watch", data.toString(), "--server", cat.url(), "--oidc-url", cat.oidc(),
                    "--client-secret", "harvester-secret", "--state", state.toString(), "--rescan", "PT1H")
                    .redirectErrorStream(true);
            Process p = pb.start();
            StringBuilder out = new StringBuilder();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        synchronized (out) {
                            out.append(line).append('\n');
                        }
                    }
                } catch (Exception ignored) {
                    // process gone
                }
            });
            reader.start();
            try {
                long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!text(out).contains("OK " + file)) {
                    assertThat(p.isAlive()).as(text(out)).isTrue();
                    assertThat(System.nanoTime()).as("no OK line in: %s", text(out)).isLessThan(end);
                    Thread.sleep(50);
                }
                p.toHandle().destroy(); // SIGTERM (Process.destroy would also close our end of its output)
                assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
                reader.join(5000);
                assertThat(p.exitValue()).isEqualTo(143); // 128 + SIGTERM: the JVM's own exit for a signal
                assertThat(text(out)).contains("stopped: ok 1, skipped 0, in-progress 0, failed 0; 0 files still pending");
                assertThat(new ObjectMapper().readTree(state.toFile()).has(file.toString())).isTrue();
            } finally {
                p.destroyForcibly();
            }
        }
    }

    private static String text(StringBuilder sb) {
        synchronized (sb) {
            return sb.toString();
        }
    }
}
