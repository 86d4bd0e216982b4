package io.aperture.catalogue.ingest;

import java.util.HashSet;
import io.aperture.record.FileRef;
import io.aperture.record.Parameter;
import io.aperture.record.Processing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Writes the rows a record owns besides the dataset row — parameters, files, processing steps, provenance and
 * technique links — as JDBC batches, replacing whatever the dataset had. The entities use identity keys, which
 * keep Hibernate from batching inserts: one round trip per row made a record with a dozen parameters cost some
 * forty round trips, and ingest was bound by them. The database triggers still queue every change for the index.
 */
final class ChildRows {
    private ChildRows() {
    }

    /** The files of the record, each path once (several links may reach one file); their sizes add up to the dataset's. */
    static List<FileRef> distinctFiles(IncomingRecord r) {
        Set<String> seen = new HashSet<>();
        return r.files().stream().filter(f -> seen.add(f.path())).toList();
    }

    static void replace(Connection c, long datasetId, boolean created, IncomingRecord r, List<Long> techniqueIds)
            throws SQLException {
        if (!created) {
            for (String table : List.of("parameter", "datafile", "processing_step", "dataset_derivation", "dataset_technique")) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE dataset_id = ?")) {
                    ps.setLong(1, datasetId);
                    ps.executeUpdate();
                }
            }
        }
        if (!r.parameters().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO parameter(dataset_id, name, numeric_value, text_value, unit, si_value, si_unit, unit_known)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                for (Parameter p : r.parameters()) {
                    ps.setLong(1, datasetId);
                    ps.setString(2, p.name());
                    setDouble(ps, 3, p.value());
                    ps.setString(4, p.text());
                    ps.setString(5, p.unit());
                    setDouble(ps, 6, p.siValue());
                    ps.setString(7, p.siUnit());
                    ps.setBoolean(8, p.unitKnown());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        List<FileRef> files = distinctFiles(r);
        if (!files.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO datafile(dataset_id, path, role, size_bytes, modified_at, checksum, missing)
                    VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
                for (FileRef f : files) {
                    ps.setLong(1, datasetId);
                    ps.setString(2, f.path());
                    ps.setString(3, f.role().name());
                    if (f.size() == null) {
                        ps.setNull(4, Types.BIGINT);
                    } else {
                        ps.setLong(4, f.size());
                    }
                    setInstant(ps, 5, f.modified());
                    ps.setString(6, f.sha256() == null ? null : "sha256:" + f.sha256());
                    ps.setBoolean(7, f.missing());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        if (!r.processing().isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO processing_step(dataset_id, seq, name, program, program_version, performed_at, parameters)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
                int seq = 0;
                for (Processing p : r.processing()) {
                    ps.setLong(1, datasetId);
                    ps.setInt(2, p.sequenceIndex() != null ? Math.toIntExact(p.sequenceIndex()) : seq);
                    seq++;
                    ps.setString(3, p.name());
                    ps.setString(4, p.program());
                    ps.setString(5, p.version());
                    ps.setString(6, p.date());
                    ps.setString(7, p.parameters() == null || p.parameters().isNull() ? null : p.parameters().toString());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        Set<String> refs = new LinkedHashSet<>(r.derivedFrom());
        if (!refs.isEmpty()) {
            // the source dataset, when the catalogue already holds it (path#entry)
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO dataset_derivation(dataset_id, source_reference, source_dataset_id)
                    VALUES (?, ?, (SELECT id FROM dataset WHERE source_path = ? AND entry_name = ?))""")) {
                for (String ref : refs) {
                    int hash = ref.lastIndexOf('#');
                    ps.setLong(1, datasetId);
                    ps.setString(2, ref);
                    ps.setString(3, hash > 0 ? ref.substring(0, hash) : null);
                    ps.setString(4, hash > 0 ? ref.substring(hash + 1) : null);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        Set<Long> techniques = new LinkedHashSet<>(techniqueIds);
        if (!techniques.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO dataset_technique(dataset_id, technique_id) VALUES (?, ?)")) {
                for (Long t : techniques) {
                    ps.setLong(1, datasetId);
                    ps.setLong(2, t);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static void setDouble(PreparedStatement ps, int i, Double v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.DOUBLE);
        } else {
            ps.setDouble(i, v);
        }
    }

    private static void setInstant(PreparedStatement ps, int i, Instant v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            ps.setObject(i, OffsetDateTime.ofInstant(v, ZoneOffset.UTC));
        }
    }
}
