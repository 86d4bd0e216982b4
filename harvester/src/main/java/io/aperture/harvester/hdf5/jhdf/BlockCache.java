package io.aperture.harvester.hdf5.jhdf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.HashMap;
import java.util.Map;

/**
 * The metadata blocks of one open file, each read from disk once. jhdf re-reads the same object headers, heaps and
 * B-tree nodes many times while a file is walked (about six times the bytes it needs, measured in
 * bench/harvester/RESULTS.md), one positional read each; here a small read is served from page-sized blocks kept for
 * the life of the file. Only blocks that metadata reads touch are loaded, so bulk data stays unread, give or take the
 * partial pages at its edges. Not thread-safe: a file is walked by one thread.
 */
final class BlockCache {
    /** The page size: the kernel reads whole pages anyway, so nothing beyond page rounding is read that was not asked for. */
    static final int BLOCK = 4096;
    /** Larger reads go straight to the file: they are rarely repeated and would only fill the cache. */
    static final int LARGEST_CACHED_READ = 16 * BLOCK;

    private final FileChannel channel;
    private final long size;
    private final Map<Long, ByteBuffer> blocks = new HashMap<>();

    BlockCache(FileChannel channel, long size) {
        this.channel = channel;
        this.size = size;
    }

    /** {@code length} bytes at {@code position}, little-endian and ready to read, as jhdf expects. */
    ByteBuffer read(long position, int length) throws IOException {
        if (position + length > size) {
            throw new IOException("a read of " + length + " bytes at byte " + position + " runs past the end of the file ("
                    + size + " bytes)");
        }
        ByteBuffer out = ByteBuffer.allocate(length);
        if (length > LARGEST_CACHED_READ) {
            readFully(out, position);
        } else {
            long at = position;
            while (out.hasRemaining()) {
                long index = at / BLOCK;
                ByteBuffer block = block(index);
                int offset = (int) (at - index * BLOCK);
                int n = Math.min(out.remaining(), block.limit() - offset);
                out.put(block.slice(offset, n));
                at += n;
            }
        }
        return out.flip().order(ByteOrder.LITTLE_ENDIAN);
    }

    private ByteBuffer block(long index) throws IOException {
        ByteBuffer b = blocks.get(index);
        if (b == null) {
            long start = index * BLOCK;
            b = ByteBuffer.allocate((int) Math.min(BLOCK, size - start));
            readFully(b, start);
            b.flip();
            blocks.put(index, b);
        }
        return b;
    }

    private void readFully(ByteBuffer into, long position) throws IOException {
        while (into.hasRemaining()) {
            if (channel.read(into, position + into.position()) < 0) {
                throw new IOException("the file ended at byte " + (position + into.position()) + " while reading");
            }
        }
    }
}
