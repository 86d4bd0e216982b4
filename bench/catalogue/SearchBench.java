import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A fixed-count latency client for search.sh. Reads a plan of requests (tab-separated: target, query name, method,
 * URL, bearer token or "-", body or "-"), sends every request WARMUP times, then ROUNDS times more, interleaving the
 * targets (API and raw OpenSearch, anonymous and with a token) request by request so that the machine's noise hits
 * them alike; CONCURRENCY threads pull from one queue. Every answer must be HTTP 200. Prints a Markdown table of
 * median and p99 per target, overall and per query. Consecutive rows of one target and query are one operation, sent one
 * after the other and timed together: the engine requests one API search makes (a facet selection adds one per
 * selected facet, run in turn by the server).
 *
 * <pre>java SearchBench.java PLAN WARMUP ROUNDS CONCURRENCY</pre>
 * With {@code BENCH_HTTP=1.1} every target is asked over HTTP/1.1, as a Node.js client such as the PaNOSC aggregator
 * asks; by default the JDK's client upgrades cleartext connections to HTTP/2, for the API and the engine alike.
 */
public final class SearchBench {
    record Req(String target, String query, String method, String url, String token, String body) {}

    /** Requests timed as one: what one search costs. */
    record Op(List<Req> reqs) {
        String target() {
            return reqs.getFirst().target();
        }

        String query() {
            return reqs.getFirst().query();
        }
    }

    record Sample(Op req, long nanos) {}

    public static void main(String[] a) throws Exception {
        List<Op> plan = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(a[0]))) {
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            Req req = new Req(f[0], f[1], f[2], f[3], f[4], f[5]);
            if (!plan.isEmpty() && plan.getLast().target().equals(req.target()) && plan.getLast().query().equals(req.query())) {
                plan.getLast().reqs().add(req);
            } else {
                plan.add(new Op(new ArrayList<>(List.of(req))));
            }
        }
        int warmup = Integer.parseInt(a[1]), rounds = Integer.parseInt(a[2]), concurrency = Integer.parseInt(a[3]);
        // BENCH_HTTP=1.1: every target over HTTP/1.1 (else the JDK's default: HTTP/2, upgraded from cleartext)
        HttpClient.Version version = "1.1".equals(System.getenv("BENCH_HTTP")) ? HttpClient.Version.HTTP_1_1
                : HttpClient.Version.HTTP_2;
        HttpClient http = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(10)).build();
        run(http, plan, warmup, concurrency);
        List<Sample> samples = run(http, plan, rounds, concurrency);

        Map<String, List<Long>> byTarget = new LinkedHashMap<>();
        Map<String, Map<String, List<Long>>> byQuery = new LinkedHashMap<>();
        for (Op r : plan) {
            byTarget.computeIfAbsent(r.target(), k -> new ArrayList<>());
            byQuery.computeIfAbsent(r.query(), k -> new LinkedHashMap<>()).computeIfAbsent(r.target(), k -> new ArrayList<>());
        }
        for (Sample s : samples) {
            byTarget.get(s.req().target()).add(s.nanos());
            byQuery.get(s.req().query()).get(s.req().target()).add(s.nanos());
        }
        List<String> targets = new ArrayList<>(byTarget.keySet());
        StringBuilder out = new StringBuilder();
        out.append("| query | ");
        targets.forEach(t -> out.append(t).append(" median / p99 ms | "));
        out.append("\n|---|");
        targets.forEach(t -> out.append("---|"));
        out.append('\n');
        out.append("| **whole mix** | ");
        targets.forEach(t -> out.append(cell(byTarget.get(t))).append(" | "));
        out.append('\n');
        byQuery.forEach((q, m) -> {
            out.append("| ").append(q).append(" | ");
            targets.forEach(t -> out.append(m.containsKey(t) ? cell(m.get(t)) : "").append(" | "));
            out.append('\n');
        });
        System.out.print(out);
        System.out.println();
        for (String t : targets) {
            System.out.printf("median_ms.%s=%.2f%n", t.replace(' ', '_'), pct(byTarget.get(t), 50));
            System.out.printf("p99_ms.%s=%.2f%n", t.replace(' ', '_'), pct(byTarget.get(t), 99));
            System.out.printf("count.%s=%d%n", t.replace(' ', '_'), byTarget.get(t).size());
        }
    }

    private static List<Sample> run(HttpClient http, List<Op> plan, int rounds, int concurrency) throws Exception {
        ConcurrentLinkedQueue<Op> queue = new ConcurrentLinkedQueue<>();
        for (int r = 0; r < rounds; r++) {
            queue.addAll(plan);
        }
        List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                fs.add(pool.submit(() -> {
                    Op op;
                    while ((op = queue.poll()) != null) {
                        long t = 0;
                        for (Req r : op.reqs()) {
                            t += send(http, r);
                        }
                        samples.add(new Sample(op, t));
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
        return samples;
    }

    /** One request's time in nanoseconds; anything but HTTP 200 stops the benchmark. */
    private static long send(HttpClient http, Req r) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(r.url())).timeout(Duration.ofSeconds(60));
        if (!r.token().equals("-")) {
            b.header("Authorization", "Bearer " + r.token());
        } else if (r.target().startsWith("raw") && System.getenv("APERTURE_SEARCH_AUTHORIZATION") != null) {
            b.header("Authorization", System.getenv("APERTURE_SEARCH_AUTHORIZATION")); // the engine's account (lib.sh)
        }
        if (r.method().equals("POST")) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(r.body()));
        } else {
            b.GET();
        }
        HttpRequest req = b.build();
        long t0 = System.nanoTime();
        HttpResponse<byte[]> resp = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        long t = System.nanoTime() - t0;
        if (resp.statusCode() != 200) {
            throw new IllegalStateException(r.target() + " " + r.query() + ": HTTP " + resp.statusCode() + " "
                    + new String(resp.body()).substring(0, Math.min(500, resp.body().length)));
        }
        return t;
    }

    private static String cell(List<Long> l) {
        return String.format("%.1f / %.1f", pct(l, 50), pct(l, 99));
    }

    /** Nearest-rank percentile, in milliseconds. */
    private static double pct(List<Long> l, int p) {
        List<Long> s = new ArrayList<>(l);
        Collections.sort(s);
        int rank = (int) Math.ceil(p / 100.0 * s.size());
        return s.get(Math.max(0, rank - 1)) / 1e6;
    }
}
