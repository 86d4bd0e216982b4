package io.aperture.policy.workflow;

import io.aperture.policy.access.Caller;
import io.aperture.policy.access.ProposalRole;
import io.aperture.policy.audit.AuditAction;
import io.aperture.policy.audit.AuditFact;
import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.embargo.EmbargoState;
import io.aperture.policy.embargo.EmbargoStatus;
import io.aperture.policy.embargo.ExtensionDecision;
import io.aperture.policy.embargo.ExtensionRequest;

import java.time.Instant;
import java.time.Period;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The embargo state machine: extension requests and decisions, early release, withdrawal and the scheduled
 * release. Pure functions of (caller, state, now): the catalogue loads the state, calls one operation, and on
 * {@link Outcome.Accepted} persists the new state and appends the audit facts in the same transaction.
 *
 * <pre>
 *   EMBARGOED ──releaseDue / releaseEarly──▶ RELEASED
 *      │  ▲ requestExtension → pending → decide(APPROVE: end += step | REJECT)
 *      └──────────────withdraw──────────────▶ WITHDRAWN ◀──withdraw── RELEASED
 * </pre>
 *
 * Authorisation is checked before the state, so a caller without rights learns nothing about the record's state
 * from a refusal.
 */
public final class EmbargoWorkflow {

    private final EmbargoRules rules;
    private final DateTimeFormatter instantFormat;

    /** A workflow applying the facility's {@code rules}. */
    public EmbargoWorkflow(EmbargoRules rules) {
        this.rules = Objects.requireNonNull(rules, "rules");
        this.instantFormat = DateTimeFormatter.ofPattern("d MMMM uuuu, HH:mm:ss zzz", Locale.UK)
                .withZone(rules.facilityZone());
    }

    /** The rules this workflow applies. */
    public EmbargoRules rules() {
        return rules;
    }

    /**
     * The embargo of a newly ingested record, from its production date. A record whose end is already past stays
     * embargoed until the next {@link #releaseDue} run, so its release is audited like any other.
     */
    public Outcome.Accepted open(String subjectId, String proposalId, Instant producedAt, Instant now) {
        EmbargoState state = EmbargoState.embargoed(subjectId, proposalId, producedAt, rules);
        return new Outcome.Accepted(state, List.of(fact(AuditAction.EMBARGO_COMPUTED, AuditFact.INGEST, state,
                state.currentEnd(), Optional.of("produced at " + producedAt), now)));
    }

    /**
     * A request to extend the embargo by one step. Allowed for the proposal's PI, and for facility staff filing on
     * behalf of the PI's establishment (recorded as such). Must be made within
     * [{@code currentEnd − extensionWindow}, {@code currentEnd}), while embargoed and with no other request
     * pending. With auto-approval configured the request is approved at once.
     */
    public Outcome requestExtension(Caller caller, EmbargoState state, Instant now) {
        Objects.requireNonNull(now, "now");
        String proposal = state.proposalId();
        boolean pi = caller.holds(proposal, ProposalRole.PI);
        boolean onBehalf = !pi && caller.actsAsStaff();
        if (!pi && !onBehalf) {
            if (caller.holds(proposal, ProposalRole.ALTERNATE_CONTACT)) {
                return refuse(RefusalReason.ALTERNATE_CONTACT_MAY_NOT_EXTEND,
                        "Only the Principal Investigator may request an embargo extension; alternate contacts may not.");
            }
            return refuse(RefusalReason.NOT_PRINCIPAL_INVESTIGATOR,
                    "Only the Principal Investigator of the proposal, or facility staff on behalf of the PI's "
                            + "establishment, may request an embargo extension.");
        }
        Optional<Outcome> closed = refuseUnlessEmbargoed(state);
        if (closed.isPresent()) {
            return closed.get();
        }
        if (state.pendingRequest().isPresent()) {
            return refuse(RefusalReason.REQUEST_ALREADY_PENDING,
                    "An extension request filed on " + format(state.pendingRequest().get().requestedAt())
                            + " is still waiting for a decision; only one request may be pending at a time.");
        }
        Instant end = state.currentEnd();
        if (!now.isBefore(end)) {
            return refuse(RefusalReason.EMBARGO_ENDED,
                    "The embargo ended on " + format(end) + "; an extension must be requested before the end.");
        }
        Instant opens = rules.extensionWindowOpens(end);
        if (now.isBefore(opens)) {
            return refuse(RefusalReason.TOO_EARLY,
                    "Too early: an extension may be requested only in the " + describe(rules.extensionWindow())
                            + " before the embargo ends on " + format(end) + ". The window opens on "
                            + format(opens) + ".");
        }

        ExtensionRequest request = new ExtensionRequest(caller.actorName(), onBehalf, now, end);
        EmbargoState pending = withPending(state, Optional.of(request));
        AuditFact requested = fact(AuditAction.EXTENSION_REQUESTED, caller.actorName(), state, end,
                onBehalf ? Optional.of("filed by facility staff on behalf of the PI's establishment") : Optional.empty(),
                now);
        if (!rules.autoApproveExtensions()) {
            return new Outcome.Accepted(pending, List.of(requested));
        }
        Outcome.Accepted approved = approve(pending, AuditFact.AUTO_APPROVAL, Optional.of("auto-approved"), now);
        return new Outcome.Accepted(approved.state(), List.of(requested, approved.facts().getFirst()));
    }

