package io.aperture.policy.embargo;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The embargo of one record (a dataset, or a whole visit), as the catalogue persists it. Immutable: the workflow
 * returns a new state for every accepted change.
 *
 * @param subjectId        pid of the embargoed record (dataset or visit)
 * @param proposalId       the proposal whose people hold rights over it
 * @param originalEnd      production date + embargo period; never changes
 * @param currentEnd       the end after all approved extensions
 * @param status           embargoed, released or withdrawn
 * @param releasedAt       when it was released; present exactly when it has been released (also kept after a
 *                         withdrawal of released data)
 * @param pendingRequest   an extension request awaiting a decision; only while {@link EmbargoStatus#EMBARGOED}
 * @param extensionHistory every decided request, oldest first
 */
public record EmbargoState(
        String subjectId,
        String proposalId,
        Instant originalEnd,
        Instant currentEnd,
        EmbargoStatus status,
        Optional<Instant> releasedAt,
        Optional<ExtensionRequest> pendingRequest,
        List<ExtensionDecision> extensionHistory) {

    public EmbargoState {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(originalEnd, "originalEnd");
        Objects.requireNonNull(currentEnd, "currentEnd");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(releasedAt, "releasedAt");
        Objects.requireNonNull(pendingRequest, "pendingRequest");
        extensionHistory = List.copyOf(extensionHistory);
        if (currentEnd.isBefore(originalEnd)) {
            throw new IllegalArgumentException("current end " + currentEnd + " is before original end " + originalEnd);
        }
        if (status == EmbargoStatus.RELEASED && releasedAt.isEmpty()) {
            throw new IllegalArgumentException("a released embargo needs its release instant");
        }
        if (status == EmbargoStatus.EMBARGOED && releasedAt.isPresent()) {
            throw new IllegalArgumentException("an embargoed record cannot have a release instant");
        }
        if (status != EmbargoStatus.EMBARGOED && pendingRequest.isPresent()) {
            throw new IllegalArgumentException("only an embargoed record can have a pending extension request");
        }
    }

    /** A fresh embargo: both ends at {@code rules.embargoEnd(producedAt)}, nothing pending, no history. */
    public static EmbargoState embargoed(String subjectId, String proposalId, Instant producedAt, EmbargoRules rules) {
        Instant end = rules.embargoEnd(producedAt);
        return new EmbargoState(subjectId, proposalId, end, end, EmbargoStatus.EMBARGOED,
                Optional.empty(), Optional.empty(), List.of());
    }

    /** Whether the data is open access (released and not withdrawn). */
    public boolean isPublic() {
        return status == EmbargoStatus.RELEASED;
    }
}
