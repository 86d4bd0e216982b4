package io.aperture.catalogue.notify;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalDate;
import java.net.URI;
import java.util.Optional;
import io.aperture.catalogue.links.PublicUrls;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A mail server that accepts a connection and then says nothing must not cost the notice: the attempt is cut off and made again. */
class NoticeMailerRetryTest {

    /** Answers nothing to its first {@code stalls} sends, then accepts. */
    static final class StallingMailer implements ReactiveMailer {
        final AtomicInteger attempts = new AtomicInteger();
        final List<Mail> delivered = new CopyOnWriteArrayList<>();
        final CountDownLatch done = new CountDownLatch(1);
        private final int stalls;

        StallingMailer(int stalls) {
            this.stalls = stalls;
        }

        @Override
        public Uni<Void> send(Mail... mails) {
            if (attempts.incrementAndGet() <= stalls) {
                return Uni.createFrom().nothing();
            }
            delivered.addAll(List.of(mails));
            done.countDown();
            return Uni.createFrom().voidItem();
        }
    }

    private static final TransactionSynchronizationRegistry NO_TRANSACTION = (TransactionSynchronizationRegistry) Proxy.newProxyInstance(
            NoticeMailerRetryTest.class.getClassLoader(), new Class<?>[]{TransactionSynchronizationRegistry.class}, (p, m, a) -> null);

    private static EmbargoNotice notice() {
        return new EmbargoNotice(EmbargoNotice.Kind.REQUEST_REJECTED, 1, "pid", "cm1234", "cm1234-1",
                LocalDate.parse("2027-01-01"), "no reason", List.of("pi@example.org", "alternate@example.org"));
    }

    @Test
    void aStalledAttemptIsCutOffAndTheNoticeSentByTheNext() throws Exception {
        StallingMailer server = new StallingMailer(1);
        NoticeMailer mailer = new NoticeMailer(server, NO_TRANSACTION, new PublicUrls(Optional.of(URI.create("http://portal"))),
                Duration.ofMillis(200), 4);
        mailer.publish(notice());
        assertThat(server.done.await(10, TimeUnit.SECONDS)).as("the notice was sent by a later attempt").isTrue();
        assertThat(server.attempts.get()).isEqualTo(2);
        assertThat(server.delivered).hasSize(1);
        assertThat(server.delivered.getFirst().getTo()).containsExactly("pi@example.org", "alternate@example.org");
        assertThat(server.delivered.getFirst().getSubject()).contains("was not approved");
    }

    @Test
    void afterTheLastAttemptTheNoticeIsGivenUpNotRetriedForever() throws Exception {
        StallingMailer server = new StallingMailer(Integer.MAX_VALUE);
        NoticeMailer mailer = new NoticeMailer(server, NO_TRANSACTION, new PublicUrls(Optional.of(URI.create("http://portal"))),
                Duration.ofMillis(100), 2);
        mailer.publish(notice());
        // two attempts: 100 ms, 1 s back-off, 100 ms; then nothing more
        Thread.sleep(3_000);
        assertThat(server.attempts.get()).isEqualTo(2);
        assertThat(server.delivered).isEmpty();
    }
}
