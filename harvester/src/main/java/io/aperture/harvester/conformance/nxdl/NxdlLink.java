package io.aperture.harvester.conformance.nxdl;

/** A {@code <link>}: a child of this name must be a link to (a copy of) {@code target}. */
public record NxdlLink(String name, String target, Optionality optionality) {
}
