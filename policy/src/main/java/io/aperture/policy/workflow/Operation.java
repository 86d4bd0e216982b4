package io.aperture.policy.workflow;

/** What the proposal's people may do to an embargo; see {@link EmbargoWorkflow#available}. */
public enum Operation {
    /** Ask for one more extension step ({@link EmbargoWorkflow#requestExtension}). */
    REQUEST_EXTENSION,
    /** Open the data now, for good ({@link EmbargoWorkflow#releaseEarly}). */
    RELEASE_EARLY
}
