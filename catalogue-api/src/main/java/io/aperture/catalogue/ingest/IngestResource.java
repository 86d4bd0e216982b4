package io.aperture.catalogue.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.catalogue.api.ApiError;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.*;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The harvester's door into the catalogue. Only the harvester role may use it. */
@Path("/api/ingest")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class IngestResource {
    private final IngestService ingest;
    private final int maxBatch;

    @Inject
    SecurityIdentity identity;

    IngestResource(IngestService ingest, IngestConfig config) {
        this.ingest = ingest;
        this.maxBatch = config.maxBatch();
    }

    @POST
    @Path("/records")
    @RolesAllowed("harvester")
    @Operation(summary = "Ingest a batch of harvester records",
            description = "Idempotent per (source path, entry). Each record is applied atomically; the answer has one result per record.")
    public Response records(JsonNode body) {
        if (body == null || !body.isObject() || !body.path("records").isArray()) {
            return badRequest("records", "the body must be a JSON object with an array 'records'");
        }
        JsonNode records = body.get("records");
        if (records.size() > maxBatch) {
            return badRequest("records", "a batch holds at most " + maxBatch + " records; this one has " + records.size());
        }
        List<JsonNode> list = new ArrayList<>(records.size());
        records.forEach(list::add);
        return Response.ok(Map.of("results", ingest.ingest(list, identity.getPrincipal().getName()))).build();
    }

    private static Response badRequest(String field, String message) {
        return ApiError.of(400, message).withField(field).response();
    }
}
