package io.aperture.portal.testing;

import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.ConnectionOptions;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Sender;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The stack's Artemis broker as the acquisition system sees it: where it is (APERTURE_AMQP_* under ./aperture test,
 * else the settings RealServices gives), and durable "scan finished" messages sent to its scan queue with Qpid
 * protonj2, a client independent of the harvester's.
 */
public final class Broker implements AutoCloseable {
    public static final String SCANS = "aperture.scans";

    private final String host;
    private final int port;
    private final Optional<String> user;
    private final Optional<String> password;
    private final Client client = Client.create();
    private Connection connection;

    private Broker(String host, int port, Optional<String> user, Optional<String> password) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
    }

    public static Broker ofStack() {
        if (System.getenv("APERTURE_AMQP_PORT") != null) {
            return new Broker(Optional.ofNullable(System.getenv("APERTURE_AMQP_HOST")).orElse("127.0.0.1"),
                    Integer.parseInt(System.getenv("APERTURE_AMQP_PORT")),
                    Optional.ofNullable(System.getenv("APERTURE_AMQP_USER")),
                    Optional.ofNullable(System.getenv("APERTURE_AMQP_PASSWORD")));
        }
        Config c = ConfigProvider.getConfig();
        return new Broker(c.getValue("aperture.test.amqp.host", String.class), c.getValue("aperture.test.amqp.port", Integer.class),
                c.getOptionalValue("aperture.test.amqp.user", String.class),
                c.getOptionalValue("aperture.test.amqp.password", String.class));
    }

    public String url() {
        return "amqp://" + host + ":" + port;
    }

    public Optional<String> user() {
        return user;
    }

    public Optional<String> password() {
        return password;
    }

    /** One "scan finished" message for an absolute path, as docs/harvester.md describes it. */
    public synchronized void announce(String path) throws Exception {
        if (connection == null) {
            ConnectionOptions options = new ConnectionOptions();
            user.ifPresent(options::user);
            password.ifPresent(options::password);
            connection = client.connect(host, port, options);
        }
        try (Sender s = connection.openSender(SCANS)) {
            s.send(Message.create("{\"event\": \"scan-finished\", \"path\": \"" + path + "\"}").durable(true))
                    .awaitSettlement(10, TimeUnit.SECONDS);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
