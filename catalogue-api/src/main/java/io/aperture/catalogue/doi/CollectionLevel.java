package io.aperture.catalogue.doi;

/** Which collection DOI, if any, groups a dataset with others ({@code aperture.doi.collections}). */
public enum CollectionLevel {
    /** Only the datasets' own DOIs. */
    NONE,
    /** One collection DOI per visit (an experiment, as ISIS mints them). */
    VISIT,
    /** One collection DOI per proposal. */
    PROPOSAL
}
