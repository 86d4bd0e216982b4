package io.aperture.catalogue.doi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Reads the DOI outbox for staff and puts a failed row back in the queue. */
@ApplicationScoped
class DoiOutboxRows {
    private final EntityManager em;

    DoiOutboxRows(EntityManager em) {
        this.em = em;
    }

    /**
     * One queued call as staff see it. {@code datasetPid} is null for a collection's call (its DOI names it);
     * {@code lastStatus} is null when DataCite gave no answer (timeout, no connection).
     */
    record Row(long id, String datasetPid, String doi, String wantedState, String event, String status, int attempts,
               Instant queuedAt, Instant nextAttemptAt, Instant lastAttemptAt, Integer lastStatus, String lastError) {}

    /** Failed rows first, then pending ones, oldest first; {@code status} (PENDING or FAILED) narrows the list. */
    @Transactional
    List<Row> list(String status, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery("""
                        SELECT o.id, d.pid, o.doi, o.wanted_state, o.event, o.status, o.attempts, o.queued_at,
                               o.next_attempt_at, o.last_attempt_at, o.last_status, o.last_error
                        FROM doi_outbox o LEFT JOIN dataset d ON d.id = o.dataset_id
                        WHERE cast(?1 AS text) IS NULL OR o.status = cast(?1 AS text)
                        ORDER BY (o.status = 'FAILED') DESC, o.id LIMIT ?2""")
                .setParameter(1, status).setParameter(2, limit).getResultList();
        return found.stream().map(r -> new Row(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                (String) r[4], (String) r[5], ((Number) r[6]).intValue(), instant(r[7]), instant(r[8]), instant(r[9]),
                r[10] == null ? null : ((Number) r[10]).intValue(), (String) r[11])).toList();
    }

    /** Puts failed row {@code id} back in the queue, due at {@code now}; false when there is no such failed row. */
    boolean retry(long id, Instant now) {
        return em.createNativeQuery("UPDATE doi_outbox SET status = 'PENDING', next_attempt_at = ?2 WHERE id = ?1 AND status = 'FAILED'")
                .setParameter(1, id).setParameter(2, now).executeUpdate() == 1;
    }

    static Instant instant(Object value) {
        return switch (value) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + value.getClass().getSimpleName());
        };
    }
}
