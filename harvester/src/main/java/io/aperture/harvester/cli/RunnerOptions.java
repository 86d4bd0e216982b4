package io.aperture.harvester.cli;

import io.aperture.harvester.nexus.NexusHarvester;
import io.aperture.harvester.scan.FileChecksums;
import io.aperture.harvester.scan.InProgressCheck;
import io.aperture.harvester.scan.ScanRunner;
import picocli.CommandLine.Option;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/** How files are harvested and sent, the same for {@code scan} and {@code watch}. */
public class RunnerOptions {
    @Option(names = "--quiet-period", defaultValue = "PT10M", description = "A file without end_time modified this recently is in progress (ISO-8601 duration, default ${DEFAULT-VALUE}).")
    Duration quietPeriod;

    @Option(names = "--file-timeout", defaultValue = "PT60S", description = "Per-file time limit (default ${DEFAULT-VALUE}).")
    Duration fileTimeout;

    @Option(names = "--batch-size", defaultValue = "500", description = "Records per POST, at most 500 (default ${DEFAULT-VALUE}).")
    int batchSize;

    @Option(names = "--threads", description = "Files harvested in parallel (default: number of processors, at most 8).")
    Integer threads;

    /** What is wrong with these options, or null. */
    String problem() {
        return batchSize < 1 || batchSize > 500 ? "--batch-size must be between 1 and 500" : null;
    }

    ScanRunner runner(NexusHarvester harvester, Clock clock, Set<String> extensions, FileChecksums checksums) {
        return new ScanRunner(harvester, new InProgressCheck(clock, quietPeriod), clock, fileTimeout, batchSize, extensions,
                threads != null ? threads : Math.min(8, Runtime.getRuntime().availableProcessors()), checksums);
    }
}
