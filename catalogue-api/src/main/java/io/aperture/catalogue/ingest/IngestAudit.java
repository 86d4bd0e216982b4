package io.aperture.catalogue.ingest;

import io.aperture.catalogue.audit.AuditLog;
import io.aperture.catalogue.model.Dataset;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The audit row of every ingest: where the record came from and the embargo terms it was given. */
@ApplicationScoped
class IngestAudit {
    private final AuditLog audit;

    IngestAudit(AuditLog audit) {
        this.audit = audit;
    }

    void record(Dataset ds, boolean created, String actor, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", ds.sourcePath + "#" + ds.entryName);
        details.put("producedAt", ds.producedAt.toString());
        details.put("embargoEnd", ds.embargoEnd.toString());
        details.put("accessState", ds.accessState.name());
        audit.append(new AuditLog.AuditEvent(now, actor, created ? "RECORD_INGESTED" : "RECORD_UPDATED", "DATASET", ds.pid,
                ds.proposal == null ? null : ds.proposal.pid, details));
    }
}
