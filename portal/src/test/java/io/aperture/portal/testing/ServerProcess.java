package io.aperture.portal.testing;

import io.restassured.specification.RequestSpecification;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;

/**
 * One more Aperture server as production runs it: {@code java -jar target/quarkus-app/quarkus-run.jar} in a JVM of its
 * own, pointed at the services the test's own server uses (the same database, search engine, realm and secrets), with
 * every scheduled job on. Its log is {@code target/server-NAME.log}.
 */
public final class ServerProcess {
    /** The settings that make an instance part of the same deployment; read from the test server's configuration. */
    private static final List<String> SHARED = List.of(
            "quarkus.datasource.jdbc.url", "quarkus.datasource.username", "quarkus.datasource.password",
            "quarkus.hibernate-search-orm.elasticsearch.hosts", "quarkus.hibernate-search-orm.elasticsearch.username",
            "quarkus.hibernate-search-orm.elasticsearch.password", "quarkus.oidc.auth-server-url",
            "quarkus.oidc.api.auth-server-url", "quarkus.oidc.credentials.secret",
            "quarkus.oidc.token-state-manager.encryption-secret", "aperture.tokens.secret");

    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    public static ServerProcess start(String name) {
        return start(name, Map.of());
    }

    /**
     * Like {@link #start(String)}, with some settings of its own instead of the test server's: another database
     * ({@code quarkus.datasource.*}), another realm address, another search engine.
     */
    public static ServerProcess start(String name, Map<String, String> own) {
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar.toAbsolutePath() + " is missing: the package phase builds it before the ITs");
        }
        Config config = ConfigProvider.getConfig();
        int port = freePort();
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
                "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.mailer.mock=true",
                // the test realm's and stack's published development secrets, as the embedded stack allows them
                "-Daperture.secrets.allow-development-defaults=true",
                // every test request comes from 127.0.0.1: the anonymous rate limit would count them all as one client
                "-Daperture.rate-limit.requests=0"));
        for (String key : SHARED) {
            if (!own.containsKey(key)) {
                config.getOptionalValue(key, String.class).ifPresent(v -> cmd.add("-D" + key + "=" + v));
            }
        }
        own.forEach((key, value) -> cmd.add("-D" + key + "=" + value));
        cmd.addAll(List.of("-jar", jar.toString()));
        Path log = Path.of("target", "server-" + name + ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            return new ServerProcess(name, port, p, log);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start server " + name, e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the server answers its readiness probe (2 minutes at most: two cores are shared by three JVMs). */
    public void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server " + name + " exited with " + process.exitValue() + ": " + tail());
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        throw new IllegalStateException("server " + name + " not ready in 2 minutes: " + tail());
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String tail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    /** This server's base address, as a harvester or a load balancer reaches it. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** A request to this server. */
    public RequestSpecification request() {
        return given().baseUri("http://127.0.0.1").port(port);
    }

    /** Whether this server's JVM still runs: the one started, never a replacement. */
    public boolean isAlive() {
        return process.isAlive();
    }

    /** Kills the server's JVM at once (SIGKILL), as a crash or the OOM killer would: no shutdown, no rollback sent. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