    /**
     * Staff decision on the pending request. Approval moves the end by exactly one extension step from the
     * <em>current end</em> (not from {@code now}); rejection needs a reason.
     *
     * @param filedAt when the request staff are deciding was filed: a decision is for the request staff read, never
     *                for one filed after it (a page or a retry still showing an earlier, decided request)
     * @param reason the reason; mandatory for {@link Verdict#REJECT}, optional (may be null) for approval
     */
    public Outcome decide(Caller staff, EmbargoState state, Instant filedAt, Verdict verdict, String reason, Instant now) {
        Objects.requireNonNull(filedAt, "filedAt");
        Objects.requireNonNull(verdict, "verdict");
        Objects.requireNonNull(now, "now");
        if (!staff.actsAsStaff()) {
            return refuse(RefusalReason.NOT_STAFF, "Extension requests are decided by facility staff (User Office).");
        }
        if (state.pendingRequest().isEmpty()) {
            return refuse(RefusalReason.NO_PENDING_REQUEST, "There is no pending extension request to decide.");
        }
        if (!state.pendingRequest().get().requestedAt().equals(filedAt)) {
            return refuse(RefusalReason.REQUEST_ALREADY_DECIDED, "The extension request filed on " + format(filedAt)
                    + " has already been decided; the request waiting now was filed on "
                    + format(state.pendingRequest().get().requestedAt()) + " and is decided on its own.");
        }
        Optional<String> stated = stated(reason);
        if (verdict == Verdict.APPROVE) {
            return approve(state, staff.actorName(), stated, now);
        }
        if (stated.isEmpty()) {
            return refuse(RefusalReason.REASON_REQUIRED, "A rejection needs a reason; it is sent to the requester.");
        }
        ExtensionRequest request = state.pendingRequest().get();
        Instant end = state.currentEnd();
        EmbargoState rejected = withHistory(withPending(state, Optional.empty()), new ExtensionDecision(request,
                ExtensionDecision.Result.REJECTED, staff.actorName(), now, stated, end, end));
        return new Outcome.Accepted(rejected,
                List.of(fact(AuditAction.EXTENSION_REJECTED, staff.actorName(), state, end, stated, now)));
    }

    /**
     * Release before the end, by the PI or an alternate contact. A pending extension request is cancelled (and
     * audited as such) since the people who asked for more time have chosen to publish.
     */
    public Outcome releaseEarly(Caller caller, EmbargoState state, Instant now) {
        Objects.requireNonNull(now, "now");
        String proposal = state.proposalId();
        if (!caller.holds(proposal, ProposalRole.PI) && !caller.holds(proposal, ProposalRole.ALTERNATE_CONTACT)) {
            return refuse(RefusalReason.NOT_PI_OR_ALTERNATE_CONTACT,
                    "Only the Principal Investigator or an alternate contact of the proposal may release data early.");
        }
        Optional<Outcome> closed = refuseUnlessEmbargoed(state);
        if (closed.isPresent()) {
            return closed.get();
        }
        List<AuditFact> facts = new ArrayList<>();
        EmbargoState current = cancelPending(state, caller.actorName(), "released early", now, facts);
        EmbargoState released = withStatus(current, EmbargoStatus.RELEASED, Optional.of(now));
        facts.add(fact(AuditAction.RELEASED_EARLY, caller.actorName(), state, state.currentEnd(), Optional.empty(), now));
        return new Outcome.Accepted(released, facts);
    }

