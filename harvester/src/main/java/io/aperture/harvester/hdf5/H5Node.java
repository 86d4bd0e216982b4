package io.aperture.harvester.hdf5;

import java.util.Map;

/** An object met while walking an HDF5 file: a group, a dataset or a link that is not followed. */
public sealed interface H5Node permits H5Group, H5Dataset, H5ExternalLink {

    String name();

    /** Absolute path inside the file, as reached (a hard-linked object may be reached by several paths). */
    String path();

    /** Attributes that could be read; unreadable ones are left out and reported as file warnings. */
    Map<String, H5Value> attributes();

    default String textAttribute(String name) {
        H5Value v = attributes().get(name);
        return v == null ? null : (v.isText() ? v.text() : v.asText());
    }

    /** Identity of the stored object (its address), so hard links to one object can be recognised. */
    long objectId();
}
