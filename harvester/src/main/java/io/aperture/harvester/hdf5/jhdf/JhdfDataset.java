package io.aperture.harvester.hdf5.jhdf;

import java.util.Arrays;
import io.aperture.harvester.hdf5.H5Dataset;
import io.aperture.harvester.hdf5.H5ReadException;
import io.aperture.harvester.hdf5.H5Value;
import io.jhdf.AbstractNode;
import io.jhdf.api.Dataset;
import io.jhdf.api.dataset.ChunkedDataset;
import io.jhdf.object.message.FilterPipelineMessage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A dataset described from its object header; {@link #read()} is the only call that touches its data. */
final class JhdfDataset extends JhdfObject implements H5Dataset {
    private final Dataset dataset;
    private long[] shape;
    private String dtype;
    /** A small value once read: the extraction and the conformance check both ask for definitions, units, chains. */
    private H5Value small;

    JhdfDataset(JhdfFile file, Dataset dataset, String name, String path) {
        super(file, dataset, name, path);
        this.dataset = dataset;
    }





    @Override
    public long[] shape() {
        if (shape == null) {
            int[] dims = dataset.getDimensions();
            shape = new long[dims.length];
            for (int i = 0; i < dims.length; i++) {
                shape[i] = dims[i];
            }
        }
        return shape;
    }

    @Override
    public String dtype() {
        if (dtype == null) {
            try {
                dtype = JhdfValues.dtype(dataset.getDataType());
            } catch (RuntimeException e) {
                dtype = "unknown";
            }
        }
        return dtype;
    }

    @Override
    public long[] chunks() {
        if (dataset instanceof ChunkedDataset c) {
            int[] dims = c.getChunkDimensions();
            long[] out = new long[dims.length];
            for (int i = 0; i < dims.length; i++) {
                out[i] = dims[i];
            }
            return out;
        }
        return null;
    }

    @Override
    public List<String> filters() {
        // Read the pipeline message rather than jhdf's built filter chain: that chain fails for filters jhdf lacks (szip).
        if (!(dataset instanceof AbstractNode node)) {
            return List.of();
        }
        try {
            if (!node.getHeader().hasMessageOfType(FilterPipelineMessage.class)) {
                return List.of();
            }
            List<String> names = new ArrayList<>();
            for (FilterPipelineMessage.FilterInfo f : node.getHeader().getMessageOfType(FilterPipelineMessage.class).getFilters()) {
                names.add(filterName(f.getId(), f.getName()));
            }
            return names;
        } catch (RuntimeException e) {
            file.warn("filters of " + path + " could not be read: " + Failures.describe(e));
            return List.of();
        }
    }

    static String filterName(int id, String writtenName) {
        return switch (id) {
            case 1 -> "deflate";
            case 2 -> "shuffle";
            case 3 -> "fletcher32";
            case 4 -> "szip";
            case 5 -> "nbit";
            case 6 -> "scaleoffset";
            case 307 -> "bzip2";
            case 32000 -> "lzf";
            case 32001 -> "blosc";
            case 32004 -> "lz4";
            case 32008 -> "bitshuffle";
            case 32015 -> "zstd";
            default -> writtenName == null || writtenName.isBlank() ? "filter-" + id : writtenName;
        };
    }

    /** A "small" dataset larger than this in bytes is damaged (or holds huge strings); it is not read. */
    static final long MAX_READ_BYTES = 1 << 20;
    /** Values of at most this many elements are kept once read (the harvester's small-value limit). */
    static final int SMALL_CACHED = 16;

    @Override
    public H5Value read() throws H5ReadException {
        if (small != null) {
            return small;
        }
        H5Value v = readStored();
        if (v.size() <= SMALL_CACHED) {
            small = v;
        }
        return v;
    }

    private H5Value readStored() throws H5ReadException {
        try {
            long bytes = dataset.getSizeInBytes();
            if (bytes > MAX_READ_BYTES || bytes < 0) {
                throw new H5ReadException(path + ": " + bytes + " bytes is too large to read as metadata");
            }
            if (dataset.isEmpty()) {
                return H5Value.ofNumbers(new double[0], dataset.getDimensions());
            }
            DataTypeCheck.check(dataset.getDataType(), path);
            return JhdfValues.convert(dataset.getData(), dataset.getDimensions());
        } catch (H5ReadException e) {
            throw e;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            // a corrupt header can claim absurd sizes; one unreadable value must not end the file
            throw new H5ReadException(path + ": " + Failures.describe(e), e);
        }
    }

    @Override
    public H5Value readFirst() throws H5ReadException {
        try {
            int[] dims = dataset.getDimensions();
            if (dims.length == 0 || dataset.isEmpty()) {
                return read();
            }
            DataTypeCheck.check(dataset.getDataType(), path);
            int[] ones = new int[dims.length];
            Arrays.fill(ones, 1);
            return JhdfValues.convert(dataset.getData(new long[dims.length], ones), ones);
        } catch (H5ReadException e) {
            throw e;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            throw new H5ReadException(path + ": " + Failures.describe(e), e);
        }
    }

    @Override
    public H5Value readSlice(long[] offset, int[] count) throws H5ReadException {
        try {
            DataTypeCheck.check(dataset.getDataType(), path);
            return JhdfValues.convert(dataset.getData(offset, count), count);
        } catch (H5ReadException e) {
            throw e;
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            throw new H5ReadException(path + ": " + Failures.describe(e), e);
        }
    }

    @Override
    public String toString() {
        return "H5Dataset" + path;
    }
}
