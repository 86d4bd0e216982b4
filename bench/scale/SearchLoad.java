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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Anonymous search at rising concurrency (issue #14): the anonymous query mix of search-load.sh's plan (the API
 * requests, and the very engine requests each one made, recorded by a capture proxy; a query that made two engine
 * requests is one operation of two requests sent one after the other), sent closed-loop by
 * CONCURRENCY clients for SECONDS at each level — first through the API, then straight to OpenSearch, in the same run.
 * Per level and target: completed requests per second, median and p99 (nearest rank), errors (not HTTP 200, or no
 * answer within 10 s). Then the highest rate with p99 ≤ 300 ms and no errors, for each, and their ratio. Bounded by
 * the levels × 2 × (SECONDS + 3 s warm-up).
 *
 *   java SearchLoad.java PLAN SECONDS "1 2 4 8 16 32"
 */
public final class SearchLoad {
    /** {@code engine}: straight to the search engine, with its account (lib.sh's APERTURE_SEARCH_AUTHORIZATION). */
    record Req(String method, String url, String body, boolean engine) {}

    record Level(int concurrency, double rate, double median, double p99, int errors) {}

    public static void main(String[] a) throws Exception {
        // one operation per query: the API request, or the engine requests that request made, sent one after the other
        Map<String, List<Req>> api = new LinkedHashMap<>();
        Map<String, List<Req>> raw = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of(a[0]))) {
            String[] f = line.split("\t", -1);
            if (f.length < 6 || !f[0].endsWith("anonymous")) {
                continue;
            }
            (f[0].startsWith("API") ? api : raw).computeIfAbsent(f[1], k -> new ArrayList<>()).add(new Req(f[2], f[3], f[5], !f[0].startsWith("API")));
        }
        int seconds = Integer.parseInt(a[1]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Level> apiLevels = new ArrayList<>();
        List<Level> rawLevels = new ArrayList<>();
        System.out.printf("| concurrency | API req/s | API median / p99 ms | API errors | OpenSearch req/s | OpenSearch median / p99 ms | OpenSearch errors |%n");
        System.out.printf("|---|---|---|---|---|---|---|%n");
        for (String c : a[2].trim().split("\\s+")) {
            int concurrency = Integer.parseInt(c);
            Level x = level(http, List.copyOf(api.values()), concurrency, seconds);
            Level y = level(http, List.copyOf(raw.values()), concurrency, seconds);
            apiLevels.add(x);
            rawLevels.add(y);
            System.out.printf("| %d | %.0f | %.1f / %.1f | %d | %.0f | %.1f / %.1f | %d |%n", concurrency, x.rate(), x.median(),
                    x.p99(), x.errors(), y.rate(), y.median(), y.p99(), y.errors());
        }
        double bestApi = best(apiLevels), bestRaw = best(rawLevels);
        System.out.printf("%nbest_api_rate=%.0f%nbest_raw_rate=%.0f%nratio=%.2f%n", bestApi, bestRaw, bestRaw == 0 ? 0 : bestApi / bestRaw);
    }

    /** The highest rate of a level with p99 ≤ 300 ms and no error. */
    private static double best(List<Level> levels) {
        return levels.stream().filter(l -> l.p99() <= 300 && l.errors() == 0).mapToDouble(Level::rate).max().orElse(0);
    }

    private static Level level(HttpClient http, List<List<Req>> mix, int concurrency, int seconds) throws Exception {
        run(http, mix, concurrency, 3, Collections.synchronizedList(new ArrayList<>()), new AtomicInteger()); // warm-up, not counted
        List<Long> samples = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long t0 = System.nanoTime();
        run(http, mix, concurrency, seconds, samples, errors);
        double elapsed = (System.nanoTime() - t0) / 1e9;
        return new Level(concurrency, samples.size() / elapsed, Samples.pct(samples, 50), Samples.pct(samples, 99), errors.get());
    }

    private static void run(HttpClient http, List<List<Req>> mix, int concurrency, int seconds, List<Long> samples,
                            AtomicInteger errors) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                int offset = w;
                fs.add(pool.submit(() -> {
                    for (int i = offset; System.nanoTime() < end; i++) {
                        long t = System.nanoTime();
                        boolean ok = true;
                        for (Req r : mix.get(i % mix.size())) {
                            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(r.url())).timeout(Duration.ofSeconds(10));
                            if (r.engine() && System.getenv("APERTURE_SEARCH_AUTHORIZATION") != null) {
                                b.header("Authorization", System.getenv("APERTURE_SEARCH_AUTHORIZATION"));
                            }
                            if (r.method().equals("POST")) {
                                b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(r.body()));
                            }
                            ok &= Samples.ok(http, b.build());
                        }
                        if (ok) {
                            samples.add(System.nanoTime() - t);
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        }
    }
}
