package io.aperture.policy.doi;

import io.aperture.policy.access.ExportDetail;
import io.aperture.policy.embargo.EmbargoStatus;

import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/**
 * The DOI of a collection — the datasets of one visit or one proposal, registered at DataCite as a
 * {@code Collection} with {@code HasPart} to its datasets and named by theirs with {@code IsPartOf}. A collection
 * names its proposal (title, team), so it may be seen only once its proposal has something public:
 *
 * <ul>
 *   <li>at least one dataset released: {@link DoiState#FINDABLE} by {@link DoiTarget.Event#PUBLISH} (minted then, if
 *       it has no DOI; every later change of a member publishes it again, its parts having changed);</li>
 *   <li>nothing released (all embargoed, or the released ones withdrawn): a findable collection is hidden
 *       ({@link DoiState#REGISTERED}, {@link DoiTarget.Event#HIDE}); otherwise nothing is minted or sent — no draft
 *       is reserved for a collection, since even its existence tells that a proposal produced data.</li>
 * </ul>
 *
 * It lists ({@code HasPart}) only the members whose metadata the public may read in full ({@link #lists}): a member
 * under embargo is not named, not even one whose registered DOI has a minimal landing page (that page does not say
 * which proposal it belongs to, and the collection would).
 */
public final class CollectionDoi {
    private CollectionDoi() {}

    /**
     * Where the collection's DOI should stand, its members' stored embargo statuses being {@code members} and its DOI
     * {@code current}; empty when nothing is to be sent.
     */
    public static Optional<DoiTarget> target(Collection<EmbargoStatus> members, DoiState current) {
        Objects.requireNonNull(members, "members");
        Objects.requireNonNull(current, "current");
        if (members.contains(EmbargoStatus.RELEASED)) {
            return Optional.of(new DoiTarget(DoiState.FINDABLE, DoiTarget.Event.PUBLISH));
        }
        return current == DoiState.FINDABLE
                ? Optional.of(new DoiTarget(DoiState.REGISTERED, DoiTarget.Event.HIDE))
                : Optional.empty();
    }

    /** Whether a member whose public export detail is {@code publicDetail} is named as a part of its collection. */
    public static boolean lists(Optional<ExportDetail> publicDetail) {
        return publicDetail.orElse(null) == ExportDetail.FULL;
    }

    /** Whether a dataset names its collection ({@code IsPartOf}): only while the collection's DOI is findable. */
    public static boolean named(DoiState collection) {
        return collection == DoiState.FINDABLE;
    }
}
