package io.aperture.catalogue.embargo;

import io.aperture.catalogue.model.Embargo;
import io.aperture.catalogue.rules.EmbargoConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Copies a visit embargo's end to all the visit's datasets once scans have stopped moving it. During a beamtime
 * nearly every new scan moves the end (it runs from the last scan); copying at each move would rewrite and reindex
 * every earlier scan again, quadratic in the visit's size. Waiting until the end has not moved for
 * {@code aperture.embargo.visit-sync-quiet} copies it once. Until then earlier scans show an end up to the beamtime's
 * length too early; access is unaffected (it follows the embargo's state, which every dataset shares at once).
 * Safe with several instances: embargoes are claimed with {@code FOR UPDATE SKIP LOCKED}.
 */
@ApplicationScoped
public class SettledVisitSync {
    private static final Logger LOG = Logger.getLogger(SettledVisitSync.class);
    private static final int BATCH = 100;

    private final EntityManager em;
    private final EmbargoStore store;
    private final Clock clock;
    private final Duration quiet;

    SettledVisitSync(EntityManager em, EmbargoStore store, Clock clock, EmbargoConfig config) {
        this.em = em;
        this.store = store;
        this.clock = clock;
        this.quiet = config.visitSyncQuiet();
    }

    @Scheduled(every = "${aperture.embargo.visit-sync-interval}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int n = syncSettled();
            if (n > 0) {
                LOG.infof("visit embargo end copied to the datasets of %d settled visit(s)", n);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "settled-visit sync failed; it will run again");
        }
    }

    /**
     * Syncs every visit whose embargo end last moved at least the quiet period ago; returns how many. Each embargo is
     * synced in a transaction of its own: one that an ingest holds (or that loses a deadlock to one) is left for the
     * next run, and costs no other its work.
     */
    public int syncSettled() {
        OffsetDateTime settledBefore = OffsetDateTime.ofInstant(clock.instant().minus(quiet), ZoneOffset.UTC);
        int total = 0;
        long after = 0;
        while (true) {
            long from = after;
            @SuppressWarnings("unchecked")
            List<Number> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                            SELECT id FROM embargo WHERE end_moved_at <= ?1 AND id > ?2 ORDER BY id LIMIT ?3""")
                    .setParameter(1, settledBefore).setParameter(2, from).setParameter(3, BATCH).getResultList());
            for (Number id : ids) {
                try {
                    total += QuarkusTransaction.requiringNew().call(() -> sync(id.longValue(), settledBefore));
                } catch (RuntimeException e) {
                    LOG.infof("visit embargo %d not synced this time (%s); next run", id.longValue(), e.getMessage());
                }
            }
            if (ids.size() < BATCH) {
                return total;
            }
            after = ids.getLast().longValue();
        }
    }

    private int sync(long id, OffsetDateTime settledBefore) {
        // claimed again under a row lock: an ingest may have moved the end (or a sync run elsewhere) meanwhile
        List<?> claimed = em.createNativeQuery("SELECT id FROM embargo WHERE id = ?1 AND end_moved_at <= ?2 FOR UPDATE SKIP LOCKED")
                .setParameter(1, id).setParameter(2, settledBefore).getResultList();
        if (claimed.isEmpty()) {
            return 0;
        }
        store.syncDatasets(em.find(Embargo.class, id));
        return 1;
    }
}
