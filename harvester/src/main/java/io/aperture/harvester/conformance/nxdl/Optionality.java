package io.aperture.harvester.conformance.nxdl;

/** How much an NXDL element is wanted: what a missing one costs (an error, a warning, nothing). */
public enum Optionality {
    REQUIRED, RECOMMENDED, OPTIONAL
}
