package io.aperture.portal;

import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * "Log in": the OIDC code flow runs before this is reached; afterwards staff land on their dashboard and everyone
 * else on their data (the policy says who manages embargoes, through {@link Viewer}).
 */
@Path("/login")
public class LoginPage {
    private final Viewer viewer;

    LoginPage(Viewer viewer) {
        this.viewer = viewer;
    }

    @GET
    @Authenticated
    public Response login() {
        return Response.seeOther(URI.create(viewer.isStaff() ? "/staff" : "/my/proposals")).build();
    }
}
