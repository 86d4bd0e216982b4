package io.aperture.harvester.hdf5;

import java.util.List;

/** A dataset described from its header alone; its values are read only on request. */
public non-sealed interface H5Dataset extends H5Node {

    long[] shape();

    /** A short type name: int8..uint64, float32, float64, string, compound, enum, reference, opaque, ... */
    String dtype();

    /** Chunk shape, or null for contiguous/compact storage. */
    long[] chunks();

    /** Filter names in pipeline order, e.g. deflate, shuffle, bitshuffle, lz4, szip. */
    List<String> filters();

    default long elementCount() {
        long n = 1;
        for (long d : shape()) {
            n *= d;
        }
        return n;
    }

    default boolean isText() {
        return "string".equals(dtype());
    }

    default boolean isNumeric() {
        String t = dtype();
        return t.startsWith("int") || t.startsWith("uint") || t.startsWith("float");
    }

    /**
     * Reads the whole dataset. Callers must only do this for small datasets (see
     * {@link #elementCount()}); the extractor never reads bulk data.
     */
    H5Value read() throws H5ReadException;

    /** Reads only the first element (one chunk at most), e.g. the first angle of a scanned axis. */
    H5Value readFirst() throws H5ReadException;

    /**
     * Reads one hyperslab ({@code count} values along each dimension from {@code offset}), e.g. a preview's sampled
     * row: the caller bounds what it asks for.
     */
    H5Value readSlice(long[] offset, int[] count) throws H5ReadException;
}
