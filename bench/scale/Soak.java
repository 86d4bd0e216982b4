import io.aperture.harvester.demo.SyntheticRecords;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short soak of ingest and search together (issue #14): for MINUTES, one batch of BATCH synthetic records
 * (SyntheticRecords.BENCHMARK, numbered from FROM) per second through the ingest API, and two clients searching the
 * anonymous API mix of the plan with a 50 ms pause between requests. Every 15 s one CSV line: the server's resident
 * set and heap (jstat: all used, and the old generation, which grows if something leaks), ingested records/s and
 * errors, searches/s, median and p99 and errors. Bounded by MINUTES.
 *
 *   java -cp HARVESTER_CLASSPATH Soak.java SERVER TOKEN_URL PLAN MINUTES SERVER_PID FROM BATCH CSV
 */
public final class Soak {
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] a) throws Exception {
        String server = a[0], tokenUrl = a[1];
        List<String> searches = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(a[2]))) {
            String[] f = line.split("\t", -1);
            if (f.length >= 6 && f[0].equals("API anonymous")) {
                searches.add(f[3]);
            }
        }
        long end = System.nanoTime() + Duration.ofMinutes(Long.parseLong(a[3])).toNanos();
        long pid = Long.parseLong(a[4]);
        AtomicLong next = new AtomicLong(Long.parseLong(a[5]));
        int batch = Integer.parseInt(a[6]);
        Path csv = Path.of(a[7]);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        AtomicLong ingested = new AtomicLong();
        AtomicInteger ingestErrors = new AtomicInteger();
        AtomicInteger searchErrors = new AtomicInteger();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());

        Thread ingest = Thread.ofPlatform().start(() -> {
            String token = null;
            long tokenAt = 0;
            while (System.nanoTime() < end) {
                long t = System.nanoTime();
                try {
                    if (token == null || t - tokenAt > 60e9) { // tokens of the local realm live 5 minutes
                        Matcher m = TOKEN.matcher(http.send(HttpRequest.newBuilder(URI.create(tokenUrl))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=aperture-harvester&client_secret="
                                        + System.getenv().getOrDefault("APERTURE_HARVESTER_SECRET", "harvester-secret"))).build(),
                                HttpResponse.BodyHandlers.ofString()).body());
                        token = m.find() ? m.group(1) : null;
                        tokenAt = t;
                    }
                    StringBuilder body = new StringBuilder("{\"records\":[");
                    long first = next.getAndAdd(batch);
                    for (long i = first; i < first + batch; i++) {
                        body.append(i > first ? "," : "").append(SyntheticRecords.BENCHMARK.json(i));
                    }
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(server + "/api/ingest/records"))
                            .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body.append("]}").toString())).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200 || r.body().contains("REJECTED")) {
                        ingestErrors.incrementAndGet();
                    } else {
                        ingested.addAndGet(batch);
                    }
                } catch (Exception e) {
                    ingestErrors.incrementAndGet();
                }
                pause(1_000_000_000L - (System.nanoTime() - t));
            }
        });
        List<Thread> searchers = new ArrayList<>();
        for (int w = 0; w < 2; w++) {
            int offset = w;
            searchers.add(Thread.ofPlatform().start(() -> {
                for (int i = offset; System.nanoTime() < end; i++) {
                    Samples.send(http, HttpRequest.newBuilder(URI.create(searches.get(i % searches.size())))
                            .timeout(Duration.ofSeconds(10)).build(), latencies, searchErrors);
                    pause(50_000_000L);
                }
            }));
        }

        List<String> lines = new ArrayList<>(List.of("seconds,rss_mib,heap_used_mib,old_used_mib,ingest_per_s,ingest_errors,search_per_s,search_median_ms,search_p99_ms,search_errors"));
        long start = System.nanoTime();
        long lastIngested = 0;
        while (System.nanoTime() < end) {
            pause(15_000_000_000L);
            List<Long> window;
            synchronized (latencies) {
                window = new ArrayList<>(latencies);
                latencies.clear();
            }
            long now = ingested.get();
            double[] heap = heap(pid);
            String line = String.format("%.0f,%.0f,%.0f,%.0f,%.1f,%d,%.1f,%.1f,%.1f,%d", (System.nanoTime() - start) / 1e9, rss(pid),
                    heap[0], heap[1], (now - lastIngested) / 15.0, ingestErrors.getAndSet(0), window.size() / 15.0,
                    Samples.pct(window, 50), Samples.pct(window, 99), searchErrors.getAndSet(0));
            lastIngested = now;
            lines.add(line);
            System.out.println(line);
            Files.write(csv, lines);
        }
        ingest.join();
        for (Thread t : searchers) {
            t.join();
        }
    }

    private static void pause(long nanos) {
        if (nanos > 0) {
            try {
                Thread.sleep(nanos / 1_000_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static double rss(long pid) throws Exception {
        for (String l : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (l.startsWith("VmRSS:")) {
                return Long.parseLong(l.replaceAll("\\D", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }

    /** Used heap and used old generation in MiB, from {@code jstat -gc} (G1: S0U S1U EU OU). */
    private static double[] heap(long pid) throws Exception {
        Process p = new ProcessBuilder("jstat", "-gc", String.valueOf(pid)).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream()))) {
            List<String> head = List.of(r.readLine().trim().split("\\s+"));
            String[] v = r.readLine().trim().split("\\s+");
            double s0 = Double.parseDouble(v[head.indexOf("S0U")]), s1 = Double.parseDouble(v[head.indexOf("S1U")]);
            double eden = Double.parseDouble(v[head.indexOf("EU")]), old = Double.parseDouble(v[head.indexOf("OU")]);
            return new double[]{(s0 + s1 + eden + old) / 1024, old / 1024};
        }
    }
}
