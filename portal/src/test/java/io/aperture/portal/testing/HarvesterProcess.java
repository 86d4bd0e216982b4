package io.aperture.portal.testing;

import io.aperture.testsupport.RepoFiles;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code harvest watch} as a process of its own, as a beamline runs it: the harvester's classes and runtime classpath
 * (written by its build), listening to the broker's scan queue and sending records to a catalogue server.
 * Its output is kept for assertions and failure messages.
 */
public final class HarvesterProcess {
    private final Process process;
    private final StringBuilder output = new StringBuilder();

    private HarvesterProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, "harvester-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a watcher on the queue only (no folders), with its own state file, taking messages for files below a folder. */
    public static HarvesterProcess watch(Broker broker, String serverUrl, String oidcUrl, Path state, Path acceptUnder) {
        Path harvester = RepoFiles.path("harvester/target");
        Path classpathFile = harvester.resolve("harvester.classpath");
        if (!Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException(classpathFile + " is missing: the harvester's package phase writes it");
        }
        String classpath;
        try {
            classpath = harvester.resolve("classes") + ":" + Files.readString(classpathFile).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", classpath, "io.aperture.harvester.cli.HarvestMain", "watch",
                "--amqp-url", broker.url(), "--server", serverUrl, "--oidc-url", oidcUrl,
                "--client-secret", "harvester-secret", "--state", state.toString(), "--rescan", "PT1H",
                "--accept-under", acceptUnder.toString()));
        broker.user().ifPresent(u -> cmd.addAll(List.of("--amqp-user", u, "--amqp-password", broker.password().orElse(""))));
        try {
            return new HarvesterProcess(new ProcessBuilder(cmd).redirectErrorStream(true).start());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start harvest watch", e);
        }
    }

    public String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook runs, nothing is saved, unsettled messages go back to the queue. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, as a service manager stops it. */
    public void stop() throws InterruptedException {
        process.toHandle().destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
