package io.aperture.catalogue.harvest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.api.ApiError;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Map;

/** The harvester reports what it could not catalogue; staff read it (docs/api.md "Harvest health"). */
@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
public class HarvestHealthResource {
    private static final int MAX_LIMIT = 200;

    private final HarvestReportReader reader;
    private final HarvestHealthStore store;
    private final HarvestCounters counters;
    private final AccessControl access;

    @Inject
    SecurityIdentity identity;

    HarvestHealthResource(HarvestReportReader reader, HarvestHealthStore store, HarvestCounters counters, AccessControl access) {
        this.access = access;
        this.reader = reader;
        this.store = store;
        this.counters = counters;
    }

    @POST
    @Path("/ingest/harvest-health")
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

    @GET
    @Path("/staff/harvest-health")
    @Authenticated
    @Operation(summary = "The newest reported events of one kind, newest first (staff)")
    public Response events(@QueryParam("kind") String kind, @QueryParam("limit") Integer limit) {
        if (!access.mayReviewHarvestHealth()) {
            return ApiError.of(403, "the harvest health is for facility staff").response();
        }
        HarvestEventKind k;
        try {
            k = HarvestEventKind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            return ApiError.of(400, "kind must be one of REFUSED, SWMR_WAITING, DEAD_LETTER").withField("kind").response();
        }
        int n = limit == null ? 50 : limit;
        if (n < 1 || n > MAX_LIMIT) {
            return ApiError.of(400, "limit must be between 1 and " + MAX_LIMIT).withField("limit").response();
        }
        List<HarvestEvent> events = store.newest(k, n);
        return Response.ok(Map.of("events", events)).build();
    }
}
