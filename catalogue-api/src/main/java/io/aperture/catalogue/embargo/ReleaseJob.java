package io.aperture.catalogue.embargo;

import io.aperture.catalogue.metrics.WorkCounters;
import io.aperture.catalogue.model.Embargo;
import io.aperture.catalogue.rules.EmbargoConfig;
import io.aperture.policy.workflow.Candidates;
import io.aperture.policy.workflow.EmbargoWorkflow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Releases embargoes that have ended. Idempotent (the policy refuses to release twice), safe with several server
 * instances (due rows are claimed with {@code FOR UPDATE SKIP LOCKED}), works in bounded batches, and catches up after
 * downtime: it runs shortly after start and then every {@code aperture.embargo.release-interval}. An embargo with a
 * pending extension request is never released; it waits for the decision.
 */
@ApplicationScoped
public class ReleaseJob {
    private static final Logger LOG = Logger.getLogger(ReleaseJob.class);

    private final EntityManager em;
    private final EmbargoService embargo;
    private final EmbargoWorkflow workflow;
    private final Clock clock;
    private final int batchSize;
    private final WorkCounters counters;

    ReleaseJob(EntityManager em, EmbargoService embargo, EmbargoWorkflow workflow, Clock clock, EmbargoConfig config,
               WorkCounters counters) {
        this.em = em;
        this.embargo = embargo;
        this.workflow = workflow;
        this.clock = clock;
        this.batchSize = config.releaseBatch();
        this.counters = counters;
    }

    @Scheduled(every = "${aperture.embargo.release-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int n = releaseDue();
            if (n > 0) {
                LOG.infof("release job: %d embargo(es) released", n);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "release job failed; it will run again");
        }
    }

    /** Releases everything due now, batch by batch; returns how many embargoes were released. */
    public int releaseDue() {
        int total = 0;
        int claimed;
        do {
            int[] released = {0};
            // the policy narrows the rows to look at (pending requests hold a release), and decides on each
            Candidates due = workflow.releaseCandidates(clock.instant());
            claimed = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Number> ids = em.createNativeQuery("""
                                SELECT e.id FROM embargo e
                                WHERE e.status = ?3 AND e.current_end <= ?1
                                  AND NOT EXISTS (SELECT 1 FROM extension_request r WHERE r.embargo_id = e.id AND r.status = 'PENDING')
                                ORDER BY e.current_end LIMIT ?2 FOR UPDATE SKIP LOCKED""")
                        .setParameter(1, OffsetDateTime.ofInstant(due.endAtOrBefore(), ZoneOffset.UTC))
                        .setParameter(2, batchSize).setParameter(3, due.status().name()).getResultList();
                for (Number id : ids) {
                    Embargo e = em.find(Embargo.class, id.longValue());
                    if (embargo.releaseIfDue(e, clock.instant())) {
                        released[0]++;
                    }
                }
                return ids.size();
            });
            total += released[0];
            counters.released(released[0]);
        } while (claimed == batchSize);
        return total;
    }
}
