package io.aperture.stack.opensearch;

import org.codelibs.opensearch.runner.OpenSearchRunner;

import java.nio.file.Path;
import java.util.Optional;

import static org.codelibs.opensearch.runner.OpenSearchRunner.newConfigs;

/**
 * One OpenSearch node of the cluster named {@code aperture}, run by the stack in a JVM of its own so that its classpath
 * never meets the stack's or Quarkus'. Arguments: HTTP port, transport port, base directory (kept between runs),
 * the pid of the process that started it ({@code 0}: none; when that process disappears, even by SIGKILL, the node
 * stops, so no OpenSearch is left behind) and, optionally, the transport address of a node to join.
 * <p>Without an address to join the node founds the cluster alone (cluster manager and data), as the stack's only
 * node; with one it joins that cluster as a data node, which can then leave (or be killed) without the cluster losing
 * its manager. Prints {@code opensearch ready} once the cluster is at least yellow.
 * <p>Its REST layer answers only requests carrying the stack's account ({@link RequestAuthenticationPlugin}); the
 * header's SHA-256 comes in the environment variable {@value #AUTHORIZATION_ENV}, not on the command line that every
 * local user can read.
 */
public final class OpenSearchNodeMain {
    static final String AUTHORIZATION_ENV = "APERTURE_NODE_AUTHORIZATION_SHA256";

    private OpenSearchNodeMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3) {
            System.err.println("usage: OpenSearchNodeMain HTTP_PORT TRANSPORT_PORT BASE_DIR [PARENT_PID [JOIN_HOST:PORT]]");
            System.exit(2);
        }
        String httpPort = args[0];
        String transportPort = args[1];
        Path base = Path.of(args[2]).toAbsolutePath();
        Optional<ProcessHandle> parent = args.length > 3 && !args[3].equals("0")
                ? ProcessHandle.of(Long.parseLong(args[3])) : Optional.empty();
        Optional<String> join = args.length > 4 ? Optional.of(args[4]) : Optional.empty();
        String name = "aperture-" + transportPort;
        String authorization = System.getenv(AUTHORIZATION_ENV);
        if (authorization == null || authorization.isBlank()) {
            System.err.println("opensearch: " + AUTHORIZATION_ENV + " is not set; refusing to serve without authentication");
            System.exit(2);
        }

        OpenSearchRunner runner = new OpenSearchRunner();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                runner.close();
            } catch (Exception e) {
                System.err.println("opensearch: close failed: " + e);
            }
        }, "opensearch-shutdown"));
        runner.onBuild((number, settings) -> {
            settings.put("http.port", httpPort);
            settings.put("transport.port", transportPort);
            settings.put("network.host", "127.0.0.1");
            settings.put("node.name", name);
            if (join.isPresent()) {
                settings.put("discovery.seed_hosts", join.get());
                settings.putList("node.roles", "data", "ingest");
            } else {
                // not single-node discovery: that would refuse the data nodes a multi-node test adds (SearchDataNode)
                settings.put("discovery.seed_hosts", "127.0.0.1:" + transportPort);
                settings.put("cluster.initial_cluster_manager_nodes", name);
            }
            // a laptop disk that is 90 % full must not turn every index read-only
            settings.put("cluster.routing.allocation.disk.threshold_enabled", "false");
            settings.put(RequestAuthenticationPlugin.AUTHORIZATION_SHA256.getKey(), authorization);
        }).build(newConfigs().clusterName("aperture").numOfNode(1).basePath(base.toString())
                .pluginTypes(RequestAuthenticationPlugin.class.getName())
                .disableESLogger().useLogger());
        runner.ensureYellow();
        System.out.println("opensearch ready");
        System.out.flush();

        if (parent.isPresent()) {
            parent.get().onExit().join();
            System.err.println("opensearch: the process that started this node is gone; stopping");
            System.exit(0);
        } else {
            Thread.currentThread().join();
        }
    }
}
