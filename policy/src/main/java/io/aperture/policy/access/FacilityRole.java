package io.aperture.policy.access;

/** Roles granted by the facility (identity provider realm roles), independent of any proposal. */
public enum FacilityRole {
    /** Facility employee: sees everything; access to non-public data is audited; decides extension requests. */
    STAFF,
    /** Contractor acting for the facility: sees only what staff granted, per proposal; audited. */
    SERVICE_PROVIDER,
    /** Machine identity of the harvester: may ingest, never reads non-public data through read paths. */
    HARVESTER,
    /**
     * Machine identity of the user office's feed: writes proposals, visits and their members. It names who is PI, so
     * it must never be one itself: it reads no non-public data and holds no proposal role, whatever a list names it.
     */
    USER_OFFICE
}
