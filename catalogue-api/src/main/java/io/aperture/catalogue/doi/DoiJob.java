package io.aperture.catalogue.doi;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.audit.AuditLog;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.model.DoiCollection;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sends the calls queued in {@code doi_outbox} to DataCite. Each call is one transaction: the oldest due row of a
 * dataset (or of a collection: the same rules, keyed by collection) is claimed with {@code FOR UPDATE SKIP LOCKED} —
 * so several server instances (or runs) share the work and never send one row twice — together with the dataset's later pending rows, which it stands for: the newest of them
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
    private final Event<DoiAccepted> acceptance;
    private final Clock clock;
    private final Backoff backoff;
    private final int batchSize;
    private final int transactionSeconds;

    DoiJob(EntityManager em, DoiSettings settings, DoiPayload payload, DataCiteClient datacite, AccessControl access, AuditLog audit,
           Event<DoiAccepted> acceptance, Clock clock, DoiConfig config) {
        this.em = em;
        this.settings = settings;
        this.payload = payload;
        this.datacite = datacite;
        this.access = access;
        this.audit = audit;
        this.acceptance = acceptance;
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
        // a row is a dataset's or a collection's (its "subject"); a subject's rows are sent one at a time, in order
        @SuppressWarnings("unchecked")
        List<Object[]> claimed = em.createNativeQuery("""
                        SELECT o.id, o.dataset_id, o.collection_id FROM doi_outbox o
                        WHERE o.status = 'PENDING' AND o.next_attempt_at <= ?1
                          AND NOT EXISTS (SELECT 1 FROM doi_outbox p
                                          WHERE (p.dataset_id = o.dataset_id OR p.collection_id = o.collection_id)
                                            AND p.status = 'PENDING' AND p.id < o.id)
                        ORDER BY o.next_attempt_at, o.id LIMIT 1 FOR UPDATE OF o SKIP LOCKED""")
                .setParameter(1, now).getResultList();
        if (claimed.isEmpty()) {
            return false;
        }
        long first = ((Number) claimed.getFirst()[0]).longValue();
        Subject subject = claimed.getFirst()[1] != null
                ? new Subject("dataset_id", ((Number) claimed.getFirst()[1]).longValue())
                : new Subject("collection_id", ((Number) claimed.getFirst()[2]).longValue());
        // the subject's later rows: the newest is what DataCite should now say; the call stands for all of them
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, wanted_state, event FROM doi_outbox WHERE " + subject.column()
                        + " = ?1 AND status = 'PENDING' AND id >= ?2 ORDER BY id FOR UPDATE SKIP LOCKED")
                .setParameter(1, subject.id()).setParameter(2, first).getResultList();
        Object[] newest = rows.getLast();
        long newestId = ((Number) newest[0]).longValue();
        DoiTarget target = new DoiTarget(DoiState.valueOf((String) newest[1]), DoiTarget.Event.valueOf((String) newest[2]));
        String doi;
        Optional<String> document;
        AuditLog.AuditEvent accepted;
        Map<String, Object> facts = Map.of("state", target.state().name(), "event", target.event().name());
        if (subject.isDataset()) {
            Dataset d = em.find(Dataset.class, subject.id());
            doi = d.doi;
            document = payload.document(d, target, access);
            // a fact of the record's public life, and the source of the catalogue's doi-registered event
            accepted = new AuditLog.AuditEvent(now, "system", "DOI_ACCEPTED", "DATASET", d.pid,
                    d.proposal == null ? null : d.proposal.pid, with(facts, doi));
        } else {
            DoiCollection c = em.find(DoiCollection.class, subject.id());
            doi = c.doi;
            document = Optional.of(payload.document(c, target, access));
            accepted = new AuditLog.AuditEvent(now, "system", "COLLECTION_DOI_ACCEPTED", "COLLECTION", doi,
                    c.proposal.pid, with(facts, doi));
        }
        if (document.isEmpty()) {
            fail(subject, newestId, 0, "not sent: the record as it now stands lets no metadata out for a "
                    + target.event().name().toLowerCase(Locale.ROOT) + " call; a later change will queue the call it needs", now);
            return true;
        }
        switch (datacite.put(doi, document.get())) {
            case DataCiteClient.Answer.Accepted ok -> {
                // done: this call and every earlier (pending or failed) row of the subject it supersedes
                em.createNativeQuery("DELETE FROM doi_outbox WHERE " + subject.column() + " = ?1 AND id <= ?2")
                        .setParameter(1, subject.id()).setParameter(2, newestId).executeUpdate();
                audit.append(accepted);
                if (subject.isDataset()) {
                    acceptance.fire(new DoiAccepted(subject.id(), now));
                }
                LOG.infof("DOI %s: DataCite accepted %s (%s)", doi, target.event().name().toLowerCase(Locale.ROOT), target.state().name().toLowerCase(Locale.ROOT));
            }
            case DataCiteClient.Answer.Retry retry -> {
                int attempts = supersede(subject, newestId) + 1;
                Duration pause = backoff.after(attempts);
                em.createNativeQuery("""
                                UPDATE doi_outbox SET attempts = ?2, next_attempt_at = ?3, last_attempt_at = ?4,
                                       last_status = cast(?5 AS integer), last_error = ?6 WHERE id = ?1""")
                        .setParameter(1, newestId).setParameter(2, attempts).setParameter(3, now.plus(pause))
                        .setParameter(4, now).setParameter(5, retry.status() == 0 ? null : retry.status())
                        .setParameter(6, retry.reason()).executeUpdate();
                LOG.warnf("DOI %s: %s; attempt %d, next in %s", doi, retry.reason(), attempts, pause);
            }
            case DataCiteClient.Answer.Refused refused -> {
                fail(subject, newestId, refused.status(), "DataCite refused the call (" + refused.status() + "): " + refused.body(), now);
                LOG.errorf("DOI %s: DataCite refused %s with %d; kept as failed for staff (GET /api/staff/doi/outbox)",
                        doi, target.event().name().toLowerCase(Locale.ROOT), refused.status());
            }
        }
        return true;
    }

    /** Whose DOI an outbox row is about: a dataset's ({@code dataset_id}) or a collection's ({@code collection_id}). */
    private record Subject(String column, long id) {
        boolean isDataset() {
            return column.equals("dataset_id");
        }
    }

    private static Map<String, Object> with(Map<String, Object> facts, String doi) {
        Map<String, Object> out = new LinkedHashMap<>(facts);
        out.put("doi", doi);
        return out;
    }

    /** Deletes the subject's pending rows before {@code newestId} (the call stood for them); returns its attempts so far. */
    private int supersede(Subject subject, long newestId) {
        em.createNativeQuery("DELETE FROM doi_outbox WHERE " + subject.column() + " = ?1 AND status = 'PENDING' AND id < ?2")
                .setParameter(1, subject.id()).setParameter(2, newestId).executeUpdate();
        return ((Number) em.createNativeQuery("SELECT attempts FROM doi_outbox WHERE id = ?1")
                .setParameter(1, newestId).getSingleResult()).intValue();
    }

    private void fail(Subject subject, long newestId, int status, String error, Instant now) {
        int attempts = supersede(subject, newestId) + 1;
        em.createNativeQuery("""
                        UPDATE doi_outbox SET status = 'FAILED', attempts = ?2, last_attempt_at = ?3, last_status = cast(?4 AS integer),
                               last_error = ?5 WHERE id = ?1""")
                .setParameter(1, newestId).setParameter(2, attempts).setParameter(3, now)
                .setParameter(4, status == 0 ? null : status).setParameter(5, error).executeUpdate();
    }
}
