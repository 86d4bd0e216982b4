package io.aperture.harvester.conformance.nxdl;

import java.util.List;

/**
 * A {@code <field>}: its NXDL type (NX_CHAR, NX_FLOAT, ...), unit category (NX_LENGTH, ...), stated rank (null when
 * none or symbolic) and attributes.
 */
public record NxdlField(String name, NameType nameType, String type, String units, Optionality optionality,
                        Enumeration enumeration, Integer rank, List<NxdlAttribute> attributes) {
}
