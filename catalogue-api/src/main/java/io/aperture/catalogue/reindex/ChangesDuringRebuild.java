package io.aperture.catalogue.reindex;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The ordering guarantee between the mass indexer and the outbox. The mass indexer reads a dataset and writes its
 * document a little later; a change committed in between is written by the outbox indexer first and would then be
 * overwritten by the mass indexer's older copy. So, before the mass indexer starts, {@link #mark()} notes the oldest
 * transaction still running; once it has finished, {@link #requeueSince} queues in {@code search_outbox} every
 * dataset whose indexed rows (dataset, parameters, findings, techniques, instrument, sample, technique, proposal) were written
 * by that transaction or a later one. The outbox indexer then writes their current state after the mass indexer's
 * copy. This reads PostgreSQL's own row versions ({@code xmin}), so it holds for changes made by any server instance
 * and by plain SQL, and needs nothing from the outbox indexer.
 * <p>Not covered: a child row deleted by plain SQL without touching its dataset during the mass indexing (deleted rows
 * leave no version behind); ingest always updates the dataset row along with its parameters.
 */
@ApplicationScoped
public class ChangesDuringRebuild {
    private final EntityManager em;

    ChangesDuringRebuild(EntityManager em) {
        this.em = em;
    }

    /** The oldest transaction id that may be invisible to a reader starting now (64-bit, wraparound-free). */
    public long mark() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint").getSingleResult()).longValue());
    }

    /**
     * Datasets with an indexed row written by transaction {@code mark} or later. {@code age(xmin)} counts the
     * transactions between a row's writer and this one ({@code ?1} = how many began since the mark); frozen rows are
     * infinitely old.
     */
    private static final String CHANGED = """
            SELECT d.id FROM dataset d WHERE age(d.xmin) <= ?1
            UNION SELECT p.dataset_id FROM parameter p WHERE age(p.xmin) <= ?1
            UNION SELECT f.dataset_id FROM dataset_finding f WHERE age(f.xmin) <= ?1
            UNION SELECT dt.dataset_id FROM dataset_technique dt WHERE age(dt.xmin) <= ?1
            UNION SELECT dt.dataset_id FROM dataset_technique dt JOIN technique t ON t.id = dt.technique_id
                  WHERE age(t.xmin) <= ?1
            UNION SELECT d.id FROM dataset d JOIN instrument i ON i.id = d.instrument_id WHERE age(i.xmin) <= ?1
            UNION SELECT d.id FROM dataset d JOIN sample s ON s.id = d.sample_id WHERE age(s.xmin) <= ?1
            UNION SELECT d.id FROM dataset d JOIN proposal pr ON pr.id = d.proposal_id WHERE age(pr.xmin) <= ?1""";

    /** The ids of the datasets changed since {@code mark} (what {@link #requeueSince} would queue). */
    public Set<Long> changedSince(long mark) {
        return QuarkusTransaction.requiringNew().timeout(3600).call(() -> {
            @SuppressWarnings("unchecked")
            List<Number> ids = em.createNativeQuery(CHANGED).setParameter(1, span(mark)).getResultList();
            Set<Long> out = new HashSet<>();
            ids.forEach(n -> out.add(n.longValue()));
            return out;
        });
    }

    /** Queues every dataset changed since {@code mark} in the outbox; returns how many. */
    public long requeueSince(long mark) {
        return QuarkusTransaction.requiringNew().timeout(3600).call(() ->
                (long) em.createNativeQuery("INSERT INTO search_outbox(dataset_id) SELECT id FROM (" + CHANGED + ") changed")
                        .setParameter(1, span(mark)).executeUpdate());
    }

    /** Transactions begun since the mark, as seen from the current one (which this call gives an id). */
    private long span(long mark) {
        long now = ((Number) em.createNativeQuery("SELECT pg_current_xact_id()::text::bigint").getSingleResult()).longValue();
        return Math.max(0, Math.min(now - mark, Integer.MAX_VALUE - 1));
    }
}
