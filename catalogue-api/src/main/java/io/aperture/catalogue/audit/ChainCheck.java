package io.aperture.catalogue.audit;

import java.time.Instant;

/**
 * One recorded check of the audit hash chain: when, whether it started from the first row, the last row it verified
 * (0 while the log is empty), the first unsound row it found ({@code null}: none) and how many rows it hashed.
 */
public record ChainCheck(Instant checkedAt, boolean wholeChain, long throughId, Long firstBrokenRow, long rowsChecked) {
    public boolean intact() {
        return firstBrokenRow == null;
    }
}
