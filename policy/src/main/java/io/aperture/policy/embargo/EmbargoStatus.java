package io.aperture.policy.embargo;

/** Where a record stands in its embargo life. */
public enum EmbargoStatus {
    /** Not public yet; visible to the proposal's people and staff only. */
    EMBARGOED,
    /** Open access under the release licence. Never goes back to {@link #EMBARGOED}. */
    RELEASED,
    /** Taken down by staff (e.g. for legal reasons); visible to staff only. Terminal. */
    WITHDRAWN;

    /** Whether the record is still under embargo, so its end date is the news worth showing. */
    public boolean underEmbargo() {
        return this == EMBARGOED;
    }
}
