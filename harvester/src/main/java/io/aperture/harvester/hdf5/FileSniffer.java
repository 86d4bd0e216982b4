package io.aperture.harvester.hdf5;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Recognises HDF5, HDF4 and XML files from their first bytes and reads the HDF5 superblock fields we need. */
public final class FileSniffer {

    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final byte[] HDF4_SIGNATURE = {0x0e, 0x03, 0x13, 0x01};

    private FileSniffer() {
    }

    public static FileSignature sniff(Path file) throws UnusableFileException {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new UnusableFileException(file, FileProblem.NOT_FOUND, null);
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                throw new UnusableFileException(file, FileProblem.EMPTY, null);
            }
            ByteBuffer head = read(ch, 0, 64);
            if (startsWith(head, HDF4_SIGNATURE)) {
                throw new UnusableFileException(file, FileProblem.HDF4, null);
            }
            if (looksLikeXml(head)) {
                throw new UnusableFileException(file, FileProblem.XML, null);
            }
            // The signature sits at 0 or at 512, 1024, 2048, ... after a user block.
            for (long offset = 0; offset + HDF5_SIGNATURE.length <= size; offset = offset == 0 ? 512 : offset * 2) {
                ByteBuffer b = offset == 0 ? head : read(ch, offset, 8);
                if (startsWith(b, HDF5_SIGNATURE)) {
                    FileSignature sig = readSuperblock(file, ch, offset, size);
                    if (sig.truncated()) {
                        throw new UnusableFileException(file, FileProblem.CORRUPT,
                                "superblock says the file ends at byte " + (sig.endOfFileAddress() < 0
                                        ? Long.toUnsignedString(sig.endOfFileAddress()) : sig.claimedEnd())
                                        + " but it has " + size + " bytes");
                    }
                    return sig;
                }
            }
            throw new UnusableFileException(file, FileProblem.NOT_HDF5, null);
        } catch (IOException e) {
            throw new UnusableFileException(file, FileProblem.READ_ERROR, e.getMessage(), e);
        }
    }

    private static FileSignature readSuperblock(Path file, FileChannel ch, long offset, long size)
            throws IOException, UnusableFileException {
        ByteBuffer sb = read(ch, offset, 128).order(ByteOrder.LITTLE_ENDIAN);
        if (sb.limit() < 48) {
            throw new UnusableFileException(file, FileProblem.CORRUPT, "superblock cut short");
        }
        int version = sb.get(8) & 0xff;
        switch (version) {
            case 0, 1 -> {
                int sizeOfOffsets = sb.get(13) & 0xff;
                int flags = sb.getInt(20);
                int base = version == 0 ? 24 : 28;
                checkFields(file, sb, sizeOfOffsets, base + 3 * sizeOfOffsets);
                long baseAddress = readOffset(sb, base, sizeOfOffsets);
                long eof = readOffset(sb, base + 2 * sizeOfOffsets, sizeOfOffsets);
                return new FileSignature(size, offset, version, baseAddress, eof, flags);
            }
            case 2, 3 -> {
                int sizeOfOffsets = sb.get(9) & 0xff;
                int flags = sb.get(11) & 0xff;
                checkFields(file, sb, sizeOfOffsets, 12 + 3 * sizeOfOffsets);
                long baseAddress = readOffset(sb, 12, sizeOfOffsets);
                long eof = readOffset(sb, 12 + 2 * sizeOfOffsets, sizeOfOffsets);
                return new FileSignature(size, offset, version, baseAddress, eof, flags);
            }
            default -> throw new UnusableFileException(file, FileProblem.CORRUPT, "unknown superblock version " + version);
        }
    }

    /** The superblock fields read here must be whole: a damaged size of offsets or a file cut inside them is CORRUPT. */
    private static void checkFields(Path file, ByteBuffer sb, int sizeOfOffsets, int end) throws UnusableFileException {
        if (sizeOfOffsets != 2 && sizeOfOffsets != 4 && sizeOfOffsets != 8) {
            throw new UnusableFileException(file, FileProblem.CORRUPT,
                    "superblock gives a size of offsets of " + sizeOfOffsets + " bytes (2, 4 or 8 expected)");
        }
        if (end > sb.limit()) {
            throw new UnusableFileException(file, FileProblem.CORRUPT,
                    "superblock cut short: its fields need " + end + " bytes, " + sb.limit() + " are there");
        }
    }

    private static long readOffset(ByteBuffer b, int at, int width) {
        return switch (width) {
            case 4 -> Integer.toUnsignedLong(b.getInt(at));
            case 8 -> b.getLong(at);
            case 2 -> Short.toUnsignedLong(b.getShort(at));
            default -> -1;
        };
    }

    private static ByteBuffer read(FileChannel ch, long offset, int length) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(length);
        while (b.hasRemaining()) {
            if (ch.read(b, offset + b.position()) < 0) {
                break;
            }
        }
        return b.flip();
    }

    private static boolean startsWith(ByteBuffer b, byte[] prefix) {
        if (b.limit() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (b.get(i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeXml(ByteBuffer head) {
        byte[] bytes = new byte[head.limit()];
        head.get(0, bytes);
        String s = new String(bytes, StandardCharsets.ISO_8859_1);
        if (s.startsWith("\u00ef\u00bb\u00bf")) {
            s = s.substring(3);
        }
        s = s.stripLeading();
        return s.startsWith("<?xml") || s.startsWith("<NXroot") || s.startsWith("<!--");
    }
}
