package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * A PaNOSC page larger than Quarkus' default 8 KiB output buffer still goes out in one write with its length
 * ({@code quarkus.rest.output-buffer-size}, issue #12): a chunked answer hands each 8 KiB from the worker to the event
 * loop, and a client cannot tell how much is coming.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class PanoscAnswerLengthIT {
    /** Quarkus' default quarkus.rest.output-buffer-size: an answer longer than this was chunked. */
    private static final int DEFAULT_BUFFER = 8191;

    @Test
    void aPageOfTensOfKilobytesHasItsContentLength() {
        String title = "Answer length " + UUID.randomUUID();
        ObjectNode record = Records.record(title, Instant.parse("2015-06-01T10:00:00Z"));
        // 300 parameters of ~80 bytes each, all attached (an include's scope may ask for up to 1000)
        for (int i = 0; i < 300; i++) {
            Records.withParameter(record, "detector_temperature_setting_" + i, i, "K", i, "K");
        }
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(record).toString())
                .post("/api/ingest/records").then().statusCode(200);
        String where = "{\"title\": \"" + title + "\"}";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().queryParam("where", where)
                .get("/api/Datasets/count").then().body("count", is(1)));

        Response page = given().queryParam("filter", "{\"where\": " + where + ", \"include\": [{\"relation\": \"parameters\", \"scope\": {\"limit\": 300}}]}")
                .get("/api/Datasets");
        page.then().statusCode(200).body("[0].parameters.size()", is(300));
        byte[] body = page.asByteArray();
        assertThat(body.length).as("the answer is longer than the default buffer").isGreaterThan(DEFAULT_BUFFER);
        assertThat(page.header("Content-Length")).as("Content-Length").isEqualTo(String.valueOf(body.length));
        assertThat(page.header("Transfer-Encoding")).as("Transfer-Encoding").isNull();
    }
}
