package io.aperture.catalogue.embargo;

import io.aperture.catalogue.model.Embargo;
import io.aperture.catalogue.notify.EmbargoNotice;
import io.aperture.catalogue.notify.NoticeMailer;
import io.aperture.policy.audit.AuditFact;
import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.workflow.EmbargoWorkflow;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.Optional;

/**
 * Turns what happened to an embargo into notices for the proposal's PI and alternate contacts: decisions and releases
 * (from the policy's audit facts) and the opening of the extension window (when the policy says it is due).
 */
@ApplicationScoped
class EmbargoNotices {
    private final EmbargoRules rules;
    private final EmbargoWorkflow workflow;
    private final EmbargoStore store;
    private final NoticeMailer mailer;

    EmbargoNotices(EmbargoRules rules, EmbargoWorkflow workflow, EmbargoStore store, NoticeMailer mailer) {
        this.rules = rules;
        this.workflow = workflow;
        this.store = store;
        this.mailer = mailer;
    }

    /** Tells the PI and alternate contacts about a decision or a release (sent after commit); other facts tell nobody. */
    void tell(Embargo e, AuditFact f) {
        EmbargoNotice.Kind kind = switch (f.action()) {
            case EXTENSION_APPROVED -> EmbargoNotice.Kind.REQUEST_APPROVED;
            case EXTENSION_REJECTED -> EmbargoNotice.Kind.REQUEST_REJECTED;
            case RELEASED, RELEASED_EARLY -> EmbargoNotice.Kind.RELEASED;
            default -> null;
        };
        if (kind == null || e.proposal() == null) {
            return;
        }
        String detail = kind == EmbargoNotice.Kind.RELEASED ? rules.releaseLicence().spdxId() : f.reason().orElse("none given");
        publish(e, kind, f.endAfter(), detail);
    }

    /** Announces the opening of the extension window of an embargo, once per end date; returns whether it did. */
    boolean announceWindow(Embargo e, Instant now) {
        if (e.proposal() == null
                || !workflow.windowNoticeDue(store.toState(e), Optional.ofNullable(e.windowNotifiedEnd), now)) {
            return false;
        }
        e.windowNotifiedEnd = e.currentEnd;
        publish(e, EmbargoNotice.Kind.WINDOW_OPEN, e.currentEnd, null);
        return true;
    }

    private void publish(Embargo e, EmbargoNotice.Kind kind, Instant end, String detail) {
        mailer.publish(new EmbargoNotice(kind, e.id, e.proposal().pid, e.proposal().code,
                e.visit == null ? null : e.visit.code, rules.day(end), detail, NoticeMailer.recipients(e.proposal().pid)));
    }
}
