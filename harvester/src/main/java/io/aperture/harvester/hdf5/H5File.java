package io.aperture.harvester.hdf5;

import java.nio.file.Path;
import java.util.List;

/** An open HDF5 file. Implementations read lazily and never throw from the tree walk. */
public interface H5File extends AutoCloseable {

    Path path();

    H5Group root();

    /** Problems met so far (objects left out, attributes not readable), in the order met. */
    List<String> warnings();

    /** Virtual datasets met while walking, with their sources when the reader could decode them. */
    List<VirtualDataset> virtualDatasets();

    @Override
    void close();
}
