package io.aperture.catalogue.search;

import io.aperture.catalogue.model.Dataset;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.hibernate.search.mapper.orm.Search;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * How far the search index lags behind PostgreSQL, at {@code /q/health/well}: whether the engine answers a probe
 * search, failed outbox drains, the backlog and the age of its oldest change. A wellness check, not a readiness one:
 * with the engine down the server still serves landing pages, DataCite, OAI-PMH and ingest, and searches answer 503
 * on their own, so taking the instance out of a load balancer would only make things worse. The endpoint is public:
 * counts and ages only, never an exception's message, and the figures are computed at most every few seconds however
 * often it is asked.
 */
@Wellness
@ApplicationScoped
public class SearchIndexHealth implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(SearchIndexHealth.class);
    private static final Duration REUSE = Duration.ofSeconds(5);
    /** The backlog is counted up to this; beyond it the figure says "at least". */
    private static final long COUNT_CAP = 100_000;

    private record Figures(Instant at, boolean engineAnswers, long backlog, long lagSeconds, boolean databaseAnswers) {}

    private final EntityManager em;
    private final OutboxIndexer indexer;
    private final Clock clock;
    private final Duration maxLag;
    private volatile Figures last;

    SearchIndexHealth(EntityManager em, OutboxIndexer indexer, Clock clock, IndexConfig config) {
        this.em = em;
        this.indexer = indexer;
        this.clock = clock;
        this.maxLag = config.health().maxLag();
    }

    @Override
    public HealthCheckResponse call() {
        Figures f = figures();
        int failures = indexer.consecutiveFailures();
        boolean up = f.databaseAnswers() && f.engineAnswers() && failures == 0 && f.lagSeconds() <= maxLag.toSeconds();
        return HealthCheckResponse.named("Search index")
                .status(up)
                .withData("engineReachable", f.engineAnswers())
                .withData("failedAttempts", failures)
                .withData("backlog", f.backlog())
                .withData("backlogCapped", f.backlog() >= COUNT_CAP)
                .withData("oldestChangeSeconds", f.lagSeconds())
                .withData("maxLagSeconds", maxLag.toSeconds())
                .build();
    }

    private Figures figures() {
        Figures f = last;
        Instant now = clock.instant();
        if (f == null || now.isAfter(f.at().plus(REUSE)) || now.isBefore(f.at())) {
            f = measure(now);
            last = f;
        }
        return f;
    }

    private Figures measure(Instant now) {
        long backlog = 0;
        long lag = 0;
        boolean database = true;
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) em.createNativeQuery("""
                    SELECT (SELECT count(*) FROM (SELECT 1 FROM search_outbox LIMIT ?1) capped),
                           coalesce((SELECT extract(epoch FROM clock_timestamp() - queued_at)
                                     FROM search_outbox ORDER BY id LIMIT 1), 0)""")
                    .setParameter(1, COUNT_CAP).getSingleResult());
            backlog = ((Number) row[0]).longValue();
            lag = Math.max(0, ((Number) row[1]).longValue());
        } catch (RuntimeException e) {
            database = false;
            LOG.warnf("search index health: outbox not readable (%s)", e.getClass().getSimpleName());
        }
        return new Figures(now, engineAnswers(), backlog, lag, database);
    }

    /** A search that matches nothing, bounded to a few seconds: the engine answers or it does not. */
    private boolean engineAnswers() {
        try {
            QuarkusTransaction.requiringNew().run(() -> Search.session(em).search(Dataset.class)
                    .where(p -> p.matchNone()).failAfter(3, TimeUnit.SECONDS).fetchTotalHitCount());
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
