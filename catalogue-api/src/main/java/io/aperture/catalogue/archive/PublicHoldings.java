package io.aperture.catalogue.archive;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.model.Dataset;
import io.aperture.policy.embargo.EmbargoStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What the catalogue holds for everyone, from the database, for the home page: the public datasets' data volume and
 * the latest releases by the embargo's actual release time (the index has no release date to sort on). Both select the
 * stored status the policy's public scope lets through ({@link AccessControl#publicScope()}), as OAI-PMH does; each
 * listed release is then asked of the policy for an anonymous caller, so a record the policy hides is never listed.
 * The volume is summed over every public dataset, so it is reused for {@link #VOLUME_REUSED_FOR} rather than summed
 * on each home-page visit; the releases are read along V24's index.
 */
@ApplicationScoped
public class PublicHoldings {
    /** How long a summed volume is shown: a sum over a million public rows is too much for every visit. */
    static final Duration VOLUME_REUSED_FOR = Duration.ofMinutes(1);

    private final EntityManager em;
    private final AccessControl access;
    private final Clock clock;
    private volatile Volume volume;

    private record Volume(long bytes, Instant summedAt) {
        boolean currentAt(Instant now) {
            return !now.isBefore(summedAt) && now.isBefore(summedAt.plus(VOLUME_REUSED_FOR));
        }
    }

    PublicHoldings(EntityManager em, AccessControl access, Clock clock) {
        this.em = em;
        this.access = access;
        this.clock = clock;
    }

    /** The public datasets' data volume: the sum of their file sizes, in bytes, at most a minute old. */
    @Transactional
    public long bytes() {
        Instant now = clock.instant();
        Volume last = volume;
        if (last == null || !last.currentAt(now)) {
            last = new Volume(sum(), now);
            volume = last;
        }
        return last.bytes();
    }

    private long sum() {
        return em.createQuery("SELECT coalesce(sum(d.sizeBytes), 0L) FROM Dataset d WHERE d.accessState = :open", Long.class)
                .setParameter("open", open()).getSingleResult();
    }

    /** At most {@code limit} public datasets released from an embargo, the latest release first. */
    @Transactional
    public List<Dataset> recentReleases(int limit) {
        // a release stamped after now is a clock set back (tests shift it); it would crowd out every real one
        return em.createQuery("SELECT d FROM Dataset d LEFT JOIN FETCH d.proposal WHERE d.accessState = :open "
                        + "AND d.releasedAt IS NOT NULL AND d.releasedAt <= :now ORDER BY d.releasedAt DESC, d.id DESC", Dataset.class)
                .setParameter("open", open()).setParameter("now", clock.instant()).setMaxResults(limit).getResultList().stream()
                .filter(d -> access.decideForPublic(d).visibility().showsMetadata()).toList();
    }

    private EmbargoStatus open() {
        return access.publicScope().publicStatus();
    }
}
