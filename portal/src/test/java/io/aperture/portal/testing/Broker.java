package io.aperture.portal.testing;

import io.aperture.stack.BrokerAccounts;
import io.aperture.stack.StackEndpoints;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.ConnectionOptions;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Receiver;
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
    private final Optional<String> senderUser;
    private final Optional<String> senderPassword;
    private final Optional<String> archiveUser;
    private final Optional<String> archivePassword;
    private final Client client = Client.create();
    private Connection connection;

    private Broker(String host, int port, Optional<String> user, Optional<String> password, Optional<String> senderUser,
                   Optional<String> senderPassword, Optional<String> archiveUser, Optional<String> archivePassword) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.senderUser = senderUser;
        this.senderPassword = senderPassword;
        this.archiveUser = archiveUser;
        this.archivePassword = archivePassword;
    }

    public static Broker ofStack() {
        if (System.getenv("APERTURE_AMQP_PORT") != null) {
            return new Broker(Optional.ofNullable(System.getenv("APERTURE_AMQP_HOST")).orElse("127.0.0.1"),
                    Integer.parseInt(System.getenv("APERTURE_AMQP_PORT")),
                    Optional.ofNullable(System.getenv("APERTURE_AMQP_USER")),
                    Optional.ofNullable(System.getenv("APERTURE_AMQP_PASSWORD")),
                    Optional.ofNullable(System.getenv("APERTURE_AMQP_SENDER_USER")),
                    Optional.ofNullable(System.getenv("APERTURE_AMQP_SENDER_PASSWORD")),
                    Optional.ofNullable(System.getenv("APERTURE_AMQP_ARCHIVE_USER")),
                    Optional.ofNullable(System.getenv("APERTURE_AMQP_ARCHIVE_PASSWORD")));
        }
        Config c = ConfigProvider.getConfig();
        return new Broker(c.getValue("aperture.test.amqp.host", String.class), c.getValue("aperture.test.amqp.port", Integer.class),
                c.getOptionalValue("aperture.test.amqp.user", String.class),
                c.getOptionalValue("aperture.test.amqp.password", String.class),
                c.getOptionalValue("aperture.test.amqp.sender-user", String.class),
                c.getOptionalValue("aperture.test.amqp.sender-password", String.class),
                c.getOptionalValue("aperture.test.amqp.archive-user", String.class),
                c.getOptionalValue("aperture.test.amqp.archive-password", String.class));
    }

    /** A broker a test started itself ({@code EmbeddedStack} with only the broker), with the stack's accounts. */
    public static Broker of(StackEndpoints own) {
        BrokerAccounts a = own.amqpAccounts();
        return new Broker(own.amqpHost(), own.amqpPort(), Optional.of(a.harvesterUser()), Optional.of(a.harvesterPassword()),
                Optional.of(a.senderUser()), Optional.of(a.senderPassword()), Optional.of(a.archiveUser()),
                Optional.of(a.archivePassword()));
    }

    public String url() {
        return "amqp://" + host + ":" + port;
    }

    /** The harvester's account: it may consume scan events, not send them. */
    public Optional<String> user() {
        return user;
    }

    public Optional<String> password() {
        return password;
    }

    /** One "scan finished" message for an absolute path, as docs/harvester.md describes it, sent with the sender's account. */
    public synchronized void announce(String path) throws Exception {
        if (connection == null) {
            ConnectionOptions options = new ConnectionOptions();
            senderUser.ifPresent(options::user);
            senderPassword.ifPresent(options::password);
            connection = client.connect(host, port, options);
        }
        try (Sender s = connection.openSender(SCANS)) {
            s.send(Message.create("{\"event\": \"scan-finished\", \"path\": \"" + path + "\"}").durable(true))
                    .awaitSettlement(10, TimeUnit.SECONDS);
        }
    }

    /**
     * A subscription to the catalogue's events with the archive's account, attached when this returns: it receives
     * what is published from now on. Closed with this broker.
     */
    public synchronized Receiver subscribeToEvents() throws Exception {
        ConnectionOptions options = new ConnectionOptions();
        archiveUser.ifPresent(options::user);
        archivePassword.ifPresent(options::password);
        Receiver r = client.connect(host, port, options).openReceiver("aperture.events");
        r.openFuture().get(10, TimeUnit.SECONDS);
        return r;
    }

    @Override
    public void close() {
        client.close();
    }
}
