package io.aperture.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The stack as a command, for ./aperture:
 * <pre>
 * java -cp "$(cat stack/target/stack.classpath)" io.aperture.stack.StackMain --data-dir DIR [--env-file FILE]
 *      [--pg-port N] [--search-port N] [--keycloak-port N] [--amqp-port N] [--log-dir DIR]
 *      [--only postgres,opensearch,keycloak,broker] [--fast-unsafe]
 * </pre>
 * {@code --fast-unsafe} (./aperture test only) runs PostgreSQL without fsync: for a stack thrown away after the run.
 * Ports not given come from APERTURE_DB_PORT, APERTURE_SEARCH_PORT, APERTURE_KEYCLOAK_PORT and APERTURE_AMQP_PORT, then
 * from the defaults (15432, 9200, 8180, 5672). Once every service answers, the APERTURE_* connection variables are
 * written to the env file (atomically: a reader never sees half of it), {@code stack ready} is printed, and the
 * command runs until SIGINT/SIGTERM, stopping every service and removing the env file on the way out. The stack's own
 * log (Artemis, zonky) goes to {@code <log dir>/stack.log}; each service has its own log beside it.
 */
public final class StackMain {
    private static final String USAGE = "usage: StackMain --data-dir DIR [--env-file FILE] [--pg-port N] [--search-port N]"
            + " [--keycloak-port N] [--amqp-port N] [--log-dir DIR] [--only postgres,opensearch,keycloak,broker]"
            + " [--fast-unsafe]";
    /** Options that take no value. */
    private static final Set<String> FLAGS = Set.of("--fast-unsafe");

    private StackMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        try {
            run(args);
        } catch (StackException | IllegalArgumentException e) {
            System.err.println("aperture: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void run(String[] args) throws InterruptedException {
        Map<String, String> opts = parse(args);
        Path dataDir = Path.of(Optional.ofNullable(opts.get("--data-dir")).orElseThrow(() -> new IllegalArgumentException(USAGE)));
        Path logDir = Path.of(opts.getOrDefault("--log-dir", dataDir.resolve("logs").toString())).toAbsolutePath();
        routeOwnLog(logDir);

        EmbeddedStack.Builder b = EmbeddedStack.builder(dataDir).logDir(logDir);
        port(opts, "--pg-port", "APERTURE_DB_PORT").ifPresent(b::postgresPort);
        port(opts, "--search-port", "APERTURE_SEARCH_PORT").ifPresent(b::searchPort);
        port(opts, "--keycloak-port", "APERTURE_KEYCLOAK_PORT").ifPresent(b::keycloakPort);
        port(opts, "--amqp-port", "APERTURE_AMQP_PORT").ifPresent(b::amqpPort);
        b.fastUnsafeDisk(opts.containsKey("--fast-unsafe"));
        Optional.ofNullable(System.getenv("APERTURE_SEARCH_HEAP")).ifPresent(b::searchHeap);
        Optional.ofNullable(System.getenv("APERTURE_KEYCLOAK_HEAP")).ifPresent(b::keycloakHeap);
        if (opts.containsKey("--only")) {
            Set<StackService> only = EnumSet.noneOf(StackService.class);
            for (String s : opts.get("--only").split(",")) {
                only.add(StackService.fromCliName(s));
            }
            b.only(only);
        }
        Optional<Path> envFile = Optional.ofNullable(opts.get("--env-file")).map(p -> Path.of(p).toAbsolutePath());
        // a stale env file must not outlive the services it describes
        envFile.ifPresent(f -> Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(f), "aperture-env-file")));

        EmbeddedStack stack = b.build();
        StackEndpoints endpoints = stack.start();
        stack.onUnexpectedExit(kind -> {
            System.err.println("aperture: " + kind.label() + " stopped unexpectedly; see its log in " + stack.logDir()
                    + ". Stopping the rest.");
            System.exit(1); // the shutdown hooks stop the other services and remove the env file
        });
        envFile.ifPresent(f -> writeEnv(f, endpoints));
        System.err.println("aperture: started in " + stack.startupTimes().entrySet().stream()
                .map(e -> e.getKey().label() + " " + seconds(e.getValue())).collect(Collectors.joining(", "))
                + "; logs in " + stack.logDir());
        System.out.println("stack ready");
        System.out.flush();
        Thread.currentThread().join(); // until SIGINT/SIGTERM: the stack's shutdown hook stops everything
    }

    /** slf4j-simple (Artemis, zonky) writes to a file instead of the console; set before the first logger exists. */
    private static void routeOwnLog(Path logDir) {
        if (System.getProperty("org.slf4j.simpleLogger.logFile") == null) {
            try {
                Files.createDirectories(logDir);
            } catch (IOException e) {
                throw new StackException("cannot create the log folder " + logDir + ": " + e.getMessage(), e);
            }
            System.setProperty("org.slf4j.simpleLogger.logFile", logDir.resolve("stack.log").toString());
            System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
            // Artemis' audit loggers write a line per connection and session: noise on a developer's machine
            System.setProperty("org.slf4j.simpleLogger.log.org.apache.activemq.audit", "warn");
        }
    }

    static void writeEnv(Path file, StackEndpoints endpoints) {
        StringBuilder sb = new StringBuilder();
        endpoints.asEnvironment().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            // it holds the broker's and the search node's passwords: owner-readable only, whatever the umask
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, sb);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the env file " + file, e);
        }
    }

    private static void deleteQuietly(Path f) {
        try {
            Files.deleteIfExists(f);
        } catch (IOException ignored) {
            // best effort on the way out
        }
    }

    private static String seconds(Duration d) {
        return String.format("%.1f s", d.toMillis() / 1000.0);
    }

    private static Optional<Integer> port(Map<String, String> opts, String option, String variable) {
        String v = opts.getOrDefault(option, System.getenv(variable));
        if (v == null || v.isBlank()) {
            return Optional.empty();
        }
        try {
            int p = Integer.parseInt(v.strip());
            if (p > 0 && p < 65536) {
                return Optional.of(p);
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException(option + " (or " + variable + ") must be a port number, not '" + v + "'");
    }

    static Map<String, String> parse(String[] args) {
        Set<String> known = Set.of("--data-dir", "--env-file", "--pg-port", "--search-port", "--keycloak-port",
                "--amqp-port", "--log-dir", "--only");
        Map<String, String> opts = new LinkedHashMap<>();
        int i = 0;
        while (i < args.length) {
            if (FLAGS.contains(args[i])) {
                opts.put(args[i], "true");
                i += 1;
            } else if (known.contains(args[i]) && i + 1 < args.length) {
                opts.put(args[i], args[i + 1]);
                i += 2;
            } else {
                throw new IllegalArgumentException(USAGE);
            }
        }
        return opts;
    }
}
