package io.aperture.stack;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** StackMain as ./aperture runs it: its own JVM on the classpath the build wrote, stopped with SIGTERM. */
class StackMainIT {
    @TempDir
    Path dir;

    @Test
    void startsWritesTheEnvFileAndStopsEverythingOnSigterm() throws Exception {
        Path classpathFile = Path.of("target/stack.classpath");
        assertThat(classpathFile).as("written by the build").exists();
        int pg = Ports.free(), amqp = Ports.free();
        Path env = dir.resolve("stack.env");
        List<String> cmd = List.of(Jdk.java(), "-cp", Files.readString(classpathFile).strip(), StackMain.class.getName(),
                "--data-dir", dir.resolve("data").toString(), "--env-file", env.toString(),
                "--pg-port", String.valueOf(pg), "--amqp-port", String.valueOf(amqp), "--only", "postgres,broker");
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).start();
        try {
            List<String> out = new ArrayList<>();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    out.add(line);
                    if (line.equals("stack ready")) {
                        break;
                    }
                }
                assertThat(out).as("stdout; stderr: %s", Files.readString(dir.resolve("stderr.txt"))).containsExactly("stack ready");

                Properties vars = new Properties();
                vars.load(Files.newBufferedReader(env));
                assertThat(vars).containsEntry("APERTURE_DB_URL", "jdbc:postgresql://127.0.0.1:" + pg + "/aperture")
                        .containsEntry("APERTURE_DB_USER", "aperture").containsEntry("APERTURE_DB_PASSWORD", "aperture")
                        .containsEntry("APERTURE_AMQP_HOST", "127.0.0.1").containsEntry("APERTURE_AMQP_PORT", String.valueOf(amqp))
                        .containsEntry("APERTURE_AMQP_USER", "harvester").containsEntry("APERTURE_AMQP_SENDER_USER", "acquisition")
                        .containsEntry("APERTURE_EVENTS_AMQP_URL", "amqp://127.0.0.1:" + amqp).containsEntry("APERTURE_EVENTS_USER", "catalogue")
                        .containsKeys("APERTURE_AMQP_PASSWORD", "APERTURE_AMQP_SENDER_PASSWORD", "APERTURE_EVENTS_PASSWORD")
                        .doesNotContainKeys("APERTURE_SEARCH_HOSTS", "APERTURE_OIDC_URL");
                try (Connection c = DriverManager.getConnection(vars.getProperty("APERTURE_DB_URL"), "aperture", "aperture")) {
                    assertThat(c.isValid(5)).isTrue();
                }
                assertThat(Files.readString(dir.resolve("data/logs/stack.log"))).contains("AMQ221007"); // Artemis: server is now active

