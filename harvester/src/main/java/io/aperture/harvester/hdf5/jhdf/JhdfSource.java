package io.aperture.harvester.hdf5.jhdf;

import io.aperture.harvester.hdf5.FileProblem;
import io.aperture.harvester.hdf5.FileSignature;
import io.aperture.harvester.hdf5.H5File;
import io.aperture.harvester.hdf5.H5Source;
import io.aperture.harvester.hdf5.UnusableFileException;
import io.jhdf.HdfFile;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opens files with the pure-Java jhdf library. */
public final class JhdfSource implements H5Source {

    /** Opens the byte channel jhdf reads through; replaceable so tests can watch which bytes are read. */
    @FunctionalInterface
    public interface ChannelOpener {
        SeekableByteChannel open(Path file) throws IOException;
    }

    private final ChannelOpener opener;

    /** Reads files through jhdf's own memory-mapped access (fastest). */
    public JhdfSource() {
        this(null);
    }

    public JhdfSource(ChannelOpener opener) {
        this.opener = opener;
    }

    @Override
    public H5File open(Path file, FileSignature sniff) throws UnusableFileException {
        HdfFile hdf;
        try {
            if (sniff.needsShiftedView() || opener != null) {
                SeekableByteChannel ch = opener == null ? FileChannel.open(file, StandardOpenOption.READ) : opener.open(file);
                try {
                    SeekableByteChannel view = sniff.needsShiftedView() ? new OffsetChannel(ch, sniff.superblockOffset()) : ch;
                    hdf = new HdfFile(view, file.toUri());
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
