package io.aperture.harvester.cli;

import java.util.concurrent.TimeUnit;
import io.aperture.harvester.ingest.Backoff;
import io.aperture.harvester.ingest.IngestClient;
import io.aperture.harvester.nexus.NexusHarvester;
import io.aperture.harvester.scan.FileChecksums;
import io.aperture.harvester.scan.HarvestFolders;
import io.aperture.harvester.scan.ScanRunner;
import io.aperture.harvester.scan.ScanState;
import io.aperture.harvester.watch.AcceptedFolders;
import io.aperture.harvester.watch.AmqpScanListener;
import io.aperture.harvester.watch.DirectoryEvents;
import io.aperture.harvester.watch.PendingFiles;
import io.aperture.harvester.watch.WatchLog;
import io.aperture.harvester.watch.WatchLoop;
import io.aperture.harvester.watch.WatchSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

@Command(name = "watch", description = {
        "Runs until stopped: harvests new and changed NeXus files in the folders (filesystem events and periodic rescans)",
        "and the files named by 'scan finished' AMQP messages, waiting for files still being written."})
public final class WatchCommand implements Callable<Integer> {

    @Parameters(arity = "0..*", paramLabel = "DIR", description = "Folders to watch (may be left out with --amqp-url).")
    List<Path> roots = List.of();

    @Option(names = "--state", description = "State file of files already harvested (path, size, mtime); saved after every round.")
    Path stateFile;

    @Option(names = "--rescan", defaultValue = "PT5M", description = "Time between full rescans (ISO-8601 duration, default ${DEFAULT-VALUE}).")
    Duration rescan;

    @Option(names = "--no-events", description = "No filesystem events, rescans only (NFS, GPFS and other file systems without inotify).")
    boolean noEvents;

    @Option(names = "--settle", defaultValue = "PT2S", description = "Wait after a file's last filesystem event (default ${DEFAULT-VALUE}).")
    Duration settle;

    @Option(names = "--recheck", defaultValue = "PT1M", description = "Wait before a file still being written is looked at again (default ${DEFAULT-VALUE}).")
    Duration recheck;

    @Option(names = "--retry", defaultValue = "PT10S", description = "First wait before records that could not be delivered are sent again; doubles (default ${DEFAULT-VALUE}).")
    Duration retry;

    @Option(names = "--retry-max", defaultValue = "PT10M", description = "Longest wait between delivery attempts (default ${DEFAULT-VALUE}).")
    Duration retryMax;

    @Option(names = "--amqp-url", defaultValue = "${env:APERTURE_AMQP_URL}",
            description = "Listen for 'scan finished' messages: amqp://host:port or amqps://host:port (env APERTURE_AMQP_URL).")
    String amqpUrl;

    @Option(names = "--amqp-queue", defaultValue = "aperture.scans", description = "Queue of 'scan finished' messages (default ${DEFAULT-VALUE}).")
    String amqpQueue;

    @Option(names = "--accept-under", paramLabel = "DIR", split = ":", defaultValue = "${env:APERTURE_ACCEPT_UNDER}",
            description = {"Folders a 'scan finished' message may name files in, besides the watched folders; ':' separates",
                    "several (env APERTURE_ACCEPT_UNDER). A message naming a file elsewhere is rejected to the dead letters."})
    List<Path> acceptUnder = List.of();

    @Option(names = "--amqp-user", defaultValue = "${env:APERTURE_AMQP_USER}", description = "AMQP user (env APERTURE_AMQP_USER).")
    String amqpUser;

    @Option(names = "--amqp-password", defaultValue = "${env:APERTURE_AMQP_PASSWORD}", description = "AMQP password (env APERTURE_AMQP_PASSWORD).")
    String amqpPassword;

    @Mixin
    HarvestOptions options;

    @Mixin
    RunnerOptions runnerOptions;

