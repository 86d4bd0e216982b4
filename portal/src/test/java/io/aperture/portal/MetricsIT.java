package io.aperture.portal;

import io.aperture.catalogue.embargo.ReleaseJob;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.TestClock;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prometheus metrics against the real stack: only the monitoring role (or staff) may read them, and the counters and
 * gauges move with what the server really did.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class MetricsIT {
    @Inject
    ReleaseJob releaseJob;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private static String scrape() {
        return given().auth().oauth2(Tokens.monitoring()).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of one sample, e.g. {@code aperture_ingest_records_total{status="created"}}; fails when absent. */
    private static double sample(String metrics, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        assertThat(m.find()).as(series + " in\n" + metrics.lines().filter(l -> l.startsWith("aperture_")).toList()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    @Test
    void onlyTheMonitoringRoleAndStaffReadTheMetrics() {
        given().get("/q/metrics").then().statusCode(401);
        given().auth().oauth2(Tokens.user("researcher")).get("/q/metrics").then().statusCode(403);
        given().auth().oauth2(Tokens.harvester()).get("/q/metrics").then().statusCode(403);
        given().auth().oauth2(Tokens.user("staff")).get("/q/metrics").then().statusCode(200);
        String metrics = scrape();
        assertThat(sample(metrics, "aperture_outbox_backlog{outbox=\"search\"}")).isGreaterThanOrEqualTo(0);
        assertThat(sample(metrics, "aperture_outbox_backlog{outbox=\"doi\"}")).isGreaterThanOrEqualTo(0);
        assertThat(sample(metrics, "aperture_outbox_oldest_age{outbox=\"search\"}")).isGreaterThanOrEqualTo(0);
        assertThat(sample(metrics, "aperture_doi_failed")).isGreaterThanOrEqualTo(0);
        assertThat(sample(metrics, "aperture_outbox_backlog{outbox=\"notice\"}")).isGreaterThanOrEqualTo(0);
        assertThat(sample(metrics, "aperture_notice_failed")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void ingestOutcomesAreCountedOnePerRecord() {
        String before = scrape();
        String title = "Counted apatite " + System.nanoTime();
        String good = Records.record(title, Instant.now().minus(Duration.ofDays(1))).toString();
        String bad = Records.record(title, Instant.now()).put("kind", "REDUCED").toString();
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body("{\"records\": [" + good + "," + bad + "," + good + "]}")
                .post("/api/ingest/records").then().statusCode(200);
        String after = scrape();
        for (String[] expected : new String[][]{{"created", "1"}, {"rejected", "1"}, {"updated", "0"}}) {
            String series = "aperture_ingest_records_total{status=\"" + expected[0] + "\"}";
            assertThat(sample(after, series) - sample(before, series)).as(series).isEqualTo(Double.parseDouble(expected[1]));
        }
        String unchanged = "aperture_ingest_records_total{status=\"unchanged\"}";
        assertThat(sample(after, unchanged) - sample(before, unchanged)).as("the same record sent again").isEqualTo(1.0);
        // searchable after the index caught up: the search outbox gauge drains to what other work left
        assertThat(sample(after, "aperture_outbox_backlog{outbox=\"search\"}")).isGreaterThanOrEqualTo(0);
    }

    @Test
    void releasesByTheJobAreCounted() {
        // produced three years less a day ago: closed now, due once the clock has moved two days on
        Instant produced = Instant.now().atOffset(ZoneOffset.UTC).minus(Period.ofYears(3)).plusDays(1).toInstant();
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(Records.record("Released fluorite " + System.nanoTime(), produced)).toString())
                .post("/api/ingest/records").then().statusCode(200);
        String series = "aperture_embargo_released_total";
        double before = sample(scrape(), series);
        TestClock.shift(Duration.ofDays(2));
        int released = releaseJob.releaseDue();
        assertThat(released).isGreaterThanOrEqualTo(1);
        assertThat(sample(scrape(), series) - before).isEqualTo((double) released);
    }
}
