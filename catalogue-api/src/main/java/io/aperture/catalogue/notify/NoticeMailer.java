package io.aperture.catalogue.notify;

import io.aperture.catalogue.links.PublicUrls;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import io.aperture.catalogue.model.Member;
import io.aperture.catalogue.model.MemberRole;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * E-mails the PI and alternate contacts of a proposal when its extension window opens, when a request is decided, and
 * when its data is released. Sends after the change committed; a mail server outage is logged and costs nothing else.
 */
@ApplicationScoped
public class NoticeMailer {
    private static final Logger LOG = Logger.getLogger(NoticeMailer.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final ReactiveMailer mailer;
    private final TransactionSynchronizationRegistry registry;
    private final PublicUrls urls;
    private final Duration attemptTimeout;
    private final int attempts;

    @Inject
    NoticeMailer(ReactiveMailer mailer, TransactionSynchronizationRegistry registry, PublicUrls urls, NoticeConfig config) {
        this(mailer, registry, urls, config.attemptTimeout(), config.attempts());
    }

    NoticeMailer(ReactiveMailer mailer, TransactionSynchronizationRegistry registry, PublicUrls urls, Duration attemptTimeout,
                 int attempts) {
        this.mailer = mailer;
        this.attemptTimeout = attemptTimeout;
        this.attempts = Math.max(1, attempts);
        this.registry = registry;
        this.urls = urls;
    }

    /**
     * Sends the notice once the current transaction has committed (at once when there is none): recipients are read
     * now, inside the transaction, and nothing touches the database afterwards.
     */
    public void publish(EmbargoNotice notice) {
        if (registry.getTransactionKey() == null) {
            send(notice);
            return;
        }
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    send(notice);
                }
            }
        });
    }

    /** The e-mail addresses of the proposal's PI and alternate contacts. */
    public static List<String> recipients(String proposalPid) {
        return Member.<Member>list("proposal.pid = ?1 and role in ?2", proposalPid, List.of(MemberRole.PI, MemberRole.ALTERNATE_CONTACT))
                .stream().map(m -> m.person.email).filter(e -> e != null && e.contains("@")).distinct().toList();
    }

    void send(EmbargoNotice notice) {
        try {
            List<String> to = notice.recipients();
            if (to.isEmpty()) {
                LOG.infof("notice %s for %s: nobody to tell (no PI or alternate contact with an e-mail)", notice.kind(), notice.proposalCode());
                return;
            }
            // never holds the request (or the release job) on the mail server: sent in the background. An attempt that
            // stalls (a server that accepts the connection and then says nothing) is cut off and tried again: a notice
            // sent twice is better than one lost. Failures after the last attempt are logged.
            Mail mail = Mail.withText(to.getFirst(), subject(notice), body(notice)).setTo(to);
            Uni.createFrom().deferred(() -> mailer.send(mail))
                    .ifNoItem().after(attemptTimeout).fail()
                    .onFailure().invoke(e -> LOG.warnf("notice %s for %s: attempt failed (%s), trying again", notice.kind(),
                            notice.proposalCode(), e.toString()))
                    .onFailure().retry().withBackOff(Duration.ofSeconds(1), Duration.ofSeconds(30)).atMost(attempts - 1)
                    .subscribe().with(
                            ok -> LOG.infof("notice %s for %s sent to %s", notice.kind(), notice.proposalCode(), to),
                            err -> LOG.errorf(err, "notice %s for proposal %s could not be sent", notice.kind(), notice.proposalCode()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "notice %s for proposal %s could not be sent", notice.kind(), notice.proposalCode());
        }
    }

    private String subject(EmbargoNotice n) {
        String what = n.visit() != null ? n.visit() : n.proposalCode();
        return switch (n.kind()) {
            case WINDOW_OPEN -> "Embargo of " + what + " ends on " + day(n) + ": you may now request an extension";
            case REQUEST_APPROVED -> "Extension approved: " + what + " stays under embargo until " + day(n);
            case REQUEST_REJECTED -> "Extension request for " + what + " was not approved";
            case RELEASED -> "Data of " + what + " is now open access";
        };
    }

    private String body(EmbargoNotice n) {
        String what = n.visit() != null ? "visit " + n.visit() + " of proposal " + n.proposalCode() : "proposal " + n.proposalCode();
        String text = switch (n.kind()) {
            case WINDOW_OPEN -> "The embargo on the data of " + what + " ends on " + day(n) + ". As Principal Investigator you may "
                    + "request a 12-month extension until that day.";
            case REQUEST_APPROVED -> "The User Office approved the extension for " + what + ". The data stays under embargo until "
                    + day(n) + ".";
            case REQUEST_REJECTED -> "The User Office did not approve the extension for " + what + ". Reason: " + n.detail()
                    + ". The embargo ends on " + day(n) + ".";
            case RELEASED -> "The data of " + what + " was released today under " + n.detail() + " and is now findable by everyone.";
        };
        return text + "\n\nYour proposals: " + PublicUrls.myProposals(urls.base()) + "\n";
    }

    private String day(EmbargoNotice n) {
        return DAY.format(n.end());
    }
}
