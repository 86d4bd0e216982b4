package io.aperture.harvester.scan;

import io.aperture.harvester.hdf5.FileSignature;
import io.aperture.record.HarvestRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Decides whether a file is probably still being written and must be left for a later scan. */
public final class InProgressCheck {
    private final Clock clock;
    private final Duration quietPeriod;

    public InProgressCheck(Clock clock, Duration quietPeriod) {
        this.clock = clock;
        this.quietPeriod = quietPeriod;
    }

    /** From the superblock alone: HDF5 1.10+ sets these flags while a writer (or SWMR writer) has the file open. */
    public Optional<String> fromSignature(FileSignature sig) {
        if (sig.swmrWrite()) {
            return Optional.of("superblock says the file is open for SWMR writing");
        }
        if (sig.openForWrite()) {
            return Optional.of("superblock says the file is open for writing");
        }
        return Optional.empty();
    }

    /** A scan without end_time whose file changed within the quiet period is probably still running. */
    public Optional<String> fromRecords(List<HarvestRecord> records, Instant modified) {
        boolean noEnd = records.stream().anyMatch(r -> r.endTime() == null);
        Instant now = clock.instant();
        if (noEnd && modified.isAfter(now.minus(quietPeriod))) {
            return Optional.of("no end_time and modified " + Duration.between(modified, now).toSeconds()
                    + " s ago (quiet period " + quietPeriod.toSeconds() + " s)");
        }
        return Optional.empty();
    }
}
