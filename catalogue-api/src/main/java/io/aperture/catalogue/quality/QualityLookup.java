package io.aperture.catalogue.quality;

import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.model.Dataset;
import io.aperture.policy.access.QualityDisclosure;
import jakarta.enterprise.context.RequestScoped;

import java.util.Optional;


/**
 * One dataset's quality for the current caller, after the policy: the API and the landing page ask here, so both
 * answer alike. An identifier no record can have is unknown like any other.
 */
@RequestScoped
public class QualityLookup {
    private final AccessControl access;
    private final QualityStore store;

    QualityLookup(AccessControl access, QualityStore store) {
        this.access = access;
        this.store = store;
    }

    /** The answer for {@code pid}: what the policy lets the caller learn, and the stored quality when it may. */
    public sealed interface Answer permits Unknown, Withheld, NotAssessed, Shown {
    }

    /** No such dataset, or one the caller may not see: the same answer. */
    public record Unknown() implements Answer {
    }

    /** The caller sees the dataset but not its quality (staff only while it is not public). */
    public record Withheld() implements Answer {
    }

    /** Ingested before the catalogue kept quality: re-ingesting the record assesses it. */
    public record NotAssessed() implements Answer {
    }

    public record Shown(DatasetQuality quality) implements Answer {
    }

    public Answer forPid(String pid, String view) {
        Dataset d = access.lookUp(pid);
        return d == null ? new Unknown() : forDataset(d, view);
    }

    /**
     * The quality shown on the landing page of {@code d}, whose read the page has audited: to those who review quality
     * (staff), when the policy discloses it; empty for everyone else and for a dataset not assessed yet.
     */
    public Optional<DatasetQuality> forLandingPage(Dataset d) {
        if (!access.mayReviewQuality() || access.decideQuality(d) != QualityDisclosure.SHOWN) {
            return Optional.empty();
        }
        return store.of(d.id).map(s -> DatasetQuality.of(d.pid, s));
    }

    public Answer forDataset(Dataset d, String view) {
        QualityDisclosure disclosure = access.readQuality(d, view);
        return switch (disclosure) {
            case UNKNOWN -> new Unknown();
            case WITHHELD -> new Withheld();
            case SHOWN -> store.of(d.id).<Answer>map(s -> new Shown(DatasetQuality.of(d.pid, s))).orElse(new NotAssessed());
        };
    }

}
