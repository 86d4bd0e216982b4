package io.aperture.catalogue.search;

import org.apache.http.HttpHost;
import org.apache.http.auth.AuthProtocolState;
import org.apache.http.auth.AuthScheme;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.AuthState;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.client.AuthCache;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.impl.auth.BasicScheme;
import org.apache.http.impl.auth.HttpAuthenticator;
import org.apache.http.impl.client.BasicAuthCache;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHttpRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class EngineCredentialsTest {
    private static final HttpHost ENGINE = new HttpHost("127.0.0.1", 9200, "http");
    private static final HttpHost ELSEWHERE = new HttpHost("elsewhere.example", 443, "https");
    private static final UsernamePasswordCredentials ACCOUNT = new UsernamePasswordCredentials("aperture", "s3cret:with colon");

    /** The Elasticsearch client's cache: a Basic scheme for each node; counts how often it is read. */
    private static final class NodeCache implements AuthCache {
        private final BasicAuthCache cache = new BasicAuthCache();
        final AtomicInteger reads = new AtomicInteger();

        NodeCache() {
            cache.put(ENGINE, new BasicScheme());
        }

        @Override
        public void put(HttpHost host, AuthScheme scheme) {
            cache.put(host, scheme);
        }

        @Override
        public AuthScheme get(HttpHost host) {
            reads.incrementAndGet();
            return cache.get(host);
        }

        @Override
        public void remove(HttpHost host) {
            cache.remove(host);
        }

        @Override
        public void clear() {
            cache.clear();
        }
    }

    private static HttpClientContext context(AuthCache cache, HttpHost target, boolean withCredentials) {
        HttpClientContext c = HttpClientContext.create();
        c.setAttribute(HttpClientContext.HTTP_TARGET_HOST, target);
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        if (withCredentials) {
            credentials.setCredentials(AuthScope.ANY, ACCOUNT);
        }
        c.setCredentialsProvider(credentials);
        c.setAuthCache(cache);
        c.setAttribute(HttpClientContext.TARGET_AUTH_STATE, new AuthState()); // as the client's exchange sets it
        return c;
    }

    @Test
    void aNodesRequestIsAuthenticatedPreemptivelyWithoutTheCacheAndTheClientWritesTheSameHeader() throws Exception {
        EngineCredentials.Preemptive interceptor = new EngineCredentials.Preemptive();
        BasicHttpRequest request = new BasicHttpRequest("POST", "/dataset-read/_search");
        HttpClientContext context = context(new NodeCache(), ENGINE, true);
        interceptor.process(request, context);
        assertThat(context.getAuthCache()).as("taken out: the client's own interceptor does not read it").isNull();
        assertThat(context.getTargetAuthState().getAuthScheme()).isInstanceOf(BasicScheme.class);
        assertThat(context.getTargetAuthState().getCredentials()).isSameAs(ACCOUNT);
        // what the client's exchange does next with that state
        new HttpAuthenticator().generateAuthResponse(request, context.getTargetAuthState(), context);
        String expected = "Basic " + Base64.getEncoder().encodeToString("aperture:s3cret:with colon".getBytes(StandardCharsets.US_ASCII));
        assertThat(request.getHeaders("Authorization")).singleElement().satisfies(h -> assertThat(h.getValue()).isEqualTo(expected));
    }

    @Test
    void theCacheIsAskedOncePerHostUntilTheClientMakesANewOne() {
        EngineCredentials.Preemptive interceptor = new EngineCredentials.Preemptive();
        NodeCache nodes = new NodeCache();
        AuthScheme previous = null;
        for (int i = 0; i < 5; i++) {
            HttpClientContext context = context(nodes, ENGINE, true);
            interceptor.process(new BasicHttpRequest("GET", "/"), context);
            AuthScheme scheme = context.getTargetAuthState().getAuthScheme();
            assertThat(scheme).as("request %d", i).isInstanceOf(BasicScheme.class).as("a scheme of its own").isNotSameAs(previous);
            previous = scheme;
        }
        assertThat(nodes.reads).hasValue(1);
        NodeCache renewed = new NodeCache(); // the client's nodes changed (sniffing, setNodes)
        interceptor.process(new BasicHttpRequest("GET", "/"), context(renewed, ENGINE, true));
        assertThat(renewed.reads).hasValue(1);
    }

    @Test
    void aHostTheCacheDoesNotHoldOrNoCredentialsOrAnAnsweredChallengeAreLeftToTheClient() {
        EngineCredentials.Preemptive interceptor = new EngineCredentials.Preemptive();
        // a redirect to another host: no credentials sent unasked, as before
        HttpClientContext elsewhere = context(new NodeCache(), ELSEWHERE, true);
        interceptor.process(new BasicHttpRequest("GET", "/"), elsewhere);
        assertThat(elsewhere.getTargetAuthState().getAuthScheme()).isNull();
        assertThat(elsewhere.getAuthCache()).isNotNull();

        HttpClientContext anonymous = context(new NodeCache(), ENGINE, false);
        interceptor.process(new BasicHttpRequest("GET", "/"), anonymous);
        assertThat(anonymous.getTargetAuthState().getAuthScheme()).isNull();
        assertThat(anonymous.getAuthCache()).isNotNull();

        HttpClientContext challenged = context(new NodeCache(), ENGINE, true);
        challenged.getTargetAuthState().setState(AuthProtocolState.CHALLENGED);
        interceptor.process(new BasicHttpRequest("GET", "/"), challenged);
        assertThat(challenged.getTargetAuthState().getAuthScheme()).isNull();
        assertThat(challenged.getAuthCache()).isNotNull();
    }
}
