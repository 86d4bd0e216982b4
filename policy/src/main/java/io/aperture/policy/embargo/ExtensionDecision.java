package io.aperture.policy.embargo;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of an embargo's extension history: a request and what became of it.
 *
 * @param request   the request as filed
 * @param result    approved, rejected, or cancelled (by an early release or a withdrawal)
 * @param decidedBy username of the deciding staff member, or a {@code system:} actor
 * @param decidedAt when the decision was taken
 * @param reason    the stated reason (always present for a rejection or cancellation)
 * @param endBefore the embargo end before the decision
 * @param endAfter  the embargo end after it (differs from {@code endBefore} only on approval)
 */
public record ExtensionDecision(ExtensionRequest request, Result result, String decidedBy, Instant decidedAt,
                                Optional<String> reason, Instant endBefore, Instant endAfter) {

    /** What happened to a request. */
    public enum Result {
        /** The end moved by one extension step. */
        APPROVED,
        /** Refused by staff, with a reason. */
        REJECTED,
        /** Dropped undecided because the record was released early or withdrawn. */
        CANCELLED
    }

    public ExtensionDecision {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(decidedBy, "decidedBy");
        Objects.requireNonNull(decidedAt, "decidedAt");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(endBefore, "endBefore");
        Objects.requireNonNull(endAfter, "endAfter");
        if (result != Result.APPROVED && !endAfter.equals(endBefore)) {
            throw new IllegalArgumentException("only an approval moves the end date");
        }
    }
}
