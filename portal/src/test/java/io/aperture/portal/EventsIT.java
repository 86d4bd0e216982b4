package io.aperture.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.catalogue.events.EventPublisher;
import io.aperture.portal.testing.Broker;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.apache.qpid.protonj2.client.Delivery;
import org.apache.qpid.protonj2.client.Receiver;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The catalogue's events on the real broker: what a subscriber of {@code aperture.events} (the archive's account)
 * receives when a record is ingested and released early — each fact once, in the order it happened, and nothing
 * before the publisher runs (tests run it themselves; the schedule is off in the test profile).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class EventsIT {

    @Inject
    EventPublisher publisher;

    /** Runs the publisher until the audit log has nothing left for it. */
    private void publishAll() {
        int sent;
        do {
            sent = publisher.publishOnce();
        } while (sent > 0);
        assertThat(sent).as("this instance publishes (no other holds the cursor)").isZero();
    }

    /** Every event received within a few seconds about the proposal (its datasets, visits and embargoes). */
    private static List<JsonNode> eventsAbout(Receiver subscription, String code) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (Delivery d; (d = subscription.receive(3, TimeUnit.SECONDS)) != null; ) {
            JsonNode event = Records.JSON.readTree(String.valueOf(d.message().body()));
            assertThat(d.message().messageId()).isEqualTo("aperture-event-" + event.get("id").asLong());
            assertThat(d.message().subject()).isEqualTo(event.get("type").asText());
            if (event.path("proposal").asText().endsWith(code)) {
                out.add(event);
            }
        }
        return out;
    }

    @Test
    void aSubscriberIsToldOfTheIngestAndTheReleaseOnceEachInOrder() throws Exception {
        String code = "ev" + UUID.randomUUID().toString().substring(0, 6);
        String uo = """
                {"proposals": [{"code": "%s", "title": "Events %s", "visits": [{"code": "%s-1"}], "members": [
                  {"role": "PI", "person": {"fullName": "Pat Investigator", "username": "pi"}}]}]}""".formatted(code, code, code);
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(uo).post("/api/ingest/user-office")
                .then().statusCode(200);
        publishAll(); // whatever other tests left in the audit log goes first

        try (Broker broker = Broker.ofStack()) {
            Receiver subscription = broker.subscribeToEvents();
            ObjectNode r = Records.withProposal(Records.record("Events scan " + code, Instant.now().minus(5, ChronoUnit.DAYS)),
                    code, code + "-1");
            String pid = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(r).toString())
                    .post("/api/ingest/records").then().statusCode(200).extract().path("results[0].datasetPid");
            assertThat(subscription.receive(2, TimeUnit.SECONDS)).as("nothing before the publisher runs").isNull();
            publishAll();

            Number embargo = given().auth().oauth2(Tokens.user("pi")).get("/api/me/proposals").then().statusCode(200)
                    .extract().path("find { it.proposal == '" + code + "' }.embargoes[0].id");
            given().auth().oauth2(Tokens.user("pi")).post("/api/embargoes/" + embargo + "/early-release").then().statusCode(200);
            publishAll();
            publishAll(); // a second run sends nothing again

            List<JsonNode> events = eventsAbout(subscription, code);
            assertThat(events).extracting(e -> e.get("type").asText()).containsExactly("record-ingested", "released-early");
            assertThat(events.get(0).get("subject").asText()).isEqualTo(pid);
            assertThat(events.get(0).get("id").asLong()).isLessThan(events.get(1).get("id").asLong());
            assertThat(events.get(0).get("proposal").asText()).endsWith(code);
            assertThat(events.get(0).get("details").get("accessState").asText()).isEqualTo("EMBARGOED");
        }
    }
}
