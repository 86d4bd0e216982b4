package io.aperture.harvester.hdf5;

import java.util.List;

/**
 * A virtual dataset described from its header: shape and the (file, dataset) pairs it maps.
 * A source file "." is the file holding the virtual dataset itself.
 */
public record VirtualDataset(String path, long[] shape, List<Source> sources) {

    public record Source(String file, String dataset) {
    }
}
