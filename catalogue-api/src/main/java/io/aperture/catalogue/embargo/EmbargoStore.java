package io.aperture.catalogue.embargo;

import io.aperture.catalogue.doi.DoiQueue;
import io.aperture.catalogue.model.Embargo;
import io.aperture.catalogue.model.ExtensionRequestRow;
import io.aperture.policy.doi.DoiState;
import io.aperture.policy.embargo.EmbargoRules;
import io.aperture.policy.embargo.EmbargoState;
import io.aperture.policy.embargo.ExtensionDecision;
import io.aperture.policy.embargo.ExtensionRequest;
import io.aperture.policy.embargo.Publication;
import io.aperture.policy.embargo.ReleaseLicence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Maps the policy's {@link EmbargoState} to the embargo and extension_request rows and back, and copies the terms the
 * policy derives from it ({@link Publication}, {@link DoiState} transitions) to the datasets. Applies; never decides.
 */
@ApplicationScoped
class EmbargoStore {
    static final String PENDING = "PENDING";

    private final EntityManager em;
    private final EmbargoRules rules;
    private final DoiQueue dois;

    EmbargoStore(EntityManager em, EmbargoRules rules, DoiQueue dois) {
        this.em = em;
        this.rules = rules;
        this.dois = dois;
    }

    /** Loads an embargo locked for update: concurrent decisions on one embargo happen one after the other. */
    Optional<Embargo> lock(long id) {
        return Optional.ofNullable(em.find(Embargo.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    /**
     * The pid of the proposal embargo {@code id} belongs to ("" when it has none), in one statement without a lock;
     * empty when there is no such embargo. Whether a caller may learn of an embargo is decided on this before the row
     * is locked or anything else is read: an id the caller may not learn of then costs what an unknown id costs, and
     * never holds a lock the release job or an ingest waits on.
     */
    Optional<String> proposalPidOf(long id) {
        return em.createQuery("select coalesce(vp.pid, dp.pid, '') from Embargo e left join e.visit v left join v.proposal vp "
                        + "left join e.dataset d left join d.proposal dp where e.id = ?1", String.class)
                .setParameter(1, id).getResultStream().findFirst();
    }

    static String proposalPid(Embargo e) {
        return e.proposal() == null ? "" : e.proposal().pid;
    }

    EmbargoState toState(Embargo e) {
        Optional<ExtensionRequest> pending = Optional.empty();
        List<ExtensionDecision> history = new ArrayList<>();
        for (ExtensionRequestRow r : e.requests) {
            ExtensionRequest request = new ExtensionRequest(r.requestedBy, r.onBehalf, r.requestedAt, r.endBefore);
            if (PENDING.equals(r.status)) {
                pending = Optional.of(request);
            } else {
                history.add(new ExtensionDecision(request, ExtensionDecision.Result.valueOf(r.status), r.decidedBy, r.decidedAt,
                        Optional.ofNullable(r.decisionReason), r.endBefore, r.endAfter != null ? r.endAfter : r.endBefore));
            }
        }
        return new EmbargoState(e.subjectId(), proposalPid(e), e.originalEnd, e.currentEnd, e.status,
                Optional.ofNullable(e.releasedAt), pending, history);
    }

    /**
     * Writes an accepted state: the embargo row, then the requests — every decision the history holds beyond the rows
     * already decided is written to the request it decided (the pending row, or a row filed and decided in one step by
     * auto-approval), and a pending request without a row gets one. Then the datasets are synced.
     */
    void write(Embargo e, EmbargoState s, Optional<String> justification) {
        writeEmbargo(e, s);
        List<ExtensionRequestRow> decided = e.requests.stream().filter(r -> !PENDING.equals(r.status)).toList();
        Optional<ExtensionRequestRow> open = e.requests.stream().filter(r -> PENDING.equals(r.status)).findFirst();
        List<ExtensionDecision> newDecisions = s.extensionHistory().subList(Math.min(decided.size(), s.extensionHistory().size()),
                s.extensionHistory().size());
        for (ExtensionDecision d : newDecisions) {
            ExtensionRequestRow row = open.filter(r -> r.requestedAt.equals(d.request().requestedAt()))
                    .orElseGet(() -> newRow(e, d.request(), justification));
            decide(row, d);
            open = open.filter(r -> r != row);
        }
        if (s.pendingRequest().isPresent() && open.isEmpty()) {
            newRow(e, s.pendingRequest().get(), justification);
        }
        em.flush();
        syncDatasets(e);
    }

    /** Writes a moved end to the embargo row only: the visit's other datasets follow when it settles. */
    void writeEnd(Embargo e, EmbargoState s) {
        writeEmbargo(e, s);
    }

    private static void writeEmbargo(Embargo e, EmbargoState s) {
        e.originalEnd = s.originalEnd();
        e.currentEnd = s.currentEnd();
        e.status = s.status();
        e.releasedAt = s.releasedAt().orElse(null);
    }

    private ExtensionRequestRow newRow(Embargo e, ExtensionRequest req, Optional<String> justification) {
        ExtensionRequestRow row = new ExtensionRequestRow();
        row.embargo = e;
        row.requestedBy = req.requestedBy();
        row.onBehalf = req.onBehalfOfEstablishment();
        row.requestedAt = req.requestedAt();
        row.endBefore = req.endAtRequest();
        row.justification = justification.orElse(null);
        row.status = PENDING;
        row.persist();
        e.requests.add(row);
        return row;
    }

    private static void decide(ExtensionRequestRow row, ExtensionDecision d) {
        row.status = d.result().name();
        row.decidedBy = d.decidedBy();
        row.decidedAt = d.decidedAt();
        row.decisionReason = d.reason().orElse(null);
        row.endAfter = d.endAfter();
    }

    /**
     * Notes that a scan moved the visit embargo's end: its other datasets now carry an older end until
     * {@link SettledVisitSync} (or any later {@link #syncDatasets}) copies it. Written apart from the entity, so this
     * hint neither bumps the embargo's version nor is overwritten by it.
     */
    void markMoved(Embargo e, Instant at) {
        em.createNativeQuery("UPDATE embargo SET end_moved_at = ?1 WHERE id = ?2")
                .setParameter(1, at).setParameter(2, e.id).executeUpdate();
    }

    /**
     * Copies the embargo's terms to its datasets (what search and pages read) — dates, status, the licence in force
     * (a dataset's own licence is kept while one is in force) and the DOI transition the policy names for the status;
     * the outbox reindexes them. Rows that already agree are left alone, so they are not reindexed for nothing. The
     * DOI calls the change needs for the rows it changed are queued in the same transaction.
     */
    void syncDatasets(Embargo e) {
        EmbargoState state = toState(e);
        Publication p = Publication.of(state, rules);
        Optional<DoiState.Transition> doi = DoiState.transitionOn(state.status());
        String where = e.visit != null ? "visit_id = ?5 AND NOT EXISTS (SELECT 1 FROM embargo o WHERE o.dataset_id = dataset.id)"
                : "id = ?5";
        @SuppressWarnings("unchecked")
        List<Number> changed = em.createNativeQuery("UPDATE dataset SET embargo_end = ?1, access_state = ?2, released_at = cast(?3 AS timestamptz), "
                        + "license = CASE WHEN cast(?4 AS text) IS NULL THEN NULL ELSE coalesce(license, ?4) END, "
                        + "doi_state = CASE WHEN doi_state = cast(?6 AS text) THEN cast(?7 AS text) ELSE doi_state END, "
                        + "updated_at = now() WHERE " + where
                        + " AND (embargo_end IS DISTINCT FROM ?1 OR access_state IS DISTINCT FROM ?2"
                        + " OR released_at IS DISTINCT FROM cast(?3 AS timestamptz)"
                        + " OR (license IS NULL) <> (cast(?4 AS text) IS NULL) OR doi_state = cast(?6 AS text)) RETURNING id")
                .setParameter(1, p.embargoEnd())
                .setParameter(2, p.status().name())
                .setParameter(3, p.releasedAt().orElse(null))
                .setParameter(4, p.licence().map(ReleaseLicence::spdxId).orElse(null))
                .setParameter(5, e.visit != null ? e.visit.id : e.dataset.id)
                .setParameter(6, doi.map(t -> t.from().name()).orElse(null))
                .setParameter(7, doi.map(t -> t.to().name()).orElse(null))
                .getResultList();
        dois.embargoChanged(changed.stream().map(Number::longValue).toList(), state.status());
        em.createNativeQuery("UPDATE embargo SET end_moved_at = NULL WHERE id = ?1 AND end_moved_at IS NOT NULL")
                .setParameter(1, e.id).executeUpdate();
    }
}
