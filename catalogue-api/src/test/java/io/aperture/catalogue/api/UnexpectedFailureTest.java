package io.aperture.catalogue.api;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An exception no other mapper knows: a 500 that tells nothing of it, in the JSON shape under /api. */
class UnexpectedFailureTest {
    private static final String SECRET = "duplicate key value violates unique constraint \"dataset_pid_key\" (DLS-EMBARGOED-1)";

    /** A request's path as the mappers read it (the tests of this package share it). */
    static UriInfo path(String path) {
        return (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[]{UriInfo.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getPath") && (args == null || args.length == 0)) {
                        return path;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    @Test
    void underTheApiItIsTheJsonShapeWithNothingOfTheException() {
        Response r = new ApiExceptionMappers().unexpected(new IllegalStateException(SECRET), path("/api/search"));
        assertThat(r.getStatus()).isEqualTo(500);
        assertThat(r.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        assertThat(r.getEntity()).isEqualTo(Map.of("error",
                new ApiError(500, "InternalServerError", "internal server error (logged)", null, null)));
        assertThat(r.getEntity().toString()).doesNotContain("dataset_pid_key").doesNotContain("IllegalState");
    }

    @Test
    void onAPageItIsPlainText() {
        Response r = new ApiExceptionMappers().unexpected(new IllegalStateException(SECRET), path("/datasets/x"));
        assertThat(r.getStatus()).isEqualTo(500);
        assertThat(r.getMediaType()).isEqualTo(MediaType.TEXT_PLAIN_TYPE);
        assertThat(r.getEntity()).isEqualTo("internal server error (logged)\n");
    }
}
