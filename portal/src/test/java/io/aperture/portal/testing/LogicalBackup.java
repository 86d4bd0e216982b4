package io.aperture.portal.testing;

import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A backup of the catalogue database as this machine can make one, and its restore into a fresh instance. Production
 * takes {@code pg_dump -Fc} / {@code pg_restore} of the server's own major version (docs/operations.md); the embedded
 * PostgreSQL (zonky's binaries) ships no pg_dump, and the system's older one refuses a newer server, so the test does
 * what {@code pg_dump --data-only} does: every table's rows from one consistent snapshot ({@code COPY … TO} in a
 * repeatable-read, read-only transaction) and each sequence's position. The restore builds the schema with the
 * migrations of {@code db/} (as a fresh server would) and loads the rows with triggers off, as pg_restore does.
 */
public final class LogicalBackup {
    private static final String TABLES = "tables.txt";
    private static final String SEQUENCES = "sequences.txt";
    private static final String SCHEMA_HISTORY = "flyway_schema_history";

    private LogicalBackup() {
    }

    /** Writes the backup into {@code dir}; returns the number of rows copied. */
    public static long export(String url, String user, String password, Path dir) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            List<String> tables = strings(c, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '"
                    + SCHEMA_HISTORY + "' ORDER BY tablename");
            long rows = 0;
            for (String table : tables) {
                try (OutputStream out = Files.newOutputStream(dir.resolve(table + ".copy"))) {
                    rows += copy.copyOut("COPY public." + quoted(table) + " TO STDOUT (FORMAT binary)", out);
                }
            }
            List<String> sequences = strings(c, "SELECT sequencename || ' ' || last_value FROM pg_sequences "
                    + "WHERE schemaname = 'public' AND last_value IS NOT NULL ORDER BY sequencename");
            Files.write(dir.resolve(TABLES), tables);
            Files.write(dir.resolve(SEQUENCES), sequences);
            c.commit();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Restores {@code dir} into the empty database at {@code url}: the schema by the migrations (as {@code owner}),
     * then the rows and sequence positions in one transaction (as a superuser, which may switch triggers off).
     * Returns the number of rows loaded.
     */
    public static long restore(Path dir, String url, String owner, String ownerPassword, String superuser,
                               String superuserPassword) throws SQLException {
        Flyway.configure().dataSource(url, owner, ownerPassword).locations("classpath:db/migration").load().migrate();
        try (Connection c = DriverManager.getConnection(url, superuser, superuserPassword)) {
            c.setAutoCommit(false);
            List<String> tables = Files.readAllLines(dir.resolve(TABLES));
            try (Statement s = c.createStatement()) {
                // the audit log's guards, the outbox triggers and foreign keys: rows come back as they were
                s.execute("SET LOCAL session_replication_role = replica");
                // rows a migration seeds are in the backup too
                s.execute("TRUNCATE " + String.join(", ", tables.stream().map(t -> "public." + quoted(t)).toList()));
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long rows = 0;
            for (String table : tables) {
                try (InputStream in = Files.newInputStream(dir.resolve(table + ".copy"))) {
                    rows += copy.copyIn("COPY public." + quoted(table) + " FROM STDIN (FORMAT binary)", in);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT setval(?::regclass, ?, true)")) {
                for (String line : Files.readAllLines(dir.resolve(SEQUENCES))) {
                    String[] nameValue = line.split(" ");
                    ps.setString(1, "public." + quoted(nameValue[0]));
                    ps.setLong(2, Long.parseLong(nameValue[1]));
                    ps.execute();
                }
            }
            c.commit();
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static String quoted(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
