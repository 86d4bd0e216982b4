import com.sun.net.httpserver.HttpServer;

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * A recording HTTP proxy for search.sh: the server talks to OpenSearch through it while the query mix is sent once,
 * and every {@code _search} request — method, path with query string, body — is appended to a file as one
 * tab-separated line. So the raw queries measured against OpenSearch are byte for byte the ones DatasetSearch sends,
 * access filter included.
 *
 * <pre>java CaptureProxy.java LISTEN_PORT TARGET_URL OUT_FILE</pre>
 */
public final class CaptureProxy {
    private static final Set<String> HOP = Set.of("connection", "content-length", "host", "transfer-encoding", "expect", "upgrade");

    public static void main(String[] a) throws Exception {
        int port = Integer.parseInt(a[0]);
        String target = a[1];
        PrintStream out = new PrintStream(new FileOutputStream(a[2], true), true, StandardCharsets.UTF_8);
        HttpClient http = HttpClient.newHttpClient();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.createContext("/", ex -> {
            try (ex) {
                byte[] body = ex.getRequestBody().readAllBytes();
                String pathAndQuery = ex.getRequestURI().getRawPath()
                        + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(target + pathAndQuery))
                        .method(ex.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(body));
                ex.getRequestHeaders().forEach((k, vs) -> {
                    if (!HOP.contains(k.toLowerCase())) {
                        vs.forEach(v -> b.header(k, v));
                    }
                });
                HttpResponse<byte[]> r = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (ex.getRequestURI().getRawPath().endsWith("/_search")) {
                    out.println(ex.getRequestMethod() + "\t" + pathAndQuery + "\t"
                            + new String(body, StandardCharsets.UTF_8).replace('\n', ' ').replace('\t', ' '));
                }
                r.headers().map().forEach((k, vs) -> {
                    if (!HOP.contains(k.toLowerCase()) && !k.startsWith(":")) {
                        vs.forEach(v -> ex.getResponseHeaders().add(k, v));
                    }
                });
                ex.sendResponseHeaders(r.statusCode(), r.body().length == 0 ? -1 : r.body().length);
                ex.getResponseBody().write(r.body());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        server.start();
        System.out.println("capture proxy on " + port);
    }
}
