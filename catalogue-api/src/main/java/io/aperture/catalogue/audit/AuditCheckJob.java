package io.aperture.catalogue.audit;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Verifies the whole audit chain every {@code aperture.audit.whole-chain-check}: the staff page checks only the rows
 * added since the last check, so an edit of an older row is found here. Of several instances one checks at a time.
 */
@ApplicationScoped
class AuditCheckJob {
    private static final Logger LOG = Logger.getLogger(AuditCheckJob.class);

    private final AuditChain chain;

    AuditCheckJob(AuditChain chain) {
        this.chain = chain;
    }

    @Scheduled(every = "${aperture.audit.whole-chain-check}", delayed = "10m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        chain.verifyWholeChainAlone().ifPresent(check -> {
            if (check.intact()) {
                LOG.infof("audit chain intact through row %d (%d rows hashed)", check.throughId(), check.rowsChecked());
            } else {
                LOG.errorf("audit chain BROKEN at row %d: a row was changed outside the application "
                        + "(docs/operations.md, Audit)", check.firstBrokenRow());
            }
        });
    }
}
