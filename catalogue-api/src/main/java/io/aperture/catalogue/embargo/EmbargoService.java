package io.aperture.catalogue.embargo;

import io.aperture.catalogue.audit.AuditLog;
import io.aperture.catalogue.model.AccessState;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.model.Embargo;
import io.aperture.policy.audit.AuditFact;
import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.embargo.EmbargoState;
import io.aperture.policy.workflow.EmbargoWorkflow;
import io.aperture.policy.workflow.Outcome;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Framework side of the embargo engine: keeps one embargo per visit (or per visit-less dataset), asks the policy's
 * workflow for every change, writes the accepted state, copies it to the datasets, and appends the policy's audit facts.
 */
@ApplicationScoped
public class EmbargoService {
    private final EmbargoRules rules;
    private final EmbargoWorkflow workflow;
    private final EmbargoStore store;
    private final AuditLog audit;
    private final io.aperture.catalogue.notify.NoticeMailer notices;

    EmbargoService(EmbargoRules rules, EmbargoWorkflow workflow, EmbargoStore store, AuditLog audit,
                   io.aperture.catalogue.notify.NoticeMailer notices) {
        this.rules = rules;
        this.workflow = workflow;
        this.store = store;
        this.audit = audit;
        this.notices = notices;
    }

    /**
     * The embargo a dataset falls under as things stand: its own if it has one, else its visit's; null when there is
     * none yet. A dataset not yet written has no embargo of its own.
     */
    public Embargo governing(Dataset ds) {
        if (ds.id != null) {
            Embargo own = Embargo.find("dataset", ds).firstResult();
            if (own != null) {
                return own;
            }
        }
        return ds.visit == null ? null : Embargo.<Embargo>find("visit", ds.visit).firstResult();
    }

    /**
     * Sets the dataset's embargo fields to what {@link #attach} will give it, where that can be known without writing:
     * when it stays under {@code e}. When a new embargo is to be opened it is closed until attach says otherwise
     * (never open by default).
     */
    public void preset(Dataset ds, Embargo e, Instant now) {
        Instant ownEnd = rules.embargoEnd(ds.producedAt);
        if (opensNew(ds, e, ownEnd, now)) {
            if (ds.accessState == null) {
                ds.embargoEnd = ds.producedAt;
                ds.accessState = AccessState.EMBARGOED;
            }
            return;
        }
        copy(ds, movesEnd(e, ownEnd) ? later(ownEnd, e.currentEnd) : e.currentEnd, e.status, e.releasedAt);
    }

    /**
     * Gives a newly ingested or changed dataset its embargo, {@code e} being its {@link #governing} one. A visit's
     * embargo runs from the last production date among its datasets, so a later scan moves a running embargo's end
     * later; a scan arriving for a visit already released (or withdrawn) gets an embargo of its own rather than
     * inheriting the visit's openness.
     */
    public void attach(Dataset ds, Embargo e, String actor, Instant now) {
        Instant ownEnd = rules.embargoEnd(ds.producedAt);
        if (!opensNew(ds, e, ownEnd, now) && (movesEnd(e, ownEnd) || (e.status == AccessState.EMBARGOED && !e.currentEnd.isAfter(now)))) {
            // About to change the embargo: read it again under a row lock, so that concurrent ingests of one visit
            // take turns instead of one failing on the version check. Most datasets change nothing and take no lock.
            Embargo.getEntityManager().refresh(e, LockModeType.PESSIMISTIC_WRITE);
        }
        if (opensNew(ds, e, ownEnd, now)) {
            e = open(ds, e == null ? ds.visit : null, actor, now);
        } else if (movesEnd(e, ownEnd)) {
            Instant before = e.currentEnd;
            e.originalEnd = ownEnd;
            e.currentEnd = later(ownEnd, e.currentEnd);
            if (e.visit != null) {
                store.markMoved(e, now);
            }
            record(List.of(new AuditFact(io.aperture.policy.audit.AuditAction.EMBARGO_COMPUTED, actor, e.subjectId(),
                    EmbargoStore.proposalPid(e), before, e.currentEnd, Optional.of("later production date " + ds.producedAt), now)),
                    ds.pid);
        }
        copy(ds, e.currentEnd, e.status, e.releasedAt);
        if (e.status == AccessState.EMBARGOED && !e.currentEnd.isAfter(now)) {
            // An old file harvested late: its embargo is already over. Release it now, through the policy — quietly:
            // nobody is told that data from years ago is open, it never was closed in anyone's experience.
            release(e, now, false);
            copy(ds, e.currentEnd, e.status, e.releasedAt);
        }
    }

    /** A new embargo is needed when there is none, or when the visit's is over but this dataset's own is not. */
    private static boolean opensNew(Dataset ds, Embargo e, Instant ownEnd, Instant now) {
        return e == null || (e.visit != null && e.status != AccessState.EMBARGOED && ownEnd.isAfter(now));
    }

