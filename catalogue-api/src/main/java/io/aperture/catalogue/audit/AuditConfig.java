package io.aperture.catalogue.audit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The audit hash chain's checks ({@code aperture.audit.*}, docs/operations.md "Audit"). */
@ConfigMapping(prefix = "aperture.audit")
public interface AuditConfig {
    /**
     * How often an instance verifies the whole chain from its first row ({@code off}: never on a schedule; staff can
     * still ask through {@code GET /api/staff/audit/verify}). The staff page checks only the rows added since.
     */
    @WithDefault("24h")
    String wholeChainCheck();

    /** The longest a whole-chain check may run (it hashes every row: about 4 s per million rows measured). */
    @WithDefault("PT1H")
    Duration wholeChainTimeout();
}
