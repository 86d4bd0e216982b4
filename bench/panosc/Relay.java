import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.RequestOptions;

import java.net.URI;

/**
 * The floor of any HTTP service between a caller and the engine, for bench/panosc/run.sh: a Vert.x server (the HTTP
 * stack the API runs on, h2c accepted as there) that passes each request on to OpenSearch with the stack's account and
 * hands the answer's bytes back, on its event loop, parsing nothing. Measured beside the API and the raw request, it
 * shows how much of API/raw any service in between costs on this machine (one more loopback hop, two more HTTP
 * exchanges), before doing any of the API's work.
 *
 * <pre>java -cp VERTX_AND_NETTY_JARS Relay.java LISTEN_PORT ENGINE_URL</pre>
 * The engine's account comes from APERTURE_SEARCH_AUTHORIZATION (bench/catalogue/lib.sh).
 */
public final class Relay {
    public static void main(String[] a) {
        int port = Integer.parseInt(a[0]);
        URI engine = URI.create(a[1]);
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
                                    .end(bytes);
                            return bytes;
                        })))
                        .onFailure(e -> in.response().setStatusCode(502).end("relay: " + e)))
                .listen().onSuccess(s -> System.out.println("relay listening on " + s.actualPort()))
                .onFailure(e -> {
                    e.printStackTrace();
                    System.exit(1);
                });
    }
}
