package io.aperture.harvester.hdf5;

/**
 * What the first bytes of an HDF5 file say, read without any HDF5 library.
 *
 * @param superblockOffset where the HDF5 signature was found (non-zero when the file has a user block)
 * @param baseAddress      the base address the superblock records (addresses in the file are relative to it)
 * @param endOfFileAddress the end-of-file address the superblock records; the HDF5 library writes it as an absolute
 *                         offset (a user block included) and shifts it with the base when the superblock moved
 * @param consistencyFlags superblock v2/v3 file consistency flags (0 for older superblocks)
 */
public record FileSignature(long fileSize, long superblockOffset, int superblockVersion, long baseAddress,
                            long endOfFileAddress, int consistencyFlags) {

    /** Superblock v3 flag bit 0: file opened for writing and not closed. */
    public boolean openForWrite() {
        return superblockVersion >= 2 && (consistencyFlags & 0x1) != 0;
    }

    /** Superblock v3 flag bit 2: opened for single-writer/multiple-reader writing. */
    public boolean swmrWrite() {
        return superblockVersion >= 3 && (consistencyFlags & 0x4) != 0;
    }

    /** The data the superblock claims reaches past the end of the file: the file was cut short. */
    public boolean truncated() {
        return endOfFileAddress != -1L && (endOfFileAddress < 0 || claimedEnd() > fileSize);
    }

    /**
     * Where the superblock says the file ends. As in the HDF5 library: the stored end-of-file address already
     * counts a user block whose base address was written; when the superblock sits elsewhere than its base address
     * (a user block with base address 0), the end moves by the same distance.
     */
    public long claimedEnd() {
        return endOfFileAddress - baseAddress + superblockOffset;
    }

    /**
     * Some writers put a user block in front of the superblock but record base address 0; the HDF5 library
     * then takes the superblock position as the base. Readers that insist on base == position need a shifted view.
     */
    public boolean needsShiftedView() {
        return superblockOffset > 0 && baseAddress == 0;
    }
}
