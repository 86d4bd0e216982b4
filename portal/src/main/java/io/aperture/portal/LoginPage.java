package io.aperture.portal;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** "Log in": the OIDC code flow runs before this is reached; afterwards the visitor goes to their proposals. */
@Path("/login")
public class LoginPage {
    @GET
    @Authenticated
    public Response login() {
        return Response.seeOther(URI.create("/my/proposals")).build();
    }
}
