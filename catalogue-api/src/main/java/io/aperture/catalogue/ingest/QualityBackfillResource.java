package io.aperture.catalogue.ingest;

import io.aperture.catalogue.input.WholeNumber;
import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.api.ApiError;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code POST /api/staff/quality/backfill[?limit=n]}: assesses datasets stored without quality ({@link QualityBackfill}). */
@Path("/api/staff/quality/backfill")
@Produces(MediaType.APPLICATION_JSON)
public class QualityBackfillResource {
    private static final int DEFAULT_LIMIT = 500;
    private static final int MAX_LIMIT = 5_000;

    private final QualityBackfill backfill;
    private final AccessControl access;

    QualityBackfillResource(QualityBackfill backfill, AccessControl access) {
        this.backfill = backfill;
        this.access = access;
    }

    @POST
    @Operation(summary = "Assess the metadata quality of datasets stored before it was kept, newest first (staff)")
    public Response run(@QueryParam("limit") String limitParameter) {
        if (!access.mayReviewQuality()) {
            return access.caller().isAnonymous()
                    ? ApiError.of(401, "log in as facility staff to assess metadata quality").response()
                    : ApiError.of(403, "assessing metadata quality is for facility staff").withCode("STAFF_ONLY").response();
        }
        return Response.ok(backfill.run(WholeNumber.of("limit", limitParameter, 1, MAX_LIMIT, DEFAULT_LIMIT))).build();
    }
}
