package io.aperture.policy.workflow;

import io.aperture.policy.embargo.EmbargoStatus;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A coarse selection of stored embargoes that a scheduled job should look at, for the catalogue to translate into a
 * query: status equal to {@code status} and current end in ({@code endAfter}, {@code endAtOrBefore}]. It only narrows
 * the search; the policy decides on each candidate.
 */
public record Candidates(EmbargoStatus status, Optional<Instant> endAfter, Instant endAtOrBefore) {
    public Candidates {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(endAfter, "endAfter");
        Objects.requireNonNull(endAtOrBefore, "endAtOrBefore");
    }
}
