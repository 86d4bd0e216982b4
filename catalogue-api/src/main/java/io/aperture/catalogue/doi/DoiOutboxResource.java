package io.aperture.catalogue.doi;

import io.aperture.catalogue.input.WholeNumber;
import io.aperture.catalogue.api.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.Clock;
import java.util.List;
import java.util.Locale;

/**
 * Staff view of the DOI outbox: {@code GET} lists the calls that failed (DataCite refused them, with its answer) and
 * those still pending (with their attempts, last error and next attempt); {@code POST .../{id}/retry} sends a failed
 * call again once its cause is fixed.
 */
@Path("/api/staff/doi/outbox")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("staff")
public class DoiOutboxResource {
    private static final int MAX_LIMIT = 1000;

    private final DoiOutboxRows rows;
    private final Clock clock;

    DoiOutboxResource(DoiOutboxRows rows, Clock clock) {
        this.rows = rows;
        this.clock = clock;
    }

    @GET
    @Operation(summary = "Failed and pending DataCite calls, failed first (staff)")
    public Response list(@QueryParam("status") String status, @QueryParam("limit") String limitParameter) {
        if (status != null && !status.equalsIgnoreCase("failed") && !status.equalsIgnoreCase("pending")) {
            return ApiError.of(400, "status must be failed or pending").withField("status").response();
        }
        int n = WholeNumber.of("limit", limitParameter, 1, MAX_LIMIT, 100);
        List<DoiOutboxRows.Row> found = rows.list(status == null ? null : status.toUpperCase(Locale.ROOT), n);
        return Response.ok(found).build();
    }

    @POST
    @Path("{id}/retry")
    @Transactional
    @Operation(summary = "Send a failed DataCite call again (staff)")
    public Response retry(@PathParam("id") long id) {
        return rows.retry(id, clock.instant()) ? Response.noContent().build()
                : ApiError.of(404, "no failed DOI call with this id").response();
    }
}
