package io.aperture.catalogue.useroffice;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.catalogue.api.ApiError;
import io.aperture.catalogue.ingest.InvalidRecordException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;


/** The user office's door: proposals, visits, people and roles. Staff or the harvester service account may call it. */
@Path("/api/ingest/user-office")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class UserOfficeResource {
    private final UserOfficeImport importer;

    UserOfficeResource(UserOfficeImport importer) {
        this.importer = importer;
    }

    @POST
    // the user office's own machine identity (or staff by hand), never the harvester: the import names every proposal's
    // PI, and a harvester credential sits on beamline machines
    @RolesAllowed({"staff", "user-office"})
    @Operation(summary = "Import proposals, visits and members from the user-office system")
    public Response importProposals(JsonNode body) {
        try {
            return Response.ok(UserOfficeImport.summary(importer.importAll(body))).build();
        } catch (InvalidRecordException e) {
            return ApiError.of(400, e.getMessage()).withField(e.field()).response();
        }
    }
}
