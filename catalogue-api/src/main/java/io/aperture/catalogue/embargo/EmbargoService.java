package io.aperture.catalogue.embargo;

import io.aperture.catalogue.audit.AuditLog;
import io.aperture.catalogue.model.AccessState;
import io.aperture.catalogue.model.Dataset;
import io.aperture.policy.embargo.EmbargoRules;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Framework side of the embargo engine: applies the policy's dates to stored datasets and records each decision. */
@ApplicationScoped
public class EmbargoService {
    private final EmbargoRules rules;
    private final AuditLog audit;

    EmbargoService(EmbargoRules rules, AuditLog audit) {
        this.rules = rules;
        this.audit = audit;
    }

    /** The embargo of a dataset produced at {@code ds.producedAt}: already over (released) or running. */
    public DatasetEmbargo forNewProduction(Dataset ds, Instant now) {
        Instant end = rules.embargoEnd(ds.producedAt);
        if (!end.isAfter(now)) {
            return new DatasetEmbargo(end, AccessState.RELEASED, rules.releaseLicence().spdxId(), end);
        }
        return new DatasetEmbargo(end, AccessState.EMBARGOED, null, null);
    }

    public void recordIngest(Dataset ds, boolean created, String actor, Instant now) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("source", ds.sourcePath + "#" + ds.entryName);
        details.put("producedAt", ds.producedAt.toString());
        details.put("embargoEnd", ds.embargoEnd.toString());
        details.put("accessState", ds.accessState.name());
        audit.append(new AuditLog.AuditEvent(now, actor, created ? "RECORD_INGESTED" : "RECORD_UPDATED", "DATASET", ds.pid,
                ds.proposal == null ? null : ds.proposal.pid, details));
    }
}
