package io.aperture.catalogue.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.catalogue.api.ApiError;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.Map;

/**
 * The harvester reports what it could not catalogue (docs/api.md "Harvest health"). A class of its own under
 * {@code /api/ingest/harvest-health}: JAX-RS picks one root resource by its path, and {@code /api/ingest} is
 * {@code IngestResource}'s.
 */
@Path("/api/ingest/harvest-health")
@Produces(MediaType.APPLICATION_JSON)
public class HarvestReportResource {
    private final HarvestReportReader reader;
    private final HarvestHealthStore store;
    private final HarvestCounters counters;

    @Inject
    SecurityIdentity identity;

    HarvestReportResource(HarvestReportReader reader, HarvestHealthStore store, HarvestCounters counters) {
        this.reader = reader;
        this.store = store;
        this.counters = counters;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("harvester")
    @Operation(summary = "Report files harvested, refused, waiting for SWMR writers and dead-lettered messages (harvester)")
    public Response report(JsonNode body) {
        HarvestReport report;
        try {
            report = reader.read(body);
        } catch (HarvestReportReader.InvalidReport e) {
            return ApiError.of(400, e.getMessage()).withField(e.field()).response();
        }
        store.store(report, identity.getPrincipal().getName());
        counters.reported(report);
        return Response.ok(Map.of("stored", report.events().size())).build();
    }
}
