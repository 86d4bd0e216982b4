package io.aperture.catalogue.notify;

import io.aperture.catalogue.links.PublicUrls;
import io.aperture.catalogue.model.Member;
import io.aperture.catalogue.model.MemberRole;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * E-mails the PI and alternate contacts of a proposal when its extension window opens, when a request is decided, and
 * when its data is released. A notice is rendered and written to the notice outbox in the transaction that made the
 * change (so it exists exactly when the change does); {@link NoticeJob} sends it. A crash or a mail-server outage
 * delays a notice, it does not lose it.
 */
@ApplicationScoped
public class NoticeMailer {
    private static final Logger LOG = Logger.getLogger(NoticeMailer.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final EntityManager em;
    private final PublicUrls urls;

    NoticeMailer(EntityManager em, PublicUrls urls) {
        this.em = em;
        this.urls = urls;
    }

    /** Queues the notice in the current transaction (a new one when there is none); nobody to tell queues nothing. */
    public void publish(EmbargoNotice notice) {
        List<String> to = notice.recipients();
        if (to.isEmpty()) {
            LOG.infof("notice %s for %s: nobody to tell (no PI or alternate contact with an e-mail)", notice.kind(), notice.proposalCode());
            return;
        }
        QuarkusTransaction.joiningExisting().run(() -> em.createNativeQuery("""
                        INSERT INTO notice_outbox(kind, proposal_code, recipients, subject, body)
                        VALUES (?1, ?2, string_to_array(?3, chr(31)), ?4, ?5)""")
                .setParameter(1, notice.kind().name()).setParameter(2, notice.proposalCode())
                .setParameter(3, String.join("\u001f", to)).setParameter(4, subject(notice)).setParameter(5, body(notice))
                .executeUpdate());
    }

    /** The e-mail addresses of the proposal's PI and alternate contacts. */
    public static List<String> recipients(String proposalPid) {
        return Member.<Member>list("proposal.pid = ?1 and role in ?2", proposalPid, List.of(MemberRole.PI, MemberRole.ALTERNATE_CONTACT))
                .stream().map(m -> m.person.email).filter(e -> e != null && e.contains("@")).distinct().toList();
    }

    private String subject(EmbargoNotice n) {
        String what = n.visit() != null ? n.visit() : n.proposalCode();
        return switch (n.kind()) {
            case WINDOW_OPEN -> "Embargo of " + what + " ends on " + day(n) + ": an extension may now be requested";
            case REQUEST_APPROVED -> "Extension approved: " + what + " stays under embargo until " + day(n);
            case REQUEST_REJECTED -> "Extension request for " + what + " was not approved";
            case RELEASED -> "Data of " + what + " is now open access";
        };
    }

    private String body(EmbargoNotice n) {
        String what = n.visit() != null ? "visit " + n.visit() + " of proposal " + n.proposalCode() : "proposal " + n.proposalCode();
        String text = switch (n.kind()) {
            // the same notice goes to alternate contacts, who may release early but not extend (policy/)
            case WINDOW_OPEN -> "The embargo on the data of " + what + " ends on " + day(n) + ". The Principal Investigator may "
                    + "request a 12-month extension until that day; the Principal Investigator or an alternate contact may "
                    + "release the data earlier.";
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
