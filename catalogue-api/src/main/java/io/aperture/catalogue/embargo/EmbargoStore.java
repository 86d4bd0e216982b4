package io.aperture.catalogue.embargo;

import io.aperture.catalogue.model.AccessState;
import io.aperture.catalogue.model.Embargo;
import io.aperture.catalogue.model.ExtensionRequestRow;
import io.aperture.policy.embargo.EmbargoState;
import io.aperture.policy.embargo.EmbargoStatus;
import io.aperture.policy.embargo.ExtensionDecision;
import io.aperture.policy.embargo.ExtensionRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps the policy's {@link EmbargoState} to the embargo and extension_request rows and back. */
@ApplicationScoped
class EmbargoStore {
    private final EntityManager em;
    private final String releaseLicence;

    EmbargoStore(EntityManager em, io.aperture.policy.embargo.EmbargoRules rules) {
        this.em = em;
        this.releaseLicence = rules.releaseLicence().spdxId();
    }

    /** Loads an embargo locked for update: concurrent decisions on one embargo happen one after the other. */
    Optional<Embargo> lock(long id) {
        return Optional.ofNullable(em.find(Embargo.class, id, LockModeType.PESSIMISTIC_WRITE));
    }

    static String proposalPid(Embargo e) {
        return e.proposal() == null ? "" : e.proposal().pid;
    }

    EmbargoState toState(Embargo e) {
        Optional<ExtensionRequest> pending = Optional.empty();
        List<ExtensionDecision> history = new ArrayList<>();
        for (ExtensionRequestRow r : e.requests) {
            ExtensionRequest request = new ExtensionRequest(r.requestedBy, r.onBehalf, r.requestedAt, r.endBefore);
            if ("PENDING".equals(r.status)) {
                pending = Optional.of(request);
            } else {
                history.add(new ExtensionDecision(request, ExtensionDecision.Result.valueOf(r.status), r.decidedBy, r.decidedAt,
                        Optional.ofNullable(r.decisionReason), r.endBefore, r.endAfter != null ? r.endAfter : r.endBefore));
            }
        }
        return new EmbargoState(e.subjectId(), proposalPid(e), e.originalEnd, e.currentEnd,
                EmbargoStatus.valueOf(e.status.name()), Optional.ofNullable(e.releasedAt), pending, history);
    }

    /** Writes an accepted state: the embargo row, a new pending request, or the decision on the pending one. */
    void write(Embargo e, EmbargoState s, Optional<String> justification) {
        e.originalEnd = s.originalEnd();
        e.currentEnd = s.currentEnd();
        e.status = AccessState.valueOf(s.status().name());
        e.releasedAt = s.releasedAt().orElse(null);
        Optional<ExtensionRequestRow> open = e.requests.stream().filter(r -> "PENDING".equals(r.status)).findFirst();
        if (s.pendingRequest().isPresent() && open.isEmpty()) {
            ExtensionRequest req = s.pendingRequest().get();
            ExtensionRequestRow row = new ExtensionRequestRow();
            row.embargo = e;
            row.requestedBy = req.requestedBy();
            row.onBehalf = req.onBehalfOfEstablishment();
            row.requestedAt = req.requestedAt();
            row.endBefore = req.endAtRequest();
            row.justification = justification.orElse(null);
            row.status = "PENDING";
            row.persist();
            e.requests.add(row);
        } else if (s.pendingRequest().isEmpty() && open.isPresent() && !s.extensionHistory().isEmpty()) {
            ExtensionDecision d = s.extensionHistory().getLast();
            ExtensionRequestRow row = open.get();
            row.status = d.result().name();
            row.decidedBy = d.decidedBy();
            row.decidedAt = d.decidedAt();
            row.decisionReason = d.reason().orElse(null);
            row.endAfter = d.endAfter();
        }
        if (s.pendingRequest().isPresent() && open.isEmpty() && !s.extensionHistory().isEmpty()) {
            // auto-approval: requested and decided in one step
            ExtensionDecision d = s.extensionHistory().getLast();
            ExtensionRequestRow row = e.requests.getLast();
            row.status = d.result().name();
            row.decidedBy = d.decidedBy();
            row.decidedAt = d.decidedAt();
            row.endAfter = d.endAfter();
        }
        em.flush();
        syncDatasets(e);
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
     * Copies the embargo's dates and state to its datasets (what search and pages read); the outbox reindexes them.
     * Rows that already agree are left alone, so they are not reindexed for nothing.
     */
    void syncDatasets(Embargo e) {
        String where = e.visit != null ? "visit_id = ?5 AND NOT EXISTS (SELECT 1 FROM embargo o WHERE o.dataset_id = dataset.id)"
                : "id = ?5";
        em.createNativeQuery("UPDATE dataset SET embargo_end = ?1, access_state = ?2, released_at = cast(?3 AS timestamptz), "
                        + "license = CASE WHEN ?2 = 'RELEASED' THEN coalesce(license, ?4) ELSE NULL END, "
                        + "doi_state = CASE WHEN ?2 = 'RELEASED' AND doi_state = 'REGISTERED' THEN 'FINDABLE' ELSE doi_state END, "
                        + "updated_at = now() WHERE " + where
                        + " AND (embargo_end IS DISTINCT FROM ?1 OR access_state IS DISTINCT FROM ?2"
                        + " OR released_at IS DISTINCT FROM cast(?3 AS timestamptz)"
                        + " OR (?2 = 'RELEASED' AND (license IS NULL OR doi_state = 'REGISTERED')))")
                .setParameter(1, e.currentEnd)
                .setParameter(2, e.status.name())
                .setParameter(3, e.releasedAt)
                .setParameter(4, releaseLicence)
                .setParameter(5, e.visit != null ? e.visit.id : e.dataset.id)
                .executeUpdate();
        em.createNativeQuery("UPDATE embargo SET end_moved_at = NULL WHERE id = ?1 AND end_moved_at IS NOT NULL")
                .setParameter(1, e.id).executeUpdate();
    }
}
