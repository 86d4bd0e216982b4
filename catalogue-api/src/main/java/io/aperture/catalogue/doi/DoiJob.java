package io.aperture.catalogue.doi;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.audit.AuditLog;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.retry.Backoff;
import io.aperture.policy.doi.DoiState;
import io.aperture.policy.doi.DoiTarget;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the calls queued in {@code doi_outbox} to DataCite. Each call is one transaction: the oldest due row of a
 * dataset is claimed with {@code FOR UPDATE SKIP LOCKED} — so several server instances (or runs) share the work and
 * never send one row twice — together with the dataset's later pending rows, which it stands for: the newest of them
 * is sent (earlier wanted states are superseded by it, and the metadata is the record's as it is now). A row of a
 * dataset is never claimed while an earlier row of that dataset is pending, so one dataset's calls are never
 * concurrent or out of order. Accepted: the rows are deleted. Retryable (5xx, timeout, no connection): the row waits
 * for its back-off. Refused (4xx): the row is kept as FAILED with DataCite's answer for staff.
 */
@ApplicationScoped
public class DoiJob {
    private static final Logger LOG = Logger.getLogger(DoiJob.class);

    private final EntityManager em;
    private final DoiSettings settings;
    private final DoiPayload payload;
    private final DataCiteClient datacite;
    private final AccessControl access;
    private final AuditLog audit;
    private final Event<DoiAccepted> accepted;
    private final Clock clock;
    private final Backoff backoff;
    private final int batchSize;
    private final int transactionSeconds;

    DoiJob(EntityManager em, DoiSettings settings, DoiPayload payload, DataCiteClient datacite, AccessControl access, AuditLog audit,
           Event<DoiAccepted> accepted, Clock clock, DoiConfig config) {
        this.em = em;
        this.settings = settings;
        this.payload = payload;
        this.datacite = datacite;
        this.access = access;
        this.audit = audit;
        this.accepted = accepted;
        this.clock = clock;
        this.backoff = new Backoff(config.retry().initial(), config.retry().max());
        this.batchSize = config.batchSize();
        Duration call = config.http().connectTimeout().plus(config.http().requestTimeout());
        this.transactionSeconds = (int) Math.min(Integer.MAX_VALUE, call.toSeconds() + 30);
    }

    @Scheduled(every = "${aperture.doi.poll-interval}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void scheduled() {
        if (!settings.enabled()) {
            return;
        }
        try {
            int n = runOnce();
            if (n > 0) {
                LOG.debugf("DOI job: %d DataCite call(s) sent", n);
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "DOI job failed; it will run again");
        }
    }

    /** Sends up to {@code aperture.doi.batch-size} due calls, each in its own transaction; returns how many. */
    @ActivateRequestContext
    public int runOnce() {
        int sent = 0;
        while (sent < batchSize && QuarkusTransaction.requiringNew().timeout(transactionSeconds).call(this::sendOne)) {
            sent++;
        }
        return sent;
    }

    private boolean sendOne() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = em.createNativeQuery("""
                        SELECT o.id, o.dataset_id FROM doi_outbox o
                        WHERE o.status = 'PENDING' AND o.next_attempt_at <= ?1
                          AND NOT EXISTS (SELECT 1 FROM doi_outbox p
                                          WHERE p.dataset_id = o.dataset_id AND p.status = 'PENDING' AND p.id < o.id)
                        ORDER BY o.next_attempt_at, o.id LIMIT 1 FOR UPDATE OF o SKIP LOCKED""")
                .setParameter(1, now).getResultList();
        if (claimed.isEmpty()) {
            return false;
        }
        long first = ((Number) claimed.getFirst()[0]).longValue();
        long datasetId = ((Number) claimed.getFirst()[1]).longValue();
        // the dataset's later rows: the newest is what DataCite should now say; the call stands for all of them
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        SELECT id, wanted_state, event FROM doi_outbox
                        WHERE dataset_id = ?1 AND status = 'PENDING' AND id >= ?2 ORDER BY id FOR UPDATE SKIP LOCKED""")
                .setParameter(1, datasetId).setParameter(2, first).getResultList();
        Object[] newest = rows.getLast();
        long newestId = ((Number) newest[0]).longValue();
        DoiTarget target = new DoiTarget(DoiState.valueOf((String) newest[1]), DoiTarget.Event.valueOf((String) newest[2]));
        Dataset d = em.find(Dataset.class, datasetId);
        Optional<String> document = payload.document(d, target, access);
        if (document.isEmpty()) {
            fail(datasetId, newestId, 0, "not sent: the record as it now stands lets no metadata out for a "
                    + target.event().name().toLowerCase(Locale.ROOT) + " call; a later change will queue the call it needs", now);
            return true;
        }
        switch (datacite.put(d.doi, document.get())) {
            case DataCiteClient.Answer.Accepted ok -> {
                // done: this call and every earlier (pending or failed) row of the dataset it supersedes
                em.createNativeQuery("DELETE FROM doi_outbox WHERE dataset_id = ?1 AND id <= ?2")
                        .setParameter(1, datasetId).setParameter(2, newestId).executeUpdate();
                // a fact of the record's public life, and the source of the catalogue's doi-registered event
                audit.append(new AuditLog.AuditEvent(now, "system", "DOI_ACCEPTED", "DATASET", d.pid,
                        d.proposal == null ? null : d.proposal.pid,
                        Map.of("doi", d.doi, "state", target.state().name(), "event", target.event().name())));
                accepted.fire(new DoiAccepted(datasetId, now));
                LOG.infof("DOI %s: DataCite accepted %s (%s)", d.doi, target.event().name().toLowerCase(Locale.ROOT), target.state().name().toLowerCase(Locale.ROOT));
            }
            case DataCiteClient.Answer.Retry retry -> {
                int attempts = supersede(datasetId, newestId) + 1;
                Duration pause = backoff.after(attempts);
                em.createNativeQuery("""
                                UPDATE doi_outbox SET attempts = ?2, next_attempt_at = ?3, last_attempt_at = ?4,
                                       last_status = cast(?5 AS integer), last_error = ?6 WHERE id = ?1""")
                        .setParameter(1, newestId).setParameter(2, attempts).setParameter(3, now.plus(pause))
                        .setParameter(4, now).setParameter(5, retry.status() == 0 ? null : retry.status())
                        .setParameter(6, retry.reason()).executeUpdate();
                LOG.warnf("DOI %s: %s; attempt %d, next in %s", d.doi, retry.reason(), attempts, pause);
            }
            case DataCiteClient.Answer.Refused refused -> {
                fail(datasetId, newestId, refused.status(), "DataCite refused the call (" + refused.status() + "): " + refused.body(), now);
                LOG.errorf("DOI %s: DataCite refused %s with %d; kept as failed for staff (GET /api/staff/doi/outbox)",
                        d.doi, target.event().name().toLowerCase(Locale.ROOT), refused.status());
            }
        }
        return true;
    }

    /** Deletes the dataset's pending rows before {@code newestId} (the call stood for them); returns its attempts so far. */
    private int supersede(long datasetId, long newestId) {
        em.createNativeQuery("DELETE FROM doi_outbox WHERE dataset_id = ?1 AND status = 'PENDING' AND id < ?2")
                .setParameter(1, datasetId).setParameter(2, newestId).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT attempts FROM doi_outbox WHERE id = ?1")
                .setParameter(1, newestId).getSingleResult()).intValue();
    }

    private void fail(long datasetId, long newestId, int status, String error, Instant now) {
        int attempts = supersede(datasetId, newestId) + 1;
        em.createNativeQuery("""
                        UPDATE doi_outbox SET status = 'FAILED', attempts = ?2, last_attempt_at = ?3, last_status = cast(?4 AS integer),
                               last_error = ?5 WHERE id = ?1""")
                .setParameter(1, newestId).setParameter(2, attempts).setParameter(3, now)
                .setParameter(4, status == 0 ? null : status).setParameter(5, error).executeUpdate();
    }
}
