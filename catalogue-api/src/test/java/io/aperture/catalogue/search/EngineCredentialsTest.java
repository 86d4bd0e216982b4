package io.aperture.catalogue.search;

import org.apache.http.HttpHost;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.UsernamePasswordCredentials;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.impl.auth.BasicScheme;
import org.apache.http.impl.client.BasicAuthCache;
import org.apache.http.impl.client.BasicCredentialsProvider;
import org.apache.http.message.BasicHttpRequest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

class EngineCredentialsTest {
    private static final HttpHost ENGINE = new HttpHost("127.0.0.1", 9200, "http");

    private static HttpClientContext context(BasicCredentialsProvider credentials) {
        HttpClientContext c = HttpClientContext.create();
        c.setAttribute(HttpClientContext.HTTP_TARGET_HOST, ENGINE);
        c.setCredentialsProvider(credentials);
        BasicAuthCache cache = new BasicAuthCache();
        cache.put(ENGINE, new BasicScheme()); // as the Elasticsearch client fills it for each node
        c.setAuthCache(cache);
        return c;
    }

    private static BasicCredentialsProvider provider(String user, String password) {
        BasicCredentialsProvider p = new BasicCredentialsProvider();
        p.setCredentials(AuthScope.ANY, new UsernamePasswordCredentials(user, password));
        return p;
    }

    @Test
    void everyRequestCarriesTheBasicHeaderAndTheAuthCacheIsNotLeftToBeRead() {
        EngineCredentials.Preemptive interceptor = new EngineCredentials.Preemptive();
        BasicCredentialsProvider credentials = provider("aperture", "s3cret:with colon");
        BasicHttpRequest first = new BasicHttpRequest("POST", "/dataset-read/_search");
        HttpClientContext firstContext = context(credentials);
        interceptor.process(first, firstContext);
        String expected = "Basic " + Base64.getEncoder().encodeToString("aperture:s3cret:with colon".getBytes(StandardCharsets.US_ASCII));
        assertThat(first.getHeaders("Authorization")).singleElement().satisfies(h -> assertThat(h.getValue()).isEqualTo(expected));
        assertThat(firstContext.getAuthCache()).isNull();

        BasicHttpRequest second = new BasicHttpRequest("POST", "/dataset-read/_search");
        interceptor.process(second, context(credentials));
        assertThat(second.getFirstHeader("Authorization")).as("made once, for every request").isSameAs(first.getFirstHeader("Authorization"));
    }

    @Test
    void otherCredentialsMakeTheirOwnHeader() {
        EngineCredentials.Preemptive interceptor = new EngineCredentials.Preemptive();
        BasicHttpRequest a = new BasicHttpRequest("GET", "/");
        interceptor.process(a, context(provider("a", "one")));
        BasicHttpRequest b = new BasicHttpRequest("GET", "/");
        interceptor.process(b, context(provider("b", "two")));
        assertThat(b.getFirstHeader("Authorization").getValue())
                .isEqualTo("Basic " + Base64.getEncoder().encodeToString("b:two".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void withoutCredentialsOrWithAHeaderAlreadyTheRequestAndTheCacheStayAsTheyAre() {
        EngineCredentials.Preemptive interceptor = new EngineCredentials.Preemptive();
        BasicHttpRequest anonymous = new BasicHttpRequest("GET", "/");
        HttpClientContext none = context(new BasicCredentialsProvider());
        interceptor.process(anonymous, none);
        assertThat(anonymous.getAllHeaders()).isEmpty();
        assertThat(none.getAuthCache()).isNotNull();

        BasicHttpRequest signed = new BasicHttpRequest("GET", "/");
        signed.addHeader("Authorization", "Bearer caller-chosen");
        HttpClientContext withCredentials = context(provider("aperture", "x"));
        interceptor.process(signed, withCredentials);
        assertThat(signed.getHeaders("Authorization")).singleElement().satisfies(h -> assertThat(h.getValue()).isEqualTo("Bearer caller-chosen"));
        assertThat(withCredentials.getAuthCache()).isNotNull();
    }
}
