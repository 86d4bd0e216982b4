package io.aperture.catalogue.events;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.apache.qpid.protonj2.client.exceptions.ClientException;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Publishes what the audit log gained since the last run as {@link CatalogueEvent}s. The audit log is the outbox: its
 * rows are written in the transaction of the change they record and ordered by commit (audit_append's lock), so the
 * publisher only keeps a cursor ({@code event_cursor}, V17). The cursor row is taken {@code FOR UPDATE SKIP LOCKED}:
 * of several server instances one publishes at a time. The cursor moves only after the broker has accepted every
 * message of the run, so an outage or a crash delays events and may repeat the last run's, never loses one.
 */
@ApplicationScoped
public class EventPublisher {
    private static final Logger LOG = Logger.getLogger(EventPublisher.class);
    private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {};

    private final EntityManager em;
    private final ObjectMapper json;
    private final int batchSize;
    private final AmqpEvents broker;

    EventPublisher(EntityManager em, ObjectMapper json, EventsConfig config) {
        this.em = em;
        this.json = json;
        this.batchSize = config.batchSize();
        this.broker = config.amqpUrl().filter(u -> !u.isBlank())
                .map(u -> new AmqpEvents(URI.create(u), config.address(), config.user().orElse(null),
                        config.password().orElse(null), json))
                .orElse(null);
    }

    @Scheduled(every = "${aperture.events.publish-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (broker == null) {
            return;
        }
        try {
            publishOnce();
        } catch (RuntimeException e) {
            if (e.getCause() instanceof ClientException broken) {
                LOG.warnf("catalogue events not published (the broker: %s); they wait in the audit log for the next run",
                        broken.getMessage());
            } else {
                LOG.errorf(e, "catalogue events not published; they wait in the audit log for the next run");
            }
        }
    }

    /** One run: returns how many events were sent, -1 when another instance is publishing or no broker is configured. */
    public int publishOnce() {
        if (broker == null) {
            return -1;
        }
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> cursor = em.createNativeQuery(
                    "SELECT last_audit_id FROM event_cursor WHERE name = 'amqp' FOR UPDATE SKIP LOCKED").getResultList();
            if (cursor.isEmpty()) {
                return -1;
            }
            long last = ((Number) cursor.getFirst()).longValue();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            SELECT id, cast(floor(extract(epoch FROM occurred_at) * 1000) AS bigint), action, subject_type, subject_id, proposal, cast(details AS text)
                            FROM audit_event WHERE id > ?1 ORDER BY id LIMIT ?2""")
                    .setParameter(1, last).setParameter(2, batchSize).getResultList();
            if (rows.isEmpty()) {
                return 0;
            }
            List<CatalogueEvent> events = new ArrayList<>();
            for (Object[] r : rows) {
                Map<String, Object> details = json.readValue((String) r[6], DETAILS);
                Optional<String> type = CatalogueEvent.type((String) r[2], details);
                if (type.isPresent()) {
                    events.add(new CatalogueEvent(((Number) r[0]).longValue(), type.get(), Instant.ofEpochMilli(((Number) r[1]).longValue()), (String) r[3],
                            (String) r[4], (String) r[5], details));
                }
            }
            if (!events.isEmpty()) {
                broker.send(events);
            }
            em.createNativeQuery("UPDATE event_cursor SET last_audit_id = ?1 WHERE name = 'amqp'")
                    .setParameter(1, ((Number) rows.getLast()[0]).longValue()).executeUpdate();
            return events.size();
        });
    }

    void stop(@Observes ShutdownEvent e) {
        if (broker != null) {
            broker.close();
        }
    }
}
