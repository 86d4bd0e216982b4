package io.aperture.stack.opensearch;

import org.opensearch.common.settings.Setting;
import org.opensearch.common.settings.Settings;
import org.opensearch.common.util.concurrent.ThreadContext;
import org.opensearch.core.rest.RestStatus;
import org.opensearch.plugins.ActionPlugin;
import org.opensearch.plugins.Plugin;
import org.opensearch.rest.BytesRestResponse;
import org.opensearch.rest.RestChannel;
import org.opensearch.rest.RestHandler;
import org.opensearch.rest.RestRequest;
import org.opensearch.transport.client.node.NodeClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The embedded node's stand-in for the security plugin on its REST layer: every request must carry the stack's
 * {@code Authorization} header (HTTP Basic, the account the stack drew for its data folder), else it is answered 401
 * before any handler runs — so a local process that is not given the account can neither read nor count the index.
 * <p>The node keeps only the header's SHA-256 (a filtered setting: never shown by {@code _nodes/settings}), compared in
 * constant time. With no digest configured the node refuses to start rather than serve openly.
 */
public final class RequestAuthenticationPlugin extends Plugin implements ActionPlugin {
    static final Setting<String> AUTHORIZATION_SHA256 = Setting.simpleString("aperture.http.authorization_sha256",
            Setting.Property.NodeScope, Setting.Property.Filtered);

    private final byte[] expected;

    public RequestAuthenticationPlugin(Settings settings) {
        String hex = AUTHORIZATION_SHA256.get(settings);
        if (hex.length() != 64) {
            throw new IllegalStateException(AUTHORIZATION_SHA256.getKey() + " must be the SHA-256 (64 hex digits) of the "
                    + "Authorization header the node accepts");
        }
        this.expected = HexFormat.of().parseHex(hex);
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
