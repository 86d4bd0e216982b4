package io.aperture.harvester.scan;

import io.aperture.harvester.hdf5.FileSignature;
import io.aperture.record.HarvestRecord;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Decides whether a file is probably still being written and must be left for a later scan. Signs of writing that
 * cannot be true for ever are not believed for ever: write flags left by a writer that stopped, and a modification
 * time in the future (clock skew, restored timestamps). Such a file is harvested, with a warning in its records.
 */
public final class InProgressCheck {
    /** A modification time at most this far ahead of the clock is an ordinary skew between machines. */
    public static final Duration FUTURE_SKEW = Duration.ofMinutes(5);
    /** Superblock write flags on a file unchanged for this long were left by a writer that stopped without closing it. */
    public static final Duration STALE_WRITE_FLAGS = Duration.ofHours(24);

    private final Clock clock;
    private final Duration quietPeriod;

    /**
     * @param inProgress why the file is taken as still being written; null when it is not
     * @param warning what to add to the file's records about a sign of writing that was not believed; null for none
     */
    public record Verdict(String inProgress, String warning) {
        static final Verdict SETTLED = new Verdict(null, null);

        static Verdict writing(String why) {
            return new Verdict(why, null);
        }

        static Verdict settledDespite(String warning) {
            return new Verdict(null, warning);
        }
    }

    public InProgressCheck(Clock clock, Duration quietPeriod) {
        this.clock = clock;
        this.quietPeriod = quietPeriod;
    }

    /**
     * From the superblock: HDF5 1.10+ sets these flags while a writer (or SWMR writer) has the file open, and a writer
     * that crashed leaves them set. A SWMR writer keeps changing the file, so flags on a file unchanged for {@link
     * #STALE_WRITE_FLAGS} no longer count. (With a modification time in the future the age is unknown: the flags count.)
     */
    public Verdict fromSignature(FileSignature sig, Instant modified) {
        String flags = sig.swmrWrite() ? "open for SWMR writing" : sig.openForWrite() ? "open for writing" : null;
        if (flags == null) {
            return Verdict.SETTLED;
        }
        Duration unchanged = Duration.between(modified, clock.instant());
        if (unchanged.compareTo(STALE_WRITE_FLAGS) > 0) {
            return Verdict.settledDespite("the superblock says the file is " + flags + ", but it has not changed for "
                    + unchanged.toHours() + " h: taken as left open by a writer that stopped");
        }
        return Verdict.writing("superblock says the file is " + flags);
    }

    /**
     * A scan without end_time whose file changed within the quiet period is probably still running. A modification
     * time more than {@link #FUTURE_SKEW} ahead says nothing about when the file last changed, so it does not keep the
     * file waiting (until that date, as it would).
     */
    public Verdict fromRecords(List<HarvestRecord> records, Instant modified) {
        boolean noEnd = records.stream().anyMatch(r -> r.endTime() == null);
        if (!noEnd) {
            return Verdict.SETTLED;
        }
        Instant now = clock.instant();
        if (modified.isAfter(now.plus(FUTURE_SKEW))) {
            return Verdict.settledDespite("no end_time and modified at " + modified + ", "
                    + Duration.between(now, modified).toSeconds() + " s in the future: the time is not believed "
                    + "(clock skew or a restored timestamp), so the file is not taken as still being written");
        }
        if (modified.isAfter(now.minus(quietPeriod))) {
            return Verdict.writing("no end_time and modified " + Duration.between(modified, now).toSeconds()
                    + " s ago (quiet period " + quietPeriod.toSeconds() + " s)");
        }
        return Verdict.SETTLED;
    }
}
