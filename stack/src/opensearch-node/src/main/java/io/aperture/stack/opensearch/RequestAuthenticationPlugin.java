package io.aperture.stack.opensearch;

import org.opensearch.OpenSearchSecurityException;
import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.util.concurrent.ThreadContext;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.core.common.io.stream.NamedWriteableRegistry;
import org.opensearch.core.transport.TransportResponse;
import org.opensearch.plugins.ActionPlugin;
import org.opensearch.plugins.NetworkPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestChannel;
import org.opensearch.rest.RestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.transport.Transport;
import org.opensearch.transport.TransportInterceptor;
import org.opensearch.transport.TransportRequest;
import org.opensearch.transport.TransportRequestHandler;
import org.opensearch.transport.TransportRequestOptions;
import org.opensearch.transport.TransportResponseHandler;
import org.opensearch.transport.TransportService;
import org.opensearch.transport.client.node.NodeClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;

/**
 * The embedded node's stand-in for the security plugin, on both of its ports.
 * <ul>
 * <li>REST: every request must carry the stack's {@code Authorization} header (HTTP Basic, the account the stack drew
 * for its data folder), else it is answered 401 before any handler runs — so a local process that is not given the
 * account can neither read nor count the index.</li>
 * <li>Transport: every request a node of the stack sends carries a header only the stack's nodes know, and every
 * request received without it is refused before its handler runs — so a local process running an OpenSearch node of
 * its own can neither discover the cluster nor join it (and so receive shards).</li>
 * </ul>
 * The node keeps only the Authorization header's SHA-256 (a filtered setting: never shown by {@code _nodes/settings}),
 * compared in constant time; that digest is the transport header's value, so the password itself never travels between
 * nodes. With no digest configured the node refuses to start rather than serve openly.
 */
public final class RequestAuthenticationPlugin extends Plugin implements ActionPlugin, NetworkPlugin {
    static final Setting<String> AUTHORIZATION_SHA256 = Setting.simpleString("aperture.http.authorization_sha256",
            Setting.Property.NodeScope, Setting.Property.Filtered);

    /** The transport header of the stack's nodes (a thread-context request header, sent with every request). */
    static final String NODE_HEADER = "_aperture_node";

    private static final long REFUSAL_LOG_MILLIS = 10_000;

    private final byte[] expected;
    private final String digest;
    private final AtomicLong lastRefusalLogged = new AtomicLong(Long.MIN_VALUE / 2);

    public RequestAuthenticationPlugin(Settings settings) {
        String hex = AUTHORIZATION_SHA256.get(settings);
        if (hex.length() != 64) {
            throw new IllegalStateException(AUTHORIZATION_SHA256.getKey() + " must be the SHA-256 (64 hex digits) of the "
                    + "Authorization header the node accepts");
        }
        this.expected = HexFormat.of().parseHex(hex);
        this.digest = hex;
    }

    @Override
    public List<Setting<?>> getSettings() {
        return List.of(AUTHORIZATION_SHA256);
    }

    @Override
    public UnaryOperator<RestHandler> getRestHandlerWrapper(ThreadContext threadContext) {
        return handler -> new RestHandler.Wrapper(handler) {
            @Override
            public void handleRequest(RestRequest request, RestChannel channel, NodeClient client) throws Exception {
                if (authorised(request.header("Authorization"))) {
                    super.handleRequest(request, channel, client);
                } else {
                    BytesRestResponse refused = new BytesRestResponse(RestStatus.UNAUTHORIZED, "application/json",
                            "{\"error\":\"this node answers only the account of its Aperture stack\",\"status\":401}");
                    refused.addHeader("WWW-Authenticate", "Basic realm=\"aperture-search\", charset=\"UTF-8\"");
                    channel.sendResponse(refused);
                }
            }
        };
    }

    @Override
    public List<TransportInterceptor> getTransportInterceptors(NamedWriteableRegistry registry, ThreadContext threadContext) {
        return List.of(new TransportInterceptor() {
            @Override
            public <T extends TransportRequest> TransportRequestHandler<T> interceptHandler(String action, String executor,
                    boolean forceExecution, TransportRequestHandler<T> actual) {
                return (request, channel, task) -> {
                    if (fromTheStack(threadContext)) {
                        actual.messageReceived(request, channel, task);
                    } else {
                        refused(action, request);
                        channel.sendResponse(new OpenSearchSecurityException("this node answers only the nodes of its "
                                + "Aperture stack", RestStatus.UNAUTHORIZED));
                    }
                };
            }

            @Override
            public AsyncSender interceptSender(AsyncSender sender) {
                return new AsyncSender() {
                    @Override
                    public <T extends TransportResponse> void sendRequest(Transport.Connection connection, String action,
                            TransportRequest request, TransportRequestOptions options, TransportResponseHandler<T> handler) {
                        if (fromTheStack(threadContext)) {
                            sender.sendRequest(connection, action, request, options, handler);
                            return;
                        }
                        // the header goes with this request only: the caller's context comes back for the response
                        try (ThreadContext.StoredContext original = threadContext.newStoredContext(true)) {
                            threadContext.putHeader(NODE_HEADER, digest);
                            sender.sendRequest(connection, action, request, options,
                                    new TransportService.ContextRestoreResponseHandler<>(threadContext.wrapRestorable(original), handler));
                        }
                    }
                };
            }
        });
    }

    /**
     * Says on the node's output (its log, logs/opensearch.log) that a process tried to talk to the cluster without
     * the stack's header — at most every {@value #REFUSAL_LOG_MILLIS} ms, since a rogue node retries several times a
     * second.
     */
    private void refused(String action, TransportRequest request) {
        long now = System.currentTimeMillis();
        long last = lastRefusalLogged.get();
        if (now - last >= REFUSAL_LOG_MILLIS && lastRefusalLogged.compareAndSet(last, now)) {
            System.err.println("opensearch: refused a transport request without the stack's node header (" + action
                    + " from " + request.remoteAddress() + "): a process that is not a node of this stack tried to reach the cluster");
        }
    }

    /** Whether the request in this context came from a node of the stack (request headers only, never defaults). */
    private boolean fromTheStack(ThreadContext threadContext) {
        String header = threadContext.getRequestHeadersOnly().get(NODE_HEADER);
        return header != null && MessageDigest.isEqual(digest.getBytes(StandardCharsets.UTF_8),
                header.getBytes(StandardCharsets.UTF_8));
    }

    private boolean authorised(String header) {
        if (header == null) {
            return false;
        }
        return MessageDigest.isEqual(expected, sha256(header));
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
