package io.aperture.catalogue.audit;

/**
 * What the staff audit page shows of the chain: the latest check ({@code latest}, which may be the one just made),
 * how many rows were hashed for this answer, and the latest whole-chain check ({@code null} before the first).
 */
public record ChainStatus(ChainCheck latest, long rowsCheckedNow, ChainCheck lastWholeChain) {
    public boolean intact() {
        return latest.intact();
    }
}
