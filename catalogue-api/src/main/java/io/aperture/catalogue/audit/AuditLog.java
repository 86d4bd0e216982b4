package io.aperture.catalogue.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

/**
 * Appends to the audit log (db migration V3) in the caller's transaction, so an event is recorded exactly when the
 * change it describes commits. Hashing and chaining happen in the database, where rows are also protected from
 * update and delete.
 */
@ApplicationScoped
public class AuditLog {
    private final EntityManager em;
    private final ObjectMapper mapper;

    AuditLog(EntityManager em, ObjectMapper mapper) {
        this.em = em;
        this.mapper = mapper;
    }

    public long append(AuditEvent event) {
        String details;
        try {
            details = mapper.writeValueAsString(new TreeMap<>(event.details()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit details must be plain values", e);
        }
        Number id = (Number) em.createNativeQuery("SELECT audit_append(?1, ?2, ?3, ?4, ?5, ?6, cast(?7 AS jsonb))")
                .setParameter(1, OffsetDateTime.ofInstant(event.at(), ZoneOffset.UTC))
                .setParameter(2, event.actor())
                .setParameter(3, event.action())
                .setParameter(4, event.subjectType())
                .setParameter(5, event.subjectId())
                .setParameter(6, event.proposal())
                .setParameter(7, details)
                .getSingleResult();
        return id.longValue();
    }

    public record AuditEvent(Instant at, String actor, String action, String subjectType, String subjectId,
                             String proposal, Map<String, Object> details) {}
}
