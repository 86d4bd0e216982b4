package io.aperture.portal;

import io.aperture.portal.testing.RealServices;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema is Flyway's: on the test run's database (empty when the run began, as on a fresh clone) every migration of
 * db/ was applied, in order, none is pending or failed, and the applied scripts still match their checksums. Hibernate's
 * validation of the entities against that schema is what let the server start at all.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class SchemaMigrationIT {
    @Inject
    Flyway flyway;

    @Test
    void everyMigrationIsAppliedAndUnchanged() {
        MigrationInfo[] all = flyway.info().all();
        assertThat(all).isNotEmpty();
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(Arrays.stream(all).map(MigrationInfo::getState)).allMatch(s -> s == MigrationState.SUCCESS);
        assertThat(Arrays.stream(all).map(i -> i.getVersion().getVersion()))
                .startsWith("1").contains("6");
        assertThat(flyway.validateWithResult().validationSuccessful).isTrue();
    }
}
