package io.aperture.policy.access;

/**
 * What a caller may learn of a record's metadata quality: the harvester's conformance findings and the catalogue's
 * FAIR assessment (docs/metadata-quality.md). Findings describe how a beamline writes its files, so they are
 * facility-internal while the data is not public: only staff see those of embargoed or withdrawn records.
 */
public enum QualityDisclosure {
    /** The record itself is hidden from the caller: answer as for an unknown record (404). */
    UNKNOWN,
    /** The caller may see the record but not its quality (a team member of embargoed data): 403, naming why. */
    WITHHELD,
    /** Findings and assessment may be shown. */
    SHOWN
}
