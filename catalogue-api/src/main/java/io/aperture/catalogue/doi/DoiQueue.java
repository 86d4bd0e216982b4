package io.aperture.catalogue.doi;

import io.aperture.catalogue.model.Dataset;
import io.aperture.policy.doi.DoiState;
import io.aperture.policy.doi.DoiTarget;
import io.aperture.policy.embargo.EmbargoStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Queues DataCite calls in the transaction of the change that causes them (the transactional outbox, table
 * {@code doi_outbox}, migration V7): asks the policy ({@link DoiTarget#of}) where each dataset's DOI should stand,
 * names a DOI where one is needed and none exists yet, writes the wanted state to the dataset row and one outbox row
 * per call. If the change rolls back, so does its call; if it commits, the call is sent sooner or later by
 * {@link DoiJob}. Nothing is queued while DOIs are disabled.
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
    }

    /**
     * An ingest created or changed {@code ds} (its embargo fields already set): a new record may get a draft DOI
     * ({@code aperture.doi.reserve-at-ingest}), a changed one's DOI gets its metadata again.
     */
    public void recordChanged(Dataset ds) {
        queue(List.of(ds.id), ds.accessState, settings.reserveAtIngest());
    }

    private void queue(Collection<Long> datasetIds, EmbargoStatus status, boolean reserveDrafts) {
        if (!settings.enabled() || datasetIds.isEmpty()) {
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
}
