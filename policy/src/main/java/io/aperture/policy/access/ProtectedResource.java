package io.aperture.policy.access;

import io.aperture.policy.doi.DoiState;
import io.aperture.policy.embargo.EmbargoState;
import io.aperture.policy.embargo.EmbargoStatus;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The access-relevant facts about one record (dataset or proposal/visit).
 *
 * @param subjectId        pid of the record
 * @param proposalId       the proposal whose people hold rights over it
 * @param embargoEnd       the current embargo end
 * @param releasedAt       when it was (or, if set ahead, will be) released; empty while embargoed
 * @param withdrawn        whether staff withdrew it
 * @param hasRegisteredDoi whether a DOI was registered for it (enables the minimal landing page during embargo)
 */
public record ProtectedResource(String subjectId, String proposalId, Instant embargoEnd,
                                Optional<Instant> releasedAt, boolean withdrawn, boolean hasRegisteredDoi) {

    public ProtectedResource {
        Objects.requireNonNull(subjectId, "subjectId");
        Objects.requireNonNull(proposalId, "proposalId");
        Objects.requireNonNull(embargoEnd, "embargoEnd");
        Objects.requireNonNull(releasedAt, "releasedAt");
    }

    /** The resource view of a persisted embargo state. */
    public static ProtectedResource of(EmbargoState state, boolean hasRegisteredDoi) {
        return new ProtectedResource(state.subjectId(), state.proposalId(), state.currentEnd(), state.releasedAt(),
                state.status() == EmbargoStatus.WITHDRAWN, hasRegisteredDoi);
    }

    /**
     * The resource view of a stored record's row: released data is public from its release instant (from its embargo
     * end when a legacy row lacks one); a withdrawn record never is.
     */
    public static ProtectedResource of(String subjectId, String proposalId, EmbargoStatus status, Instant embargoEnd,
                                       Optional<Instant> releasedAt, DoiState doi) {
        Objects.requireNonNull(status, "status");
        return new ProtectedResource(subjectId, proposalId, embargoEnd,
                status == EmbargoStatus.RELEASED ? releasedAt.or(() -> Optional.of(embargoEnd)) : Optional.empty(),
                status == EmbargoStatus.WITHDRAWN, doi.resolves());
    }

    /** When the data is, or will be, open access: its release instant once released, otherwise its embargo end. */
    public Instant availableFrom() {
        return releasedAt.orElse(embargoEnd);
    }

    /**
     * Whether the record is open access at {@code now}: released at or before {@code now} and not withdrawn. An
     * embargo whose end has passed is <em>not</em> public until the release job has released it, because a pending
     * extension request holds the release back.
     */
    public boolean isPublicAt(Instant now) {
        return !withdrawn && releasedAt.isPresent() && !releasedAt.get().isAfter(now);
    }
}
