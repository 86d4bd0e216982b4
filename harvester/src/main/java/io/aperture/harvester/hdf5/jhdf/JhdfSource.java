package io.aperture.harvester.hdf5.jhdf;

import io.aperture.harvester.hdf5.FileProblem;
import io.aperture.harvester.hdf5.FileSignature;
import io.aperture.harvester.hdf5.H5File;
import io.aperture.harvester.hdf5.H5Source;
import io.aperture.harvester.hdf5.UnusableFileException;
import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.exceptions.HdfException;
import io.jhdf.nio.FileChannelFromSeekableByteChannel;
import io.jhdf.storage.HdfBackingStorage;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
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

    /** Reads files through a FileChannel, memory-mapped where jhdf maps. */
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
            SeekableByteChannel raw = opener == null ? FileChannel.open(file, StandardOpenOption.READ) : opener.open(file);
            try {
                // A file whose superblock says base address 0 after a user block is read through a shifted view.
                FileChannel channel = sniff.needsShiftedView()
                        ? new FileChannelFromSeekableByteChannel(new OffsetChannel(raw, sniff.superblockOffset()))
                        : raw instanceof FileChannel fc ? fc : new FileChannelFromSeekableByteChannel(raw);
                long superblockAt = sniff.needsShiftedView() ? 0 : sniff.superblockOffset();
                Superblock superblock = Superblock.readSuperblock(channel, superblockAt);
                if (superblock.getBaseAddressByte() != superblockAt) {
                    throw new HdfException("superblock at byte " + superblockAt + " gives base address "
                            + superblock.getBaseAddressByte());
                }
                hdf = open(new BoundedStorage(channel, superblock));
            } catch (RuntimeException e) {
                raw.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            throw new UnusableFileException(file, FileProblem.CORRUPT, Failures.describe(e), e);
        }
        return new JhdfFile(file, hdf);
    }

    /** jhdf builds a file on given storage only through a private constructor; it is the one place reached into. */
    private static final Constructor<HdfFile> ON_STORAGE;

    static {
        try {
            ON_STORAGE = HdfFile.class.getDeclaredConstructor(HdfBackingStorage.class);
            ON_STORAGE.setAccessible(true);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ExceptionInInitializerError("jhdf " + HdfFile.class.getPackage().getImplementationVersion()
                    + " has no HdfFile(HdfBackingStorage) constructor: " + e);
        }
    }

    private static HdfFile open(HdfBackingStorage storage) {
        try {
            return ON_STORAGE.newInstance(storage);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new HdfException("jhdf failed to open the file", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
