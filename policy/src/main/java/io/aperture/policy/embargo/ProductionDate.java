package io.aperture.policy.embargo;

import java.time.Instant;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;

/** Where the embargo clock starts: the instant at which data was produced. */
public final class ProductionDate {

    private ProductionDate() {
    }

    /**
     * The production date of one dataset: the NeXus {@code end_time} of the scan when the file has one, otherwise
     * the file's last modification time. Empty only when neither is known (the record cannot be embargoed and the
     * caller must refuse it).
     */
    public static Optional<Instant> ofDataset(Optional<Instant> nexusEndTime, Optional<Instant> fileModified) {
        Objects.requireNonNull(nexusEndTime, "nexusEndTime");
        Objects.requireNonNull(fileModified, "fileModified");
        return nexusEndTime.or(() -> fileModified);
    }

    /** The production date of a visit or proposal: the latest production date among its datasets. */
    public static Optional<Instant> ofVisit(Collection<Instant> datasetProductionDates) {
        return datasetProductionDates.stream().map(Objects::requireNonNull).max(Instant::compareTo);
    }
}
