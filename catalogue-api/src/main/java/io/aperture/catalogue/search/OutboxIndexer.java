package io.aperture.catalogue.search;

import io.aperture.catalogue.model.Dataset;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.hibernate.Hibernate;
import org.hibernate.Session;
import org.hibernate.search.mapper.orm.session.SearchSession;
import org.hibernate.search.util.common.SearchException;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    /** Outbox rows claimed per dataset of a batch (a new dataset queues one row per parameter, file and technique). */
    private static final int ROWS_PER_DATASET = 20;

    private final EntityManager em;
    private final SearchSession search;
    private final Clock clock;
    private final int batchSize;
    /** Datasets the engine refused to index on their own, left out of the index (docs/operations.md). */
    private final Counter refusedDocuments;
    private volatile Instant pausedUntil = Instant.MIN;
    private volatile int failures;
    private volatile boolean stopping;

    OutboxIndexer(EntityManager em, SearchSession search, Clock clock, IndexConfig config, MeterRegistry registry) {
        this.em = em;
        this.search = search;
        this.clock = clock;
        this.batchSize = config.outbox().batchSize();
        this.refusedDocuments = Counter.builder("aperture.index.refused")
                .description("datasets the search engine refused to index, left out of the index until they change").register(registry);
    }

    @Scheduled(every = "${aperture.index.outbox.poll-interval}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "1s")
    void poll() {
        if (stopping || clock.instant().isBefore(pausedUntil)) {
            return;
        }
        try {
            int n;
            do {
                n = drainBatch();
            } while (n > 0);
            if (failures > 0) {
                LOG.infof("search index reachable again; outbox draining resumed after %d failed attempts", failures);
            }
            failures = 0;
        } catch (RuntimeException e) {
            if (stopping) {
                // Hibernate Search closed under a poll already running; the rows stay queued for the next start
                LOG.debugf("outbox poll interrupted by shutdown: %s", rootMessage(e));
                return;
            }
            failures++;
            Duration pause = Duration.ofMillis(Math.min(MAX_PAUSE.toMillis(), 500L << Math.min(failures, 10)));
            pausedUntil = clock.instant().plus(pause);
            LOG.warnf("search index update failed (%s); %d attempt(s) so far, next in %s", rootMessage(e), failures, pause);
        }
    }

    /** Polls stop here, before the search backend shuts down, instead of failing against a closed one. */
    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Indexes one batch of queued datasets; returns how many outbox rows it consumed (0 when the outbox is empty).
     * The triggers queue one row per changed row, so a newly ingested dataset with a dozen parameters and files
     * queues a dozen rows: a window of up to {@link #ROWS_PER_DATASET} rows per dataset is claimed, each dataset in
     * it is loaded and indexed once, and all its claimed rows are deleted.
     */
    public int drainBatch() {
        try {
            return drain(batchSize, Set.of());
        } catch (SearchException e) {
            if (EngineFailures.engineUnavailable(e)) {
                throw e; // down or overloaded: the whole batch waits, with a growing pause (poll)
            }
            // The engine refused a document (too many nested objects, a term too long...). Retried whole, the batch
            // would hold back every later change for ever, a withdrawal or an embargo extension among them. So the
            // batch is indexed again one dataset at a time, passing over each one refused on its own.
            LOG.warnf("search engine refused a batch (%s); indexing it one dataset at a time", rootMessage(e));
            Set<Long> refused = new LinkedHashSet<>();
            int rows = 0;
            boolean indexedAny = false;
            for (int i = 0; i < batchSize; i++) {
                try {
                    int n = drain(1, refused);
                    if (n == 0) {
                        break;
                    }
                    rows += n;
                    indexedAny = true;
                } catch (Refused r) {
                    refused.add(r.dataset);
                }
            }
            if (!indexedAny) {
                // nothing indexed at all: an index-wide fault (a mapping or a limit changed), not one bad document;
                // nothing is taken out of the index for it, the batch waits as for an outage
                throw e;
            }
            refused.forEach(this::leaveOut);
            return rows;
        }
    }

    /** A dataset the engine refused on its own (in a batch of one). */
    private static final class Refused extends RuntimeException {
        final long dataset;

        Refused(long dataset, SearchException cause) {
            super("dataset " + dataset + " refused", cause);
            this.dataset = dataset;
        }
    }

    /**
     * One batch of at most {@code datasets} datasets, none of {@code passedOver}. A batch of one the engine refuses
     * (not an outage) is a {@link Refused} naming the dataset; the transaction rolls back and its rows stay queued.
     */
    private int drain(int datasets, Set<Long> passedOver) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT id, dataset_id FROM search_outbox WHERE dataset_id <> ALL(?2)
                            ORDER BY id LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                    .setParameter(1, datasets * ROWS_PER_DATASET).setParameter(2, passedOver.toArray(Long[]::new))
                    .getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            Set<Long> datasetIds = new LinkedHashSet<>();
            List<Long> rowIds = new ArrayList<>(rows.size());
            for (Object[] r : rows) {
                long datasetId = ((Number) r[1]).longValue();
                if (datasetIds.size() >= datasets && !datasetIds.contains(datasetId)) {
                    continue; // claimed but left: the lock ends with this transaction, the next batch takes it
                }
                datasetIds.add(datasetId);
                rowIds.add(((Number) r[0]).longValue());
            }
            Map<Long, Dataset> found = load(datasetIds);
            var plan = search.indexingPlan();
            for (Long id : datasetIds) {
                Dataset d = found.get(id);
                if (d == null) {
                    plan.purge(Dataset.class, id, null);
                } else {
                    plan.addOrUpdate(d);
                }
            }
            try {
                plan.execute();
            } catch (SearchException e) {
                if (datasets == 1 && !EngineFailures.engineUnavailable(e)) {
                    throw new Refused(datasetIds.iterator().next(), e);
                }
                throw e;
            }
            em.createNativeQuery("DELETE FROM search_outbox WHERE id = ANY(?1)")
                    .setParameter(1, rowIds.toArray(Long[]::new)).executeUpdate();
            em.clear();
            return rowIds.size();
        });
    }

    /**
     * Takes a dataset the engine refused, while others of its batch were indexed, out of the index — so no earlier,
     * now stale document of it stays searchable — and consumes its queued rows; it is indexed again when it next
     * changes or the index is rebuilt.
     */
    private void leaveOut(long dataset) {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("DELETE FROM search_outbox WHERE dataset_id = ?1").setParameter(1, dataset).executeUpdate();
            var plan = search.indexingPlan();
            plan.purge(Dataset.class, dataset, null);
            plan.execute();
        });
        LOG.errorf("search engine refused dataset %d while others of its batch were indexed; it is left out of the index"
                + " until it changes or the index is rebuilt", dataset);
        refusedDocuments.increment();
    }

    /**
     * Loads the datasets with everything their search document embeds in four queries, instead of several per
     * dataset: the datasets with their single-valued references, then all their parameters, then all their
     * techniques, then all their quality findings (batch fetch sized to the batch). Parameters are not fetch-joined to the datasets: that would repeat
     * each dataset row — with its stored record JSON — once per parameter.
     */
    private Map<Long, Dataset> load(Set<Long> ids) {
        em.unwrap(Session.class).setFetchBatchSize(Math.max(16, ids.size()));
        List<Dataset> datasets = em.createQuery("""
                        select d from Dataset d
                        left join fetch d.instrument left join fetch d.sample left join fetch d.proposal
                        where d.id in :ids""", Dataset.class)
                .setParameter("ids", ids).getResultList();
        Map<Long, Dataset> byId = new HashMap<>();
        for (Dataset d : datasets) {
            // the first initialisation loads the collections of every dataset in the persistence context at once
            Hibernate.initialize(d.parameters);
            Hibernate.initialize(d.techniques);
            Hibernate.initialize(d.findings);
            byId.put(d.id, d);
        }
        return byId;
    }

    /** Failed drain attempts since the last one that reached the search engine (0: it answers). */
    public int consecutiveFailures() {
        return failures;
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
