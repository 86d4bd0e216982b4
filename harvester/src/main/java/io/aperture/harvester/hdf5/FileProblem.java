package io.aperture.harvester.hdf5;

/** Why a file cannot be harvested at all. */
public enum FileProblem {
    NOT_FOUND("file not found or not readable"),
    EMPTY("file is empty"),
    HDF4("HDF4 file (NeXus HDF4 is not supported; convert it with nxconvert/h4toh5)"),
    XML("XML NeXus file, not HDF5"),
    NOT_HDF5("not an HDF5 file (no HDF5 signature)"),
    CORRUPT("HDF5 file is truncated or corrupt"),
    NOT_NEXUS("HDF5 file but not NeXus (no NXentry group at the root)"),
    UNSUPPORTED_FILTER("uses a compression filter the reader does not support"),
    TIMEOUT("reading took longer than the per-file time limit"),
    READ_ERROR("could not be read");

    private final String description;

    FileProblem(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
