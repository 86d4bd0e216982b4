package io.aperture.catalogue.doi;

import io.aperture.catalogue.model.Dataset;
import io.aperture.policy.doi.CollectionDoi;
import io.aperture.policy.doi.DoiState;
import io.aperture.policy.doi.DoiTarget;
import io.aperture.policy.embargo.EmbargoStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Queues DataCite calls in the transaction of the change that causes them (the transactional outbox, table
 * {@code doi_outbox}, migration V7): asks the policy ({@link DoiTarget#of}) where each dataset's DOI should stand,
 * names a DOI where one is needed and none exists yet, writes the wanted state to the dataset row and one outbox row
 * per call. If the change rolls back, so does its call; if it commits, the call is sent sooner or later by
 * {@link DoiJob}. Nothing is queued while DOIs are disabled.
 *
 * <p>With collections on ({@code aperture.doi.collections}), every change of a dataset also asks the policy
 * ({@link CollectionDoi#target}) about the collection of its visit or proposal — minted when its first dataset is
 * released, published again when its parts change, hidden when none is released any more — and queues that call too.
 *
 * <p>The DOI columns of a dataset are written here (and by the embargo sync) in SQL only; the entity never writes
 * them back, so an entity flushed later in the same transaction does not undo this.
 */
@ApplicationScoped
public class DoiQueue {
    private final EntityManager em;
    private final DoiSettings settings;
    private final Clock clock;

    DoiQueue(EntityManager em, DoiSettings settings, Clock clock) {
        this.em = em;
        this.settings = settings;
        this.clock = clock;
    }

    /** The embargo of {@code datasetIds} changed and now has {@code status} (release, early release, withdrawal…). */
    public void embargoChanged(Collection<Long> datasetIds, EmbargoStatus status) {
        queue(datasetIds, status, false);
        queueCollections(datasetIds);
    }

    /**
     * An ingest created or changed {@code ds} (its embargo fields already set): a new record may get a draft DOI
     * ({@code aperture.doi.reserve-at-ingest}), a changed one's DOI gets its metadata again.
     */
    public void recordChanged(Dataset ds) {
        queue(List.of(ds.id), ds.accessState, settings.reserveAtIngest());
        queueCollections(List.of(ds.id));
    }

    /**
     * The user office changed what the DataCite records of proposal {@code proposalId} say (its people, title, DOI or
     * publications): each of its datasets that has a DOI is sent its metadata again, as the policy's target for its
     * stored status says (a findable one is published again; a draft stays as it is), and so is its collection.
     * Datasets without a DOI get none from this: only their own release or ingest mints one.
     */
    public void proposalChanged(long proposalId) {
        if (!settings.enabled()) {
            return;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, access_state, doi IS NOT NULL FROM dataset WHERE proposal_id = ?1 ORDER BY id")
                .setParameter(1, proposalId).getResultList();
        Map<EmbargoStatus, List<Long>> byStatus = rows.stream().filter(r -> (Boolean) r[2]).collect(Collectors.groupingBy(
                r -> EmbargoStatus.valueOf((String) r[1]), TreeMap::new, Collectors.mapping(r -> ((Number) r[0]).longValue(), Collectors.toList())));
        byStatus.forEach((status, ids) -> queue(ids, status, false));
        // the collection through all its datasets: with aperture.doi.datasets=false none has a DOI of its own
        queueCollections(rows.stream().map(r -> ((Number) r[0]).longValue()).toList());
    }

    private void queue(Collection<Long> datasetIds, EmbargoStatus status, boolean reserveDrafts) {
        if (!settings.enabled() || !settings.datasets() || datasetIds.isEmpty()) {
            return;
        }
        // locked, so that two changes of one dataset queue their calls in the order they commit
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, doi, doi_state FROM dataset WHERE id = ANY(?1) ORDER BY id FOR UPDATE")
                .setParameter(1, datasetIds.toArray(Long[]::new)).getResultList();
        for (Object[] row : rows) {
            long id = ((Number) row[0]).longValue();
            Optional<DoiTarget> target = DoiTarget.of(status, DoiState.valueOf((String) row[2]), reserveDrafts);
            if (target.isEmpty()) {
                continue;
            }
            String doi = row[1] != null ? (String) row[1] : settings.newDoi();
            String wanted = target.get().state().name();
            em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = ?2 WHERE id = ?3"
                            + " AND (doi IS DISTINCT FROM ?1 OR doi_state IS DISTINCT FROM ?2)")
                    .setParameter(1, doi).setParameter(2, wanted).setParameter(3, id).executeUpdate();
            em.createNativeQuery("INSERT INTO doi_outbox (dataset_id, doi, wanted_state, event, queued_at, next_attempt_at)"
                            + " VALUES (?1, ?2, ?3, ?4, ?5, ?5)")
                    .setParameter(1, id).setParameter(2, doi).setParameter(3, wanted)
                    .setParameter(4, target.get().event().name()).setParameter(5, clock.instant()).executeUpdate();
        }
    }

    /** The collections of {@code datasetIds} (their visits' or proposals'), each asked of the policy once. */
    private void queueCollections(Collection<Long> datasetIds) {
        CollectionLevel level = settings.collections();
        if (!settings.enabled() || level == CollectionLevel.NONE || datasetIds.isEmpty()) {
            return;
        }
        String groups = level == CollectionLevel.VISIT
                ? "SELECT DISTINCT v.proposal_id, v.id FROM dataset d JOIN visit v ON v.id = d.visit_id WHERE d.id = ANY(?1) ORDER BY 1, 2"
                : "SELECT DISTINCT d.proposal_id, cast(NULL AS bigint) FROM dataset d WHERE d.id = ANY(?1) AND d.proposal_id IS NOT NULL ORDER BY 1";
        @SuppressWarnings("unchecked")
        List<Object[]> found = em.createNativeQuery(groups).setParameter(1, datasetIds.toArray(Long[]::new)).getResultList();
        for (Object[] group : found) {
            queueCollection(((Number) group[0]).longValue(), group[1] == null ? null : ((Number) group[1]).longValue());
        }
    }

    /** One collection: the visit's ({@code visitId}) or, when it is null, the proposal's. */
    private void queueCollection(long proposalId, Long visitId) {
        Optional<Object[]> row = lockedCollection(proposalId, visitId);
        if (row.isEmpty()) {
            if (CollectionDoi.target(memberStatuses(proposalId, visitId), DoiState.initial()).isEmpty()) {
                return; // nothing to mint (yet)
            }
            // a concurrent first release of the same collection inserts the same row: one wins, the other waits for it
            em.createNativeQuery("INSERT INTO doi_collection (proposal_id, visit_id, doi, doi_state) VALUES (?1, cast(?2 AS bigint), ?3, ?4)"
                            + (visitId == null ? " ON CONFLICT (proposal_id) WHERE visit_id IS NULL DO NOTHING"
                            : " ON CONFLICT (visit_id) WHERE visit_id IS NOT NULL DO NOTHING"))
                    .setParameter(1, proposalId).setParameter(2, visitId).setParameter(3, settings.newDoi())
                    .setParameter(4, DoiState.initial().name()).executeUpdate();
            row = lockedCollection(proposalId, visitId);
        }
        long id = ((Number) row.get()[0]).longValue();
        String doi = (String) row.get()[1];
        // read after the row lock: a concurrent change of another member has committed by now, and is counted
        Optional<DoiTarget> target = CollectionDoi.target(memberStatuses(proposalId, visitId), DoiState.valueOf((String) row.get()[2]));
        if (target.isEmpty()) {
            return;
        }
        String wanted = target.get().state().name();
        em.createNativeQuery("UPDATE doi_collection SET doi_state = ?1 WHERE id = ?2 AND doi_state IS DISTINCT FROM ?1")
                .setParameter(1, wanted).setParameter(2, id).executeUpdate();
        em.createNativeQuery("INSERT INTO doi_outbox (collection_id, doi, wanted_state, event, queued_at, next_attempt_at)"
                        + " VALUES (?1, ?2, ?3, ?4, ?5, ?5)")
                .setParameter(1, id).setParameter(2, doi).setParameter(3, wanted)
                .setParameter(4, target.get().event().name()).setParameter(5, clock.instant()).executeUpdate();
    }

    private Optional<Object[]> lockedCollection(long proposalId, Long visitId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, doi, doi_state FROM doi_collection WHERE "
                        + (visitId == null ? "proposal_id = ?1 AND visit_id IS NULL" : "visit_id = ?1") + " FOR UPDATE")
                .setParameter(1, visitId == null ? proposalId : visitId).getResultList();
        return rows.stream().findFirst();
    }

    /** The stored embargo statuses of the collection's datasets (each once). */
    private List<EmbargoStatus> memberStatuses(long proposalId, Long visitId) {
        @SuppressWarnings("unchecked")
        List<String> states = em.createNativeQuery("SELECT DISTINCT access_state FROM dataset WHERE "
                        + (visitId == null ? "proposal_id = ?1" : "visit_id = ?1"))
                .setParameter(1, visitId == null ? proposalId : visitId).getResultList();
        return states.stream().map(EmbargoStatus::valueOf).toList();
    }
}
