package io.aperture.policy.access;

/** How much of a record a public-metadata export (DataCite, OAI-PMH) may carry; see {@link AccessPolicy#exportDetail}. */
public enum ExportDetail {
    /** Every property the catalogue can fill. */
    FULL,
    /**
     * The DOI landing set of EMBARGO-POLICY.md "What is visible": identifier, creators, title, publisher,
     * publication year, resource type, the Available date (embargo end) and the licence that will apply.
     */
    MINIMAL
}
