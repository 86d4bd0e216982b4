package io.aperture.catalogue.notify;

import io.aperture.catalogue.embargo.EmbargoService;
import io.aperture.catalogue.model.Embargo;
import io.aperture.policy.embargo.EmbargoRules;
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
    private final EmbargoService embargo;
    private final EmbargoRules rules;
    private final Clock clock;

    WindowNoticeJob(EntityManager em, EmbargoService embargo, EmbargoRules rules, Clock clock) {
        this.em = em;
        this.embargo = embargo;
        this.rules = rules;
        this.clock = clock;
    }

    @Scheduled(every = "${aperture.notify.window-check:1h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
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
        // every window opens at most one extension window's length before the end; the policy decides precisely
        Instant horizon = now.atZone(rules.facilityZone()).plus(rules.extensionWindow()).plusDays(1).toInstant();
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery("""
                            SELECT id FROM embargo WHERE status = 'EMBARGOED' AND current_end > ?1 AND current_end <= ?2
                              AND (window_notified_end IS NULL OR window_notified_end <> current_end)
                            ORDER BY current_end LIMIT 1000 FOR UPDATE SKIP LOCKED""")
                    .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                    .setParameter(2, OffsetDateTime.ofInstant(horizon, ZoneOffset.UTC)).getResultList();
            int sent = 0;
            for (Number id : ids) {
                if (embargo.announceWindow(em.find(Embargo.class, id.longValue()), now)) {
                    sent++;
                }
            }
            return sent;
        });
    }
}
