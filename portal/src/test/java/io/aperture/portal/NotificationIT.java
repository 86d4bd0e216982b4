package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.catalogue.embargo.WindowNoticeJob;
import io.aperture.portal.testing.Mailbox;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The PI and alternate contacts are e-mailed (through a real SMTP server, GreenMail) at each step of the workflow. */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class NotificationIT {

    @Inject
    WindowNoticeJob windows;

    /** Subject and text of the mails to {@code address} that name the proposal. */
    private static List<String> mailsAbout(String code, String address) throws Exception {
        return Mailbox.mailsAbout(code, address).stream().map(m -> m.subject() + "\n" + m.text()).toList();
    }

    private static List<String> mailsAbout(String code) throws Exception {
        return mailsAbout(code, "pi@example.org");
    }

    @Test
    void windowOpeningDecisionAndReleaseAreMailedToPiAndAlternateOnly() throws Exception {
        String code = "cm" + UUID.randomUUID().toString().substring(0, 6);
        String uo = """
                {"proposals": [{"code": "%s", "title": "Mail %s", "visits": [{"code": "%s-1"}], "members": [
                  {"role": "PI", "person": {"fullName": "Pat Investigator", "username": "pi", "email": "pi@example.org"}},
                  {"role": "ALTERNATE_CONTACT", "person": {"fullName": "Alex Alternate", "username": "alternate", "email": "alternate@example.org"}},
                  {"role": "TEAM_MEMBER", "person": {"fullName": "Morgan Member", "username": "member", "email": "member@example.org"}}]}]}"""
                .formatted(code, code, code);
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(uo).post("/api/ingest/user-office").then().statusCode(200);
        Instant produced = ZonedDateTime.now(ZoneId.of("Europe/London")).minusYears(3).plusMonths(1).toInstant();
        ObjectNode r = Records.withProposal(Records.record("Mailed scan " + code, produced), code, code + "-1");
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(r).toString())
                .post("/api/ingest/records").then().statusCode(200);

        assertThat(windows.announceOpenWindows()).isGreaterThanOrEqualTo(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsAbout(code).size() == 1);
        assertThat(mailsAbout(code).getFirst()).contains("an extension may now be requested");
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsAbout(code, "alternate@example.org").size() == 1);
        // an alternate contact is told who may extend, not that they may
        assertThat(mailsAbout(code, "alternate@example.org").getFirst()).contains("The Principal Investigator may request")
                .doesNotContain("As Principal Investigator you may");
        assertThat(mailsAbout(code, "member@example.org")).as("team members are not told").isEmpty();
        windows.announceOpenWindows();
        Thread.sleep(500);
        assertThat(mailsAbout(code)).as("one notice per end date").hasSize(1);

        Number embargo = given().auth().oauth2(Tokens.user("pi")).get("/api/me/proposals").then()
                .extract().path("find { it.proposal == '" + code + "' }.embargoes[0].id");
        given().auth().oauth2(Tokens.user("pi")).contentType(ContentType.JSON).body("{}")
                .post("/api/embargoes/" + embargo + "/extension-requests").then().statusCode(201);
        Number request = given().auth().oauth2(Tokens.user("staff")).get("/api/staff/extension-requests").then()
                .extract().path("find { it.embargo.id == " + embargo + " }.id");
        given().auth().oauth2(Tokens.user("staff")).contentType(ContentType.JSON)
                .body("{\"verdict\": \"REJECT\", \"reason\": \"the paper is already published\"}")
                .post("/api/staff/extension-requests/" + request + "/decision").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsAbout(code).size() == 2);
        String decided = mailsAbout(code).get(1);
        assertThat(decided).contains("was not approved").contains("the paper is already published");

        given().auth().oauth2(Tokens.user("pi")).post("/api/embargoes/" + embargo + "/early-release").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> mailsAbout(code).size() == 3);
        assertThat(mailsAbout(code).get(2)).contains("is now open access").contains("CC-BY-4.0");
    }

    @Test
    void oldDataReleasedAtIngestIsNotMailed() throws Exception {
        String code = "cm" + UUID.randomUUID().toString().substring(0, 6);
        String uo = """
                {"proposals": [{"code": "%s", "visits": [{"code": "%s-1"}], "members": [
                  {"role": "PI", "person": {"fullName": "Pat Investigator", "username": "pi", "email": "pi@example.org"}}]}]}"""
                .formatted(code, code);
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(uo).post("/api/ingest/user-office").then().statusCode(200);
        ObjectNode r = Records.withProposal(Records.record("Old scan " + code, Instant.parse("2012-03-03T00:00:00Z")), code, code + "-1");
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(r).toString())
                .post("/api/ingest/records").then().statusCode(200);
        given().queryParam("q", code).get("/api/search").then().statusCode(200);
        assertThat(mailsAbout(code)).isEmpty();
    }
}
