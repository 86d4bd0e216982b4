package io.aperture.catalogue.search;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * How far the search index lags behind PostgreSQL, at {@code /q/health/well}: the outbox backlog, the age of its
 * oldest change, and whether the indexer currently reaches the engine. A wellness check, not a readiness one: with
 * the engine down the server still serves landing pages, DataCite, OAI-PMH and ingest, and searches answer 503 on
 * their own, so taking the instance out of a load balancer would only make things worse. Counts and ages only: this
 * endpoint is public, and the engine's messages quote queries.
 */
@Wellness
@ApplicationScoped
public class SearchIndexHealth implements HealthCheck {
    private final EntityManager em;
    private final OutboxIndexer indexer;
    private final Clock clock;
    private final Duration maxLag;

    SearchIndexHealth(EntityManager em, OutboxIndexer indexer, Clock clock,
                      @ConfigProperty(name = "aperture.index.health.max-lag", defaultValue = "PT5M") Duration maxLag) {
        this.em = em;
        this.indexer = indexer;
        this.clock = clock;
        this.maxLag = maxLag;
    }

    @Override
    public HealthCheckResponse call() {
        Object[] row = QuarkusTransaction.requiringNew().call(() ->
                (Object[]) em.createNativeQuery("SELECT count(*), min(queued_at) FROM search_outbox").getSingleResult());
        long backlog = ((Number) row[0]).longValue();
        Instant oldest = instant(row[1]);
        long lagSeconds = oldest == null ? 0 : Math.max(0, Duration.between(oldest, clock.instant()).toSeconds());
        int failures = indexer.consecutiveFailures();
        boolean up = failures == 0 && lagSeconds <= maxLag.toSeconds();
        return HealthCheckResponse.named("Search index")
                .status(up)
                .withData("engineReachable", failures == 0)
                .withData("failedAttempts", failures)
                .withData("backlog", backlog)
                .withData("oldestChangeSeconds", lagSeconds)
                .withData("maxLagSeconds", maxLag.toSeconds())
                .build();
    }

    private static Instant instant(Object v) {
        return switch (v) {
            case null -> null;
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected timestamp type " + v.getClass());
        };
    }
}
