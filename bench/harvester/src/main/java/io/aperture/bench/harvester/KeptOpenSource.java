package io.aperture.bench.harvester;

import io.aperture.harvester.hdf5.FileSignature;
import io.aperture.harvester.hdf5.H5File;
import io.aperture.harvester.hdf5.H5Group;
import io.aperture.harvester.hdf5.H5Source;
import io.aperture.harvester.hdf5.UnusableFileException;
import io.aperture.harvester.hdf5.VirtualDataset;
import io.aperture.harvester.hdf5.jhdf.JhdfSource;

import java.nio.file.Path;
import java.util.List;

/**
 * The harvester's reader, except that the harvester's close is put off: the benchmark then runs the conformance
 * check on the file the harvest has just read (as a check inside the harvest would) and closes it itself.
 */
final class KeptOpenSource implements H5Source {
    private final JhdfSource jhdf = new JhdfSource();
    private H5File last;

    @Override
    public H5File open(Path file, FileSignature sniff) throws UnusableFileException {
        H5File f = jhdf.open(file, sniff);
        last = f;
        return new H5File() {
            @Override
            public Path path() {
                return f.path();
            }

            @Override
            public H5Group root() {
                return f.root();
            }

            @Override
            public List<String> warnings() {
                return f.warnings();
            }

            @Override
            public List<VirtualDataset> virtualDatasets() {
                return f.virtualDatasets();
            }

            @Override
            public void close() {
                // closed by takeLast's caller
            }
        };
    }

    /** The file the last harvest opened, still open; the caller closes it. Null when the file was refused. */
    H5File takeLast() {
        H5File f = last;
        last = null;
        return f;
    }
}
