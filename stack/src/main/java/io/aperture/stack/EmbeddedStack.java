package io.aperture.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Aperture's backing services on loopback: PostgreSQL, OpenSearch, Keycloak and Artemis, started in parallel, each
 * with its data under one folder that survives restarts.
 * <ul>
 *   <li>Every port is checked before anything starts; a busy one fails with a message naming it and the fix.</li>
 *   <li>If a service fails, the others are stopped at once and one message names what failed and its log.</li>
 *   <li>{@link #close()} stops everything (child processes with their whole process tree); a shutdown hook does the
 *   same when the JVM is told to stop (SIGTERM, SIGINT).</li>
 * </ul>
 */
public final class EmbeddedStack implements AutoCloseable {
    private final Settings settings;
    private final List<ManagedService> running = Collections.synchronizedList(new ArrayList<>());
    private final Map<StackService, Duration> startupTimes = Collections.synchronizedMap(new EnumMap<>(StackService.class));
    private final Map<StackService, ProcessHandle> processes = Collections.synchronizedMap(new EnumMap<>(StackService.class));
    private volatile boolean stopping;
    private volatile StackEndpoints endpoints;
    private Thread shutdownHook;

    private EmbeddedStack(Settings settings) {
        this.settings = settings;
    }

    public static Builder builder(Path dataDir) {
        return new Builder(dataDir);
    }

    /** Starts the chosen services in parallel and returns once every one of them answers. */
    /** Whether PostgreSQL runs without fsync (a test stack's choice, {@link Builder#fastUnsafeDisk}). */
    boolean fastUnsafeDisk() {
        return settings.fastUnsafeDisk();
    }

    public synchronized StackEndpoints start() {
        if (endpoints != null) {
            throw new IllegalStateException("the stack is already running");
        }
        Path supervisor = settings.supervisorPidFile();
        Leftovers.recorded(supervisor).ifPresent(other -> {
            throw new StackException("the data folder " + settings.dataDir() + " is in use by another running stack (pid "
                    + other.pid() + "): stop that one first, or give this one another data folder");
        });
        settings.stopLeftovers();
        settings.requirePortsFree();
        try {
            Files.createDirectories(settings.logDir());
        } catch (IOException e) {
            throw new StackException("cannot create the log folder " + settings.logDir() + ": " + e.getMessage(), e);
        }
        List<ManagedService> services = createServices();
        Leftovers.record(supervisor, ProcessHandle.current());
        stopping = false;
        shutdownHook = new Thread(() -> {
            stopping = true;
            stopAll();
        }, "aperture-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        running.addAll(services);

        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        Set<StackService> cancelled = Collections.synchronizedSet(EnumSet.noneOf(StackService.class));
        ExecutorService pool = Executors.newFixedThreadPool(services.size(), r -> new Thread(r, "aperture-stack-start"));
        try {
            List<CompletableFuture<Void>> starts = services.stream().map(s -> CompletableFuture.runAsync(() -> {
                Instant t0 = settings.clock().instant();
                s.start();
                startupTimes.put(s.kind(), Duration.between(t0, settings.clock().instant()));
            }, pool).whenComplete((ok, error) -> {
                if (error != null) {
                    Throwable cause = error instanceof CompletionException ? error.getCause() : error;
                    boolean first;
                    synchronized (failures) {
                        first = failures.isEmpty();
                        // a service stopped because another failed reports a consequence, not a cause
                        if (!cancelled.contains(s.kind())) {
                            failures.add(cause instanceof StackException ? cause.getMessage()
                                    : s.kind().label() + " failed to start: " + cause);
                        }
                    }
                    if (first) {
                        // no point waiting for the others: stopping them makes their start-up end now
                        services.stream().filter(other -> other != s).forEach(other -> {
                            cancelled.add(other.kind());
                            other.close();
                        });
                    }
                }
            })).toList();
            for (CompletableFuture<Void> f : starts) {
                try {
                    f.join();
                } catch (CompletionException e) {
                    // collected above
                }
            }
        } finally {
            pool.shutdownNow();
        }
        if (!failures.isEmpty()) {
            close();
            throw new StackException(String.join("; ", failures));
        }
        services.forEach(s -> s.process().ifPresent(p -> processes.put(s.kind(), p)));
        endpoints = endpointsOf(services);
        return endpoints;
    }

    private List<ManagedService> createServices() {
        Path data = settings.dataDir();
        Path logs = settings.logDir();
        List<ManagedService> services = new ArrayList<>();
        StackArtifacts artifacts = settings.services().contains(StackService.OPENSEARCH)
                || settings.services().contains(StackService.KEYCLOAK) ? StackArtifacts.load() : null;
        for (StackService kind : settings.services()) {
            services.add(switch (kind) {
                case POSTGRES -> new PostgresService(data.resolve("postgres"), settings.pgPort(), logs.resolve("postgres.log"),
                        settings.fastUnsafeDisk());
                case OPENSEARCH -> new OpenSearchService(data.resolve("opensearch"), settings.searchPort(),
                        settings.searchTransportPort(), settings.searchHeap(), logs.resolve("opensearch.log"), artifacts,
                        settings.clock(), settings.pidFile(kind));
                case KEYCLOAK -> new KeycloakService(
                        new KeycloakDistribution(data.resolve("keycloak"), artifacts.keycloakZip(), artifacts.keycloakVersion()),
                        settings.keycloakPort(), settings.keycloakManagementPort(), settings.keycloakHeap(),
                        logs.resolve("keycloak.log"), settings.clock(), settings.pidFile(kind));
                case BROKER -> new BrokerService(data.resolve("artemis"), settings.amqpPort());
            });
        }
        return services;
    }

    private StackEndpoints endpointsOf(List<ManagedService> services) {
        StackEndpoints e = StackEndpoints.NONE;
        for (ManagedService s : services) {
            e = switch (s) {
                case PostgresService pg -> e.withDatabase(pg.jdbcUrl(), PostgresService.USER, PostgresService.PASSWORD);
                case OpenSearchService os -> e.withSearch("127.0.0.1:" + settings.searchPort(), os.credentials());
                case KeycloakService kc -> e.withKeycloak(kc.baseUrl(), kc.issuerUrl());
                case BrokerService mq -> e.withAmqp("127.0.0.1", settings.amqpPort(), mq.accounts());
            };
        }
        return e;
    }

    /**
     * Calls the listener (once per service) when a started service's process ends while the stack is not being
     * stopped: a crash, an out-of-memory kill, someone's {@code kill}. StackMain then stops the rest and exits, so the
     * launcher does not keep serving with half a stack.
     */
    public void onUnexpectedExit(Consumer<StackService> listener) {
        Map<StackService, ProcessHandle> now;
        synchronized (processes) {
            now = Map.copyOf(processes);
        }
        now.forEach((kind, p) -> p.onExit().thenRun(() -> {
            if (!stopping) {
                listener.accept(kind);
            }
        }));
    }

    /** How to reach the services; null before {@link #start()} has returned. */
    public StackEndpoints endpoints() {
        return endpoints;
    }

    /** How long each service took from launch to ready, measured with the builder's clock. */
    public Map<StackService, Duration> startupTimes() {
        return Map.copyOf(startupTimes);
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    public Path logDir() {
        return settings.logDir();
    }

    /** Stops every service (in parallel: they do not depend on one another). Safe to call more than once. */
    @Override
    public synchronized void close() {
        stopping = true; // stays set until the next start: late exit notifications of stopped processes are expected
        stopAll();
        processes.clear();
        endpoints = null;
        if (shutdownHook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down and the hook is running or has run
            }
            shutdownHook = null;
        }
    }

    private void stopAll() {
        List<ManagedService> toStop;
        synchronized (running) {
            toStop = new ArrayList<>(running);
            running.clear();
        }
        if (toStop.isEmpty()) {
            return;
        }
        List<Thread> stoppers = toStop.stream().map(s -> Thread.ofPlatform().name("aperture-stop-" + s.kind().cliName())
                .start(() -> {
                    try {
                        s.close();
                    } catch (RuntimeException e) {
                        System.err.println("aperture: stopping " + s.kind().label() + " failed: " + e.getMessage());
                    }
                })).toList();
        try {
            for (Thread t : stoppers) {
                t.join();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return; // not everything is known to be stopped: keep the pid file, the next start cleans up
        }
        Leftovers.forget(settings.supervisorPidFile());
    }

    /** The builder's choices, fixed. */
    record Settings(Path dataDir, Path logDir, Set<StackService> services, int pgPort, int searchPort,
                    int searchTransportPort, int keycloakPort, int keycloakManagementPort, int amqpPort,
                    String searchHeap, String keycloakHeap, Clock clock, boolean fastUnsafeDisk) {
        /** Names the JVM that runs the stack on this data folder, so a second one does not start on it. */
        Path supervisorPidFile() {
            return dataDir.resolve("run").resolve("stack.pid");
        }

        Path pidFile(StackService kind) {
            return dataDir.resolve("run").resolve(kind.cliName() + ".pid");
        }

        /** What a supervisor that was killed hard (SIGKILL) left running on this data folder. */
        void stopLeftovers() {
            if (services.contains(StackService.POSTGRES)) {
                Leftovers.stopPostgres(dataDir.resolve("postgres").resolve("data"));
            }
            for (StackService s : List.of(StackService.OPENSEARCH, StackService.KEYCLOAK)) {
                if (services.contains(s)) {
                    Leftovers.stopRecorded(pidFile(s), s.label());
                }
            }
        }

        void requirePortsFree() {
            if (services.contains(StackService.POSTGRES)) {
                Ports.requireFree(pgPort, "PostgreSQL", "APERTURE_DB_PORT");
            }
            if (services.contains(StackService.OPENSEARCH)) {
                Ports.requireFree(searchPort, "OpenSearch", "APERTURE_SEARCH_PORT");
                Ports.requireFree(searchTransportPort, "OpenSearch transport", "APERTURE_SEARCH_PORT");
            }
            if (services.contains(StackService.KEYCLOAK)) {
                Ports.requireFree(keycloakPort, "Keycloak", "APERTURE_KEYCLOAK_PORT");
                Ports.requireFree(keycloakManagementPort, "Keycloak management", "APERTURE_KEYCLOAK_PORT");
            }
            if (services.contains(StackService.BROKER)) {
                Ports.requireFree(amqpPort, "Artemis AMQP", "APERTURE_AMQP_PORT");
            }
        }
    }

    public static final class Builder {
        private final Path dataDir;
        private Path logDir;
        private int pgPort = 15432;
        private int searchPort = 9200;
        private Integer searchTransportPort;
        private int keycloakPort = 8180;
        private Integer keycloakManagementPort;
        private int amqpPort = 5672;
        private String searchHeap = "512m";
        private String keycloakHeap = "512m";
        private Set<StackService> services = EnumSet.allOf(StackService.class);
        private Clock clock = Clock.systemUTC();
        private boolean fastUnsafeDisk;

        private Builder(Path dataDir) {
            this.dataDir = dataDir.toAbsolutePath().normalize();
        }

        public Builder postgresPort(int port) {
            pgPort = port;
            return this;
        }

        /** OpenSearch HTTP port; its transport port is this + 100 (or any free one if that is taken) unless set. */
        public Builder searchPort(int port) {
            searchPort = port;
            return this;
        }

        public Builder searchTransportPort(int port) {
            searchTransportPort = port;
            return this;
        }

        /** Keycloak HTTP port; its management port (health) is this + 1 (or any free one if taken) unless set. */
        public Builder keycloakPort(int port) {
            keycloakPort = port;
            return this;
        }

        public Builder keycloakManagementPort(int port) {
            keycloakManagementPort = port;
            return this;
        }

        public Builder amqpPort(int port) {
            amqpPort = port;
            return this;
        }

        /** Heap of the OpenSearch JVM, as for -Xmx (default 512m). */
        public Builder searchHeap(String heap) {
            searchHeap = heap;
            return this;
        }

        /** Maximum heap of the Keycloak JVM, as for -Xmx (default 512m). */
        public Builder keycloakHeap(String heap) {
            keycloakHeap = heap;
            return this;
        }

        /** Where the services' logs go (default: {@code <data dir>/logs}). */
        public Builder logDir(Path dir) {
            logDir = dir.toAbsolutePath().normalize();
            return this;
        }

        public Builder only(Set<StackService> which) {
            if (which.isEmpty()) {
                throw new IllegalArgumentException("at least one service must be chosen");
            }
            services = EnumSet.copyOf(which);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * For stacks thrown away after a test run only: PostgreSQL without fsync, synchronous commit and full-page
         * writes (faster, but a crash of the machine may lose or corrupt data). Default: durable.
         */
        public Builder fastUnsafeDisk(boolean fastUnsafe) {
            fastUnsafeDisk = fastUnsafe;
            return this;
        }

        public EmbeddedStack build() {
            return new EmbeddedStack(new Settings(dataDir, logDir != null ? logDir : dataDir.resolve("logs"), services,
                    pgPort, searchPort, internalPort(searchTransportPort, searchPort + 100),
                    keycloakPort, internalPort(keycloakManagementPort, keycloakPort + 1),
                    amqpPort, searchHeap, keycloakHeap, clock, fastUnsafeDisk));
        }

        /**
         * A port nobody connects to from outside (OpenSearch transport, Keycloak management): the one set, else the
         * conventional neighbour of the main port, else - when that neighbour is taken, as it may be when the main
         * port was picked at random - any free port.
         */
        private static int internalPort(Integer chosen, int neighbour) {
            if (chosen != null) {
                return chosen;
            }
            return neighbour < 65536 && Ports.isFree(neighbour) ? neighbour : Ports.free();
        }
    }
}
