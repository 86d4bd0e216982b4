package io.aperture.harvester.watch;

import io.aperture.harvester.scan.FileOutcome;
import io.aperture.harvester.health.HealthEvent;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import org.apache.qpid.proton.amqp.Binary;
import org.apache.qpid.proton.amqp.messaging.AmqpValue;
import org.apache.qpid.proton.amqp.messaging.Data;
import org.apache.qpid.proton.amqp.messaging.Section;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * Consumes "scan finished" messages ({@link ScanFinishedMessage}) from an AMQP 1.0 queue and puts the named file into
 * {@link PendingFiles}, due at once, so it goes through the same in-progress checks as every other file.
 *
 * <p>Messages are settled by hand: a message is <em>accepted</em> only once its file is settled (ingested, skipped as
 * unchanged or not NeXus, or failed and recorded), and <em>rejected</em> at once when it cannot be read (the broker
 * dead-letters it), as is one naming a file outside the {@link AcceptedFolders}. A message whose file is still waiting stays unsettled; if the harvester stops, the broker delivers
 * it again, so no message is lost. A lost connection is re-opened with a growing delay.
 *
 * <p>Built on the Vert.x AMQP client, the client quarkus-messaging-amqp uses, without Quarkus (see docs/harvester.md).
 */
public final class AmqpScanListener implements AutoCloseable {

    /** Where to listen: {@code amqp://host:port} (or {@code amqps://}), a queue, optional credentials. */
    public record Endpoint(String host, int port, boolean tls, String queue, String user, String password) {

        /** Problems are worded with the URL's user-info masked: it may hold the password, and usage errors are printed. */
        public static Endpoint parse(String url, String queue, String user, String password) {
            URI u;
            try {
                u = URI.create(url);
            } catch (IllegalArgumentException e) {
                // not e's message: it quotes the whole URL
                throw new IllegalArgumentException("--amqp-url is not a valid URL: " + withoutUserInfo(url));
            }
            String scheme = u.getScheme() == null ? "" : u.getScheme();
            if (!scheme.equals("amqp") && !scheme.equals("amqps")) {
                throw new IllegalArgumentException("--amqp-url must be amqp://host:port or amqps://host:port, got "
                        + withoutUserInfo(url));
            }
            if (u.getHost() == null) {
                throw new IllegalArgumentException("--amqp-url has no host: " + withoutUserInfo(url));
            }
            boolean tls = scheme.equals("amqps");
            String fromUrlUser = null;
            String fromUrlPassword = null;
            if (u.getUserInfo() != null) {
                String[] up = u.getUserInfo().split(":", 2);
                fromUrlUser = up[0];
                fromUrlPassword = up.length > 1 ? up[1] : null;
            }
            if (queue == null || queue.isBlank()) {
                throw new IllegalArgumentException("--amqp-queue is empty");
            }
            return new Endpoint(u.getHost(), u.getPort() > 0 ? u.getPort() : (tls ? 5671 : 5672), tls, queue,
                    user != null ? user : fromUrlUser, password != null ? password : fromUrlPassword);
        }

        @Override
        public String toString() {
            return (tls ? "amqps://" : "amqp://") + host + ":" + port + " queue " + queue; // never the password
        }

        /**
         * The URL with everything from its authority's start up to the last {@code @} shown as {@code ***}: a
         * malformed URL cannot tell where its user-info ends, so the widest reading is masked.
         */
        static String withoutUserInfo(String url) {
            int start = url.indexOf("://");
            start = start < 0 ? 0 : start + 3;
            int at = url.lastIndexOf('@');
            return at < start ? url : url.substring(0, start) + "***" + url.substring(at);
        }
    }

    private static final Duration MAX_RECONNECT = Duration.ofSeconds(30);

    private final Endpoint endpoint;
    private final WatchLoop loop;
    private final AcceptedFolders accepted;
    private final Clock clock;
    private final WatchLog log;
    private final Vertx vertx;
    private final AmqpClient client;
    private volatile boolean closed;
    private volatile boolean connected;
    private int failures;

