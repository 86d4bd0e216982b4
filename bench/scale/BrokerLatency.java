import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpSender;
import io.vertx.core.Vertx;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Broker message → searchable latency (issue #14). Copies N real NeXus files (examples/nexus, cycled) into fresh
 * folders, sends one durable "scan finished" message per file to the scan queue at a fixed rate, and polls every
 * 100 ms: PostgreSQL for the datasets catalogued from those files, OpenSearch for which of their pids a search finds.
 * A file's latency runs from just before its message was sent to the moment the last of its datasets was found in
 * the index. Bounded: stops after TIMEOUT seconds whatever happened. Prints key=value lines and a Markdown row.
 *
 *   java -cp HARVESTER_CLASSPATH:POSTGRES_JAR BrokerLatency.java ROOT EXAMPLES N RATE AMQP_HOST AMQP_PORT USER PASSWORD
 *        JDBC_URL DB_USER DB_PASSWORD SEARCH_URL TIMEOUT_SECONDS
 */
public final class BrokerLatency {
    private static final List<String> FILES = List.of("dls_i13_24888.nxs", "isis_loq_minimal_histogram.nxs",
            "savu_24737_processed.nxs", "savu_b16_pipeline.nxs", "savu_fluo.nxs");
    private static final Pattern PID = Pattern.compile("\"pid\"\\s*:\\s*\"([^\"]+)\"");

    public static void main(String[] a) throws Exception {
        Path root = Path.of(a[0]);
        Path examples = Path.of(a[1]);
        int n = Integer.parseInt(a[2]);
        double rate = Double.parseDouble(a[3]);
        String jdbc = a[8], dbUser = a[9], dbPassword = a[10], search = a[11];
        long timeoutNanos = TimeUnit.SECONDS.toNanos(Long.parseLong(a[12]));

        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path dir = Files.createDirectories(root.resolve("visit-" + (i / FILES.size())));
            Path f = Files.copy(examples.resolve(FILES.get(i % FILES.size())), dir.resolve(FILES.get(i % FILES.size())));
            // written a while ago: a file modified just now is taken for one still being written
            Files.setLastModifiedTime(f, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
            files.add(f);
        }

        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, String> pathOfPid = new ConcurrentHashMap<>();
        Map<String, Long> dbAt = new ConcurrentHashMap<>();
        Map<String, Long> foundAt = new ConcurrentHashMap<>();
        long start = System.nanoTime();
        HttpClient http = HttpClient.newHttpClient();

        Thread poller = Thread.ofPlatform().daemon().start(() -> {
            try (Connection c = DriverManager.getConnection(jdbc, dbUser, dbPassword);
                 PreparedStatement ps = c.prepareStatement("SELECT pid, source_path FROM dataset WHERE source_path LIKE ?")) {
                ps.setString(1, root + "/%");
                while (!Thread.currentThread().isInterrupted()) {
                    long now = System.nanoTime();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            if (pathOfPid.putIfAbsent(rs.getString(1), rs.getString(2)) == null) {
                                dbAt.put(rs.getString(1), now);
                            }
                        }
                    }
                    List<String> waiting = pathOfPid.keySet().stream().filter(p -> !foundAt.containsKey(p)).toList();
                    if (!waiting.isEmpty()) {
                        String body = "{\"size\": 10000, \"_source\": [\"pid\"], \"query\": {\"terms\": {\"pid\": ["
                                + String.join(",", waiting.stream().map(p -> "\"" + p + "\"").toList()) + "]}}}";
                        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(search + "/dataset-read/_search"))
                                .header("Authorization", System.getenv().getOrDefault("APERTURE_SEARCH_AUTHORIZATION", ""))
                                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        long seen = System.nanoTime();
                        Matcher m = PID.matcher(r.body());
                        while (m.find()) {
                            foundAt.putIfAbsent(m.group(1), seen);
                        }
                    }
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                // done
            } catch (Exception e) {
                e.printStackTrace();
            }
        });

        Vertx vertx = Vertx.vertx();
        AmqpClient client = AmqpClient.create(vertx, new AmqpClientOptions().setHost(a[4]).setPort(Integer.parseInt(a[5]))
                .setUsername(a[6]).setPassword(a[7]));
        AmqpConnection conn = client.connect().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        AmqpSender sender = conn.createSender("aperture.scans").toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        long sendStart = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long due = sendStart + (long) (i * 1e9 / rate);
            long wait = due - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            String path = files.get(i).toString();
            sentAt.put(path, System.nanoTime());
            sender.sendWithAck(AmqpMessage.create().durable(true)
                            .withBody("{\"event\": \"scan-finished\", \"path\": \"" + path + "\"}").build())
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        }
        long sendEnd = System.nanoTime();
        conn.close();
        vertx.close();

        // done: every file has a dataset, every dataset is found, and nothing new for 3 s
        long lastChange = System.nanoTime();
        int lastCount = -1;
        while (System.nanoTime() - start < timeoutNanos) {
            Set<String> catalogued = new java.util.HashSet<>(pathOfPid.values());
            int count = pathOfPid.size() + foundAt.size();
            if (count != lastCount) {
                lastCount = count;
                lastChange = System.nanoTime();
            }
            if (catalogued.size() == n && foundAt.size() == pathOfPid.size() && System.nanoTime() - lastChange > 3e9) {
                break;
            }
            Thread.sleep(200);
        }
        poller.interrupt();

        Map<String, Long> fileSearchable = new HashMap<>();
        Map<String, Long> fileInDb = new HashMap<>();
        Map<String, Integer> entries = new HashMap<>();
        pathOfPid.forEach((pid, path) -> {
            entries.merge(path, 1, Integer::sum);
            fileInDb.merge(path, dbAt.get(pid), Math::max);
            Long f = foundAt.get(pid);
            fileSearchable.merge(path, f == null ? Long.MAX_VALUE : f, Math::max);
        });
        List<Long> latency = new ArrayList<>();
        List<Long> toDb = new ArrayList<>();
        int missing = 0;
        for (Path f : files) {
            String p = f.toString();
            Long s = fileSearchable.get(p);
            if (s == null || s == Long.MAX_VALUE) {
                missing++;
                continue;
            }
            latency.add(s - sentAt.get(p));
            toDb.add(fileInDb.get(p) - sentAt.get(p));
        }
        // each copy of one example file must give the same number of datasets: a file catalogued twice would not
        Map<String, Set<Integer>> perName = new TreeMap<>();
        entries.forEach((path, count) -> perName.computeIfAbsent(Path.of(path).getFileName().toString(), k -> new java.util.TreeSet<>()).add(count));
        boolean once = perName.values().stream().allMatch(s -> s.size() == 1);
        long lastFound = foundAt.values().stream().mapToLong(Long::longValue).max().orElse(sendStart);
        System.out.printf("files=%d%nmissing=%d%ndatasets=%d%neach_once=%s%nentries_per_file=%s%n", n, missing,
                pathOfPid.size(), once, perName);
        System.out.printf("send_seconds=%.1f%nsearchable_all_seconds=%.1f%nfiles_per_second=%.1f%n", (sendEnd - sendStart) / 1e9,
                (lastFound - sendStart) / 1e9, (n - missing) / ((lastFound - sendStart) / 1e9));
        System.out.printf("db_median_ms=%.0f%ndb_p99_ms=%.0f%n", Samples.pct(toDb, 50), Samples.pct(toDb, 99));
        System.out.printf("searchable_median_ms=%.0f%nsearchable_p90_ms=%.0f%nsearchable_p99_ms=%.0f%nsearchable_max_ms=%.0f%n",
                Samples.pct(latency, 50), Samples.pct(latency, 90), Samples.pct(latency, 99), Samples.pct(latency, 100));
        System.exit(missing == 0 && once ? 0 : 1);
    }
}
