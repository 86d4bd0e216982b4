package io.aperture.harvester.hdf5.jhdf;

import io.aperture.harvester.hdf5.VirtualDataset;
import io.jhdf.storage.HdfBackingStorage;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Reads what jhdf 0.11 cannot: the header of a virtual dataset. Only the dataspace (shape) and the layout message's
 * source mapping (global heap object: source file and dataset names; selections are skipped) are decoded, following
 * the HDF5 file format specification (object header v1/v2, layout v4 class 3, global heap, VDS mapping v0).
 */
final class VdsHeaderReader {
    private static final int DATASPACE = 0x1;
    private static final int LAYOUT = 0x8;
    private static final int CONTINUATION = 0x10;
    private static final int MAX_MESSAGES = 10_000;

    private final HdfBackingStorage storage;
    private final int offsetSize;
    private final int lengthSize;

    VdsHeaderReader(HdfBackingStorage storage) {
        this.storage = storage;
        this.offsetSize = storage.getSizeOfOffsets();
        this.lengthSize = storage.getSizeOfLengths();
    }

    private record Message(int type, ByteBuffer data) {
    }

    /** @throws RuntimeException (IllegalStateException, BufferUnderflowException, ...) when the header is not as expected */
    VirtualDataset read(String path, long address) {
        List<Message> messages = messages(address);
        long[] shape = null;
        List<VirtualDataset.Source> sources = null;
        for (Message m : messages) {
            if (m.type() == DATASPACE) {
                shape = dataspace(m.data());
            } else if (m.type() == LAYOUT) {
                sources = layout(m.data());
            }
        }
        if (sources == null) {
            throw new IllegalStateException("no virtual layout message");
        }
        return new VirtualDataset(path, shape, sources);
    }

    private ByteBuffer read(long address, int length) {
        return storage.readBufferFromAddress(address, length).order(ByteOrder.LITTLE_ENDIAN);
    }

    private List<Message> messages(long address) {
        ByteBuffer start = read(address, 16);
        List<Message> out = new ArrayList<>();
        Deque<long[]> blocks = new ArrayDeque<>();
        if (start.get(0) == 'O' && start.get(1) == 'H' && start.get(2) == 'D' && start.get(3) == 'R') {
            int flags = start.get(5) & 0xff;
            int pos = 6 + ((flags & 0x20) != 0 ? 16 : 0) + ((flags & 0x10) != 0 ? 4 : 0);
            int sizeBytes = 1 << (flags & 0x3);
            ByteBuffer b = read(address, pos + sizeBytes);
            long chunkSize = readUnsigned(b, pos, sizeBytes);
            blocks.add(new long[]{address + pos + sizeBytes, chunkSize - 4, 2, flags});
        } else if (start.get(0) == 1) {
            long size = Integer.toUnsignedLong(start.getInt(8));
            blocks.add(new long[]{address + 16, size, 1, 0});
        } else {
            throw new IllegalStateException("unknown object header version " + start.get(0));
        }
        while (!blocks.isEmpty() && out.size() < MAX_MESSAGES) {
            long[] blk = blocks.poll();
            long size = blk[1];
            if (size <= 0 || size > 1 << 24) {
                throw new IllegalStateException("implausible header block size " + size);
            }
            ByteBuffer b = read(blk[0], (int) size);
            boolean v2 = blk[2] == 2;
            int p = 0;
            while (p + (v2 ? 4 : 8) <= b.limit() && out.size() < MAX_MESSAGES) {
                int type;
                int msgSize;
                if (v2) {
                    type = b.get(p) & 0xff;
                    msgSize = Short.toUnsignedInt(b.getShort(p + 1));
                    int mflags = b.get(p + 3) & 0xff;
                    p += 4 + ((blk[3] & 0x4) != 0 ? 2 : 0);
                    if ((mflags & 0x02) != 0 && type != 0) {
                        // shared message: not expected for dataspace/layout of a VDS
                    }
                } else {
                    type = Short.toUnsignedInt(b.getShort(p));
                    msgSize = Short.toUnsignedInt(b.getShort(p + 2));
                    p += 8;
                }
                if (p + msgSize > b.limit()) {
                    break;
                }
                ByteBuffer data = b.slice(p, msgSize).order(ByteOrder.LITTLE_ENDIAN);
                if (type == CONTINUATION) {
                    long next = readUnsigned(data, 0, offsetSize);
                    long len = readUnsigned(data, offsetSize, lengthSize);
                    if (v2) {
                        blocks.add(new long[]{next + 4, len - 8, 2, blk[3]}); // skip "OCHK", drop checksum
                    } else {
                        blocks.add(new long[]{next, len, 1, 0});
                    }
                } else if (type != 0) {
                    out.add(new Message(type, data));
                }
                p += msgSize;
            }
        }
        return out;
    }