                List<ProcessHandle> children = p.descendants().toList();
                p.destroy(); // SIGTERM
                assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
                for (ProcessHandle h : children) {
                    assertThat(h.isAlive()).as("child %s", h.info().commandLine().orElse("?")).isFalse();
                }
            }
            assertThat(env).as("removed on the way out").doesNotExist();
            assertThat(dir.resolve("data/postgres/data/postmaster.pid")).doesNotExist();
            assertThat(Ports.isFree(pg)).isTrue();
            assertThat(Ports.isFree(amqp)).isTrue();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void afterAHardKillOpenSearchStopsItselfAndTheNextStartStopsWhatIsLeft() throws Exception {
        int pg = Ports.free(), search = Ports.free(), kc = Ports.free();
        Path data = dir.resolve("data");
        List<String> cmd = List.of(Jdk.java(), "-cp", Files.readString(Path.of("target/stack.classpath")).strip(),
                StackMain.class.getName(), "--data-dir", data.toString(), "--pg-port", String.valueOf(pg),
                "--search-port", String.valueOf(search), "--keycloak-port", String.valueOf(kc),
                "--only", "postgres,opensearch,keycloak");
        Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("stderr.txt").toFile()).start();
        List<ProcessHandle> children;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(r.readLine()).as("stderr: %s", Files.readString(dir.resolve("stderr.txt"))).isEqualTo("stack ready");
            children = p.descendants().toList();
            p.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook runs
        }
        ProcessHandle openSearch = Leftovers.recorded(data.resolve("run/opensearch.pid")).orElseThrow();
        assertThat(children).contains(openSearch);
        openSearch.onExit().get(60, TimeUnit.SECONDS); // it watches the supervisor and stops when it is gone
        assertThat(Ports.isFree(pg)).as("PostgreSQL outlived the kill").isFalse();
        assertThat(Ports.isFree(kc)).as("Keycloak outlived the kill").isFalse();

        try (EmbeddedStack again = EmbeddedStack.builder(data).postgresPort(pg).searchPort(search).keycloakPort(kc)
                .only(Set.of(StackService.POSTGRES, StackService.OPENSEARCH, StackService.KEYCLOAK)).build()) {
            StackEndpoints e = again.start();
            try (Connection c = DriverManager.getConnection(e.jdbcUrl(), e.dbUser(), e.dbPassword())) {
                assertThat(c.isValid(5)).isTrue();
            }
            assertThat(children).allSatisfy(h -> assertThat(h.isAlive()).as("old %s", h.info().command().orElse("?")).isFalse());
        }
        assertThat(Ports.isFree(pg)).isTrue();
        assertThat(Ports.isFree(kc)).isTrue();
        assertThat(Ports.isFree(search)).isTrue();
    }

    @Test
    void whenAServiceDiesLaterTheRestIsStoppedAndStackMainExitsWithAnError() throws Exception {
        int search = Ports.free(), amqp = Ports.free();
        Path data = dir.resolve("data");
        Path env = dir.resolve("stack.env");
        List<String> cmd = List.of(Jdk.java(), "-cp", Files.readString(Path.of("target/stack.classpath")).strip(),
                StackMain.class.getName(), "--data-dir", data.toString(), "--env-file", env.toString(),
                "--search-port", String.valueOf(search), "--amqp-port", String.valueOf(amqp), "--only", "opensearch,broker");
        Path stderr = dir.resolve("stderr.txt");
        Process p = new ProcessBuilder(cmd).redirectError(stderr.toFile()).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(r.readLine()).as("stderr: %s", Files.readString(stderr)).isEqualTo("stack ready");
            ProcessHandle openSearch = Leftovers.recorded(data.resolve("run/opensearch.pid")).orElseThrow();
            openSearch.destroyForcibly();

            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(1);
            assertThat(Files.readString(stderr)).contains("aperture: OpenSearch stopped unexpectedly; see its log in "
                    + data.resolve("logs") + ". Stopping the rest.");
            assertThat(env).doesNotExist();
            assertThat(Ports.isFree(amqp)).isTrue();
        } finally {
            p.destroyForcibly();
        }
    }

    @Test
    void aDataFolderInUseByARunningStackIsRefused() {
        try (EmbeddedStack first = EmbeddedStack.builder(dir).amqpPort(Ports.free()).only(Set.of(StackService.BROKER)).build()) {
            first.start();
            EmbeddedStack second = EmbeddedStack.builder(dir).amqpPort(Ports.free()).only(Set.of(StackService.BROKER)).build();
            assertThatThrownBy(second::start).hasMessage("the data folder " + dir.toAbsolutePath()
                    + " is in use by another running stack (pid " + ProcessHandle.current().pid()
                    + "): stop that one first, or give this one another data folder");
        }
        // once the first has stopped, the folder is free again
        try (EmbeddedStack third = EmbeddedStack.builder(dir).amqpPort(Ports.free()).only(Set.of(StackService.BROKER)).build()) {
            assertThat(third.start().amqpPort()).isPositive();
        }
    }

    @Test
    void aBadOptionIsRejectedWithTheUsage() {
        assertThatThrownBy(() -> StackMain.parse(new String[]{"--data-dir"})).hasMessageStartingWith("usage: StackMain");
        assertThatThrownBy(() -> StackMain.parse(new String[]{"--colour", "blue"})).hasMessageStartingWith("usage: StackMain");
        assertThat(StackMain.parse(new String[]{"--data-dir", "x", "--only", "postgres"}))
                .isEqualTo(Map.of("--data-dir", "x", "--only", "postgres"));
        assertThatThrownBy(() -> StackService.fromCliName("redis")).hasMessageContaining("unknown service 'redis'");
        assertThat(StackMain.parse(new String[]{"--fast-unsafe", "--data-dir", "x"}))
                .isEqualTo(Map.of("--fast-unsafe", "true", "--data-dir", "x"));
        assertThatThrownBy(() -> StackMain.parse(new String[]{"--data-dir", "x", "--pg-port"})).hasMessageStartingWith("usage: StackMain");
    }

    @Test
    void theEnvFileIsWrittenWholeInOneMove() throws Exception {
        Path env = dir.resolve("sub/stack.env");
        StackEndpoints e = StackEndpoints.NONE.withDatabase("jdbc:postgresql://127.0.0.1:1/aperture", "u", "p")
                .withSearch("127.0.0.1:2", new SearchCredentials("aperture", "s3cret"));
        StackMain.writeEnv(env, e);
        // the embedded stack's own secrets are the published development ones, and its environment says so
        assertThat(Files.readAllLines(env)).containsExactly("APERTURE_DB_URL=jdbc:postgresql://127.0.0.1:1/aperture",
                "APERTURE_DB_USER=u", "APERTURE_DB_PASSWORD=p", "APERTURE_SEARCH_HOSTS=127.0.0.1:2",
                "APERTURE_SEARCH_USER=aperture", "APERTURE_SEARCH_PASSWORD=s3cret", "APERTURE_DEVELOPMENT_SECRETS=true");
        assertThat(dir.resolve("sub/stack.env.tmp")).doesNotExist();
        // it holds passwords: only its owner reads it
        assertThat(Files.getPosixFilePermissions(env))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}
