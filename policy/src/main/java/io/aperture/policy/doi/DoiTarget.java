package io.aperture.policy.doi;

import io.aperture.policy.embargo.EmbargoStatus;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a record's DOI should stand at DataCite, and the DataCite event that takes it there. The DOI workflow of the
 * catalogue asks {@link #of} after every change of a record (release, withdrawal, ingest) and sends what it answers;
 * it never chooses a state or an event itself.
 *
 * <ul>
 *   <li>Released data: {@link DoiState#FINDABLE} by {@link Event#PUBLISH} — a record without a DOI gets one at
 *       release, and an update of a findable DOI is published again (idempotent at DataCite).</li>
 *   <li>Embargoed data is never findable. Without a DOI it gets a {@link DoiState#DRAFT} only when the facility
 *       reserves DOIs at ingest; a draft needs no further call while the record stays embargoed; a registered DOI is
 *       kept registered (its minimal metadata is sent again: the embargo end it shows may have moved).</li>
 *   <li>Withdrawn data: a DOI that resolves is {@link Event#HIDE}n (registered, a tombstone); a draft or no DOI
 *       stays as it is — nothing is minted for a withdrawn record.</li>
 * </ul>
 *
 * @param state the DOI state the catalogue wants (copied to the dataset row)
 * @param event what DataCite is asked to do
 */
public record DoiTarget(DoiState state, Event event) {

    /** The DataCite REST API event sent with the call ({@code data.attributes.event}); {@link #NONE} sends none. */
    public enum Event {
        /** No event: the DOI is created or kept as a draft. */
        NONE,
        /** {@code register}: draft → registered (resolves, not listed). */
        REGISTER,
        /** {@code publish}: draft or registered → findable (resolves, listed, full metadata). */
        PUBLISH,
        /** {@code hide}: findable → registered (the tombstone of a withdrawn record). */
        HIDE
    }

    public DoiTarget {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(event, "event");
    }

    /**
     * The DOI a record should have once it reached {@code status}, its DOI being {@code current}; empty when nothing
     * is to be sent to DataCite.
     *
     * @param reserveDrafts whether the facility reserves a draft DOI for every newly catalogued record
     */
    public static Optional<DoiTarget> of(EmbargoStatus status, DoiState current, boolean reserveDrafts) {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(current, "current");
        return switch (status) {
            case RELEASED -> Optional.of(new DoiTarget(DoiState.FINDABLE, Event.PUBLISH));
            case WITHDRAWN -> current.resolves() ? Optional.of(new DoiTarget(DoiState.REGISTERED, Event.HIDE)) : Optional.empty();
            case EMBARGOED -> switch (current) {
                case NONE -> reserveDrafts ? Optional.of(new DoiTarget(DoiState.DRAFT, Event.NONE)) : Optional.empty();
                case DRAFT -> Optional.empty();
                case REGISTERED -> Optional.of(new DoiTarget(DoiState.REGISTERED, Event.REGISTER));
                // cannot arise (release is final), but an embargoed record is never listed: hide it
                case FINDABLE -> Optional.of(new DoiTarget(DoiState.REGISTERED, Event.HIDE));
            };
        };
    }

    /** Whether the record needs a DOI name for this call (every target names a DOI; none is minted otherwise). */
    public boolean needsDoi() {
        return state != DoiState.NONE;
    }

    /**
     * Whether the call carries the record's metadata (DataCite XML). A draft carries none: it does not resolve, so the
     * policy allows no export of an embargoed record yet; a hidden DOI keeps what it had, the record being withdrawn.
     * How much metadata a call carries is {@code AccessPolicy.exportDetail}'s answer for the record with this state.
     */
    public boolean sendsMetadata() {
        return event == Event.REGISTER || event == Event.PUBLISH;
    }
}