    public AmqpScanListener(Endpoint endpoint, WatchLoop loop, AcceptedFolders accepted, Clock clock, WatchLog log) {
        this.endpoint = endpoint;
        this.loop = loop;
        this.accepted = accepted;
        this.clock = clock;
        this.log = log;
        // one event loop is plenty: a message is parsed and queued, the harvesting happens on the loop's thread
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1).setInternalBlockingPoolSize(1));
        AmqpClientOptions o = new AmqpClientOptions().setHost(endpoint.host()).setPort(endpoint.port())
                .setSsl(endpoint.tls()).setConnectTimeout(10_000).setHeartbeat(30_000);
        if (endpoint.user() != null) {
            o.setUsername(endpoint.user());
        }
        if (endpoint.password() != null) {
            o.setPassword(endpoint.password());
        }
        this.client = AmqpClient.create(vertx, o);
    }

    /** Connects in the background; failures are logged and retried, never thrown. */
    public void start() {
        vertx.runOnContext(v -> connect());
    }

    public boolean connected() {
        return connected;
    }

    private void connect() {
        if (closed) {
            return;
        }
        client.connect()
                .compose(conn -> {
                    conn.closeFuture().onComplete(x -> disconnected(conn, "connection closed"));
                    conn.exceptionHandler(e -> log.problem("AMQP connection problem: " + e.getMessage()));
                    return conn.createReceiver(endpoint.queue(), new AmqpReceiverOptions().setAutoAcknowledgement(false)
                            .setMaxBufferedMessages(1000));
                })
                .onSuccess(receiver -> {
                    failures = 0;
                    connected = true;
                    log.info("listening on " + endpoint);
                    receiver.exceptionHandler(e -> log.problem("AMQP receiver problem: " + e.getMessage()));
                    receiver.handler(this::onMessage);
                })
                .onFailure(e -> retry("cannot listen on " + endpoint + ": " + e.getMessage()));
    }

    private void disconnected(AmqpConnection conn, String why) {
        if (!closed && connected) {
            connected = false;
            retry("lost " + endpoint + ": " + why);
        }
    }

    private void retry(String problem) {
        connected = false;
        if (closed) {
            return;
        }
        long delay = Math.min(MAX_RECONNECT.toMillis(), 500L << Math.min(failures++, 10));
        log.problem(problem + "; trying again in " + delay + " ms");
        vertx.setTimer(delay, id -> connect());
    }

    private void onMessage(AmqpMessage msg) {
        Context ctx = Vertx.currentContext();
        ScanFinishedMessage parsed;
        try {
            parsed = ScanFinishedMessage.parse(body(msg));
        } catch (ScanFinishedMessage.MalformedMessageException e) {
            deadLetter(msg, e.getMessage());
            return;
        } catch (RuntimeException e) {
            deadLetter(msg, "unreadable (" + e + ")");
            return;
        }
        var refusal = accepted.refusal(parsed.path());
        if (refusal.isPresent()) {
            // kept in the dead-letter queue for a person: a misconfigured writer, or someone probing
            deadLetter(msg, refusal.get());
            return;
        }
        log.info("MESSAGE " + describe(msg) + ": scan finished " + parsed.path());
        loop.pending().schedule(parsed.path(), clock.instant(), outcome -> settle(ctx, msg, outcome));
        loop.wake();
    }

    /** Rejects the message (the broker dead-letters it), logs it and reports it to the catalogue with the next round. */
    private void deadLetter(AmqpMessage msg, String why) {
        log.problem("REJECTED message " + describe(msg) + ": " + why);
        loop.health().add(new HealthEvent(HealthEvent.Kind.DEAD_LETTER, describe(msg), why, clock.instant()));
        msg.rejected();
    }

    /** Called on the harvesting thread; the disposition must be sent on the connection's own context. */
    private void settle(Context ctx, AmqpMessage msg, FileOutcome outcome) {
        if (closed) {
            return; // not acknowledged: the broker delivers it again to the next listener
        }
        ctx.runOnContext(v -> msg.accepted());
    }

    /** The body as bytes: an AMQP string or binary value, or data sections (what JMS text and bytes messages become). */
    static byte[] body(AmqpMessage msg) throws ScanFinishedMessage.MalformedMessageException {
        Section s = msg.unwrap().getBody();
        if (s instanceof AmqpValue v) {
            Object o = v.getValue();
            if (o instanceof String str) {
                return str.getBytes(StandardCharsets.UTF_8);
            }
            if (o instanceof Binary b) {
                return Arrays.copyOfRange(b.getArray(), b.getArrayOffset(), b.getArrayOffset() + b.getLength());
            }
            throw new ScanFinishedMessage.MalformedMessageException("body is an AMQP "
                    + (o == null ? "null" : o.getClass().getSimpleName()) + ", expected text");
        }
        if (s instanceof Data d) {
            Binary b = d.getValue();
            return b == null ? new byte[0] : Arrays.copyOfRange(b.getArray(), b.getArrayOffset(), b.getArrayOffset() + b.getLength());
        }
        throw new ScanFinishedMessage.MalformedMessageException(s == null ? "no body"
                : "body is a " + s.getClass().getSimpleName() + " section, expected text");
    }

    private static String describe(AmqpMessage msg) {
        String id = msg.id();
        return id == null ? "(no id)" : id;
    }

    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        connected = false;
        try {
            client.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            // closing anyway
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            log.problem("AMQP client did not stop cleanly: " + e.getMessage());
        }
    }
}
