package io.aperture.catalogue.search;

import io.aperture.catalogue.model.Dataset;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Drains {@code search_outbox} (db migration V2) into the search index. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several server instances share the work; they are deleted in the same
 * transaction that wrote the documents, so nothing is lost when the search engine or this process fails half-way:
 * the transaction rolls back and the rows are retried, with a growing pause while the engine stays unreachable.
 */
@ApplicationScoped
public class OutboxIndexer {
    private static final Logger LOG = Logger.getLogger(OutboxIndexer.class);
    private static final Duration MAX_PAUSE = Duration.ofSeconds(30);

    private final EntityManager em;
    private final SearchSession search;
    private final Clock clock;
    private final int batchSize;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile int failures;

    OutboxIndexer(EntityManager em, SearchSession search, Clock clock,
                  @ConfigProperty(name = "aperture.index.outbox.batch-size", defaultValue = "500") int batchSize) {
        this.em = em;
        this.search = search;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    @Scheduled(every = "${aperture.index.outbox.poll-interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void poll() {
        if (clock.instant().isBefore(pausedUntil)) {
            return;
        }
        try {
            int n;
            do {
                n = drainBatch();
            } while (n == batchSize);
            if (failures > 0) {
                LOG.infof("search index reachable again; outbox draining resumed after %d failed attempts", failures);
            }
            failures = 0;
        } catch (RuntimeException e) {
            failures++;
            Duration pause = Duration.ofMillis(Math.min(MAX_PAUSE.toMillis(), 500L << Math.min(failures, 10)));
            pausedUntil = clock.instant().plus(pause);
            LOG.warnf("search index update failed (%s); %d attempt(s) so far, next in %s", rootMessage(e), failures, pause);
        }
    }

    /** Indexes one batch of queued datasets; returns how many outbox rows it consumed. */
    public int drainBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT id, dataset_id FROM search_outbox
                            ORDER BY id LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                    .setParameter(1, batchSize).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            Set<Long> datasetIds = new LinkedHashSet<>();
            List<Long> rowIds = rows.stream().map(r -> ((Number) r[0]).longValue()).toList();
            rows.forEach(r -> datasetIds.add(((Number) r[1]).longValue()));
            var plan = search.indexingPlan();
            for (Long id : datasetIds) {
                Dataset d = em.find(Dataset.class, id);
                if (d == null) {
                    plan.purge(Dataset.class, id, null);
                } else {
                    plan.addOrUpdate(d);
                }
            }
            plan.execute();
            em.createNativeQuery("DELETE FROM search_outbox WHERE id = ANY(?1)")
                    .setParameter(1, rowIds.toArray(Long[]::new)).executeUpdate();
            em.clear();
            return rows.size();
        });
    }

    /** Rows still waiting; the readiness of the index, for health checks and tests. */
    public long backlog() {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery("SELECT count(*) FROM search_outbox").getSingleResult()).longValue());
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
