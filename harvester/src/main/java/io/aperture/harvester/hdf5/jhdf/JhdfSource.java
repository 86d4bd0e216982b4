package io.aperture.harvester.hdf5.jhdf;

import io.aperture.harvester.hdf5.FileProblem;
import io.aperture.harvester.hdf5.FileSignature;
import io.aperture.harvester.hdf5.H5File;
import io.aperture.harvester.hdf5.H5Source;
import io.aperture.harvester.hdf5.UnusableFileException;
import io.jhdf.HdfFile;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens files with the pure-Java jhdf library. */
public final class JhdfSource implements H5Source {

    @Override
    public H5File open(Path file, FileSignature sniff) throws UnusableFileException {
        HdfFile hdf;
        try {
            if (sniff.needsShiftedView()) {
                FileChannel ch = FileChannel.open(file, StandardOpenOption.READ);
                try {
                    hdf = new HdfFile(new OffsetChannel(ch, sniff.superblockOffset()), file.toUri());
                } catch (RuntimeException e) {
                    ch.close();
                    throw e;
                }
            } else {
                hdf = new HdfFile(file);
            }
        } catch (IOException | RuntimeException e) {
            throw new UnusableFileException(file, FileProblem.CORRUPT, String.valueOf(e.getMessage()), e);
        }
        return new JhdfFile(file, hdf);
    }
}
