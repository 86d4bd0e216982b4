package io.aperture.catalogue.quality;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.model.Dataset;
import io.aperture.policy.access.AccessPolicy;
import io.aperture.policy.doi.DoiState;
import io.aperture.record.QualityFinding;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Keeps a dataset's metadata quality beside it: the record's conformance findings (replaced whole on every changed
 * ingest) and the FAIR assessment, computed at that moment from the record and stored, so that the staff report
 * aggregates scores in SQL. Reads them back for the single-record views, which ask the policy first.
 */
@ApplicationScoped
public class QualityStore {
    private static final TypeReference<List<FairResult>> METRICS = new TypeReference<>() {
    };

    private final EntityManager em;
    private final AccessPolicy policy;
    private final ObjectMapper mapper;

    QualityStore(EntityManager em, AccessPolicy policy, ObjectMapper mapper) {
        this.em = em;
        this.policy = policy;
        this.mapper = mapper;
    }

    /** What is stored of one dataset's quality. */
    public record Stored(boolean checked, int errors, int warnings, int infos, List<QualityFinding> findings,
                         FairAssessment fair, Instant assessedAt) {
    }

    /**
     * Replaces the findings of {@code ds} (flushed, with its DOI columns written) and assesses it: at every changed
     * ingest, and again when the DOI comes to resolve or stops resolving. {@code facts} builds
     * the assessment's input from the DOI the catalogue named and the licence the policy announces.
     */
    public FairAssessment replace(Dataset ds, Optional<List<QualityFinding>> findings,
                                  BiFunction<String, String, FairFacts> facts, Instant now) {
        // the DOI columns are written in SQL by the DOI queue: read the row, not the entity. Only a DOI that resolves
        // is a persistent identifier a reader can follow; a reserved draft is not (it gets reassessed when DataCite
        // accepts a resolving state: QualityReassessment)
        Object[] row = (Object[]) em.createNativeQuery("SELECT doi, doi_state FROM dataset WHERE id = ?1")
                .setParameter(1, ds.id).getSingleResult();
        String doi = resolvingDoi(row[0], row[1]);
        String licence = policy.licence(AccessControl.resource(ds), now).licence().spdxId();
        FairAssessment fair = FairAssessor.assess(facts.apply(doi, licence));
        List<QualityFinding> list = findings.orElse(List.of());
        em.createNativeQuery("DELETE FROM dataset_finding WHERE dataset_id = ?1").setParameter(1, ds.id).executeUpdate();
        if (!list.isEmpty()) {
            em.unwrap(Session.class).doWork(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO dataset_finding(dataset_id, level, rule, path, message) VALUES (?, ?, ?, ?, ?)")) {
                    for (QualityFinding f : list) {
                        ps.setLong(1, ds.id);
                        ps.setString(2, f.level());
                        ps.setString(3, f.rule());
                        ps.setString(4, f.path());
                        ps.setString(5, f.message());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
        }
        em.createNativeQuery("""
                        INSERT INTO dataset_quality(dataset_id, checked, errors, warnings, infos, fair_score, fair_metrics, assessed_at)
                        VALUES (?1, ?2, ?3, ?4, ?5, ?6, CAST(?7 AS jsonb), ?8)
                        ON CONFLICT (dataset_id) DO UPDATE SET checked = excluded.checked, errors = excluded.errors,
                            warnings = excluded.warnings, infos = excluded.infos, fair_score = excluded.fair_score,
                            fair_metrics = excluded.fair_metrics, assessed_at = excluded.assessed_at""")
                .setParameter(1, ds.id)
                .setParameter(2, findings.isPresent())
                .setParameter(3, FairAssessor.count(list, "error"))
                .setParameter(4, FairAssessor.count(list, "warning"))
                .setParameter(5, FairAssessor.count(list, "info"))
                .setParameter(6, fair.score())
                .setParameter(7, json(fair.metrics()))
                .setParameter(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate();
        return fair;
    }

    /**
     * Whether the stored identifier verdict of the dataset with id {@code datasetId} no longer matches its DOI (one that
     * resolves now, or no longer does), or nothing is stored yet: then it wants a {@link #replace} again.
     */
    public boolean identifierStale(long datasetId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT d.doi, d.doi_state, (SELECT (m->>'passed')::boolean
                                                    FROM dataset_quality q, jsonb_array_elements(q.fair_metrics) m
                                                    WHERE q.dataset_id = d.id AND m->>'metric' = ?2)
                        FROM dataset d WHERE d.id = ?1""")
                .setParameter(1, datasetId).setParameter(2, FairMetric.IDENTIFIER.key()).getResultList();
        if (rows.isEmpty()) {
            return false;
        }
        Object[] r = rows.getFirst();
        return r[2] == null || (Boolean) r[2] != (resolvingDoi(r[0], r[1]) != null);
    }

    /** The stored quality of the dataset with id {@code datasetId}; empty when it was ingested before quality was kept. */
    public Optional<Stored> of(long datasetId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT checked, errors, warnings, infos, fair_score, fair_metrics::text, assessed_at
                        FROM dataset_quality WHERE dataset_id = ?1""")
                .setParameter(1, datasetId).getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] r = rows.getFirst();
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery(
                        "SELECT level, path, rule, message FROM dataset_finding WHERE dataset_id = ?1 ORDER BY id")
                .setParameter(1, datasetId).getResultList();
        List<QualityFinding> findings = found.stream()
                .map(f -> new QualityFinding((String) f[0], (String) f[1], (String) f[2], (String) f[3])).toList();
        FairAssessment fair = new FairAssessment(((Number) r[4]).intValue(), metrics((String) r[5]));
        return Optional.of(new Stored((Boolean) r[0], ((Number) r[1]).intValue(), ((Number) r[2]).intValue(),
                ((Number) r[3]).intValue(), findings, fair, SqlValues.instant(r[6])));
    }

    /** The dataset row's DOI if its state resolves, else null. */
    private static String resolvingDoi(Object doi, Object state) {
        return doi != null && DoiState.valueOf((String) state).resolves() ? (String) doi : null;
    }

    private String json(List<FairResult> metrics) {
        try {
            return mapper.writeValueAsString(metrics);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<FairResult> metrics(String json) {
        try {
            return mapper.readValue(json, METRICS);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
