package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.OncePerClass;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * A NeXus array parameter (the record holds one parameter per element, {@code path[i]}) matches a PaNOSC
 * {@code between} as the range from its least to its greatest element (issue #12), also when no element lies inside
 * the asked range; a scalar stays a point.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PanoscParameterArrayIT {
    private final String tag = "pa" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private final OncePerClass setUp = new OncePerClass();

    @BeforeEach
    void catalogue() {
        setUp.run(this::ingest);
    }

    private void ingest() {
        ObjectNode array = Records.record("Array scan " + tag, Instant.parse("2014-01-01T00:00:00Z"));
        double[] kelvin = {100, 150, 300};
        for (int i = 0; i < kelvin.length; i++) {
            Records.withParameter(array, "/entry/sample/temperature[" + i + "]", kelvin[i], "K", kelvin[i], "K");
        }
        ObjectNode scalar = Records.record("Scalar point " + tag, Instant.parse("2014-01-01T00:00:00Z"));
        Records.withParameter(scalar, "/entry/sample/temperature", 100, "K", 100, "K");
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(array, scalar).toString())
                .post("/api/ingest/records").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().queryParam("where", "{\"title\": {\"like\": \"" + tag + "\"}}")
                .get("/api/Datasets/count").then().body("count", is(2)));
    }

    private List<String> titles(String lo, String hi, String unit) {
        String filter = "{\"where\": {\"title\": {\"like\": \"" + tag + "\"}}, \"order\": \"title ASC\", \"include\": [{\"relation\": \"parameters\", "
                + "\"scope\": {\"where\": {\"and\": [{\"name\": \"sample_temperature\"}, {\"value\": {\"between\": [\"" + lo + "\", \"" + hi
                + "\"]}}, {\"unit\": \"" + unit + "\"}]}}}]}";
        return given().queryParam("filter", filter).get("/api/Datasets").then().statusCode(200).extract().jsonPath()
                .getList("title");
    }

    @Test
    void anArraysSpanOverlappingTheRangeMatchesEvenWithNoElementInside() {
        // 160-200 K: inside the array's 100-300 K span, no element inside; the scalar 100 K is outside
        assertThat(titles("160", "200", "K")).containsExactly("Array scan " + tag);
        // the same in °C (-100 to -50 °C = 173.15 to 223.15 K)
        assertThat(titles("-100", "-50", "celsius")).containsExactly("Array scan " + tag);
        // an element inside matches as before, and so does the scalar when it lies inside
        assertThat(titles("90", "110", "K")).containsExactly("Array scan " + tag, "Scalar point " + tag);
        // beyond the span on either side: nothing
        assertThat(titles("310", "400", "K")).isEmpty();
        assertThat(titles("10", "90", "K")).isEmpty();
    }
}