    @Mixin
    HarvestOptions.Server serverOptions;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Replaced by tests: a clock they move, no real sleeping in the ingest backoff, short waits, no JVM hook. */
    Clock clock = Clock.systemUTC();
    Backoff backoff = Backoff.standard();
    Duration maxWait = Duration.ofSeconds(1);
    boolean shutdownHook = true;

    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile WatchLoop loop;
    private volatile AmqpScanListener listener;
    private volatile DirectoryEvents events;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String usage = usageProblem();
        if (usage != null) {
            err.println("harvest watch: " + usage);
            err.flush();
            return 2;
        }
        FileChecksums checksums;
        AmqpScanListener.Endpoint amqp = null;
        try {
            checksums = options.checksums();
            if (amqpUrl != null && !amqpUrl.isBlank()) {
                amqp = AmqpScanListener.Endpoint.parse(amqpUrl, amqpQueue, amqpUser, amqpPassword);
            }
        } catch (IllegalArgumentException e) {
            err.println("harvest watch: " + e.getMessage());
            err.flush();
            return 2;
        }
        ScanState state;
        try {
            state = ScanState.load(stateFile);
        } catch (IOException e) {
            err.println("harvest watch: cannot read state file " + stateFile + ": " + e.getMessage());
            err.flush();
            return 2;
        }
        IngestClient sink = serverOptions.client(clock, backoff);
        WatchSettings settings = new WatchSettings(rescan, settle, recheck, retry, retryMax, ScanRunner.DEFAULT_EXTENSIONS);
        WatchLog log = new WatchLog(out, err, clock);
        // files come one by one (events, rescans, messages): each must really lie below a watched or accepted folder
        ScanRunner runner = runnerOptions.runner(new NexusHarvester(options.config()).withPreviews(clock), clock, settings.extensions(), checksums)
                .confinedTo(new HarvestFolders(acceptedFolders().folders()));
        loop = new WatchLoop(roots, runner, state, sink, new PendingFiles(), clock, settings, log, maxWait);
        loop.reportHealthTo(sink);
        Thread hook = new Thread(this::stop, "harvest-watch-shutdown");
        try {
            if (!noEvents && !roots.isEmpty()) {
                events = new DirectoryEvents(roots, loop, clock, settings, log);
                events.start();
            }
            if (amqp != null) {
                listener = new AmqpScanListener(amqp, loop, acceptedFolders(), clock, log);
                listener.start();
            }
            if (shutdownHook) {
                Runtime.getRuntime().addShutdownHook(hook); // SIGTERM and Ctrl-C: finish the round, save, close
            }
            log.info("watching " + roots.size() + " folders" + (events != null ? " (events on " + events.folders()
                    + " folders)" : " (rescans only)") + ", rescan every " + rescan.toSeconds() + " s"
                    + (amqp != null ? ", messages from " + amqp : ""));
            ready.countDown();
            loop.run();
        } finally {
            ready.countDown();
            closeSources();
            if (shutdownHook) {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // already shutting down: the hook is running
                }
            }
        }
        return 0;
    }

    private AcceptedFolders acceptedFolders() {
        // an unset or empty APERTURE_ACCEPT_UNDER must not turn into "" = the working folder
        List<Path> extra = acceptUnder == null ? List.of() : acceptUnder.stream().filter(p -> !p.toString().isBlank()).toList();
        return new AcceptedFolders(Stream.concat(roots.stream(), extra.stream()).toList());
    }

    private String usageProblem() {
        boolean messages = amqpUrl != null && !amqpUrl.isBlank();
        if (roots.isEmpty() && !messages) {
            return "nothing to watch: give folders, or --amqp-url to listen for 'scan finished' messages";
        }
        if (messages && acceptedFolders().folders().isEmpty()) {
            return "--amqp-url needs the folders messages may name files in: watched folders or --accept-under DIR";
        }
        if (runnerOptions.problem() != null) {
            return runnerOptions.problem();
        }
        for (Duration d : List.of(rescan, recheck, retry, retryMax)) {
            if (d.isNegative() || d.isZero()) {
                return "--rescan, --recheck, --retry and --retry-max must be positive durations";
            }
        }
        if (settle.isNegative()) {
            return "--settle must not be negative";
        }
        return serverOptions.problem();
    }

    /**
     * Stops the watcher as SIGTERM does: the current round may finish for up to 5 s (then it is interrupted; a file
     * not yet accepted is simply not marked done), the state is saved, the message listener and events close.
     */
    public void stop() {
        WatchLoop l = loop;
        if (l != null) {
            try {
                l.stop(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeSources();
    }

    private void closeSources() {
        AmqpScanListener a = listener;
        if (a != null) {
            a.close();
        }
        DirectoryEvents e = events;
        if (e != null) {
            try {
                e.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    /** For tests: waits until the watcher runs. */
    boolean awaitReady(Duration d) throws InterruptedException {
        return ready.await(d.toMillis(), TimeUnit.MILLISECONDS);
    }

    WatchLoop loop() {
        return loop;
    }

    AmqpScanListener listener() {
        return listener;
    }
}
