package io.aperture.catalogue.api;

import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL unreachable is a 503 the client may retry, not the 500 of a defect; other SQL failures stay 500s. */
class DatabaseOutageTest {
    /** As Hibernate wraps the driver's failure to reach the server. */
    private static RuntimeException wrapped(String sqlState) {
        return new PersistenceException("could not prepare statement",
                new SQLException("Connection to 127.0.0.1:5432 refused", sqlState));
    }

    @Test
    void connectionFailuresAndShutdownsAreOutages() {
        assertThat(DatabaseOutage.isCause(wrapped("08001"))).isTrue();
        assertThat(DatabaseOutage.isCause(wrapped("08006"))).isTrue();
        assertThat(DatabaseOutage.isCause(wrapped("57P01"))).isTrue();
        assertThat(DatabaseOutage.isCause(wrapped("57P03"))).isTrue();
    }

    @Test
    void otherSqlFailuresAreNot() {
        assertThat(DatabaseOutage.isCause(wrapped("23505"))).as("unique violation").isFalse();
        assertThat(DatabaseOutage.isCause(wrapped("57014"))).as("query cancelled").isFalse();
        assertThat(DatabaseOutage.isCause(wrapped(null))).isFalse();
        assertThat(DatabaseOutage.isCause(new IllegalStateException("no SQL at all"))).isFalse();
    }

    @Test
    void underTheApiItIsA503InTheJsonShapeWithRetryAfter() {
        Response r = new ApiExceptionMappers().unexpected(wrapped("08001"), UnexpectedFailureTest.path("/api/ingest/records"));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getMediaType()).isEqualTo(MediaType.APPLICATION_JSON_TYPE);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("10");
        assertThat(r.getEntity()).isEqualTo(Map.of("error", new ApiError(503, "ServiceUnavailableError",
                ApiExceptionMappers.DATABASE_UNAVAILABLE_MESSAGE, "DATABASE_UNAVAILABLE", null)));
        assertThat(r.getEntity().toString()).doesNotContain("127.0.0.1");
    }

    @Test
    void onAPageItIsA503ThePortalBrands() {
        Response r = new ApiExceptionMappers().unexpected(wrapped("08006"), UnexpectedFailureTest.path("/datasets/x"));
        assertThat(r.getStatus()).isEqualTo(503);
        assertThat(r.getMediaType()).isEqualTo(MediaType.TEXT_PLAIN_TYPE);
        assertThat(r.getHeaderString("Retry-After")).isEqualTo("10");
    }
}
