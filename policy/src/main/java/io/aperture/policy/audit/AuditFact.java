package io.aperture.policy.audit;

import io.aperture.policy.access.Caller;
import io.aperture.policy.access.ProtectedResource;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry for the append-only audit log. The policy produces facts; the catalogue stores them.
 *
 * @param action     what happened
 * @param actor      username, {@code anonymous}, or a {@code system:} actor such as {@link #RELEASE_JOB}
 * @param subjectId  pid of the record concerned
 * @param proposalId its proposal
 * @param endBefore  the embargo end before the action
 * @param endAfter   the embargo end after it (equal to {@code endBefore} unless an extension was approved)
 * @param reason     the stated reason or note, when there is one
 * @param at         when it happened
 */
public record AuditFact(AuditAction action, String actor, String subjectId, String proposalId,
                        Instant endBefore, Instant endAfter, Optional<String> reason, Instant at) {

    /** Actor of releases made by the scheduled release job. */
    public static final String RELEASE_JOB = "system:release-job";
    /** Actor of approvals granted by the auto-approval configuration. */
    public static final String AUTO_APPROVAL = "system:auto-approval";
    /** Actor of embargo computations at ingest when no person is involved. */
    public static final String INGEST = "system:ingest";

    public AuditFact {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(endBefore, "endBefore");
        Objects.requireNonNull(endAfter, "endAfter");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }

    /** The fact to append when an {@code audited} access decision is acted upon. */
    public static AuditFact protectedDataAccessed(Caller caller, ProtectedResource resource, Instant at) {
        return new AuditFact(AuditAction.PROTECTED_DATA_ACCESSED, caller.actorName(), resource.subjectId(),
                resource.proposalId(), resource.embargoEnd(), resource.embargoEnd(), Optional.empty(), at);
    }
}
