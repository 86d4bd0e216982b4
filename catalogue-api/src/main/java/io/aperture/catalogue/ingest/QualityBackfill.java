package io.aperture.catalogue.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Assesses datasets that have no stored quality — stored before the catalogue kept it (migration V15), which no ingest
 * has touched since — from their stored records, newest first, at most {@code limit} per run, each run one
 * transaction. Rows are locked and skipped when another run holds them, so concurrent runs (two servers) share the work.
 */
@ApplicationScoped
public class QualityBackfill {
    private static final String CANDIDATES = " FROM dataset d WHERE d.record IS NOT NULL"
            + " AND NOT EXISTS (SELECT 1 FROM dataset_quality q WHERE q.dataset_id = d.id)";

    private final EntityManager em;
    private final QualityReassessment reassessment;
    private final Clock clock;

    QualityBackfill(EntityManager em, QualityReassessment reassessment, Clock clock) {
        this.em = em;
        this.reassessment = reassessment;
        this.clock = clock;
    }

    /** What a run did: datasets assessed, those whose stored record no longer reads, and how many are still without. */
    public record Result(int assessed, int unreadable, long remaining) {}

    @Transactional
    public Result run(int limit) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT d.id" + CANDIDATES + " ORDER BY d.id DESC LIMIT ?1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, limit).getResultList();
        int assessed = 0;
        for (Number id : ids) {
            if (reassessment.reassess(id.longValue(), now)) {
                assessed++;
            }
        }
        long remaining = ((Number) em.createNativeQuery("SELECT count(*)" + CANDIDATES).getSingleResult()).longValue();
        return new Result(assessed, ids.size() - assessed, remaining);
    }
}
