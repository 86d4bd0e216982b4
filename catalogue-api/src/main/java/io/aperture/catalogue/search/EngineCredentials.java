package io.aperture.catalogue.search;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Named;
import org.apache.http.Header;
import org.apache.http.HttpHeaders;
import org.apache.http.HttpHost;
import org.apache.http.HttpRequest;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.auth.AuthScope;
import org.apache.http.auth.AuthenticationException;
import org.apache.http.auth.Credentials;
import org.apache.http.client.CredentialsProvider;
import org.apache.http.client.protocol.HttpClientContext;
import org.apache.http.impl.auth.BasicScheme;
import org.apache.http.protocol.HttpContext;
import org.hibernate.search.backend.elasticsearch.client.rest4.ElasticsearchHttpClientConfigurationContext;
import org.hibernate.search.backend.elasticsearch.client.rest4.ElasticsearchHttpClientConfigurer;

/**
 * The engine's Basic credentials (the configured {@code quarkus.hibernate-search-orm.elasticsearch.username} and
 * password, read by Hibernate Search and nowhere else) sent with every request as the header they make, built once.
 * Without this, the Elasticsearch client puts its auth cache into each request, and the Apache client deserialises the
 * cached Basic scheme from bytes on every request: 3 % of the event loop's time under the federated search's mix
 * (docs/performance.md, issue #12). The header is the one the client's own {@link BasicScheme} writes; a request
 * already carrying an {@code Authorization} header, or a client without credentials, is left as it is.
 */
@Dependent
@Named("aperture-engine-credentials")
public class EngineCredentials implements ElasticsearchHttpClientConfigurer {

    @Override
    public void configure(ElasticsearchHttpClientConfigurationContext context) {
        context.clientBuilder().addInterceptorFirst(new Preemptive());
    }

    /** Runs before the client's own interceptors, so the auth cache it takes out of the context is never read. */
    static final class Preemptive implements HttpRequestInterceptor {
        /** The header of the credentials last seen: the client's credentials do not change while it runs. */
        private volatile Made made;

        private record Made(Credentials credentials, Header header) {}

        @Override
        public void process(HttpRequest request, HttpContext context) {
            HttpClientContext client = HttpClientContext.adapt(context);
            HttpHost target = client.getTargetHost();
            CredentialsProvider provider = client.getCredentialsProvider();
            if (target == null || provider == null || request.containsHeader(HttpHeaders.AUTHORIZATION)) {
                return;
            }
            Credentials credentials = provider.getCredentials(new AuthScope(target));
            if (credentials == null) {
                return;
            }
            Made known = made;
            if (known == null || known.credentials() != credentials) {
                known = new Made(credentials, header(credentials, request, context));
                made = known;
            }
            request.addHeader(known.header());
            client.removeAttribute(HttpClientContext.AUTH_CACHE);
        }

        private static Header header(Credentials credentials, HttpRequest request, HttpContext context) {
            try {
                return new BasicScheme().authenticate(credentials, request, context);
            } catch (AuthenticationException e) {
                throw new IllegalStateException("the engine's credentials cannot be written as Basic", e);
            }
        }
    }
}
