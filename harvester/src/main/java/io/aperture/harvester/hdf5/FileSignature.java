package io.aperture.harvester.hdf5;

/**
 * What the first bytes of an HDF5 file say, read without any HDF5 library.
 *
 * @param superblockOffset where the HDF5 signature was found (non-zero when the file has a user block)
 * @param baseAddress      the base address the superblock records (addresses in the file are relative to it)
 * @param endOfFileAddress the end-of-file address the superblock records, relative to the base
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
        long effectiveBase = baseAddress == 0 ? superblockOffset : baseAddress;
        return endOfFileAddress > 0 && endOfFileAddress != -1L && effectiveBase + endOfFileAddress > fileSize;
    }

    /**
     * Some writers put a user block in front of the superblock but record base address 0; the HDF5 library
     * then takes the superblock position as the base. Readers that insist on base == position need a shifted view.
     */
    public boolean needsShiftedView() {
        return superblockOffset > 0 && baseAddress == 0;
    }
}
