package io.aperture.policy.access;

/** How much of a record a caller may see, from nothing to everything. The order of the constants is the order of rights. */
public enum Visibility {
    /** Nothing; read paths answer as if the record did not exist (404, not 403). */
    NONE,
    /**
     * The minimal public landing page of an embargoed record that already has a registered DOI: title, creators,
     * publisher, publication year, "under embargo until DATE" and the licence that will apply. No files, parameters,
     * samples or other metadata. Never a search hit.
     */
    DOI_LANDING,
    /** All metadata, no file access. */
    METADATA,
    /** Metadata and files. */
    METADATA_AND_FILES;

    /** Whether this level includes everything {@code other} includes. */
    public boolean atLeast(Visibility other) {
        return compareTo(other) >= 0;
    }

    /** Whether the record may appear in search results, facets, OAI-PMH and exports for this caller. */
    public boolean showsMetadata() {
        return atLeast(METADATA);
    }

    /** Whether files may be listed and downloaded. */
    public boolean showsFiles() {
        return this == METADATA_AND_FILES;
    }
}
