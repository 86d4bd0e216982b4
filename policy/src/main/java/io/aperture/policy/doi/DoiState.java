package io.aperture.policy.doi;

import io.aperture.policy.embargo.EmbargoStatus;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a record's DOI stands at DataCite. The policy owns the transitions that follow from the embargo: a DOI is
 * findable (listed, searchable, with full metadata) only while its data is open.
 */
public enum DoiState {
    /** No DOI. */
    NONE,
    /** Reserved at DataCite, not resolvable. */
    DRAFT,
    /** Resolvable, not listed: the minimal landing page of an embargoed record, or the tombstone of a withdrawn one. */
    REGISTERED,
    /** Resolvable and listed with full metadata: only for released data. */
    FINDABLE;

    /** The state of a new record: no DOI until one is reserved or registered. */
    public static DoiState initial() {
        return NONE;
    }

    /** Whether the DOI resolves, which enables the minimal public landing page of a record under embargo. */
    public boolean resolves() {
        return this == REGISTERED || this == FINDABLE;
    }

    /** The states in which a DOI resolves ({@link #resolves()}), for a query that selects records by it. */
    public static List<DoiState> resolving() {
        return Arrays.stream(values()).filter(DoiState::resolves).toList();
    }

    /**
     * The change a DOI undergoes when its record reaches {@code status}: release makes a registered DOI findable,
     * withdrawal hides a findable one again (its landing page becomes a tombstone); embargo changes nothing.
     */
    public static Optional<Transition> transitionOn(EmbargoStatus status) {
        return switch (status) {
            case RELEASED -> Optional.of(new Transition(REGISTERED, FINDABLE));
            case WITHDRAWN -> Optional.of(new Transition(FINDABLE, REGISTERED));
            case EMBARGOED -> Optional.empty();
        };
    }

    /** This state after the record reached {@code status}. */
    public DoiState on(EmbargoStatus status) {
        return transitionOn(status).filter(t -> t.from() == this).map(Transition::to).orElse(this);
    }

    /** A DOI in state {@code from} moves to {@code to}; any other state stays. */
    public record Transition(DoiState from, DoiState to) {}
}
