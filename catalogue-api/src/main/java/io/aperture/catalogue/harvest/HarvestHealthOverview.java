package io.aperture.catalogue.harvest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Everything the staff dashboard's "Harvest health" section shows, read in one transaction: the newest reported events
 * of each kind, how far the index is behind (search_outbox) and the DOI calls DataCite refused (doi_outbox FAILED).
 * Callers ask the policy first ({@code AccessControl.mayReviewHarvestHealth}).
 */
@ApplicationScoped
public class HarvestHealthOverview {
    /** Rows shown per table. */
    public static final int SHOWN = 20;
    /** DOI failures shown with their last error. */
    public static final int DOI_SHOWN = 5;

    public record DoiFailure(String doi, int attempts, String lastError, Instant lastAttemptAt) {
    }

    public record Overview(List<HarvestEvent> refused, List<HarvestEvent> waiting,
                           List<HarvestEvent> deadLetters, long indexBacklog, long indexLagSeconds,
                           long doiFailed, List<DoiFailure> doiFailures) {
    }

    private final HarvestHealthStore store;
    private final EntityManager em;

    HarvestHealthOverview(HarvestHealthStore store, EntityManager em) {
        this.store = store;
        this.em = em;
    }

    @Transactional
    public Overview read() {
        Object[] index = (Object[]) em.createNativeQuery("""
                SELECT count(*), coalesce(floor(extract(epoch FROM clock_timestamp() - min(queued_at))), 0)::bigint
                FROM search_outbox""").getSingleResult();
        long doiFailed = ((Number) em.createNativeQuery("SELECT count(*) FROM doi_outbox WHERE status = 'FAILED'")
                .getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT doi, attempts, coalesce(last_error, ''),
                               floor(extract(epoch FROM coalesce(last_attempt_at, queued_at)) * 1000)::bigint
                        FROM doi_outbox WHERE status = 'FAILED'
                        ORDER BY coalesce(last_attempt_at, queued_at) DESC, id DESC LIMIT ?1""")
                .setParameter(1, DOI_SHOWN).getResultList();
        List<DoiFailure> failures = rows.stream().map(r -> new DoiFailure((String) r[0], ((Number) r[1]).intValue(),
                (String) r[2], Instant.ofEpochMilli(((Number) r[3]).longValue()))).toList();
        return new Overview(store.newest(HarvestEventKind.REFUSED, SHOWN), store.newest(HarvestEventKind.SWMR_WAITING, SHOWN),
                store.newest(HarvestEventKind.DEAD_LETTER, SHOWN),
                ((Number) index[0]).longValue(), ((Number) index[1]).longValue(), doiFailed, failures);
    }
}