    /** Staff withdrawal of an embargoed or released record, with a mandatory reason. Terminal. */
    public Outcome withdraw(Caller staff, EmbargoState state, String reason, Instant now) {
        Objects.requireNonNull(now, "now");
        if (!staff.actsAsStaff()) {
            return refuse(RefusalReason.NOT_STAFF, "Only facility staff may withdraw a record.");
        }
        if (state.status() == EmbargoStatus.WITHDRAWN) {
            return refuse(RefusalReason.WITHDRAWN, "This record has already been withdrawn.");
        }
        Optional<String> stated = stated(reason);
        if (stated.isEmpty()) {
            return refuse(RefusalReason.REASON_REQUIRED, "A withdrawal needs a reason; it is kept in the audit log.");
        }
        List<AuditFact> facts = new ArrayList<>();
        EmbargoState current = cancelPending(state, staff.actorName(), "record withdrawn", now, facts);
        EmbargoState withdrawn = withStatus(current, EmbargoStatus.WITHDRAWN, state.releasedAt());
        facts.add(fact(AuditAction.WITHDRAWN, staff.actorName(), state, state.currentEnd(), stated, now));
        return new Outcome.Accepted(withdrawn, facts);
    }

    /**
     * The scheduled release: accepted iff {@link #isReleaseDue}. Safe to run any number of times and late (after
     * downtime); the release instant is when it actually happened.
     */
    public Outcome releaseDue(EmbargoState state, Instant now) {
        Objects.requireNonNull(now, "now");
        Optional<Outcome> closed = refuseUnlessEmbargoed(state);
        if (closed.isPresent()) {
            return closed.get();
        }
        if (state.pendingRequest().isPresent()) {
            return refuse(RefusalReason.RELEASE_HELD_BY_PENDING_REQUEST,
                    "Release is held until the pending extension request is decided.");
        }
        if (now.isBefore(state.currentEnd())) {
            return refuse(RefusalReason.NOT_DUE, "The embargo runs until " + format(state.currentEnd()) + ".");
        }
        EmbargoState released = withStatus(state, EmbargoStatus.RELEASED, Optional.of(now));
        return new Outcome.Accepted(released, List.of(fact(AuditAction.RELEASED, AuditFact.RELEASE_JOB, state,
                state.currentEnd(), Optional.of("released under " + rules.releaseLicence().spdxId()), now)));
    }

    /**
     * Where a dataset produced at {@code producedAt} belongs, given the embargo that governs it now ({@code governing}:
     * its own, else its visit's; empty when none exists yet). A new embargo is needed when there is none, or when the
     * visit's is over but this dataset — not yet released or withdrawn with the visit — would still be under its own; a running embargo's end moves later when the dataset was
     * produced after the date that end was computed from (the visit's production date is the latest of its datasets').
     *
     * @param governingIsVisit whether {@code governing} is a visit's embargo (rather than the dataset's own)
     * @param carried          the status the dataset's row already carries (empty for a dataset not catalogued yet): a
     *                         dataset released or withdrawn with its visit stays so when it is harvested again —
     *                         released data is never embargoed again
     * @param visitSubjectId   the subject id of the dataset's visit, when it belongs to one (a first embargo is then
     *                         the visit's)
     * @param actor            who ingested, for the audit facts
     */
    public Placement place(Optional<EmbargoState> governing, boolean governingIsVisit, Optional<EmbargoStatus> carried,
                           Optional<String> visitSubjectId, String datasetPid, String proposalId, Instant producedAt,
                           String actor, Instant now) {
        Objects.requireNonNull(governing, "governing");
        Objects.requireNonNull(producedAt, "producedAt");
        Objects.requireNonNull(now, "now");
        Instant ownEnd = rules.embargoEnd(producedAt);
        if (governing.isEmpty()) {
            return new Placement.OpenNew(visitSubjectId.isPresent(),
                    open(visitSubjectId.orElse(datasetPid), proposalId, producedAt, now));
        }
        EmbargoState e = governing.get();
        boolean sharesTheVisitsEnd = carried.equals(Optional.of(e.status()));
        if (governingIsVisit && e.status() != EmbargoStatus.EMBARGOED && ownEnd.isAfter(now) && !sharesTheVisitsEnd) {
            return new Placement.OpenNew(false, open(datasetPid, proposalId, producedAt, now));
        }
        if (e.status() != EmbargoStatus.EMBARGOED || !ownEnd.isAfter(e.originalEnd())) {
            return new Placement.Stay(e);
        }
        Instant end = ownEnd.isAfter(e.currentEnd()) ? ownEnd : e.currentEnd();
        EmbargoState moved = new EmbargoState(e.subjectId(), e.proposalId(), ownEnd, end, e.status(), e.releasedAt(),
                e.pendingRequest(), e.extensionHistory());
        return new Placement.Move(new Outcome.Accepted(moved, List.of(fact(AuditAction.EMBARGO_COMPUTED, actor, e, end,
                Optional.of("later production date " + producedAt), now))));
    }

