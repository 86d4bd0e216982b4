package io.aperture.catalogue.preview;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
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
}
