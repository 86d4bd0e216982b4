package io.aperture.catalogue.reindex;

import io.aperture.catalogue.audit.AuditLog;
import io.aperture.catalogue.model.Dataset;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.hibernate.search.mapper.pojo.massindexing.MassIndexingMonitor;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Rebuilds the whole search index from PostgreSQL while search keeps answering (docs/operations.md#search-index):
 * <ol>
 *   <li>Hibernate Search's mass indexer writes every dataset's document <em>without purging first</em>: each document is
 *   overwritten in place, so a search during the rebuild finds everything it found before.</li>
 *   <li>Datasets changed while it ran are queued again in the outbox ({@link ChangesDuringRebuild}), so their newest
 *   state is written after the mass indexer's possibly older copy; the outbox indexer keeps draining throughout.</li>
 *   <li>Documents of datasets no longer in the database are removed ({@link StaleDocuments}).</li>
 * </ol>
 * One rebuild at a time across all server instances of a database: a session advisory lock, held on a connection of
 * its own for the whole run, is released when the rebuild ends or its server dies. It runs in the background and is
 * audited when it starts and ends.
 */
@ApplicationScoped
public class IndexRebuild {
    private static final Logger LOG = Logger.getLogger(IndexRebuild.class);
    /** The advisory lock key of "a rebuild is running" (an arbitrary constant; ingest's keys are record hashes, xact-scoped). */
    public static final long LOCK_KEY = 0x4150_4552_5245_4258L;

    private final SearchMapping mapping;
    private final AgroalDataSource dataSource;
    private final EntityManager em;
    private final ChangesDuringRebuild changes;
    private final StaleDocuments stale;
    private final AuditLog audit;
    private final Clock clock;
    private final int loadThreads;
    private final int batchSize;
    private final AtomicReference<RebuildStatus> status = new AtomicReference<>(RebuildStatus.none());
    /** The connection holding the rebuild lock while this instance rebuilds. */
    private volatile Connection held;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "index-rebuild");
        t.setDaemon(true);
        return t;
    });

    IndexRebuild(SearchMapping mapping, AgroalDataSource dataSource, EntityManager em, ChangesDuringRebuild changes, StaleDocuments stale,
                 AuditLog audit, Clock clock,
                 @ConfigProperty(name = "aperture.index.rebuild.load-threads", defaultValue = "1") int loadThreads,
                 @ConfigProperty(name = "aperture.index.rebuild.batch-size", defaultValue = "100") int batchSize) {
        this.mapping = mapping;
        this.dataSource = dataSource;
        this.em = em;
        this.changes = changes;
        this.stale = stale;
        this.audit = audit;
        this.clock = clock;
        this.loadThreads = loadThreads;
        this.batchSize = batchSize;
    }

    /** This instance's rebuild; RUNNING_ELSEWHERE instead when another instance holds the rebuild lock. */
    public RebuildStatus status() {
        RebuildStatus s = status.get();
        return !s.running() && held == null && lockedInDatabase() ? RebuildStatus.elsewhere() : s;
    }

    /** Starts a rebuild; empty when one is already running here or on another instance (see {@link #status()}). */
    public synchronized Optional<RebuildStatus> start(String actor) {
        if (status.get().running()) {
            return Optional.empty();
        }
        Connection lock = tryLock();
        if (lock == null) {
            return Optional.empty();
        }
        held = lock;
        try {
            RebuildStatus started = begin(actor);
            worker.submit(() -> {
                try {
                    run(actor);
                } finally {
                    release();
                }
            });
            return Optional.of(started);
        } catch (RuntimeException e) {
            release();
            throw e;
        }
    }

    private RebuildStatus begin(String actor) {
        long datasets = QuarkusTransaction.requiringNew().call(() -> {
            long n = ((Number) em.createNativeQuery("SELECT count(*) FROM dataset").getSingleResult()).longValue();
            audit.append(new AuditLog.AuditEvent(clock.instant(), actor, "INDEX_REBUILD_STARTED", "SEARCH_INDEX", "dataset",
                    null, Map.of("datasets", n)));
            return n;
        });
        RebuildStatus started = RebuildStatus.started(actor, clock.instant(), datasets);
        status.set(started);
        return started;
    }

    /** The connection holding the rebuild lock, or null when another session holds it. */
    private Connection tryLock() {
        try {
            Connection c = dataSource.getConnection();
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                ps.setLong(1, LOCK_KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next() && rs.getBoolean(1)) {
                        return c;
                    }
                }
            }
            c.close();
            return null;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot take the index rebuild lock", e);
        }
    }

    /** Unlocks before the connection goes back to the pool, where a session lock would outlive the rebuild. */
    private void release() {
        Connection c = held;
        try (c; PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, LOCK_KEY);
            ps.execute();
        } catch (SQLException e) {
            LOG.warn("could not release the index rebuild lock; it ends with its database session", e);
        } finally {
            held = null;
        }
    }

    private boolean lockedInDatabase() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
                       AND classid = ? AND objid = ? AND objsubid = 1)""")) {
            // pg_locks shows a bigint key as its high and low 32 bits
            ps.setLong(1, LOCK_KEY >>> 32);
            ps.setLong(2, LOCK_KEY & 0xFFFF_FFFFL);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            LOG.warn("cannot read the index rebuild lock", e);
            return false;
        }
    }

    private void run(String actor) {
        try {
            long mark = changes.mark();
            AtomicLong written = new AtomicLong();
            mapping.scope(Dataset.class).massIndexer()
                    .purgeAllOnStart(false)           // never empty the index: search stays complete
                    .dropAndCreateSchemaOnStart(false)
                    .mergeSegmentsOnFinish(false)
                    .typesToIndexInParallel(1)
                    .threadsToLoadObjects(loadThreads)
                    .batchSizeToLoadObjects(batchSize)
                    .transactionTimeout(3600)
                    .monitor(new Progress(n -> status.updateAndGet(s -> s.written(written.addAndGet(n)))))
                    .startAndWait();
            status.updateAndGet(s -> s.requeuing(written.get()));
            long requeued = changes.requeueSince(mark);
            status.updateAndGet(s -> s.removingStale(requeued));
            StaleDocuments.Outcome removed = stale.remove();
            // DONE means searches see the rebuilt index: removals are otherwise visible only after the next refresh
            mapping.scope(Dataset.class).workspace().refresh();
            RebuildStatus done = status.updateAndGet(s -> s.done(clock.instant(), removed));
            LOG.infof("index rebuild done: %d documents written, %d changed meanwhile re-queued, %d stale removed",
                    done.documentsWritten(), requeued, removed.removed());
            auditEnd(actor, "INDEX_REBUILD_FINISHED", done);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail(actor, "interrupted (server stopping)");
        } catch (RuntimeException e) {
            LOG.error("index rebuild failed", e);
            fail(actor, rootMessage(e));
        }
    }

    private void fail(String actor, String message) {
        RebuildStatus failed = status.updateAndGet(s -> s.failed(clock.instant(), message));
        try {
            auditEnd(actor, "INDEX_REBUILD_FAILED", failed);
        } catch (RuntimeException e) {
            LOG.warn("could not audit the failed index rebuild", e);
        }
    }

    private void auditEnd(String actor, String action, RebuildStatus s) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("documentsWritten", s.documentsWritten());
        if (s.requeued() != null) {
            details.put("requeued", s.requeued());
        }
        if (s.staleRemoved() != null) {
            details.put("staleRemoved", s.staleRemoved());
        }
        if (s.error() != null) {
            details.put("error", s.error());
        }
        QuarkusTransaction.requiringNew().run(() -> audit.append(new AuditLog.AuditEvent(clock.instant(), actor, action,
                "SEARCH_INDEX", "dataset", null, details)));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Counts written documents for the status; the rest of the monitor's events are not needed. */
    private record Progress(java.util.function.LongConsumer added) implements MassIndexingMonitor {
        @Override
        public void documentsAdded(long increment) {
            added.accept(increment);
        }

        @Override
        public void documentsBuilt(long increment) {
        }

        @Override
        public void entitiesLoaded(long increment) {
        }

        @Override
        public void indexingCompleted() {
        }
    }
}
