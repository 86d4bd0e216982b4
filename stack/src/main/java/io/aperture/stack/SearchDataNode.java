package io.aperture.stack;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

/**
 * A second OpenSearch node, a data node, joined to a running stack's cluster: with it the cluster has two nodes and
 * every index's replica (OpenSearch's default, one) is placed, so losing either data node loses nothing. For tests and
 * benchmarks of a multi-node cluster on one machine; its data and log are under the given folder. {@link #kill()} stops
 * it as a crash would (SIGKILL); {@link #close()} stops it properly.
 */
public final class SearchDataNode implements AutoCloseable {
    private final OpenSearchService node;
    private final int httpPort;

    private SearchDataNode(OpenSearchService node, int httpPort) {
        this.node = node;
        this.httpPort = httpPort;
    }

    /**
     * Starts the node on free ports and returns once it has joined the cluster whose node listens for transport at
     * {@code joinTransport} ("host:port") and that cluster is at least yellow. The node answers the cluster's
     * account, {@code credentials}, as its first node does.
     */
    public static SearchDataNode join(Path dir, String joinTransport, String heap, SearchCredentials credentials) {
        Path base = dir.toAbsolutePath().normalize();
        int http = Ports.free();
        OpenSearchService node = new OpenSearchService(base, http, Ports.free(), heap, base.resolve("opensearch.log"),
                StackArtifacts.load(), Clock.systemUTC(), base.resolve("opensearch.pid"),
                Optional.of(joinTransport), credentials);
        try {
            node.start();
        } catch (RuntimeException e) {
            node.close();
            throw e;
        }
        return new SearchDataNode(node, http);
    }

    /** This node's HTTP address, host:port. */
    public String httpHost() {
        return "127.0.0.1:" + httpPort;
    }

    /** Kills the node's JVM at once, without a shutdown, as a crash or the OOM killer would. */
    public void kill() {
        // waited for on the Process: a ProcessHandle's onExit of the reaped child was seen never to complete
        node.kill();
    }

    @Override
    public void close() {
        node.close();
    }
}
