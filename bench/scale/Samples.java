import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Latency samples of the bench/scale programs: one timed request, and nearest-rank percentiles. */
final class Samples {
    private Samples() {
    }

    /** Sends one request; its time joins {@code samples} when the answer is HTTP 200, else it counts as an error. */
    static void send(HttpClient http, HttpRequest request, List<Long> samples, AtomicInteger errors) {
        long t = System.nanoTime();
        if (ok(http, request)) {
            samples.add(System.nanoTime() - t);
        } else {
            errors.incrementAndGet();
        }
    }

    /** Whether a request was answered with HTTP 200 (no answer at all is no). */
    static boolean ok(HttpClient http, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (Exception e) {
            return false;
        }
    }

    /** Nearest-rank percentile of nanosecond samples, in milliseconds; NaN without samples. */
    static double pct(List<Long> nanos, int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> s = new ArrayList<>(nanos);
        Collections.sort(s);
        return s.get(Math.max(0, (int) Math.ceil(p / 100.0 * s.size()) - 1)) / 1e6;
    }
}
