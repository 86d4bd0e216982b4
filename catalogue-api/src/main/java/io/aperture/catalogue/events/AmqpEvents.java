package io.aperture.catalogue.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.qpid.protonj2.client.Client;
import org.apache.qpid.protonj2.client.ClientOptions;
import org.apache.qpid.protonj2.client.Connection;
import org.apache.qpid.protonj2.client.ConnectionOptions;
import org.apache.qpid.protonj2.client.Message;
import org.apache.qpid.protonj2.client.Sender;
import org.apache.qpid.protonj2.client.Tracker;
import org.apache.qpid.protonj2.client.exceptions.ClientException;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The publisher's link to the broker (Qpid protonj2, blocking: the publisher is a scheduled job). Opened on first use,
 * dropped on any failure and opened again on the next run.
 */
final class AmqpEvents implements AutoCloseable {
    private static final long SETTLE_SECONDS = 30;

    private final URI url;
    private final String address;
    private final String user;
    private final String password;
    private final ObjectMapper json;
    private Client client;
    private Connection connection;
    private Sender sender;

    AmqpEvents(URI url, String address, String user, String password, ObjectMapper json) {
        if (!"amqp".equals(url.getScheme()) && !"amqps".equals(url.getScheme()) || url.getHost() == null) {
            throw new IllegalArgumentException("aperture.events.amqp-url must be amqp://host:port or amqps://host:port, got " + url);
        }
        this.url = url;
        this.address = address;
        this.user = user;
        this.password = password;
        this.json = json;
    }

    /** Sends the events as durable messages and returns once the broker has settled every one of them. */
    synchronized void send(List<CatalogueEvent> events) throws ClientException {
        try {
            Sender s = sender();
            List<Tracker> sent = new ArrayList<>(events.size());
            for (CatalogueEvent e : events) {
                Message<String> m = Message.create(json.writeValueAsString(e)).durable(true)
                        .messageId("aperture-event-" + e.id()).subject(e.type()).contentType("application/json");
                sent.add(s.send(m));
            }
            for (Tracker t : sent) {
                t.awaitSettlement(SETTLE_SECONDS, TimeUnit.SECONDS);
                if (!t.remoteState().isAccepted()) {
                    throw new ClientException("the broker did not accept event " + events.get(sent.indexOf(t)).id()
                            + ": " + t.remoteState().getType());
                }
            }
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("events are plain values", e);
        } catch (ClientException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Sender sender() throws ClientException {
        if (sender == null) {
            client = Client.create(new ClientOptions().id("aperture-events"));
            ConnectionOptions o = new ConnectionOptions();
            if (user != null) {
                o.user(user).password(password);
            }
            o.sslEnabled("amqps".equals(url.getScheme()));
            connection = client.connect(url.getHost(), url.getPort() > 0 ? url.getPort() : ("amqps".equals(url.getScheme()) ? 5671 : 5672), o);
            sender = connection.openSender(address);
        }
        return sender;
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close(); // closes the connection and its sender
        }
        client = null;
        connection = null;
        sender = null;
    }
}
