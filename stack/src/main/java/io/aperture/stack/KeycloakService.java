package io.aperture.stack;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Keycloak from its Quarkus distribution, run as {@code kc.sh start-dev --import-realm}. The realm {@code aperture}
 * comes from this module's resources. Its dev-file database ({@code data/h2} in the unpacked folder) keeps realms and
 * users between runs, and {@code --import-realm} skips a realm that already exists, so a restart neither re-imports nor
 * fails. Ready once the realm's OpenID discovery document answers.
 */
final class KeycloakService implements ManagedService {
    static final String REALM = "aperture";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

    private final KeycloakDistribution distribution;
    private final int port;
    private final int managementPort;
    private final String heap;
    private final Path log;
    private final Clock clock;
    private final Path pidFile;
    private ChildProcess process;
    private boolean closed;

    KeycloakService(KeycloakDistribution distribution, int port, int managementPort, String heap, Path log, Clock clock,
                    Path pidFile) {
        this.distribution = distribution;
        this.port = port;
        this.managementPort = managementPort;
        this.heap = heap;
        this.log = log;
        this.clock = clock;
        this.pidFile = pidFile;
    }

    @Override
    public StackService kind() {
        return StackService.KEYCLOAK;
    }

    @Override
    public void start() {
        Path home = distribution.home();
        installRealm(home);
        List<String> cmd = List.of(home.resolve("bin/kc.sh").toString(), "start-dev", "--import-realm",
                "--http-port=" + port, "--http-host=127.0.0.1", "--http-management-port=" + managementPort,
                "--health-enabled=true", "--hostname-strict=false");
        Map<String, String> env = Map.of(
                "JAVA_HOME", Jdk.home().toString(),
                // replaces kc.sh's default of 70 % of the machine's memory
                "JAVA_OPTS_KC_HEAP", "-Xms64m -Xmx" + heap,
                // class-data sharing, as for OpenSearch: later starts map the classes the first one loaded
                "JAVA_OPTS_APPEND", "-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=" + home.resolve("data/keycloak.jsa")
                        + " -Xlog:cds=off");
        ChildProcess p;
        synchronized (this) {
            if (closed) {
                throw new StackException("Keycloak: start-up cancelled");
            }
            p = process = ChildProcess.start("Keycloak", cmd, home, env, log);
            Leftovers.record(pidFile, p.handle());
        }
        Readiness.awaitHttp("Keycloak", issuerUrl() + "/.well-known/openid-configuration",
                r -> r.statusCode() == 200 && r.body().contains("\"issuer\""), p, START_TIMEOUT, clock);
    }

    String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    String issuerUrl() {
        return baseUrl() + "/realms/" + REALM;
    }

    /** Copies the realm file where {@code --import-realm} looks; refreshed every start, read only for new realms. */
    private static void installRealm(Path home) {
        Path target = home.resolve("data/import/aperture-realm.json");
        try (InputStream in = KeycloakService.class.getResourceAsStream("/keycloak/aperture-realm.json")) {
            if (in == null) {
                throw new StackException("Keycloak: the realm file keycloak/aperture-realm.json is missing from the stack");
            }
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new StackException("Keycloak: cannot install the realm file into " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized Optional<ProcessHandle> process() {
        return Optional.ofNullable(process).map(ChildProcess::handle);
    }

    @Override
    public void close() {
        ChildProcess p;
        synchronized (this) {
            closed = true;
            p = process;
            process = null;
        }
        if (p != null) {
            p.close();
            Leftovers.forget(pidFile);
        }
    }
}
