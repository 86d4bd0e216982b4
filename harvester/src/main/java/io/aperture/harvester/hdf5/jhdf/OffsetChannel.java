package io.aperture.harvester.hdf5.jhdf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;

/**
 * A read-only view of a file that starts {@code offset} bytes in, so a file whose user block is not
 * reflected in the superblock base address looks to jhdf like a file with its superblock at 0.
 */
final class OffsetChannel implements SeekableByteChannel {
    private final SeekableByteChannel file;
    private final long offset;
    private long position;

    OffsetChannel(SeekableByteChannel file, long offset) {
        this.file = file;
        this.offset = offset;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        int n;
        synchronized (file) {
            file.position(offset + position);
            n = file.read(dst);
        }
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    @Override
    public SeekableByteChannel position(long newPosition) {
        position = newPosition;
        return this;
    }

    @Override
    public long size() throws IOException {
        return file.size() - offset;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    @Override
    public boolean isOpen() {
        return file.isOpen();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
