package io.aperture.portal.testing;

import io.aperture.stack.EmbeddedStack;
import io.aperture.stack.Ports;
import io.aperture.stack.StackEndpoints;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The real services behind every Quarkus test. Under {@code ./aperture test} one stack is started for the whole run and
 * its APERTURE_* variables are in the environment, which application.properties reads directly. Run any other way
 * (an IDE, {@code ./mvnw verify} alone), this starts an embedded stack of its own on free ports, once per JVM.
 */
public class RealServices implements QuarkusTestResourceLifecycleManager {
    private static EmbeddedStack stack;
    private static StackEndpoints endpoints;

    /** Where the server sends mail in tests: a real SMTP server (GreenMail) for the whole run; tests read it by POP3. */
    public static final int SMTP_PORT = Integer.getInteger("aperture.test.smtp-port", 3025);
    public static final int POP3_PORT = Integer.getInteger("aperture.test.pop3-port", 3110);
    private static com.icegreen.greenmail.util.GreenMail mail;
    private static final String MAIL_STARTED = "aperture.test.mail-started";

    @Override
    public synchronized Map<String, String> start() {
        // once per JVM: a test with its own profile restarts Quarkus in a new class loader, where this class's statics
        // are fresh, while the mail server of the first start still holds the ports
        if (mail == null && System.getProperty(MAIL_STARTED) == null) {
            System.setProperty(MAIL_STARTED, "true");
            // accounts appear on first delivery, login and password both the address
            mail = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup[]{
                    new com.icegreen.greenmail.util.ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"),
                    new com.icegreen.greenmail.util.ServerSetup(POP3_PORT, "127.0.0.1", "pop3")});
            mail.start();
            Runtime.getRuntime().addShutdownHook(new Thread(mail::stop));
        }
        Map<String, String> mail = Map.of("quarkus.mailer.mock", "false", "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(SMTP_PORT), "quarkus.mailer.from", "user-office@aperture.test");
        if (System.getenv("APERTURE_DB_URL") != null) {
            return mail;
        }
        if (stack == null) {
            Path dir = Path.of("target", "test-stack-" + ProcessHandle.current().pid());
            stack = EmbeddedStack.builder(dir)
                    .postgresPort(Ports.free()).searchPort(Ports.free()).keycloakPort(Ports.free()).amqpPort(Ports.free())
                    .fastUnsafeDisk(true) // thrown away after the run
                    .build();
            endpoints = stack.start();
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close));
        }
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", endpoints.jdbcUrl());
        config.put("quarkus.datasource.username", endpoints.dbUser());
        config.put("quarkus.datasource.password", endpoints.dbPassword());
        config.put("quarkus.hibernate-search-orm.elasticsearch.hosts", endpoints.searchHosts());
        config.put("quarkus.hibernate-search-orm.elasticsearch.username", endpoints.searchCredentials().user());
        config.put("quarkus.hibernate-search-orm.elasticsearch.password", endpoints.searchCredentials().password());
        config.put("quarkus.oidc.auth-server-url", endpoints.issuerUrl());
        config.put("quarkus.oidc.api.auth-server-url", endpoints.issuerUrl());
        config.put("aperture.test.keycloak-issuer", endpoints.issuerUrl());
        // the broker, for tests that run `harvest watch` (under ./aperture test they read APERTURE_AMQP_* instead)
        config.put("aperture.test.amqp.host", endpoints.amqpHost());
        config.put("aperture.test.amqp.port", String.valueOf(endpoints.amqpPort()));
        if (endpoints.amqpAccounts() != null) {
            config.put("aperture.test.amqp.user", endpoints.amqpAccounts().harvesterUser());
            config.put("aperture.test.amqp.password", endpoints.amqpAccounts().harvesterPassword());
            config.put("aperture.test.amqp.sender-user", endpoints.amqpAccounts().senderUser());
            config.put("aperture.test.amqp.sender-password", endpoints.amqpAccounts().senderPassword());
            config.put("aperture.test.amqp.archive-user", endpoints.amqpAccounts().archiveUser());
            config.put("aperture.test.amqp.archive-password", endpoints.amqpAccounts().archivePassword());
            config.put("aperture.events.amqp-url", "amqp://" + endpoints.amqpHost() + ":" + endpoints.amqpPort());
            config.put("aperture.events.user", endpoints.amqpAccounts().catalogueUser());
            config.put("aperture.events.password", endpoints.amqpAccounts().cataloguePassword());
        }
        config.putAll(mail);
        return config;
    }

    @Override
    public void stop() {
        // The stack lives as long as the test JVM: several test classes share it; the shutdown hook stops it.
    }
}
