package io.aperture.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** Polls an HTTP URL until it answers as expected, the process behind it dies, or the time runs out. */
final class Readiness {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Duration POLL = Duration.ofMillis(250);

    private Readiness() {
    }

    static void awaitHttp(String what, String url, Predicate<HttpResponse<String>> ready, ChildProcess process,
                          Duration timeout, Clock clock) {
        awaitHttp(what, url, Map.of(), ready, process, timeout, clock);
    }

    /** As above, each poll carrying the given request headers (an account, for a service that wants one). */
    static void awaitHttp(String what, String url, Map<String, String> headers, Predicate<HttpResponse<String>> ready,
                          ChildProcess process, Duration timeout, Clock clock) {
        Instant deadline = clock.instant().plus(timeout);
        while (clock.instant().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new StackException(what + " stopped during start-up (exit code " + process.exitValue()
                        + "); see its log: " + process.log() + lastLines(process.log()));
            }
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
                headers.forEach(request::header);
                HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (ready.test(r)) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StackException(what + ": interrupted while waiting for it to start");
            }
            sleep(POLL);
        }
        throw new StackException(what + " did not become ready within " + timeout.toSeconds() + " s; see its log: "
                + process.log());
    }

    /** The end of a log, so that the usual causes (a bad flag, a port race) show up in the message itself. */
    static String lastLines(java.nio.file.Path log) {
        try {
            List<String> lines = java.nio.file.Files.readAllLines(log).stream()
                    .filter(l -> !l.isBlank() && !l.startsWith("WARNING:") && !l.startsWith("\tat ")).toList();
            return lines.isEmpty() ? "" : "\n  last lines of the log:\n    "
                    + String.join("\n    ", lines.subList(Math.max(0, lines.size() - 6), lines.size()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted while waiting for a service to start");
        }
    }
}