    /**
     * Whether the PI should now be told that the extension window is open: embargoed, the window open at {@code now}
     * (the same test {@link #requestExtension} applies), and not yet announced for the current end.
     *
     * @param announcedForEnd the end for which the window was last announced, if ever
     */
    public boolean windowNoticeDue(EmbargoState state, Optional<Instant> announcedForEnd, Instant now) {
        return state.status() == EmbargoStatus.EMBARGOED && windowOpen(state.currentEnd(), now)
                && !announcedForEnd.equals(Optional.of(state.currentEnd()));
    }

    /** The embargoes whose extension window may be open at {@code now} (a superset: each is checked with {@link #windowNoticeDue}). */
    public Candidates windowNoticeCandidates(Instant now) {
        Instant horizon = now.atZone(rules.facilityZone()).plus(rules.extensionWindow()).plusDays(1).toInstant();
        return new Candidates(EmbargoStatus.EMBARGOED, Optional.of(now), horizon);
    }

    /**
     * The embargoes that end within the twelve months after {@code now} (facility calendar), for the staff's release
     * forecast: under embargo now, current end in (now, now + 12 months]. An approved extension moves one out of it.
     */
    public Candidates releaseForecast(Instant now) {
        Instant horizon = now.atZone(rules.facilityZone()).plusMonths(12).toInstant();
        return new Candidates(EmbargoStatus.EMBARGOED, Optional.of(now), horizon);
    }

    /** The embargoes that may be due for release at {@code now} (each is checked with {@link #isReleaseDue}). */
    public Candidates releaseCandidates(Instant now) {
        return new Candidates(EmbargoStatus.EMBARGOED, Optional.empty(), now);
    }

    /** Whether an extension may be requested at {@code now} of an embargo ending at {@code end}: [end − window, end). */
    private boolean windowOpen(Instant end, Instant now) {
        return !now.isBefore(rules.extensionWindowOpens(end)) && now.isBefore(end);
    }

    /**
     * What {@code caller} could do to the embargo at {@code now}: exactly the operations the workflow would accept, so a
     * page offers no button whose press would be refused (an alternate contact never sees "extend", nobody sees it
     * before the window opens or while a request is pending, released data offers nothing).
     */
    public Set<Operation> available(Caller caller, EmbargoState state, Instant now) {
        Set<Operation> ops = EnumSet.noneOf(Operation.class);
        if (requestExtension(caller, state, now) instanceof Outcome.Accepted) {
            ops.add(Operation.REQUEST_EXTENSION);
        }
        if (releaseEarly(caller, state, now) instanceof Outcome.Accepted) {
            ops.add(Operation.RELEASE_EARLY);
        }
        return ops;
    }

    /**
     * The operations {@code caller} could not do at {@code now}, each with the workflow's refusal in its own words: what
     * a page says in place of a button it does not offer ("the window opens on …", "alternate contacts may not …").
     */
    public Map<Operation, String> unavailable(Caller caller, EmbargoState state, Instant now) {
        Map<Operation, String> why = new EnumMap<>(Operation.class);
        if (requestExtension(caller, state, now) instanceof Outcome.Refused r) {
            why.put(Operation.REQUEST_EXTENSION, r.message());
        }
        if (releaseEarly(caller, state, now) instanceof Outcome.Refused r) {
            why.put(Operation.RELEASE_EARLY, r.message());
        }
        return why;
    }

