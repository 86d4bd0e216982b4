package io.aperture.harvester.conformance;

import com.fasterxml.jackson.annotation.JsonValue;

/** The rules a finding can name; the ids are stable (CI scripts and the catalogue match on them). */
public enum Rule {
    /** A required group, field, attribute or link of the application definition is missing. */
    REQUIRED("required"),
    /** A recommended one is missing. */
    RECOMMENDED("recommended"),
    /** A group of the wrong NX_class where the definition names one. */
    NX_CLASS("nx-class"),
    /** A value outside the enumeration. */
    ENUMERATION("enumeration"),
    /** A field of another rank than the definition states. */
    RANK("rank"),
    /** Text where numbers are defined, or numbers where text is. */
    TYPE("type"),
    /** A field with a unit category but no units attribute. */
    UNITS_MISSING("units-missing"),
    /** Units of another category (a length in an energy unit). */
    UNITS_CATEGORY("units-category"),
    /** A units spelling no converter understands. */
    UNITS_UNKNOWN("units-unknown"),
    /** A depends_on that does not resolve, loops, or does not end in ".". */
    DEPENDS_ON("depends-on"),
    /** A transformation without transformation_type/vector, or units that do not fit its type. */
    TRANSFORMATION("transformation"),
    /** NXdata without a signal, or with signal/axes/AXISNAME_indices naming nothing. */
    NXDATA("nxdata"),
    /** The pre-2014 signal=1 / axis= / axes="a:b" tagging. */
    LEGACY_PLOT("legacy-plot"),
    /** A link whose target (internal path or external file) does not exist. */
    LINK_TARGET("link-target"),
    /** A field that NeXus defines in another base class than the group it sits in. */
    MISPLACED("misplaced"),
    /** A group whose NX_class is not a NeXus base class. */
    UNKNOWN_CLASS("unknown-class"),
    /** The entry's definition is not shipped, or names a base class: checked against base classes only. */
    DEFINITION("definition"),
    /** The reader left something out (its warnings). */
    READER("reader"),
    /** The check stopped: time budget spent, or too many findings. */
    LIMIT("limit");

    private final String id;

    Rule(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
