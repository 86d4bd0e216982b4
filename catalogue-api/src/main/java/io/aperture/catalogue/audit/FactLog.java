package io.aperture.catalogue.audit;

import io.aperture.policy.audit.AuditFact;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Appends the policy's audit facts to the audit log: the one serialisation of an {@link AuditFact}, so every
 * workflow change and every audited read is recorded alike.
 */
@ApplicationScoped
public class FactLog {
    private static final String VISIT_SUBJECT = "visit:";

    private final AuditLog audit;

    FactLog(AuditLog audit) {
        this.audit = audit;
    }

    /** Appends {@code facts}; {@code datasetPid}, when given, names the dataset whose ingest caused them. */
    public void append(List<AuditFact> facts, Optional<String> datasetPid) {
        facts.forEach(f -> append(f, datasetPid, Map.of()));
    }

    /** Appends one fact with extra details (e.g. which view served an audited read). */
    public void append(AuditFact f, Optional<String> datasetPid, Map<String, Object> extra) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("endBefore", f.endBefore().toString());
        details.put("endAfter", f.endAfter().toString());
        f.reason().ifPresent(r -> details.put("reason", r));
        datasetPid.ifPresent(pid -> details.put("dataset", pid));
        details.putAll(extra);
        audit.append(new AuditLog.AuditEvent(f.at(), f.actor(), f.action().name(),
                f.subjectId().startsWith(VISIT_SUBJECT) ? "VISIT" : "DATASET", f.subjectId(),
                f.proposalId().isEmpty() ? null : f.proposalId(), details));
    }
}
