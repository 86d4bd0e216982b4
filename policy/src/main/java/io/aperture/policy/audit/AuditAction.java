package io.aperture.policy.audit;

/** What an audit fact records. */
public enum AuditAction {
    /** An embargo end was computed for a newly ingested record. */
    EMBARGO_COMPUTED,
    EXTENSION_REQUESTED,
    EXTENSION_APPROVED,
    EXTENSION_REJECTED,
    /** A pending request was dropped because the record was released early or withdrawn. */
    EXTENSION_CANCELLED,
    /** Released by the scheduled job when the embargo ended. */
    RELEASED,
    /** Released by the PI (or alternate contact) before the end. */
    RELEASED_EARLY,
    WITHDRAWN,
    /** Staff or a service provider read non-public (embargoed or withdrawn) data. */
    PROTECTED_DATA_ACCESSED
}
