package io.aperture.catalogue.reindex;

import java.util.function.LongConsumer;
import io.aperture.catalogue.audit.AuditLog;
import io.aperture.catalogue.model.Dataset;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import io.aperture.catalogue.search.IndexConfig;
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
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "index-rebuild");
        t.setDaemon(true);
        return t;
    });

    IndexRebuild(SearchMapping mapping, AgroalDataSource dataSource, EntityManager em, ChangesDuringRebuild changes, StaleDocuments stale,
                 AuditLog audit, Clock clock, IndexConfig config) {
        this.mapping = mapping;
        this.dataSource = dataSource;
        this.em = em;
        this.changes = changes;
        this.stale = stale;
        this.audit = audit;
        this.clock = clock;
        this.loadThreads = config.rebuild().loadThreads();
        this.batchSize = config.rebuild().batchSize();
    }

    /** This instance's rebuild; RUNNING_ELSEWHERE instead when another instance holds the rebuild lock. */
    public RebuildStatus status() {
        RebuildStatus s = status.get();
        // this instance unlocks before it publishes the end of its own rebuild, so a lock seen here is another's
        return !s.running() && lockedInDatabase() ? RebuildStatus.elsewhere() : s;
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
        try {
            RebuildStatus started = begin(actor);
            worker.submit(() -> run(actor, lock));
            return Optional.of(started);
        } catch (RuntimeException e) {
            release(lock);
            status.updateAndGet(s -> s.running() ? s.failed(clock.instant(), rootMessage(e)) : s);
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

    /**
     * A connection of its own holding the rebuild lock, or null when another session holds it. The lock is a session
     * lock, so the connection must be in autocommit, outside any transaction, for as long as the rebuild runs.
     */
    private Connection tryLock() {
        Connection c = null;
        try {
            c = dataSource.getConnection();
            if (!c.getAutoCommit()) {
                throw new IllegalStateException("the index rebuild lock must be taken outside a transaction");
            }
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
        } catch (SQLException | RuntimeException e) {
            if (c != null) {
                discard(c);
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException("cannot take the index rebuild lock", e);
        }
    }

    /**
     * Unlocks before the connection goes back to the pool, where a session lock would outlive the rebuild. When the
     * unlock fails the connection is discarded instead: its session ends, and the lock with it.
     */
    private static void release(Connection c) {
        boolean unlocked = false;
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            ps.setLong(1, LOCK_KEY);
            try (ResultSet rs = ps.executeQuery()) {
                unlocked = rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not release the index rebuild lock; ending its database session instead", e);
        }
        if (unlocked) {
            try {
                c.close();
            } catch (SQLException e) {
                LOG.warn("could not return the index rebuild connection to the pool", e);
            }
        } else {
            discard(c);
        }
    }

    /** Closes the physical connection rather than pooling it (Agroal flushes an aborted connection). */
    private static void discard(Connection c) {
        try {
            c.abort(Runnable::run);
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not abort the index rebuild connection", e);
        }
        try {
            c.close();
        } catch (SQLException | RuntimeException ignored) {
            // already aborted
        }
    }

    private boolean lockedInDatabase() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory' AND granted
                       AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
                       AND classid = ? AND objid = ? AND objsubid = 1)""")) {
            // pg_locks lists the whole cluster; a bigint key shows as its high and low 32 bits
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

    /** Runs the rebuild; unlocks before publishing its end, so that DONE or FAILED means another may start. */
    private void run(String actor, Connection lock) {
        RebuildStatus outcome;
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
            outcome = status.get().done(clock.instant(), removed);
            LOG.infof("index rebuild done: %d documents written, %d changed meanwhile re-queued, %d stale removed",
                    outcome.documentsWritten(), requeued, removed.removed());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            outcome = status.get().failed(clock.instant(), "interrupted (server stopping)");
        } catch (RuntimeException e) {
            LOG.error("index rebuild failed", e);
            outcome = status.get().failed(clock.instant(), rootMessage(e));
        } finally {
            release(lock);
        }
        status.set(outcome);
        try {
            auditEnd(actor, outcome.state() == RebuildStatus.State.DONE ? "INDEX_REBUILD_FINISHED" : "INDEX_REBUILD_FAILED", outcome);
        } catch (RuntimeException e) {
            LOG.warn("could not audit the end of the index rebuild", e);
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
    private record Progress(LongConsumer added) implements MassIndexingMonitor {
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
