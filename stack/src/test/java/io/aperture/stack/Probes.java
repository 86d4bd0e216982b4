package io.aperture.stack;

import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.ConnectionOptions;
import org.apache.qpid.protonj2.client.Delivery;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Receiver;
import org.apache.qpid.protonj2.client.ReceiverOptions;
import org.apache.qpid.protonj2.client.Sender;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Talks to the running services the way Aperture's own code will: HTTP, OAuth 2.0 token requests, AMQP. */
final class Probes {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Probes() {
    }

    static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> send(String method, String url, String json) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A request to the stack's OpenSearch node, with its account; {@code json} null: no body. */
    static HttpResponse<String> search(StackEndpoints e, String method, String path, String json) throws Exception {
        return search(e.searchHosts(), e.searchCredentials().authorization(), method, path, json);
    }

    /** A request to an OpenSearch node with the given Authorization header (null: none). */
    static HttpResponse<String> search(String host, String authorization, String method, String path, String json)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://" + host + path)).timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The decoded payload (JSON text) of the access token the realm's token endpoint returns for this form. */
    static String accessTokenClaims(String issuer, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new AssertionError("token request failed: HTTP " + r.statusCode() + " " + r.body());
        }
        var m = java.util.regex.Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"").matcher(r.body());
        if (!m.find()) {
            throw new AssertionError("no access_token in " + r.body());
        }
        String[] parts = m.group(1).split("\\.");
        return new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
    }

    /** Sends as the acquisition side does, with the sender's account. */
    static void sendAmqp(StackEndpoints e, String address, String text) throws Exception {
        sendAmqp(e, e.amqpAccounts().senderUser(), e.amqpAccounts().senderPassword(), address, text);
    }

    static void sendAmqp(StackEndpoints e, String user, String password, String address, String text) throws Exception {
        try (Client client = Client.create(); Connection c = connect(client, e, user, password); Sender s = c.openSender(address)) {
            // durable: a non-durable AMQP message (the default) is not written to the journal and would not survive a restart
            s.send(Message.create(text).durable(true)).awaitSettlement(10, TimeUnit.SECONDS);
        }
    }

    /** The body of the next message on the address, or null if none arrives within the wait. */
    static String receiveAmqp(StackEndpoints e, String address, Duration wait) throws Exception {
        return receiveAmqp(e, e.amqpAccounts().harvesterUser(), e.amqpAccounts().harvesterPassword(), address, wait);
    }

    static String receiveAmqp(StackEndpoints e, String user, String password, String address, Duration wait) throws Exception {
        try (Client client = Client.create(); Connection c = connect(client, e, user, password);
             Receiver r = c.openReceiver(address)) {
            Delivery d = r.receive(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (d == null) {
                return null;
            }
            Object body = d.message().body();
            d.accept();
            return String.valueOf(body);
        }
    }

    /** Takes one message and rejects it, as a consumer does with a malformed one. */
    static String rejectAmqp(StackEndpoints e, String address, Duration wait) throws Exception {
        // auto-accept (the client's default) would settle the delivery before we could reject it
        try (Client client = Client.create(); Connection c = connect(client, e, e.amqpAccounts().harvesterUser(),
                e.amqpAccounts().harvesterPassword()); Receiver r = c.openReceiver(address, new ReceiverOptions().autoAccept(false))) {
            Delivery d = r.receive(wait.toMillis(), TimeUnit.MILLISECONDS);
            if (d == null) {
                return null;
            }
            Object body = d.message().body();
            d.reject("aperture:malformed", "not a scan-finished message");
            return String.valueOf(body);
        }
    }

    /** A receiver on an address, attached when this returns: on a multicast address, a subscription from now on. */
    static Subscription subscribe(StackEndpoints e, String user, String password, String address) throws Exception {
        Client client = Client.create();
        try {
            Connection c = connect(client, e, user, password);
            Receiver r = c.openReceiver(address);
            r.openFuture().get(10, TimeUnit.SECONDS);
            return new Subscription(client, r);
        } catch (Exception ex) {
            client.close();
            throw ex;
        }
    }

    record Subscription(Client client, Receiver receiver) implements AutoCloseable {
        /** The next message's body, or null if none arrives within the wait. */
        String next(Duration wait) throws Exception {
            Delivery d = receiver.receive(wait.toMillis(), TimeUnit.MILLISECONDS);
            return d == null ? null : String.valueOf(d.message().body());
        }

        @Override
        public void close() {
            client.close();
        }
    }

    /** A connection that is open (or refused) when this returns; a null user connects anonymously. */
    static Connection connect(Client client, StackEndpoints e, String user, String password) throws Exception {
        ConnectionOptions o = new ConnectionOptions();
        if (user != null) {
            o.user(user).password(password);
        }
        Connection c = client.connect(e.amqpHost(), e.amqpPort(), o);
        try {
            c.openFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException ex) {
            // the client's own exception (a refused login is a ClientConnectionSecurityException), as a send would throw
            throw ex.getCause() instanceof Exception cause ? cause : ex;
        }
        return c;
    }
}