    private long[] dataspace(ByteBuffer d) {
        int version = d.get(0) & 0xff;
        int rank = d.get(1) & 0xff;
        int pos = version == 1 ? 8 : 4;
        long[] shape = new long[rank];
        for (int i = 0; i < rank; i++) {
            shape[i] = readUnsigned(d, pos + i * lengthSize, lengthSize);
        }
        return shape;
    }

    private List<VirtualDataset.Source> layout(ByteBuffer d) {
        int version = d.get(0) & 0xff;
        int layoutClass = d.get(1) & 0xff;
        if (version < 4 || layoutClass != 3) {
            throw new IllegalStateException("not a virtual layout (version " + version + ", class " + layoutClass + ")");
        }
        long heapAddress = readUnsigned(d, 2, offsetSize);
        int index = d.getInt(2 + offsetSize);
        ByteBuffer blob = globalHeapObject(heapAddress, index);
        return mapping(blob);
    }

    private ByteBuffer globalHeapObject(long heapAddress, int index) {
        ByteBuffer head = read(heapAddress, 8 + lengthSize);
        if (head.get(0) != 'G' || head.get(1) != 'C' || head.get(2) != 'O' || head.get(3) != 'L') {
            throw new IllegalStateException("no global heap at " + heapAddress);
        }
        long size = readUnsigned(head, 8, lengthSize);
        if (size <= 0 || size > 1 << 26) {
            throw new IllegalStateException("implausible global heap size " + size);
        }
        ByteBuffer heap = read(heapAddress, (int) size);
        int p = 8 + lengthSize;
        while (p + 8 + lengthSize <= heap.limit()) {
            int idx = Short.toUnsignedInt(heap.getShort(p));
            long objSize = readUnsigned(heap, p + 8, lengthSize);
            int dataStart = p + 8 + lengthSize;
            if (idx == 0) {
                break;
            }
            if (idx == index) {
                return heap.slice(dataStart, (int) objSize).order(ByteOrder.LITTLE_ENDIAN);
            }
            p = dataStart + (int) ((objSize + 7) / 8 * 8);
        }
        throw new IllegalStateException("global heap object " + index + " not found");
    }

    private List<VirtualDataset.Source> mapping(ByteBuffer b) {
        int version = b.get(0) & 0xff;
        if (version != 0) {
            throw new IllegalStateException("unknown VDS mapping version " + version);
        }
        long entries = readUnsigned(b, 1, lengthSize);
        b.position(1 + lengthSize);
        List<VirtualDataset.Source> out = new ArrayList<>();
        for (long i = 0; i < entries && i < 100_000; i++) {
            String file = cString(b);
            String dataset = cString(b);
            skipSelection(b);
            skipSelection(b);
            VirtualDataset.Source s = new VirtualDataset.Source(file, dataset);
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }

    private static String cString(ByteBuffer b) {
        int start = b.position();
        while (b.get() != 0) {
            // advance to the terminator
        }
        byte[] bytes = new byte[b.position() - start - 1];
        b.get(start, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    // Serialised dataspace selections (spec: "Dataspace Selection"): only their length matters here.
    private static void skipSelection(ByteBuffer b) {
        int type = b.getInt();
        int version = b.getInt();
        switch (type) {
            case 0, 3 -> b.position(b.position() + 8); // none/all: reserved + length (0)
            case 1, 2 -> {
                if (version == 1 || (type == 2 && version == 2)) {
                    if (version == 1) {
                        b.getInt(); // reserved
                    } else {
                        b.get(); // flags
                    }
                    int length = b.getInt();
                    b.position(b.position() + length);
                } else if (type == 2 && version == 3) {
                    int flags = b.get() & 0xff;
                    int enc = b.get() & 0xff;
                    int rank = b.getInt();
                    if ((flags & 0x1) != 0) {
                        b.position(b.position() + rank * 4 * enc);
                    } else {
                        long blocks = readUnsigned(b, b.position(), enc);
                        b.position(b.position() + enc + (int) (blocks * rank * 2 * enc));
                    }
                } else if (type == 1 && version == 2) {
                    int enc = b.get() & 0xff;
                    int rank = b.getInt();
                    long points = readUnsigned(b, b.position(), enc);
                    b.position(b.position() + enc + (int) (points * rank * enc));
                } else {
                    throw new IllegalStateException("selection type " + type + " version " + version + " not understood");
                }
            }
            default -> throw new IllegalStateException("unknown selection type " + type);
        }
    }

    private static long readUnsigned(ByteBuffer b, int at, int width) {
        return switch (width) {
            case 1 -> b.get(at) & 0xffL;
            case 2 -> Short.toUnsignedLong(b.getShort(at));
            case 4 -> Integer.toUnsignedLong(b.getInt(at));
            case 8 -> b.getLong(at);
            default -> throw new IllegalStateException("field width " + width);
        };
    }
}
