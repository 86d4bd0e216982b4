package io.aperture.catalogue.doi;

import io.aperture.catalogue.input.WholeNumber;
import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.api.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /api/staff/doi/backfill[?limit=n]}: mints DOIs for released datasets without one ({@link DoiBackfill}). */
@Path("/api/staff/doi/backfill")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("staff")
public class DoiBackfillResource {
    private static final int DEFAULT_LIMIT = 1000;
    private static final int MAX_LIMIT = 10_000;

    private final DoiBackfill backfill;
    private final AccessControl access;

    DoiBackfillResource(DoiBackfill backfill, AccessControl access) {
        this.backfill = backfill;
        this.access = access;
    }

    @POST
    @Operation(summary = "Queue DOIs for released datasets that have none, newest first (staff)")
    public Response run(@QueryParam("limit") String limitParameter) {
        int limit = WholeNumber.of("limit", limitParameter, 1, MAX_LIMIT, DEFAULT_LIMIT);
        if (!backfill.enabled()) {
            return ApiError.of(409, "DOIs are disabled (aperture.doi.enabled=false): nothing can be minted")
                    .withCode("DOIS_DISABLED").response();
        }
        return Response.ok(backfill.run(limit, access)).build();
    }
}
