package io.aperture.bench.harvester;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.util.HashMap;
import java.util.Map;

/**
 * A read-only channel that reads its file in aligned blocks and keeps them, so jhdf's many small repeated
 * metadata reads cost one pread per block instead of one per read. Only blocks that jhdf asks for are loaded,
 * so bulk data that is never read is never cached. One instance per open file (not thread-safe, as jhdf
 * reads a file from one thread).
 */
final class BlockCacheChannel implements SeekableByteChannel {
    private final FileChannel in;
    private final int blockSize;
    private final Map<Long, ByteBuffer> blocks = new HashMap<>();
    private final long size;
    private long position;

    BlockCacheChannel(FileChannel in, int blockSize) throws IOException {
        this.in = in;
        this.blockSize = blockSize;
        this.size = in.size();
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (position >= size) {
            return -1;
        }
        int total = 0;
        while (dst.hasRemaining() && position < size) {
            long index = position / blockSize;
            ByteBuffer block = blocks.get(index);
            if (block == null) {
                block = load(index);
                blocks.put(index, block);
            }
            int offset = (int) (position - index * blockSize);
            int n = Math.min(dst.remaining(), block.limit() - offset);
            if (n <= 0) {
                break;
            }
            dst.put(block.slice(offset, n));
            position += n;
            total += n;
        }
        return total;
    }

    private ByteBuffer load(long index) throws IOException {
        long start = index * blockSize;
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(blockSize, size - start));
        while (b.hasRemaining()) {
            if (in.read(b, start + b.position()) < 0) {
                break;
            }
        }
        return b.flip();
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
    public long size() {
        return size;
    }

    @Override
    public int write(ByteBuffer src) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new UnsupportedOperationException("read only");
    }

    @Override
    public boolean isOpen() {
        return in.isOpen();
    }

    @Override
    public void close() throws IOException {
        blocks.clear();
        in.close();
    }
}
