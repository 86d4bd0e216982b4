package io.aperture.policy.workflow;

import io.aperture.policy.embargo.EmbargoState;

import java.util.Objects;

/**
 * Which embargo a newly ingested or changed dataset falls under ({@link EmbargoWorkflow#place}). A visit's embargo
 * runs from the last production date among its datasets; a scan arriving for a visit already released (or withdrawn)
 * gets an embargo of its own rather than inheriting the visit's openness.
 */
public sealed interface Placement permits Placement.OpenNew, Placement.Stay, Placement.Move {

    /** The state the dataset carries once placed (for a new embargo, the one it opens). */
    EmbargoState state();

    /**
     * A new embargo is opened: for the dataset's visit when no embargo governs it yet, otherwise for the dataset alone.
     * The catalogue persists {@code opened}'s state and facts.
     *
     * @param forVisit whether the new embargo is the visit's (false: the dataset's own)
     */
    record OpenNew(boolean forVisit, Outcome.Accepted opened) implements Placement {
        public OpenNew {
            Objects.requireNonNull(opened, "opened");
        }

        @Override
        public EmbargoState state() {
            return opened.state();
        }
    }

    /** The dataset stays under the governing embargo, which does not change. */
    record Stay(EmbargoState state) implements Placement {
        public Stay {
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * The dataset stays under the governing embargo, whose end its later production date moves (extensions kept).
     * The catalogue persists {@code moved}'s state and facts.
     */
    record Move(Outcome.Accepted moved) implements Placement {
        public Move {
            Objects.requireNonNull(moved, "moved");
        }

        @Override
        public EmbargoState state() {
            return moved.state();
        }
    }
}
