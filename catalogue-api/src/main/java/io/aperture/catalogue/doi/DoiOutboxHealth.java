package io.aperture.catalogue.doi;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;

/**
 * The DOI outbox at {@code /q/health/well}: DOWN when a call failed for good (DataCite refused it; staff must look at
 * {@code GET /api/staff/doi/outbox}) or the oldest pending call has waited longer than
 * {@code aperture.doi.health.max-pending-age} (DataCite down for long, or no job running). A wellness check: the
 * catalogue serves everything else without DataCite. Public, so counts and ages only, never an answer's text.
 */
@Wellness
@ApplicationScoped
public class DoiOutboxHealth implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(DoiOutboxHealth.class);
    /** Rows are counted up to this. */
    private static final long COUNT_CAP = 100_000;

    private final EntityManager em;
    private final DoiSettings settings;
    private final Clock clock;
    private final Duration maxPendingAge;

    DoiOutboxHealth(EntityManager em, DoiSettings settings, Clock clock, DoiConfig config) {
        this.em = em;
        this.settings = settings;
        this.clock = clock;
        this.maxPendingAge = config.health().maxPendingAge();
    }

    @Override
    public HealthCheckResponse call() {
        long pending;
        long failed;
        long oldestSeconds;
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                            SELECT (SELECT count(*) FROM (SELECT 1 FROM doi_outbox WHERE status = 'PENDING' LIMIT ?1) p),
                                   (SELECT count(*) FROM (SELECT 1 FROM doi_outbox WHERE status = 'FAILED' LIMIT ?1) f),
                                   (SELECT min(queued_at) FROM doi_outbox WHERE status = 'PENDING')""")
                    .setParameter(1, COUNT_CAP).getSingleResult());
            pending = ((Number) row[0]).longValue();
            failed = ((Number) row[1]).longValue();
            oldestSeconds = row[2] == null ? 0 : Math.max(0, Duration.between(DoiOutboxRows.instant(row[2]), clock.instant()).toSeconds());
        } catch (RuntimeException e) {
            LOG.warnf("DOI outbox health: outbox not readable (%s)", e.getClass().getSimpleName());
            return HealthCheckResponse.named("DOI outbox").down().withData("databaseReachable", false).build();
        }
        boolean up = failed == 0 && oldestSeconds <= maxPendingAge.toSeconds();
        return HealthCheckResponse.named("DOI outbox")
                .status(up)
                .withData("enabled", settings.enabled())
                .withData("pending", pending)
                .withData("failed", failed)
                .withData("oldestPendingSeconds", oldestSeconds)
                .withData("maxPendingSeconds", maxPendingAge.toSeconds())
                .build();
    }
}
