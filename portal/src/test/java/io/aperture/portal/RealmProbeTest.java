package io.aperture.portal;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** "Log in" pressed many times asks the realm once per window, and the answer follows the realm's state. */
class RealmProbeTest {
    private static final Duration WINDOW = Duration.ofSeconds(5);

    private final AtomicInteger asked = new AtomicInteger();
    private final AtomicInteger status = new AtomicInteger(200);
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private volatile CountDownLatch hold = new CountDownLatch(0);
    private volatile boolean stallAfterHeaders;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private HttpServer realm;

    @BeforeEach
    void start() throws IOException {
        realm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        realm.createContext("/.well-known/openid-configuration", exchange -> {
            asked.incrementAndGet();
            try {
                hold.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (stallAfterHeaders) { // headers, then a byte of the announced 100 now and then, until the probe hangs up
                exchange.sendResponseHeaders(status.get(), 100);
                try {
                    for (int i = 0; i < 99 && end.getCount() > 0; i++) {
                        exchange.getResponseBody().write(' ');
                        exchange.getResponseBody().flush();
                        Thread.sleep(50);
                    }
                } catch (IOException e) {
                    hungUp.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(status.get(), -1);
            exchange.close();
        });
        realm.setExecutor(handlers); // a stalled exchange must not hold the next one
        realm.start();
    }

    private final CountDownLatch end = new CountDownLatch(1);
    private final CountDownLatch hungUp = new CountDownLatch(1);

    @AfterEach
    void stop() {
        end.countDown();
        hold.countDown();
        realm.stop(0);
        handlers.shutdownNow();
    }

    private RealmProbe probe(URI discovery) {
        return probe(discovery, Duration.ofSeconds(2));
    }

    private RealmProbe probe(URI discovery, Duration timeout) {
        return new RealmProbe(discovery, timeout, WINDOW, now::get);
    }

    private URI discovery() {
        return URI.create("http://127.0.0.1:" + realm.getAddress().getPort() + "/.well-known/openid-configuration");
    }

    private static boolean answer(RealmProbe p) {
        return p.answers().toCompletableFuture().join();
    }

    @Test
    void manyAsksWithinTheWindowAreOneProbeAndTheNextWindowProbesAgain() {
        RealmProbe p = probe(discovery());
        for (int i = 0; i < 20; i++) {
            assertThat(answer(p)).isTrue();
            now.addAndGet(Duration.ofMillis(200).toNanos()); // 20 × 0.2 s: the last ask is 3.8 s after the first
        }
        assertThat(asked).hasValue(1);

        status.set(503); // the realm fails; noticed once the window has passed
        now.addAndGet(WINDOW.toNanos());
        assertThat(answer(p)).isFalse();
        assertThat(answer(p)).isFalse();
        assertThat(asked).hasValue(2);

        status.set(200); // and back
        now.addAndGet(WINDOW.toNanos());
        assertThat(answer(p)).isTrue();
        assertThat(asked).hasValue(3);
    }

    @Test
    void asksWhileAProbeIsUnderWayShareIt() {
        RealmProbe p = probe(discovery());
        hold = new CountDownLatch(1);
        List<CompletableFuture<Boolean>> answers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            answers.add(p.answers().toCompletableFuture());
            now.addAndGet(WINDOW.toNanos()); // even past the window: the probe under way is the answer
        }
        hold.countDown();
        assertThat(answers).allSatisfy(a -> assertThat(a.join()).isTrue());
        assertThat(asked).hasValue(1);
    }

    @Test
    void aRealmThatDoesNotAnswerIsDownAndTheProbeNeverFails() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        RealmProbe p = probe(URI.create("http://127.0.0.1:" + closed + "/.well-known/openid-configuration"));
        assertThat(answer(p)).isFalse();
    }

    @Test
    void aRealmThatStallsAfterItsHeadersIsDownWithinTheTimeoutAndTheNextWindowProbesAgain() throws InterruptedException {
        stallAfterHeaders = true;
        RealmProbe p = probe(discovery(), Duration.ofMillis(300));
        CompletableFuture<Boolean> first = p.answers().toCompletableFuture();
        assertThat(first.completeOnTimeout(null, 5, TimeUnit.SECONDS).join()).as("answered within the timeout").isFalse();
        assertThat(hungUp.await(4, TimeUnit.SECONDS)).as("the stalled exchange was closed by the probe").isTrue();

        stallAfterHeaders = false; // the realm recovers: the next window asks again and is not held by the stalled one
        now.addAndGet(WINDOW.toNanos());
        assertThat(answer(p)).isTrue();
        assertThat(asked).hasValue(2);
    }

    @Test
    void aDiscoveryAddressTheClientCannotAskIsDownNotAFailure() {
        RealmProbe p = probe(URI.create("ftp://127.0.0.1/.well-known/openid-configuration"));
        assertThat(answer(p)).isFalse();
    }
}
