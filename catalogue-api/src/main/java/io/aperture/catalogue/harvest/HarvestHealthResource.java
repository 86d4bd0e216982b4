package io.aperture.catalogue.harvest;

import io.aperture.catalogue.input.WholeNumber;
import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.api.ApiError;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.List;
import java.util.Map;

/** Staff read what the harvester reported (docs/api.md "Harvest health"); the policy decides who is staff here. */
@Path("/api/staff/harvest-health")
@Produces(MediaType.APPLICATION_JSON)
public class HarvestHealthResource {
    private static final int MAX_LIMIT = 200;

    private final HarvestHealthStore store;
    private final AccessControl access;

    HarvestHealthResource(HarvestHealthStore store, AccessControl access) {
        this.store = store;
        this.access = access;
    }

    @GET
    @Authenticated
    @Operation(summary = "The newest reported events of one kind, newest first (staff)")
    public Response events(@QueryParam("kind") String kind, @QueryParam("limit") String limit) {
        if (!access.mayReviewHarvestHealth()) {
            return ApiError.of(403, "the harvest health is for facility staff").response();
        }
        HarvestEventKind k;
        try {
            k = HarvestEventKind.valueOf(kind == null ? "" : kind);
        } catch (IllegalArgumentException e) {
            return ApiError.of(400, "kind must be one of REFUSED, SWMR_WAITING, DEAD_LETTER").withField("kind").response();
        }
        int n = WholeNumber.of("limit", limit, 1, MAX_LIMIT, 50);
        List<HarvestEvent> events = store.newest(k, n);
        return Response.ok(Map.of("events", events)).build();
    }
}