    /** A running embargo is moved by a dataset produced after the date it was computed from (extensions kept). */
    private static boolean movesEnd(Embargo e, Instant ownEnd) {
        return e.status == AccessState.EMBARGOED && ownEnd.isAfter(e.originalEnd);
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** The embargo's end and state as the dataset row carries them (what search and pages read). */
    private void copy(Dataset ds, Instant end, AccessState status, Instant releasedAt) {
        ds.embargoEnd = end;
        ds.accessState = status;
        ds.releasedAt = releasedAt;
        ds.license = status == AccessState.RELEASED ? rules.releaseLicence().spdxId() : null;
    }

    private Embargo open(Dataset ds, io.aperture.catalogue.model.Visit visit, String actor, Instant now) {
        Embargo e = new Embargo();
        e.visit = visit;
        e.dataset = visit == null ? ds : null;
        String subject = visit != null ? "visit:" + visit.code : ds.pid;
        String proposal = ds.proposal == null ? "" : ds.proposal.pid;
        Outcome.Accepted opened = workflow.open(subject, proposal, ds.producedAt, now);
        EmbargoState s = opened.state();
        e.originalEnd = s.originalEnd();
        e.currentEnd = s.currentEnd();
        e.status = AccessState.valueOf(s.status().name());
        e.persist();
        record(opened.facts(), ds.pid);
        return e;
    }

    /** Releases the embargo if the policy says it is due; returns whether it did. */
    public boolean releaseIfDue(Embargo e, Instant now) {
        return release(e, now, true);
    }

    private boolean release(Embargo e, Instant now, boolean tell) {
        EmbargoState state = store.toState(e);
        if (!workflow.isReleaseDue(state, now)) {
            return false;
        }
        return apply(e, workflow.releaseDue(state, now), Optional.empty(), tell) instanceof Outcome.Accepted;
    }

    /** Writes an accepted outcome and audits it; a refusal changes nothing and is returned for the caller to show. */
    public Outcome apply(Embargo e, Outcome outcome, Optional<String> justification) {
        return apply(e, outcome, justification, true);
    }

    private Outcome apply(Embargo e, Outcome outcome, Optional<String> justification, boolean tell) {
        if (outcome instanceof Outcome.Accepted accepted) {
            store.write(e, accepted.state(), justification);
            record(accepted.facts(), null);
            if (tell) {
                accepted.facts().forEach(f -> notify(e, f));
            }
        }
        return outcome;
    }

    /** Tells the PI and alternate contacts about decisions and releases (sent after commit). */
    private void notify(Embargo e, AuditFact f) {
        var kind = switch (f.action()) {
            case EXTENSION_APPROVED -> io.aperture.catalogue.notify.EmbargoNotice.Kind.REQUEST_APPROVED;
            case EXTENSION_REJECTED -> io.aperture.catalogue.notify.EmbargoNotice.Kind.REQUEST_REJECTED;
            case RELEASED, RELEASED_EARLY -> io.aperture.catalogue.notify.EmbargoNotice.Kind.RELEASED;
            default -> null;
        };
        if (kind == null || e.proposal() == null) {
            return;
        }
        String detail = kind == io.aperture.catalogue.notify.EmbargoNotice.Kind.RELEASED ? rules.releaseLicence().spdxId()
                : f.reason().orElse("none given");
        notices.publish(new io.aperture.catalogue.notify.EmbargoNotice(kind, e.id, e.proposal().pid, e.proposal().code,
                e.visit == null ? null : e.visit.code, f.endAfter() != null ? f.endAfter() : e.currentEnd, detail,
                io.aperture.catalogue.notify.NoticeMailer.recipients(e.proposal().pid)));
    }

    /** Announces the opening of the extension window of an embargo, once per end date; returns whether it did. */
    public boolean announceWindow(Embargo e, java.time.Instant now) {
        if (e.status != AccessState.EMBARGOED || e.proposal() == null || e.currentEnd.equals(e.windowNotifiedEnd)
                || now.isBefore(rules.extensionWindowOpens(e.currentEnd)) || !now.isBefore(e.currentEnd)) {
            return false;
        }
        e.windowNotifiedEnd = e.currentEnd;
        notices.publish(new io.aperture.catalogue.notify.EmbargoNotice(io.aperture.catalogue.notify.EmbargoNotice.Kind.WINDOW_OPEN,
                e.id, e.proposal().pid, e.proposal().code, e.visit == null ? null : e.visit.code, e.currentEnd, null,
                io.aperture.catalogue.notify.NoticeMailer.recipients(e.proposal().pid)));
        return true;
    }

    public EmbargoState state(Embargo e) {
        return store.toState(e);
    }

    public Optional<Embargo> lock(long id) {
        return store.lock(id);
    }

    private void record(List<AuditFact> facts, String datasetPid) {
        for (AuditFact f : facts) {
            Map<String, Object> details = new LinkedHashMap<>();
            if (f.endBefore() != null) {
                details.put("endBefore", f.endBefore().toString());
            }
            if (f.endAfter() != null) {
                details.put("endAfter", f.endAfter().toString());
            }
            f.reason().ifPresent(r -> details.put("reason", r));
            if (datasetPid != null) {
                details.put("dataset", datasetPid);
            }
            audit.append(new AuditLog.AuditEvent(f.at(), f.actor(), f.action().name(),
                    f.subjectId().startsWith("visit:") ? "VISIT" : "DATASET", f.subjectId(),
                    f.proposalId().isEmpty() ? null : f.proposalId(), details));
        }
    }

    public void recordIngest(Dataset ds, boolean created, String actor, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", ds.sourcePath + "#" + ds.entryName);
        details.put("producedAt", ds.producedAt.toString());
        details.put("embargoEnd", ds.embargoEnd.toString());
        details.put("accessState", ds.accessState.name());
        audit.append(new AuditLog.AuditEvent(now, actor, created ? "RECORD_INGESTED" : "RECORD_UPDATED", "DATASET", ds.pid,
                ds.proposal == null ? null : ds.proposal.pid, details));
    }
}
