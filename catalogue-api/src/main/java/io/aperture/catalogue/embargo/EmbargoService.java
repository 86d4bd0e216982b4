package io.aperture.catalogue.embargo;

import io.aperture.catalogue.audit.FactLog;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.model.Embargo;
import io.aperture.catalogue.model.Visit;
import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.embargo.EmbargoState;
import io.aperture.policy.embargo.Publication;
import io.aperture.policy.workflow.EmbargoWorkflow;
import io.aperture.policy.workflow.Outcome;
import io.aperture.policy.workflow.Placement;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.Optional;

/**
 * Framework side of the embargo lifecycle: keeps one embargo per visit (or per visit-less dataset), asks the policy's
 * workflow for every change, writes the accepted state, copies it to the datasets and appends the policy's audit
 * facts. It decides nothing itself.
 */
@ApplicationScoped
public class EmbargoService {
    private final EmbargoRules rules;
    private final EmbargoWorkflow workflow;
    private final EmbargoStore store;
    private final FactLog facts;
    private final EmbargoNotices notices;

    EmbargoService(EmbargoRules rules, EmbargoWorkflow workflow, EmbargoStore store, FactLog facts, EmbargoNotices notices) {
        this.rules = rules;
        this.workflow = workflow;
        this.store = store;
        this.facts = facts;
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
     * Asks the policy where a newly ingested or changed dataset belongs, {@code e} being its {@link #governing}
     * embargo (a new embargo, the governing one unchanged, or the governing one with a later end), and sets the
     * dataset's embargo fields accordingly without writing anything, so that the row is written once.
     */
    public Placement place(Dataset ds, Embargo e, String actor, Instant now) {
        Placement placement = workflow.place(Optional.ofNullable(e).map(store::toState), e != null && e.visit != null,
                Optional.ofNullable(ds.accessState), Optional.ofNullable(ds.visit).map(Embargo::visitSubject), ds.pid,
                ds.proposal == null ? "" : ds.proposal.pid, ds.producedAt, actor, now);
        copy(ds, placement.state());
        return placement;
    }

    /**
     * Carries out a {@link #place placement} once the dataset row exists; an embargo that is already over is then
     * released at once.
     */
    public void attach(Dataset ds, Embargo e, Placement decided, String actor, Instant now) {
        Placement placement = decided;
        if (!(placement instanceof Placement.OpenNew) && (placement instanceof Placement.Move
                || workflow.isReleaseDue(placement.state(), now))) {
            // About to change the embargo: read it again under a row lock, so that concurrent ingests of one visit
            // take turns instead of one failing on the version check. Most datasets change nothing and take no lock.
            Embargo.getEntityManager().refresh(e, LockModeType.PESSIMISTIC_WRITE);
            placement = place(ds, e, actor, now);
        }
        Embargo governing = switch (placement) {
            case Placement.OpenNew open -> persistNew(ds, open);
            case Placement.Move move -> {
                store.writeEnd(e, move.state());
                if (e.visit != null) {
                    store.markMoved(e, now);
                }
                facts.append(move.moved().facts(), Optional.of(ds.pid));
                yield e;
            }
            case Placement.Stay stay -> e;
        };
        // An old file harvested late: its embargo is already over. Released now, through the policy — quietly: nobody
        // is told that data from years ago is open, it never was closed in anyone's experience.
        if (release(governing, now, false)) {
            copy(ds, store.toState(governing));
        }
    }

    /** The embargo's terms as the dataset row carries them (what search and pages read). */
    private void copy(Dataset ds, EmbargoState state) {
        Publication p = Publication.of(state, rules);
        ds.embargoEnd = p.embargoEnd();
        ds.accessState = p.status();
        ds.releasedAt = p.releasedAt().orElse(null);
        ds.license = p.licence().map(l -> l.spdxId()).orElse(null);
    }

    private Embargo persistNew(Dataset ds, Placement.OpenNew open) {
        Embargo e = new Embargo();
        Visit visit = open.forVisit() ? ds.visit : null;
        e.visit = visit;
        e.dataset = visit == null ? ds : null;
        EmbargoState s = open.state();
        e.originalEnd = s.originalEnd();
        e.currentEnd = s.currentEnd();
        e.status = s.status();
        e.persist();
        facts.append(open.opened().facts(), Optional.of(ds.pid));
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

    /** The pid of the embargo's proposal ("" when it has none), unlocked, in one statement; empty for an unknown id. */
    public Optional<String> proposalPidOf(long id) {
        return store.proposalPidOf(id);
    }

    /** Writes an accepted outcome and audits it; a refusal changes nothing and is returned for the caller to show. */
    public Outcome apply(Embargo e, Outcome outcome, Optional<String> justification) {
        return apply(e, outcome, justification, true);
    }

    private Outcome apply(Embargo e, Outcome outcome, Optional<String> justification, boolean tell) {
        if (outcome instanceof Outcome.Accepted accepted) {
            store.write(e, accepted.state(), justification);
            facts.append(accepted.facts(), Optional.empty());
            if (tell) {
                accepted.facts().forEach(f -> notices.tell(e, f));
            }
        }
        return outcome;
    }

    public EmbargoState state(Embargo e) {
        return store.toState(e);
    }

    public Optional<Embargo> lock(long id) {
        return store.lock(id);
    }
}
