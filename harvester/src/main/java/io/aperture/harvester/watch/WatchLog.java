package io.aperture.harvester.watch;

import java.io.PrintWriter;
import java.time.Clock;

/**
 * The watcher's log: one line per event that matters (file ingested, waiting, failed, message rejected), with a
 * time stamp, on stdout; problems on stderr. Shared by the loop, the event thread and the AMQP thread.
 */
public final class WatchLog {
    private final PrintWriter out;
    private final PrintWriter err;
    private final Clock clock;

    public WatchLog(PrintWriter out, PrintWriter err, Clock clock) {
        this.out = out;
        this.err = err;
        this.clock = clock;
    }

    public synchronized void info(String line) {
        out.println(clock.instant() + " " + line);
        out.flush();
    }

    public synchronized void problem(String line) {
        err.println(clock.instant() + " " + line);
        err.flush();
    }
}
