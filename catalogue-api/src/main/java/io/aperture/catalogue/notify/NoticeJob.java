package io.aperture.catalogue.notify;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Sends the notices {@link NoticeMailer} queued: due rows are claimed one per transaction with
 * {@code FOR UPDATE SKIP LOCKED} (several server instances share the work, none sends a row another holds), sent, and
 * deleted once the mail server accepted them. A failed attempt is tried again later ({@link NextAttempt}); after the
 * last it stays as FAILED with the error. A crash between the mail server's acceptance and the delete sends the notice
 * again, under the same Message-ID.
 */
@ApplicationScoped
public class NoticeJob {
    private static final Logger LOG = Logger.getLogger(NoticeJob.class);
    private static final int BATCH = 50;

    private final EntityManager em;
    private final ReactiveMailer mailer;
    private final Clock clock;
    private final Duration attemptTimeout;
    private final NextAttempt retry;

    NoticeJob(EntityManager em, ReactiveMailer mailer, Clock clock, NoticeConfig config) {
        this.em = em;
        this.mailer = mailer;
        this.clock = clock;
        this.attemptTimeout = config.attemptTimeout();
        this.retry = new NextAttempt(config.retry().initial(), config.retry().max(), config.attempts());
    }

    @Scheduled(every = "${aperture.notify.send-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.errorf(e, "notice job failed; it will run again");
        }
    }

    /** Sends up to 50 due notices, each in its own transaction; returns how many were tried. */
    public int runOnce() {
        int tried = 0;
        int seconds = (int) attemptTimeout.toSeconds() + 30;
        while (tried < BATCH && QuarkusTransaction.requiringNew().timeout(seconds).call(this::sendOne)) {
            tried++;
        }
        return tried;
    }

    private boolean sendOne() {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                        SELECT id, kind, proposal_code, array_to_string(recipients, chr(31)), subject, body, attempts,
                               queued_at
                        FROM notice_outbox WHERE status = 'PENDING' AND next_attempt_at <= ?1
                        ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).getResultList();
        if (due.isEmpty()) {
            return false;
        }
        Object[] row = due.getFirst();
        long id = ((Number) row[0]).longValue();
        String what = row[1] + " for " + row[2];
        List<String> to = Arrays.asList(((String) row[3]).split("\u001f"));
        Mail mail = Mail.withText(to.getFirst(), (String) row[4], (String) row[5]).setTo(to)
                .addHeader("Message-ID", messageId(id, row[7]));
        try {
            mailer.send(mail).await().atMost(attemptTimeout);
            em.createNativeQuery("DELETE FROM notice_outbox WHERE id = ?1").setParameter(1, id).executeUpdate();
            LOG.infof("notice %s sent to %s", what, to);
        } catch (RuntimeException e) {
            int failed = ((Number) row[6]).intValue() + 1;
            Optional<Instant> next = retry.after(failed, now);
            em.createNativeQuery("""
                            UPDATE notice_outbox SET attempts = ?2, last_error = ?3, status = ?4,
                                   next_attempt_at = coalesce(cast(?5 AS timestamptz), next_attempt_at) WHERE id = ?1""")
                    .setParameter(1, id).setParameter(2, failed).setParameter(3, clip(e.toString()))
                    .setParameter(4, next.isPresent() ? "PENDING" : "FAILED")
                    .setParameter(5, next.map(t -> OffsetDateTime.ofInstant(t, ZoneOffset.UTC)).orElse(null))
                    .executeUpdate();
            if (next.isPresent()) {
                LOG.warnf("notice %s: attempt %d failed (%s); next at %s", what, failed, e.toString(), next.get());
            } else {
                LOG.errorf("notice %s could not be sent in %d attempts (%s); kept as FAILED in notice_outbox", what, failed, e);
            }
        }
        return true;
    }

    /** The same for every attempt at one notice, so that a resend is recognisably the same message. */
    private static String messageId(long id, Object queuedAt) {
        long millis = queuedAt instanceof OffsetDateTime t ? t.toInstant().toEpochMilli()
                : queuedAt instanceof Instant i ? i.toEpochMilli() : 0;
        return "<notice-" + id + "-" + millis + "@aperture>";
    }

    private static String clip(String s) {
        return s.length() <= 2000 ? s : s.substring(0, 2000);
    }
}
