package io.aperture.catalogue.embargo;

import io.aperture.catalogue.model.AccessState;
import io.aperture.catalogue.model.Dataset;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneId;

/** Framework side of the embargo engine: applies policy/ decisions to stored datasets. */
@ApplicationScoped
public class EmbargoService {
    private static final Logger LOG = Logger.getLogger(EmbargoService.class);

    // POLICY-WIRE: replaced by policy EmbargoRules
    public DatasetEmbargo forNewProduction(Dataset ds, Instant now) {
        Instant end = ds.producedAt.atZone(ZoneId.of("Europe/London")).plusYears(3).toInstant();
        if (!end.isAfter(now)) {
            return new DatasetEmbargo(end, AccessState.RELEASED, "CC-BY-4.0", end);
        }
        return new DatasetEmbargo(end, AccessState.EMBARGOED, null, null);
    }

    public void recordIngest(Dataset ds, boolean created, Instant now) {
        LOG.debugf("ingested %s (%s)", ds.pid, created ? "new" : "changed");
    }
}
