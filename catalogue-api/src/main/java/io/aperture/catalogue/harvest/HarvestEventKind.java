package io.aperture.catalogue.harvest;

/** What the harvester could not catalogue (the kinds of V22's harvest_event). */
public enum HarvestEventKind {
    /** a file the harvester refused, with why (not NeXus-conformant, unreadable, too slow, rejected by the catalogue) */
    REFUSED,
    /** a file still open by a SWMR writer, to be harvested later */
    SWMR_WAITING,
    /** a broker message {@code harvest watch} dead-lettered */
    DEAD_LETTER
}
