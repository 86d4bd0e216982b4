package io.aperture.harvester.conformance.nxdl;

/** An {@code <attribute>} of a group or field. */
public record NxdlAttribute(String name, Optionality optionality, Enumeration enumeration) {
}
