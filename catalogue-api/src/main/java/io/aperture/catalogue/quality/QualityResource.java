package io.aperture.catalogue.quality;

import io.aperture.catalogue.api.ApiError;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * {@code GET /api/datasets/{pid}/quality}: the dataset's conformance findings and FAIR assessment. A dataset the caller
 * may not see is a 404 like an unknown pid; one it sees but whose quality is for staff only is a 403.
 */
@Path("/api/datasets/{pid}/quality")
@Produces(MediaType.APPLICATION_JSON)
public class QualityResource {
    private final QualityLookup lookup;

    QualityResource(QualityLookup lookup) {
        this.lookup = lookup;
    }

    @GET
    @Transactional
    @Operation(summary = "Metadata quality of a dataset: findings of the NeXus conformance check and the FAIR assessment "
            + "(staff only while the dataset is not public)")
    public Response quality(@PathParam("pid") String pid) {
        return switch (lookup.forPid(pid, "quality")) {
            case QualityLookup.Shown shown -> Response.ok(shown.quality()).build();
            case QualityLookup.Unknown unknown -> ApiError.of(404, "no dataset with this identifier").response();
            case QualityLookup.Withheld withheld -> ApiError.of(403,
                    "the metadata quality of a dataset that is not public is shown to facility staff only")
                    .withCode("QUALITY_STAFF_ONLY").response();
            case QualityLookup.NotAssessed none -> ApiError.of(404,
                    "the dataset was ingested before quality was kept; it is assessed when its record is ingested again")
                    .withCode("QUALITY_NOT_ASSESSED").response();
        };
    }
}
