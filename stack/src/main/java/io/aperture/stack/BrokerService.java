package io.aperture.stack;

import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * ActiveMQ Artemis, embedded in the stack's own JVM: it is a library made for embedding, starts in about a second,
 * and a JVM of its own would cost another ~150 MiB and a second process to clean up. One AMQP acceptor on loopback,
 * a persistent journal in the data folder, and the durable anycast queue {@code aperture.scans} for scan-finished
 * events, and the multicast address {@code aperture.events} for the catalogue's own events. Security is on, as a
 * production broker's must be: no anonymous client, and one account per side ({@link BrokerAccounts}) — the
 * acquisition side may only send scan events, the harvester may only consume them (and look at the dead letters), the
 * server may only send catalogue events, an archive may only subscribe to them. Whoever else can reach the port can
 * neither have a file catalogued nor read what the catalogue does.
 */
final class BrokerService implements ManagedService {
    static final String SCANS = "aperture.scans";
    static final String SCANS_DEAD = "aperture.scans.dead";
    static final String EVENTS = "aperture.events";
    private static final String SENDER_ROLE = "acquisition";
    private static final String HARVESTER_ROLE = "harvester";
    private static final String CATALOGUE_ROLE = "catalogue";
    private static final String ARCHIVE_ROLE = "archive";

    private final Path dir;
    private final int port;
    private final BrokerAccounts accounts;
    private EmbeddedActiveMQ broker;
    private boolean closed;

    BrokerService(Path dir, int port) {
        this.dir = dir;
        this.port = port;
        this.accounts = BrokerAccounts.inFolder(dir);
    }

    BrokerAccounts accounts() {
        return accounts;
    }

    @Override
    public StackService kind() {
        return StackService.BROKER;
    }

    @Override
    public void start() {
        ConfigurationImpl config = new ConfigurationImpl();
        config.setName("aperture");
        config.setPersistenceEnabled(true);
        config.setJournalType(JournalType.NIO);
        config.setJournalDirectory(dir.resolve("journal").toString());
        config.setBindingsDirectory(dir.resolve("bindings").toString());
        config.setLargeMessagesDirectory(dir.resolve("large-messages").toString());
        config.setPagingDirectory(dir.resolve("paging").toString());
        config.setNodeManagerLockDirectory(dir.toString());
        config.setSecurityEnabled(true);
        config.setJMXManagementEnabled(false);
        // the analyzer halts the broker when an I/O call takes long, which a busy 2-core laptop does on start-up
        config.setCriticalAnalyzer(false);
        // messages in memory before paging to disk; the default is half the supervisor's heap
        config.setGlobalMaxSize(64L * 1024 * 1024);
        try {
            config.addAcceptorConfiguration("amqp", "tcp://127.0.0.1:" + port + "?protocols=AMQP");
        } catch (Exception e) {
            throw new StackException("Artemis: bad acceptor for port " + port + ": " + e.getMessage(), e);
        }
        config.addAddressConfiguration(new CoreAddressConfiguration().setName(SCANS).addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(SCANS).setRoutingType(RoutingType.ANYCAST).setDurable(true)));
        // a message the harvester rejects (malformed) is kept here for a person to look at, not dropped
        config.addAddressConfiguration(new CoreAddressConfiguration().setName(SCANS_DEAD).addRoutingType(RoutingType.ANYCAST)
                .addQueueConfiguration(QueueConfiguration.of(SCANS_DEAD).setRoutingType(RoutingType.ANYCAST).setDurable(true)));
        // the catalogue's own events: a topic, each archive or pipeline with a durable subscription of its own
        config.addAddressConfiguration(new CoreAddressConfiguration().setName(EVENTS).addRoutingType(RoutingType.MULTICAST));
        config.addAddressSetting(SCANS, new AddressSettings().setDeadLetterAddress(SimpleString.of(SCANS_DEAD))
                .setMaxDeliveryAttempts(10));
        // Role(name, send, consume, createDurableQueue, deleteDurableQueue, createNonDurableQueue,
        //      deleteNonDurableQueue, manage, browse, createAddress, deleteAddress)
        config.putSecurityRoles(SCANS, Set.of(
                new Role(SENDER_ROLE, true, false, false, false, false, false, false, false, false, false),
                new Role(HARVESTER_ROLE, false, true, false, false, false, false, false, true, false, false)));
        config.putSecurityRoles(SCANS_DEAD, Set.of(
                new Role(HARVESTER_ROLE, false, true, false, false, false, false, false, true, false, false)));
        // a subscriber creates its subscription queue on the topic: durable (survives its absence) or not
        config.putSecurityRoles(EVENTS + ".#", Set.of(
                new Role(CATALOGUE_ROLE, true, false, false, false, false, false, false, false, false, false),
                new Role(ARCHIVE_ROLE, false, true, true, true, true, true, false, true, false, false)));
        SecurityConfiguration users = new SecurityConfiguration();
        users.addUser(accounts.senderUser(), accounts.senderPassword());
        users.addRole(accounts.senderUser(), SENDER_ROLE);
        users.addUser(accounts.harvesterUser(), accounts.harvesterPassword());
        users.addRole(accounts.harvesterUser(), HARVESTER_ROLE);
        users.addUser(accounts.catalogueUser(), accounts.cataloguePassword());
        users.addRole(accounts.catalogueUser(), CATALOGUE_ROLE);
        users.addUser(accounts.archiveUser(), accounts.archivePassword());
        users.addRole(accounts.archiveUser(), ARCHIVE_ROLE);
        EmbeddedActiveMQ b = new EmbeddedActiveMQ();
        b.setConfiguration(config);
        b.setSecurityManager(new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users));
        synchronized (this) {
            if (closed) {
                throw new StackException("Artemis: start-up cancelled");
            }
        }
        try {
            b.start();
        } catch (Exception e) {
            stop(b);
            throw new StackException("Artemis could not be started on port " + port + ": " + e.getMessage()
                    + " (its log is the stack's own: logs/stack.log under StackMain)", e);
        }
        // close() may have been called while the broker was starting; it could not stop what it did not have yet
        synchronized (this) {
            if (!closed) {
                broker = b;
                return;
            }
        }
        stop(b);
        throw new StackException("Artemis: start-up cancelled");
    }

    @Override
    public Optional<ProcessHandle> process() {
        return Optional.empty(); // runs inside this JVM
    }

    @Override
    public void close() {
        EmbeddedActiveMQ b;
        synchronized (this) {
            closed = true;
            b = broker;
            broker = null;
        }
        if (b != null) {
            stop(b);
        }
    }

    private static void stop(EmbeddedActiveMQ b) {
        try {
            b.stop();
        } catch (Exception e) {
            System.err.println("aperture: Artemis did not stop cleanly: " + e.getMessage());
        }
    }
}
