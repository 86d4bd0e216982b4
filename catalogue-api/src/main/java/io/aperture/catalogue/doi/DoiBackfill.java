package io.aperture.catalogue.doi;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.policy.embargo.EmbargoStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;

/**
 * Mints DOIs for released datasets that have none — records released before DOIs were enabled, which no change has
 * touched since. It queues them in the outbox exactly as a release does ({@link DoiQueue#embargoChanged}, so the
 * policy's {@code DoiTarget} decides), newest first, at most {@code limit} per run, each run one transaction.
 */
@ApplicationScoped
public class DoiBackfill {
    private static final String CANDIDATES = " FROM dataset WHERE access_state = ?1 AND doi IS NULL";

    private final EntityManager em;
    private final DoiQueue queue;
    private final DoiSettings settings;

    DoiBackfill(EntityManager em, DoiQueue queue, DoiSettings settings) {
        this.em = em;
        this.queue = queue;
        this.settings = settings;
    }

    /** What a run did: datasets queued, and how many released datasets are still without a DOI. */
    public record Result(int queued, long remaining) {}

    public boolean enabled() {
        return settings.enabled();
    }

    /** @param access the policy's public scope names the stored status of released datasets */
    @Transactional
    public Result run(int limit, AccessControl access) {
        EmbargoStatus released = access.publicScope().publicStatus();
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT id" + CANDIDATES + " ORDER BY id DESC LIMIT ?2")
                .setParameter(1, released.name()).setParameter(2, limit).getResultList();
        queue.embargoChanged(ids.stream().map(Number::longValue).toList(), released);
        long remaining = ((Number) em.createNativeQuery("SELECT count(*)" + CANDIDATES)
                .setParameter(1, released.name()).getSingleResult()).longValue();
        return new Result(ids.size(), remaining);
    }
}
