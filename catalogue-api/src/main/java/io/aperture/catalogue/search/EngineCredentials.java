package io.aperture.catalogue.search;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.auth.AuthProtocolState;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.AuthState;
import org.apache.http.auth.Credentials;
import org.apache.http.client.AuthCache;
import org.apache.http.client.CredentialsProvider;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.impl.auth.BasicScheme;
import org.apache.http.protocol.HttpContext;
import org.hibernate.search.backend.elasticsearch.client.rest4.ElasticsearchHttpClientConfigurationContext;
import org.hibernate.search.backend.elasticsearch.client.rest4.ElasticsearchHttpClientConfigurer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The engine's Basic credentials (the configured {@code quarkus.hibernate-search-orm.elasticsearch.username} and
 * password, read by Hibernate Search and nowhere else) sent preemptively, as before, without the per-request cost.
 * The Elasticsearch client seeds an auth cache with a Basic scheme for each of its nodes and puts it into every
 * request's context; the Apache client's {@code RequestAuthCache} then deserialises that scheme from bytes on every
 * request: 3 % of the event loop's time under the federated search's mix (docs/performance.md, issue #12). This
 * interceptor, first in the chain, does what {@code RequestAuthCache} does with a new {@link BasicScheme} instead, for
 * the hosts the cache holds a Basic scheme for (asked once per host), and takes the cache out of that request's
 * context. Everything else (the challenge after a 401, a redirect to another host, a proxy, no credentials) is left to
 * the client as it was.
 */
@Dependent
@Named("aperture-engine-credentials")
public class EngineCredentials implements ElasticsearchHttpClientConfigurer {

    @Override
    public void configure(ElasticsearchHttpClientConfigurationContext context) {
        context.clientBuilder().addInterceptorFirst(new Preemptive());
    }

    /** One per client. */
    static final class Preemptive implements HttpRequestInterceptor {
        /** The auth cache last seen (the client makes a new one when its nodes change) and, per host, whether it holds a Basic scheme. */
        private volatile Seen seen;

        private record Seen(AuthCache cache, Map<HttpHost, Boolean> basic) {}

        @Override
        public void process(HttpRequest request, HttpContext context) {
            HttpClientContext client = HttpClientContext.adapt(context);
            AuthCache cache = client.getAuthCache();
            HttpHost target = client.getTargetHost();
            AuthState state = client.getTargetAuthState();
            CredentialsProvider provider = client.getCredentialsProvider();
            if (cache == null || target == null || target.getPort() < 0 || state == null || provider == null
                    || state.getState() != AuthProtocolState.UNCHALLENGED || !cachesBasic(cache, target)) {
                return;
            }
            Credentials credentials = provider.getCredentials(new AuthScope(target, AuthScope.ANY_REALM, "basic"));
            if (credentials == null) {
                return;
            }
            // a new scheme per request, as the cache's copy was: a scheme records the challenge it answered
            state.update(new BasicScheme(), credentials);
            client.removeAttribute(HttpClientContext.AUTH_CACHE);
        }

        private boolean cachesBasic(AuthCache cache, HttpHost target) {
            Seen known = seen;
            if (known == null || known.cache() != cache) {
                known = new Seen(cache, new ConcurrentHashMap<>());
                seen = known;
            }
            return known.basic().computeIfAbsent(target, host -> cache.get(host) instanceof BasicScheme);
        }
    }
}
