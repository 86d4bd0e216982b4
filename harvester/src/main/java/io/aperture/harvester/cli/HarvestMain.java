package io.aperture.harvester.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: {@code harvest file F --dry-run}, {@code harvest scan DIR...}, {@code harvest watch DIR...} and {@code harvest check FILE...}. */
@Command(name = "harvest", mixinStandardHelpOptions = true, version = "aperture-harvester 0.1.0",
        description = "Harvests NeXus/HDF5 metadata into Aperture catalogue records.",
        subcommands = {FileCommand.class, ScanCommand.class, WatchCommand.class, CheckCommand.class, DemoCommand.class})
public final class HarvestMain implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: file, scan, watch or check");
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs without exiting, for tests. */
    public static int run(String... args) {
        return new CommandLine(new HarvestMain()).execute(args);
    }
}
