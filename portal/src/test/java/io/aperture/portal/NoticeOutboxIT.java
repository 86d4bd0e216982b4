package io.aperture.portal;

import io.aperture.catalogue.notify.EmbargoNotice;
import io.aperture.catalogue.notify.NoticeConfig;
import io.aperture.catalogue.notify.NoticeMailer;
import io.aperture.portal.testing.Mailbox;
import io.aperture.portal.testing.RealServices;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Notices go through the notice outbox in PostgreSQL: queued with the change or not at all, sent by the job to the
 * real SMTP server once, deleted after; a notice the mail server will not take is kept and tried again later.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class NoticeOutboxIT {
    @Inject
    NoticeMailer notices;

    @Inject
    EntityManager em;

    @Inject
    NoticeConfig config;

    private static EmbargoNotice notice(String code, List<String> to) {
        return new EmbargoNotice(EmbargoNotice.Kind.REQUEST_REJECTED, 1, "DLS-" + code, code, code + "-1",
                LocalDate.parse("2027-03-01"), "the facility needs the beamtime report first", to);
    }

    private List<Object[]> rows(String code) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> r = em.createNativeQuery(
                            "SELECT status, attempts, last_error, next_attempt_at FROM notice_outbox WHERE proposal_code = ?1")
                    .setParameter(1, code).getResultList();
            return r;
        });
    }

    @Test
    void aNoticeExistsExactlyWhenItsChangeCommittedAndIsSentOnce() throws Exception {
        String code = "nb" + UUID.randomUUID().toString().substring(0, 8);
        String to = code + "@example.org";
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            notices.publish(notice(code, List.of(to)));
            throw new IllegalStateException("the change failed"); // rolled back: nobody is told of it
        })).hasMessageContaining("the change failed");
        assertThat(rows(code)).isEmpty();

        QuarkusTransaction.requiringNew().run(() -> notices.publish(notice(code, List.of(to))));
        await().atMost(Duration.ofSeconds(30)).until(() -> Mailbox.mailsAbout(code, to).size() == 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> rows(code).isEmpty());
        Mailbox.Received mail = Mailbox.mailsAbout(code, to).getFirst();
        assertThat(mail.text()).contains("the facility needs the beamtime report first");
        assertThat(mail.messageId()).matches("<notice-\\d+-\\d+@aperture>");
        Thread.sleep(2_000); // two more job runs: nothing is sent again
        assertThat(Mailbox.mailsAbout(code, to)).hasSize(1);
    }

    @Test
    void aNoticeTheMailServerRefusesIsKeptWithItsErrorAndTriedAgainLater() {
        String code = "nr" + UUID.randomUUID().toString().substring(0, 8);
        Instant queued = Instant.now();
        // an address no mail server takes: the attempt fails as an outage would
        QuarkusTransaction.requiringNew().run(() -> notices.publish(notice(code, List.of("no address at all"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> !rows(code).isEmpty()
                && ((Number) rows(code).getFirst()[1]).intValue() >= 1);
        Object[] row = rows(code).getFirst();
        assertThat(row[0]).isEqualTo("PENDING");
        assertThat((String) row[2]).as("the error kept for operators").isNotBlank();
        Instant next = row[3] instanceof OffsetDateTime t ? t.toInstant() : (Instant) row[3];
        assertThat(next).as("next attempt after the back-off").isAfter(queued.plus(config.retry().initial()).minusMillis(500));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM notice_outbox WHERE proposal_code = ?1")
                .setParameter(1, code).executeUpdate());
    }
}
