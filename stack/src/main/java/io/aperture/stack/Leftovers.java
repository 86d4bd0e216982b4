package io.aperture.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Service processes that a previous supervisor left running because it was killed without a chance to stop them
 * (SIGKILL, a crash). Each child process is recorded in a pid file with its start time; the next start on the same
 * data folder stops what is recorded there before it checks the ports, so a hard kill costs one slower start instead
 * of a "port in use" that the user has to chase. The start time guards against a recycled pid.
 */
final class Leftovers {
    private static final long GRACE_SECONDS = 20;

    private Leftovers() {
    }

    static void record(Path pidFile, ProcessHandle process) {
        try {
            Files.createDirectories(pidFile.getParent());
            String started = process.info().startInstant().map(Instant::toString).orElse("-");
            Files.writeString(pidFile, process.pid() + " " + started + "\n");
        } catch (IOException e) {
            System.err.println("aperture: cannot write " + pidFile + " (" + e.getMessage() + "); a hard kill of the stack"
                    + " would leave this process running");
        }
    }

    static void forget(Path pidFile) {
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException ignored) {
            // stale pid files are checked against the start time anyway
        }
    }

    /** Stops the process recorded in the pid file, with its descendants, if it is still the one recorded. */
    static void stopRecorded(Path pidFile, String what) {
        recorded(pidFile).ifPresent(p -> {
            System.err.println("aperture: stopping " + what + " (pid " + p.pid() + ") left running by an earlier stack");
            List<ProcessHandle> tree = new ArrayList<>(p.descendants().toList());
            tree.add(p);
            tree.forEach(ProcessHandle::destroy);
            awaitExit(tree);
            tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            awaitExit(tree);
        });
        forget(pidFile);
    }

    /**
     * Stops a PostgreSQL server still running on this data folder (its own postmaster.pid names it) with a fast
     * shutdown (SIGINT): SIGTERM would wait for clients that may never disconnect, SIGKILL would leave its backends
     * holding the shared memory that a new server needs.
     */
    static void stopPostgres(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readAllLines(pidFile).getFirst().strip());
            Optional<ProcessHandle> p = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                    .filter(h -> h.info().command().map(c -> c.endsWith("/postgres")).orElse(false));
            if (p.isPresent()) {
                System.err.println("aperture: stopping PostgreSQL (pid " + pid + ") left running by an earlier stack");
                new ProcessBuilder("kill", "-INT", String.valueOf(pid)).inheritIO().start().waitFor();
                awaitExit(List.of(p.get()));
                if (p.get().isAlive()) {
                    throw new StackException("PostgreSQL from an earlier run (pid " + pid + ") does not stop; stop it"
                            + " by hand: kill " + pid);
                }
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof StackException se) {
                throw se;
            }
            // unreadable or half-written pid file: PostgreSQL itself judges it on start
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The process recorded in the pid file, if it is alive and still the same one (same start time). */
    static Optional<ProcessHandle> recorded(Path pidFile) {
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String[] parts = Files.readString(pidFile).strip().split(" ");
            Optional<ProcessHandle> p = ProcessHandle.of(Long.parseLong(parts[0]));
            return p.filter(ProcessHandle::isAlive).filter(h -> parts.length > 1
                    && h.info().startInstant().map(Instant::toString).orElse("-").equals(parts[1]));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void awaitExit(List<ProcessHandle> processes) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
        for (ProcessHandle h : processes) {
            try {
                h.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                // still alive: the caller decides
            }
        }
    }
}
