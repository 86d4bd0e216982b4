package io.aperture.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Pid files: only the very process recorded counts, never one that merely got the same pid later. */
class LeftoversTest {
    @TempDir
    Path dir;

    @Test
    void theRecordedProcessIsFoundWhileItRuns() {
        Path pidFile = dir.resolve("run/x.pid");
        Leftovers.record(pidFile, ProcessHandle.current());
        assertThat(Leftovers.recorded(pidFile)).contains(ProcessHandle.current());
        Leftovers.forget(pidFile);
        assertThat(pidFile).doesNotExist();
        assertThat(Leftovers.recorded(pidFile)).isEmpty();
    }

    @Test
    void aRecycledPidIsNotMistakenForTheRecordedProcess() throws Exception {
        Path pidFile = dir.resolve("x.pid");
        // this JVM's pid, but a start time it does not have: what a reused pid looks like
        Files.writeString(pidFile, ProcessHandle.current().pid() + " 2001-01-01T00:00:00Z\n");
        assertThat(Leftovers.recorded(pidFile)).isEmpty();
        Files.writeString(pidFile, "not a pid");
        assertThat(Leftovers.recorded(pidFile)).isEmpty();
    }

    @Test
    void aRecordedLeftoverIsStopped() throws Exception {
        Process sleeper = new ProcessBuilder("sleep", "300").start();
        try {
            Path pidFile = dir.resolve("sleeper.pid");
            Leftovers.record(pidFile, sleeper.toHandle());
            Leftovers.stopRecorded(pidFile, "a sleeper");
            assertThat(sleeper.waitFor(5, TimeUnit.SECONDS)).isTrue();
            assertThat(pidFile).doesNotExist();
        } finally {
            sleeper.destroyForcibly();
        }
    }
}
