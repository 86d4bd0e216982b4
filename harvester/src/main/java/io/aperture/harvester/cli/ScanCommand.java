package io.aperture.harvester.cli;

import io.aperture.harvester.health.HealthReports;
import io.aperture.harvester.ingest.Backoff;
import io.aperture.harvester.ingest.IngestClient;
import io.aperture.harvester.nexus.NexusHarvester;
import io.aperture.record.HarvestRecord;
import io.aperture.record.RecordJson;
import io.aperture.harvester.scan.FileChecksums;
import io.aperture.harvester.scan.FileOutcome;
import io.aperture.harvester.scan.ScanReport;
import io.aperture.harvester.scan.ScanRunner;
import io.aperture.harvester.scan.ScanState;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "scan", description = "Crawls directories, harvests new or changed NeXus files and posts their records.")
public final class ScanCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Directories (or files) to crawl.")
    List<Path> roots;

    @Option(names = "--state", description = "State file of files already harvested (path, size, mtime).")
    Path stateFile;

    @Option(names = "--report", description = "Write a JSON report of the scan here.")
    Path reportFile;

    @Option(names = "--dry-run", description = "Harvest only: print records as a JSON array on stdout, send nothing, keep the state.")
    boolean dryRun;

    @Mixin
    HarvestOptions options;

    @Mixin
    RunnerOptions runnerOptions;

    @Mixin
    HarvestOptions.Server serverOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Replaced by tests; production uses the system clock and real sleeping. */
    Clock clock = Clock.systemUTC();
    Backoff backoff = Backoff.standard();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (runnerOptions.problem() != null) {
            err.println("harvest scan: " + runnerOptions.problem());
            return 2;
        }
        IngestClient sink = null;
        if (!dryRun) {
            String problem = serverOptions.problem();
            if (problem != null) {
                err.println("harvest scan: " + problem + (problem.startsWith("no server") ? ", or use --dry-run" : ""));
                return 2;
            }
            sink = serverOptions.client(clock, backoff);
        }
        FileChecksums checksums;
        try {
            checksums = options.checksums();
        } catch (IllegalArgumentException e) {
            err.println("harvest scan: " + e.getMessage());
            return 2;
        }
        ScanState state;
        try {
            state = ScanState.load(stateFile);
        } catch (IOException e) {
            err.println("harvest scan: cannot read state file " + stateFile + ": " + e.getMessage());
            return 2;
        }
        ScanRunner runner = runnerOptions.runner(new NexusHarvester(options.config()).withPreviews(clock), clock, ScanRunner.DEFAULT_EXTENSIONS, checksums);
        List<HarvestRecord> printed = dryRun ? new ArrayList<>() : null;
        ScanReport report = runner.run(roots, state, sink, printed);
        if (!dryRun) {
            state.save();
            // a one-shot scan cannot keep a report for later: one the catalogue does not take is dropped, said on stderr
            HealthReports health = new HealthReports();
            health.outcomes(report.files(), report.finishedAt());
            if (!health.isEmpty()) {
                health.flush(sink).ifPresent(problem -> err.println("harvest scan: " + problem + " (dropped)"));
            }
        }
        if (reportFile != null) {
            RecordJson.mapper().writerWithDefaultPrettyPrinter().writeValue(reportFile.toFile(), report);
        }
        // In a dry run stdout carries the records, so the human summary goes to stderr.
        PrintWriter summaryOut = dryRun ? err : out;
        if (dryRun) {
            out.println(RecordJson.mapper().writeValueAsString(printed));
        }
        for (FileOutcome o : report.files()) {
            if (o.status() == FileOutcome.Status.FAILED) {
                err.println("FAILED " + o.path() + ": " + o.reason());
            } else if (o.status() == FileOutcome.Status.IN_PROGRESS) {
                summaryOut.println("IN-PROGRESS " + o.path() + ": " + o.reason());
            }
        }
        summaryOut.printf("ok %d, skipped %d, in-progress %d, failed %d; %d records sent%n",
                report.count(FileOutcome.Status.OK), report.count(FileOutcome.Status.SKIPPED),
                report.count(FileOutcome.Status.IN_PROGRESS), report.count(FileOutcome.Status.FAILED), report.recordsSent());
        out.flush();
        err.flush();
        return report.anyFailed() ? 1 : 0;
    }
}
