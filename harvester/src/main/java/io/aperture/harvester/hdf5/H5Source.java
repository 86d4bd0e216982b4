package io.aperture.harvester.hdf5;

import java.nio.file.Path;

/** Opens HDF5 files. The extraction code only sees this interface, so a native reader can be added beside jhdf. */
public interface H5Source {

    /**
     * @param file  the file to open; the caller has already checked its signature with {@link FileSniffer}
     * @param sniff what the sniffer found (user block offset, superblock)
     */
    H5File open(Path file, FileSignature sniff) throws UnusableFileException;
}