    /** Due iff embargoed (not released, not withdrawn), no request pending, and {@code now >= currentEnd}. */
    public boolean isReleaseDue(EmbargoState state, Instant now) {
        return state.status() == EmbargoStatus.EMBARGOED
                && state.pendingRequest().isEmpty()
                && !now.isBefore(state.currentEnd());
    }

    private Outcome.Accepted approve(EmbargoState state, String actor, Optional<String> reason, Instant now) {
        ExtensionRequest request = state.pendingRequest().orElseThrow();
        Instant before = state.currentEnd();
        Instant after = rules.extendedEnd(before);
        EmbargoState moved = new EmbargoState(state.subjectId(), state.proposalId(), state.originalEnd(), after,
                state.status(), state.releasedAt(), Optional.empty(), state.extensionHistory());
        EmbargoState approved = withHistory(moved, new ExtensionDecision(request, ExtensionDecision.Result.APPROVED,
                actor, now, reason, before, after));
        return new Outcome.Accepted(approved, List.of(fact(AuditAction.EXTENSION_APPROVED, actor, state, after, reason, now)));
    }

    private EmbargoState cancelPending(EmbargoState state, String actor, String why, Instant now, List<AuditFact> facts) {
        if (state.pendingRequest().isEmpty()) {
            return state;
        }
        Instant end = state.currentEnd();
        facts.add(fact(AuditAction.EXTENSION_CANCELLED, actor, state, end, Optional.of(why), now));
        return withHistory(withPending(state, Optional.empty()), new ExtensionDecision(state.pendingRequest().get(),
                ExtensionDecision.Result.CANCELLED, actor, now, Optional.of(why), end, end));
    }

    private Optional<Outcome> refuseUnlessEmbargoed(EmbargoState state) {
        return switch (state.status()) {
            case EMBARGOED -> Optional.empty();
            case RELEASED -> Optional.of(refuse(RefusalReason.ALREADY_RELEASED,
                    "This data was released on " + format(state.releasedAt().orElseThrow())
                            + " and cannot be embargoed again."));
            case WITHDRAWN -> Optional.of(refuse(RefusalReason.WITHDRAWN, "This record has been withdrawn."));
        };
    }

    private static AuditFact fact(AuditAction action, String actor, EmbargoState before, Instant endAfter,
                                  Optional<String> reason, Instant at) {
        return new AuditFact(action, actor, before.subjectId(), before.proposalId(), before.currentEnd(), endAfter,
                reason, at);
    }

    private static Outcome.Refused refuse(RefusalReason reason, String message) {
        return new Outcome.Refused(reason, message);
    }

    private static Optional<String> stated(String reason) {
        return Optional.ofNullable(reason).map(String::strip).filter(r -> !r.isEmpty());
    }

    private static EmbargoState withPending(EmbargoState s, Optional<ExtensionRequest> pending) {
        return new EmbargoState(s.subjectId(), s.proposalId(), s.originalEnd(), s.currentEnd(), s.status(),
                s.releasedAt(), pending, s.extensionHistory());
    }

    private static EmbargoState withStatus(EmbargoState s, EmbargoStatus status, Optional<Instant> releasedAt) {
        return new EmbargoState(s.subjectId(), s.proposalId(), s.originalEnd(), s.currentEnd(), status,
                releasedAt, s.pendingRequest(), s.extensionHistory());
    }

    private static EmbargoState withHistory(EmbargoState s, ExtensionDecision decision) {
        List<ExtensionDecision> history = new ArrayList<>(s.extensionHistory());
        history.add(decision);
        return new EmbargoState(s.subjectId(), s.proposalId(), s.originalEnd(), s.currentEnd(), s.status(),
                s.releasedAt(), s.pendingRequest(), history);
    }

    private String format(Instant instant) {
        return instantFormat.format(instant);
    }

    /** "3 months", "1 year", "1 year and 6 months" — for messages. */
    static String describe(Period p) {
        List<String> parts = new ArrayList<>();
        if (p.getYears() != 0) {
            parts.add(p.getYears() + (p.getYears() == 1 ? " year" : " years"));
        }
        if (p.getMonths() != 0) {
            parts.add(p.getMonths() + (p.getMonths() == 1 ? " month" : " months"));
        }
        if (p.getDays() != 0) {
            parts.add(p.getDays() + (p.getDays() == 1 ? " day" : " days"));
        }
        return String.join(" and ", parts);
    }
}
