package io.aperture.harvester.conformance.nxdl;

import java.util.List;

/** A {@code <group>} (or the body of a {@code <definition>}): what a group of class {@code type} holds. */
public record NxdlGroup(String type, String name, NameType nameType, Optionality optionality, int minOccurs,
                        List<NxdlGroup> groups, List<NxdlField> fields, List<NxdlAttribute> attributes,
                        List<NxdlLink> links) {

    /** The field declared with exactly this name, or null. */
    public NxdlField field(String fieldName) {
        for (NxdlField f : fields) {
            if (f.nameType() == NameType.SPECIFIED && f.name().equals(fieldName)) {
                return f;
            }
        }
        return null;
    }
}
