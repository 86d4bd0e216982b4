import io.aperture.harvester.demo.SyntheticRecords;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends synthetic records {@code [from, from+count)} to {@code POST /api/ingest/records} in batches, as the harvester
 * does (client-credentials bearer token of aperture-harvester, renewed before it expires), then waits until the
 * search index holds {@code expectIndex} documents. Prints {@code key=value} lines for ingest.sh.
 *
 * <p>The records are the harvester's {@code SyntheticRecords.BENCHMARK} (harvester/src/main/java/io/aperture/harvester/demo),
 * so the harvester's classes and classpath are on this program's classpath (lib.sh's {@code record_classpath}):
 * <pre>java -cp CLASSPATH bench/catalogue/IngestBench.java SERVER TOKEN_URL SEARCH_URL FROM COUNT BATCH CONCURRENCY EXPECT_INDEX</pre>
 */
public final class IngestBench {
    private static final Pattern STATUS = Pattern.compile("\"status\"\\s*:\\s*\"([A-Z]+)\"");

    public static void main(String[] a) throws Exception {
        String server = a[0], tokenUrl = a[1], search = a[2];
        long from = Long.parseLong(a[3]), count = Long.parseLong(a[4]);
        int batch = Integer.parseInt(a[5]), concurrency = Integer.parseInt(a[6]);
        long expectIndex = Long.parseLong(a[7]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        Token token = new Token(http, tokenUrl);
        Map<String, LongAdder> statuses = new ConcurrentHashMap<>();
        AtomicLong next = new AtomicLong(from);
        long end = from + count;
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(concurrency)) {
            Future<?>[] workers = new Future<?>[concurrency];
            for (int w = 0; w < concurrency; w++) {
                workers[w] = pool.submit(() -> {
                    long first;
                    while ((first = next.getAndAdd(batch)) < end) {
                        long last = Math.min(end, first + batch);
                        StringBuilder body = new StringBuilder(batch * 4096).append("{\"records\":[");
                        for (long i = first; i < last; i++) {
                            if (i > first) {
                                body.append(',');
                            }
                            body.append(SyntheticRecords.BENCHMARK.json(i));
                        }
                        body.append("]}");
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server + "/api/ingest/records"))
                                        .timeout(Duration.ofMinutes(5))
                                        .header("Authorization", "Bearer " + token.get())
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() != 200) {
                            throw new IllegalStateException("batch at " + first + ": HTTP " + r.statusCode() + " " + r.body());
                        }
                        Matcher m = STATUS.matcher(r.body());
                        while (m.find()) {
                            statuses.computeIfAbsent(m.group(1), k -> new LongAdder()).increment();
                        }
                        if (r.body().contains("REJECTED")) {
                            System.err.println("rejections in batch at " + first + ": " + r.body().substring(0, Math.min(2000, r.body().length())));
                        }
                    }
                    return null;
                });
            }
            for (Future<?> f : workers) {
                f.get();
            }
        }
        long tPosted = System.nanoTime();
        long indexed;
        while ((indexed = indexCount(http, search)) < expectIndex) {
            Thread.sleep(100);
        }
        long tIndexed = System.nanoTime();
        System.out.println("posted_seconds=" + (tPosted - t0) / 1e9);
        System.out.println("indexed_seconds=" + (tIndexed - t0) / 1e9);
        System.out.println("index_count=" + indexed);
        statuses.forEach((k, v) -> System.out.println("status_" + k + "=" + v.sum()));
    }

    private static long indexCount(HttpClient http, String search) throws Exception {
        // _count sees what the last refresh made searchable (refresh interval 1 s), as a searcher would
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(search + "/dataset-read/_count"))
                        .header("Authorization", System.getenv().getOrDefault("APERTURE_SEARCH_AUTHORIZATION", "")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"count\"\\s*:\\s*(\\d+)").matcher(r.body());
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** A client-credentials token, renewed a minute before it expires. */
    static final class Token {
        private final HttpClient http;
        private final String url;
        private String value;
        private long renewAt;

        Token(HttpClient http, String url) {
            this.http = http;
            this.url = url;
        }

        synchronized String get() throws Exception {
            if (value == null || System.nanoTime() > renewAt) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=aperture-harvester&client_secret="
                                + System.getenv().getOrDefault("APERTURE_HARVESTER_SECRET", "harvester-secret"))).build(),
                        HttpResponse.BodyHandlers.ofString());
                Matcher t = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
                Matcher e = Pattern.compile("\"expires_in\"\\s*:\\s*(\\d+)").matcher(r.body());
                if (!t.find() || !e.find()) {
                    throw new IllegalStateException("no token from " + url + ": " + r.body());
                }
                value = t.group(1);
                renewAt = System.nanoTime() + Duration.ofSeconds(Math.max(10, Long.parseLong(e.group(1)) - 60)).toNanos();
            }
            return value;
        }
    }
}
