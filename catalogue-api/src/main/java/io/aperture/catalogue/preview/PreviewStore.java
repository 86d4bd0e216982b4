package io.aperture.catalogue.preview;

import io.aperture.catalogue.model.Dataset;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The stored previews (table dataset_preview, V20), one per dataset at most. Access is decided by the callers. */
@ApplicationScoped
public class PreviewStore {
    private final EntityManager em;

    PreviewStore(EntityManager em) {
        this.em = em;
    }

    /** Replaces the dataset's preview by {@code preview}; empty removes it (the record now has none). */
    public void replace(long datasetId, Optional<PreviewImage> preview, Instant now) {
        em.createNativeQuery("DELETE FROM dataset_preview WHERE dataset_id = ?1").setParameter(1, datasetId).executeUpdate();
        preview.ifPresent(p -> em.createNativeQuery(
                        "INSERT INTO dataset_preview (dataset_id, png, updated_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, datasetId).setParameter(2, p.png()).setParameter(3, now).executeUpdate());
    }

    public Optional<byte[]> find(long datasetId) {
        List<?> rows = em.createNativeQuery("SELECT png FROM dataset_preview WHERE dataset_id = ?1")
                .setParameter(1, datasetId).getResultList();
        return rows.stream().findFirst().map(byte[].class::cast);
    }

    public boolean exists(long datasetId) {
        return !em.createNativeQuery("SELECT 1 FROM dataset_preview WHERE dataset_id = ?1")
                .setParameter(1, datasetId).getResultList().isEmpty();
    }

    /**
     * Those of the datasets {@code pids} that have a stored preview, with their proposals (what the policy needs): two
     * queries for a page of search hits whatever its size; who may see each preview is for the caller to decide.
     */
    public List<Dataset> withPreview(Collection<String> pids) {
        if (pids.isEmpty()) {
            return List.of();
        }
        List<?> ids = em.createNativeQuery("SELECT d.id FROM dataset d JOIN dataset_preview p ON p.dataset_id = d.id "
                + "WHERE d.pid IN (:pids)").setParameter("pids", pids).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Long> longIds = ids.stream().map(id -> ((Number) id).longValue()).toList();
        return em.createQuery("SELECT d FROM Dataset d LEFT JOIN FETCH d.proposal WHERE d.id IN :ids", Dataset.class)
                .setParameter("ids", longIds).getResultList();
    }
}
