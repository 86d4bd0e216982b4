package io.aperture.harvester.watch;

import java.time.Duration;
import java.util.Set;

/**
 * Timing of the watcher.
 *
 * @param rescan      time between full rescans of the watched folders (the only way to notice files where events
 *                    do not work, e.g. NFS and GPFS)
 * @param settle      wait after the last filesystem event of a file before it is harvested
 * @param recheck     wait before a file still being written is looked at again
 * @param sendRetry   first wait before a file whose records could not be delivered is tried again; doubles per try
 * @param sendRetryMax the longest such wait
 * @param extensions  file name endings harvested from folders
 */
public record WatchSettings(Duration rescan, Duration settle, Duration recheck, Duration sendRetry,
                            Duration sendRetryMax, Set<String> extensions) {

    /** The wait before try {@code attempts + 1} of a file that could not be delivered. */
    public Duration sendDelay(int attempts) {
        long ms = sendRetry.toMillis() << Math.min(Math.max(attempts, 0), 20);
        return Duration.ofMillis(Math.min(ms, sendRetryMax.toMillis()));
    }
}
