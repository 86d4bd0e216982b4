package io.aperture.harvester.scan;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Machine-readable result of a scan; {@code summary} counts files by status. */
public record ScanReport(Instant startedAt, Instant finishedAt, boolean dryRun, Map<FileOutcome.Status, Long> summary,
                         int recordsSent, List<FileOutcome> files) {

    public long count(FileOutcome.Status s) {
        return summary.getOrDefault(s, 0L);
    }

    public boolean anyFailed() {
        return count(FileOutcome.Status.FAILED) > 0;
    }
}
