import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.RequestOptions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;

/**
 * The floor of any HTTP service between a caller and the engine, for bench/panosc/run.sh: a Vert.x server (the HTTP
 * stack the API runs on, h2c accepted as there) that passes each request on to OpenSearch with the stack's account and
 * hands the answer's bytes back, on its event loop, parsing nothing. Measured beside the API and the raw request, it
 * shows how much of API/raw any service in between costs on this machine (one more loopback hop, two more HTTP
 * exchanges), before doing any of the API's work.
 * <p>
 * With {@code json}, it also does the least JSON work an API answering from the engine must do, with the API's Jackson:
 * the answer parsed once into a tree and each hit's {@code _source} written back as a list with its score. That bounds
 * what an API built on another client (asynchronous, one parse) could reach.
 *
 * <pre>java -cp VERTX_NETTY_AND_JACKSON_JARS Relay.java LISTEN_PORT ENGINE_URL [json]</pre>
 * The engine's account comes from APERTURE_SEARCH_AUTHORIZATION (bench/catalogue/lib.sh).
 */
public final class Relay {
    public static void main(String[] a) {
        int port = Integer.parseInt(a[0]);
        URI engine = URI.create(a[1]);
        boolean json = a.length > 2 && a[2].equals("json");
        String authorization = System.getenv("APERTURE_SEARCH_AUTHORIZATION");
        Vertx vertx = Vertx.vertx();
        HttpClient client = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(engine.getHost())
                .setDefaultPort(engine.getPort()).setKeepAlive(true).setMaxPoolSize(8));
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port)).requestHandler(in ->
                in.body().compose(body -> client.request(new RequestOptions().setMethod(in.method()).setURI(in.uri()))
                        .compose(out -> {
                            out.putHeader("Content-Type", "application/json");
                            if (authorization != null) {
                                out.putHeader("Authorization", authorization);
                            }
                            return out.send(body);
                        })
                        .compose(answer -> answer.body().map(bytes -> {
                            in.response().setStatusCode(answer.statusCode()).putHeader("Content-Type", "application/json")
                                    .end(json && answer.statusCode() == 200 ? hits(bytes) : bytes);
                            return bytes;
                        })))
                        .onFailure(e -> in.response().setStatusCode(502).end("relay: " + e)))
                .listen().onSuccess(s -> System.out.println("relay" + (json ? " (json)" : "") + " listening on " + s.actualPort()))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The engine's hits as a list of their {@code _source} objects, each with its {@code score}. */
    private static Buffer hits(Buffer answer) {
        try {
            ArrayNode out = JSON.createArrayNode();
            for (JsonNode hit : JSON.readTree(answer.getBytes()).path("hits").path("hits")) {
                ObjectNode d = hit.path("_source") instanceof ObjectNode o ? o : JSON.createObjectNode();
                d.put("score", hit.path("_score").asDouble());
                out.add(d);
            }
            return Buffer.buffer(JSON.writeValueAsBytes(out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
