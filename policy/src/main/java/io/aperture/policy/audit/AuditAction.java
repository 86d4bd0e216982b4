package io.aperture.policy.audit;

/** What an audit fact records. */
public enum AuditAction {
    /** An embargo end was computed for a newly ingested record. */
    EMBARGO_COMPUTED,
    /** The PI (or staff on behalf of the PI's establishment) asked for an extension. */
    EXTENSION_REQUESTED,
    /** Staff (or auto-approval) approved; the end moved by one step. */
    EXTENSION_APPROVED,
    /** Staff rejected, with a reason. */
    EXTENSION_REJECTED,
    /** A pending request was dropped because the record was released early or withdrawn. */
    EXTENSION_CANCELLED,
    /** Released by the scheduled job when the embargo ended. */
    RELEASED,
    /** Released by the PI (or alternate contact) before the end. */
    RELEASED_EARLY,
    /** Staff withdrew the record, with a reason. */
    WITHDRAWN,
    /** Staff or a service provider read non-public (embargoed or withdrawn) data. */
    PROTECTED_DATA_ACCESSED
}
