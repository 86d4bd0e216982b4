package io.aperture.policy.embargo;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a record's row carries of its embargo, for search, pages and exports to read: the dates, the status, and the
 * licence that is in force. Derived from the governing {@link EmbargoState} only, so every dataset of a visit carries
 * the same terms.
 *
 * @param status     embargoed, released or withdrawn
 * @param embargoEnd the current end
 * @param releasedAt when it was released (kept after a withdrawal of released data)
 * @param licence    the licence in force: present exactly while the data is released
 */
public record Publication(EmbargoStatus status, Instant embargoEnd, Optional<Instant> releasedAt,
                          Optional<ReleaseLicence> licence) {

    public Publication {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(embargoEnd, "embargoEnd");
        Objects.requireNonNull(releasedAt, "releasedAt");
        Objects.requireNonNull(licence, "licence");
    }

    /** The terms a record under {@code state} carries. */
    public static Publication of(EmbargoState state, EmbargoRules rules) {
        return new Publication(state.status(), state.currentEnd(), state.releasedAt(),
                state.isPublic() ? Optional.of(rules.releaseLicence()) : Optional.empty());
    }
}
