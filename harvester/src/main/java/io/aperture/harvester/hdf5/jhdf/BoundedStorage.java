package io.aperture.harvester.hdf5.jhdf;

import io.jhdf.Superblock;
import io.jhdf.exceptions.HdfException;
import io.jhdf.storage.HdfFileChannel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * jhdf's file access with every read checked against the file size before a buffer is allocated. jhdf trusts the
 * lengths written in the file (object header sizes, heap sizes, message sizes) and allocates them at once, so one
 * damaged length field meant an OutOfMemoryError; here it is an {@link HdfException} naming the read, which the
 * reader turns into a warning or a CORRUPT refusal like any other damage.
 */
final class BoundedStorage extends HdfFileChannel {
    /** Reads may run this far past the end: jhdf reads some fixed-size blocks that a small file does not fill. */
    private static final long SLACK = 64 * 1024;

    private final long fileSize;
    private final long base;
    private final BlockCache cache;

    BoundedStorage(FileChannel channel, Superblock superblock) {
        super(channel, superblock);
        try {
            this.fileSize = channel.size();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.base = superblock.getBaseAddressByte();
        this.cache = new BlockCache(channel, fileSize);
    }

    @Override
    public ByteBuffer readBufferFromAddress(long address, int length) {
        check(address + base, length);
        try {
            return cache.read(address + base, length);
        } catch (IOException e) {
            throw new HdfException("Failed to read " + length + " bytes at address " + address + ": " + e.getMessage(), e);
        }
    }

    @Override
    public ByteBuffer map(long address, long length) {
        check(address + base, length);
        return super.map(address, length);
    }

    @Override
    public ByteBuffer mapNoOffset(long address, long length) {
        check(address, length);
        return super.mapNoOffset(address, length);
    }

    @Override
    public ByteBuffer mapNoOffset(long address, long length, FileChannel.MapMode mode) {
        check(address, length);
        return super.mapNoOffset(address, length, mode);
    }

    private void check(long position, long length) {
        if (position < 0 || length < 0 || position > fileSize || length > fileSize - position + SLACK) {
            throw new HdfException("a read of " + length + " bytes at byte " + position + " lies outside the file ("
                    + fileSize + " bytes): a damaged address or size");
        }
    }
}
