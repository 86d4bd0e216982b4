package io.aperture.catalogue.harvest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Keeps the reported events (V22 harvest_event), the newest {@code keep-per-kind} of each kind. */
@ApplicationScoped
public class HarvestHealthStore {
    private final EntityManager em;
    private final Clock clock;
    private final int keepPerKind;

    HarvestHealthStore(EntityManager em, Clock clock, HarvestHealthConfig config) {
        this.em = em;
        this.clock = clock;
        this.keepPerKind = config.keepPerKind();
    }

    @Transactional
    public void store(HarvestReport report, String reporter) {
        Instant received = clock.instant();
        for (HarvestEvent e : report.events()) {
            em.createNativeQuery("""
                            INSERT INTO harvest_event (kind, subject, reason, occurred_at, received_at, reporter)
                            VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, e.kind().name()).setParameter(2, e.subject()).setParameter(3, e.reason())
                    .setParameter(4, e.at()).setParameter(5, received).setParameter(6, reporter).executeUpdate();
        }
        if (!report.events().isEmpty()) {
            em.createNativeQuery("""
                            DELETE FROM harvest_event h USING (
                                SELECT id, row_number() OVER (PARTITION BY kind ORDER BY occurred_at DESC, id DESC) AS n
                                FROM harvest_event) r
                            WHERE h.id = r.id AND r.n > ?1""")
                    .setParameter(1, keepPerKind).executeUpdate();
        }
    }

    /** The newest {@code limit} events of a kind, newest first. */
    @Transactional
    public List<HarvestEvent> newest(HarvestEventKind kind, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT subject, reason, floor(extract(epoch FROM occurred_at) * 1000)::bigint FROM harvest_event WHERE kind = ?1
                        ORDER BY occurred_at DESC, id DESC LIMIT ?2""")
                .setParameter(1, kind.name()).setParameter(2, limit).getResultList();
        return rows.stream().map(r -> new HarvestEvent(kind, (String) r[0], (String) r[1], Instant.ofEpochMilli(((Number) r[2]).longValue()))).toList();
    }
}
