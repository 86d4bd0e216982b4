package io.aperture.catalogue.embargo;

import io.aperture.catalogue.model.Embargo;
import io.aperture.policy.workflow.Candidates;
import io.aperture.policy.workflow.EmbargoWorkflow;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Looks for embargoes whose extension window has opened and tells their PI and alternate contacts, once per end date.
 * Claims rows with SKIP LOCKED so several server instances send each notice once.
 */
@ApplicationScoped
public class WindowNoticeJob {
    private static final Logger LOG = Logger.getLogger(WindowNoticeJob.class);

    private final EntityManager em;
    private final EmbargoNotices notices;
    private final EmbargoWorkflow workflow;
    private final Clock clock;

    WindowNoticeJob(EntityManager em, EmbargoNotices notices, EmbargoWorkflow workflow, Clock clock) {
        this.em = em;
        this.notices = notices;
        this.workflow = workflow;
        this.clock = clock;
    }

    @Scheduled(every = "${aperture.notify.window-check}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            int n = announceOpenWindows();
            if (n > 0) {
                LOG.infof("%d extension-window notice(s) queued", n);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "extension-window check failed; it will run again");
        }
    }

    public int announceOpenWindows() {
        Instant now = clock.instant();
        // the policy narrows the rows to look at, and decides on each
        Candidates c = workflow.windowNoticeCandidates(now);
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("""
                            SELECT id FROM embargo WHERE status = ?3 AND current_end > ?1 AND current_end <= ?2
                              AND (window_notified_end IS NULL OR window_notified_end <> current_end)
                            ORDER BY current_end LIMIT 1000 FOR UPDATE SKIP LOCKED""")
                    .setParameter(1, OffsetDateTime.ofInstant(c.endAfter().orElseThrow(), ZoneOffset.UTC))
                    .setParameter(2, OffsetDateTime.ofInstant(c.endAtOrBefore(), ZoneOffset.UTC))
                    .setParameter(3, c.status().name()).getResultList();
            int sent = 0;
            for (Number id : ids) {
                if (notices.announceWindow(em.find(Embargo.class, id.longValue()), now)) {
                    sent++;
                }
            }
            return sent;
        });
    }
}
