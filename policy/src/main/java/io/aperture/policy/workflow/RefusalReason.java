package io.aperture.policy.workflow;

/** Why the workflow refused an operation. Stable codes for the API; the human message travels with them. */
public enum RefusalReason {
    /** The caller is neither the proposal's PI nor facility staff, and asked for an extension. */
    NOT_PRINCIPAL_INVESTIGATOR,
    /** Alternate contacts may do everything the PI may, except extend the embargo. */
    ALTERNATE_CONTACT_MAY_NOT_EXTEND,
    /** Only the PI or an alternate contact may release early. */
    NOT_PI_OR_ALTERNATE_CONTACT,
    /** Deciding requests and withdrawing records are staff operations. */
    NOT_STAFF,
    /** The extension window (before the current end) has not opened yet. */
    TOO_EARLY,
    /** The current end has passed: a request must be made before it. */
    EMBARGO_ENDED,
    /** Released data is never embargoed again through a request. */
    ALREADY_RELEASED,
    /** The record was withdrawn by staff. */
    WITHDRAWN,
    /** Only one extension request may be pending at a time. */
    REQUEST_ALREADY_PENDING,
    /** There is no pending request to decide. */
    NO_PENDING_REQUEST,
    /** The request a decision names was decided already; another one is pending and is decided on its own. */
    REQUEST_ALREADY_DECIDED,
    /** A rejection or a withdrawal needs a stated reason. */
    REASON_REQUIRED,
    /** The scheduled release found the embargo still running. */
    NOT_DUE,
    /** The scheduled release waits for the decision on a pending extension request. */
    RELEASE_HELD_BY_PENDING_REQUEST
}
