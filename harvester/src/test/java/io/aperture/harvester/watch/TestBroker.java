package io.aperture.harvester.watch;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.Queue;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.ConnectionOptions;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Sender;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.TimeUnit;

/**
 * A real ActiveMQ Artemis broker with one AMQP acceptor on a free loopback port, configured as the embedded stack's
 * (stack/BrokerService: durable anycast queue aperture.scans), plus a dead-letter queue for rejected messages.
 * Messages are sent with Qpid protonj2, a client independent of the one under test.
 */
public final class TestBroker implements AutoCloseable {
    public static final String SCANS = "aperture.scans";
    public static final String DLQ = "DLQ";

    private final EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    private final int port;
    private final Client client = Client.create();
    private Connection connection;

    public TestBroker() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("harvester-test");
        config.setPersistenceEnabled(false);
        config.setSecurityEnabled(false);
        config.setJMXManagementEnabled(false);
        config.setCriticalAnalyzer(false);
        config.addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP");
        config.addAddressConfiguration(new CoreAddressConfiguration().setName(SCANS).addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(SCANS).setRoutingType(RoutingType.ANYCAST).setDurable(true)));
        config.addAddressConfiguration(new CoreAddressConfiguration().setName(DLQ).addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(DLQ).setRoutingType(RoutingType.ANYCAST)));
        config.addAddressSetting("#", new AddressSettings().setDeadLetterAddress(SimpleString.of(DLQ)));
        broker.setConfiguration(config);
        broker.start();
    }

    public String url() {
        return "amqp://127.0.0.1:" + port;
    }

    public synchronized void sendText(String body) throws Exception {
        send(Message.create(body));
    }

    /** A body in a data section, as JMS bytes messages and many non-Java clients send it. */
    public synchronized void sendBytes(byte[] body) throws Exception {
        send(Message.create(body));
    }

    private <T> void send(Message<T> m) throws Exception {
        if (connection == null) {
            connection = client.connect("127.0.0.1", port, new ConnectionOptions().user("aperture").password("aperture"));
        }
        try (Sender s = connection.openSender(SCANS)) {
            s.send(m.durable(true)).awaitSettlement(10, TimeUnit.SECONDS);
        }
    }

    public Queue queue(String name) {
        return broker.getActiveMQServer().locateQueue(SimpleString.of(name));
    }

    /** Messages still in the queue, delivered but unsettled ones included. */
    public long waiting(String name) {
        return queue(name).getMessageCount();
    }

    @Override
    public void close() throws Exception {
        try {
            if (connection != null) {
                connection.close();
            }
            client.close();
        } finally {
            broker.stop();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
