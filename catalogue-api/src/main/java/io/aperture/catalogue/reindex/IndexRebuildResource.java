package io.aperture.catalogue.reindex;

import io.aperture.catalogue.access.AccessControl;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Staff-only control of the index rebuild: {@code POST} starts one (202, or 409 while one runs), {@code GET} reports
 * its progress. {@code ./aperture reindex} calls these.
 */
@Path("/api/staff/index/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("staff")
public class IndexRebuildResource {
    private final IndexRebuild rebuild;
    private final AccessControl access;
    private final SecurityIdentity identity;

    IndexRebuildResource(IndexRebuild rebuild, AccessControl access, SecurityIdentity identity) {
        this.rebuild = rebuild;
        this.access = access;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Rebuild the search index from PostgreSQL while search stays up (staff; audited)")
    public Response start() {
        String actor = access.caller().username().orElse(identity.getPrincipal().getName());
        return rebuild.start(actor)
                .map(s -> Response.accepted(s).build())
                .orElseGet(() -> Response.status(409).entity(rebuild.status()).build());
    }

    @GET
    @Operation(summary = "State and progress of the last index rebuild of this server instance (staff)")
    public RebuildStatus status() {
        return rebuild.status();
    }
}
