package io.aperture.harvester.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.harvester.hdf5.UnusableFileException;
import io.aperture.harvester.nexus.NexusHarvester;
import io.aperture.record.HarvestRecord;
import io.aperture.record.RecordJson;
import io.aperture.harvester.scan.FileChecksums;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "file", description = "Harvests one file and prints its records as a JSON array.")
public final class FileCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "NeXus/HDF5 file")
    Path file;

    @Option(names = "--dry-run", description = "Print the records instead of posting them (the only mode for single files).")
    boolean dryRun;

    @Option(names = "--pretty", description = "Indent the JSON.")
    boolean pretty;

    @Mixin
    HarvestOptions options;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    /** Replaced by tests; production uses the system clock. */
    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            FileChecksums checksums;
            try {
                checksums = options.checksums();
            } catch (IllegalArgumentException e) {
                err.println("harvest file: " + e.getMessage());
                err.flush();
                return 2;
            }
            List<HarvestRecord> records = new NexusHarvester(options.config()).withPreviews(clock).harvest(file);
            if (checksums != null) {
                records = checksums.apply(records);
            }
            ObjectMapper m = RecordJson.mapper();
            out.println(pretty ? m.writerWithDefaultPrettyPrinter().writeValueAsString(records) : m.writeValueAsString(records));
            out.flush();
            return 0;
        } catch (UnusableFileException e) {
            err.println("harvest: " + e.getMessage());
            err.flush();
            return 2;
        }
    }
}
