package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.catalogue.embargo.ReleaseJob;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.TestClock;
import io.aperture.portal.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.*;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.*;

/** The embargo workflow end to end: real tokens, the policy's answers over HTTP, the release job, the audit log. */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class EmbargoWorkflowIT {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Inject
    ReleaseJob releaseJob;
    @Inject
    EntityManager em;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** A proposal held by the demo users, with one visit whose single scan was produced at {@code produced}. */
    private Map<String, Object> proposalWithScan(Instant produced) {
        return proposalWithScan(produced, null);
    }

    /** A one-pixel PNG, as a record's preview (base64). */
    private static String onePixelPng() throws IOException {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB), "png", png);
        return Base64.getEncoder().encodeToString(png.toByteArray());
    }

    private Map<String, Object> proposalWithScan(Instant produced, String preview) {
        String code = "cm" + UUID.randomUUID().toString().substring(0, 6);
        String uo = """
                {"proposals": [{"code": "%s", "title": "Workflow %s", "visits": [{"code": "%s-1"}], "members": [
                  {"role": "PI", "person": {"fullName": "Pat Investigator", "username": "pi"}},
                  {"role": "ALTERNATE_CONTACT", "person": {"fullName": "Alex Alternate", "username": "alternate"}},
                  {"role": "TEAM_MEMBER", "person": {"fullName": "Morgan Member", "username": "member"}}]}]}""".formatted(code, code, code);
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(uo).post("/api/ingest/user-office")
                .then().statusCode(200);
        ObjectNode r = Records.withProposal(Records.record("Scan of " + code, produced), code, code + "-1");
        if (preview != null) {
            r.put("preview", preview);
        }
        String pid = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(r).toString())
                .post("/api/ingest/records").then().statusCode(200).extract().path("results[0].datasetPid");
        Number embargoId = given().auth().oauth2(Tokens.user("pi")).get("/api/me/proposals").then().statusCode(200)
                .extract().path("find { it.proposal == '" + code + "' }.embargoes[0].id");
        return Map.of("code", code, "pid", pid, "embargo", embargoId.longValue(), "record", r);
    }

    private static String extend(String user, long embargo) {
        return "/api/embargoes/" + embargo + "/extension-requests";
    }

    @Test
    void onlyThePiExtendsWithinTheWindowAndStaffDecide() {
        Instant produced = ZonedDateTime.now(LONDON).minusYears(3).plusMonths(1).toInstant();
        Map<String, Object> p = proposalWithScan(produced);
        long id = (long) p.get("embargo");
        Instant end = produced.atZone(LONDON).plusYears(3).toInstant();

        given().auth().oauth2(Tokens.user("alternate")).contentType(ContentType.JSON).body("{}").post(extend("alternate", id))
                .then().statusCode(403).body("error.code", is("ALTERNATE_CONTACT_MAY_NOT_EXTEND"))
                .body("error.message", containsString("alternate"));
        given().auth().oauth2(Tokens.user("member")).contentType(ContentType.JSON).body("{}").post(extend("member", id))
                .then().statusCode(403).body("error.code", is("NOT_PRINCIPAL_INVESTIGATOR"));
        given().auth().oauth2(Tokens.user("researcher")).contentType(ContentType.JSON).body("{}").post(extend("researcher", id))
                .then().statusCode(404);

        given().auth().oauth2(Tokens.user("pi")).contentType(ContentType.JSON).body("{\"justification\": \"paper in review\"}")
                .post(extend("pi", id)).then().statusCode(201).body("pending.requestedBy", is("pi"));
        given().auth().oauth2(Tokens.user("pi")).contentType(ContentType.JSON).body("{}").post(extend("pi", id))
                .then().statusCode(409).body("error.code", is("REQUEST_ALREADY_PENDING"));

        Number requestId = given().auth().oauth2(Tokens.user("staff")).get("/api/staff/extension-requests").then().statusCode(200)
                .extract().path("find { it.embargo.id == " + id + " }.id");
        assertThat(requestId).isNotNull();
        given().auth().oauth2(Tokens.user("pi")).get("/api/staff/extension-requests").then().statusCode(403);

        given().auth().oauth2(Tokens.user("staff")).contentType(ContentType.JSON).body("{\"verdict\": \"REJECT\"}")
                .post("/api/staff/extension-requests/" + requestId + "/decision")
                .then().statusCode(400).body("error.code", is("REASON_REQUIRED"));
        String newEnd = given().auth().oauth2(Tokens.user("staff")).contentType(ContentType.JSON).body("{\"verdict\": \"APPROVE\"}")
                .post("/api/staff/extension-requests/" + requestId + "/decision")
                .then().statusCode(200).body("status", is("EMBARGOED")).extract().path("currentEnd");
        assertThat(Instant.parse(newEnd)).isEqualTo(end.atZone(LONDON).plusMonths(12).toInstant().truncatedTo(ChronoUnit.MICROS));

        // The new end reaches the dataset, and through the outbox the index.
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(Tokens.user("pi")).queryParam("q", p.get("code")).get("/api/search").then()
                        .body("hits[0].embargoEnd", is(newEnd)));
    }

    /** A double click, or two staff at once: the request is decided once, the end moves by one step. */
    @Test
    void twoDecisionsAtOnceDecideTheRequestOnce() throws Exception {
        Instant produced = ZonedDateTime.now(LONDON).minusYears(3).plusMonths(1).toInstant();
        Map<String, Object> p = proposalWithScan(produced);
        long id = (long) p.get("embargo");
        given().auth().oauth2(Tokens.user("pi")).contentType(ContentType.JSON).body("{}").post(extend("pi", id)).then().statusCode(201);
        String staff = Tokens.user("staff");
        Number requestId = given().auth().oauth2(staff).get("/api/staff/extension-requests").then().statusCode(200)
                .extract().path("find { it.embargo.id == " + id + " }.id");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                answers.add(two.submit(() -> {
                    go.await();
                    return given().auth().oauth2(staff).contentType(ContentType.JSON).body("{\"verdict\": \"APPROVE\"}")
                            .post("/api/staff/extension-requests/" + requestId + "/decision").statusCode();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> a : answers) {
                statuses.add(a.get(30, TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            two.shutdownNow();
        }
        Instant end = produced.atZone(LONDON).plusYears(3).toInstant();
        String now = given().auth().oauth2(Tokens.user("pi")).get("/api/me/proposals").then().statusCode(200)
                .extract().path("find { it.proposal == '" + p.get("code") + "' }.embargoes[0].currentEnd");
        assertThat(Instant.parse(now)).as("one extension step")
                .isEqualTo(end.atZone(LONDON).plusMonths(12).toInstant().truncatedTo(ChronoUnit.MICROS));
    }

    @Test
    void aRequestAfterARejectionWaitsForItsOwnDecision() {
        Map<String, Object> p = proposalWithScan(ZonedDateTime.now(LONDON).minusYears(3).plusMonths(1).toInstant());
        long id = (long) p.get("embargo");
        given().auth().oauth2(Tokens.user("pi")).contentType(ContentType.JSON).body("{\"justification\": \"first\"}")
                .post(extend("pi", id)).then().statusCode(201);
        Number first = given().auth().oauth2(Tokens.user("staff")).get("/api/staff/extension-requests").then()
                .extract().path("find { it.embargo.id == " + id + " }.id");
        given().auth().oauth2(Tokens.user("staff")).contentType(ContentType.JSON)
                .body("{\"verdict\": \"REJECT\", \"reason\": \"not yet\"}")
                .post("/api/staff/extension-requests/" + first + "/decision").then().statusCode(200);

        given().auth().oauth2(Tokens.user("pi")).contentType(ContentType.JSON).body("{\"justification\": \"second\"}")
                .post(extend("pi", id)).then().statusCode(201);
        // a page or a retry still naming the first request decides nothing: the second one is decided on its own
        given().auth().oauth2(Tokens.user("staff")).contentType(ContentType.JSON).body("{\"verdict\": \"APPROVE\"}")
                .post("/api/staff/extension-requests/" + first + "/decision").then().statusCode(409)
                .body("error.code", is("REQUEST_ALREADY_DECIDED"));
        List<Map<String, Object>> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT status, justification, decided_at, decision_reason FROM extension_request WHERE embargo_id = ?1 ORDER BY id")
                .setParameter(1, id).getResultList().stream()
                .map(r -> { Object[] a = (Object[]) r; return Map.of("status", a[0], "justification", String.valueOf(a[1]),
                        "decided", a[2] != null, "reason", String.valueOf(a[3])); }).toList());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("status", "REJECTED").containsEntry("reason", "not yet");
        assertThat(rows.get(1)).as("the second request is pending, not stamped with the first one's decision")
                .containsEntry("status", "PENDING").containsEntry("justification", "second").containsEntry("decided", false);
    }

    @Test
    void aNulInStatedTextIsABadRequestNamingTheFieldAndChangesNothing() {
        Map<String, Object> p = proposalWithScan(ZonedDateTime.now(LONDON).minusYears(3).plusMonths(1).toInstant());
        long id = (long) p.get("embargo");
        given().auth().oauth2(Tokens.user("pi")).contentType(ContentType.JSON).body("{\"justification\": \"a\\u0000b\"}")
                .post(extend("pi", id)).then().statusCode(400).body("error.field", is("justification"));
        given().auth().oauth2(Tokens.user("staff")).contentType(ContentType.JSON).body("{\"reason\": \"x\\u0000\"}")
                .post("/api/staff/embargoes/" + id + "/withdraw").then().statusCode(400).body("error.field", is("reason"));
        assertThat(status(id)).isEqualTo("EMBARGOED");
        // the request itself still goes through once the text is clean
        given().auth().oauth2(Tokens.user("pi")).contentType(ContentType.JSON).body("{\"justification\": \"paper\"}")
                .post(extend("pi", id)).then().statusCode(201);
    }

    @Test
    void tooEarlyIsRefusedWithTheDateTheWindowOpens() {
        long id = (long) proposalWithScan(Instant.now().minus(2, ChronoUnit.DAYS)).get("embargo");
        given().auth().oauth2(Tokens.user("pi")).contentType(ContentType.JSON).body("{}").post(extend("pi", id))
                .then().statusCode(409).body("error.code", is("TOO_EARLY")).body("error.message", containsString("window opens"));
    }

    @Test
    void aPendingRequestHoldsTheReleaseUntilItIsDecided() {
        Instant produced = ZonedDateTime.now(LONDON).minusYears(3).plusDays(10).toInstant();
        Map<String, Object> p = proposalWithScan(produced);
        long id = (long) p.get("embargo");
        given().auth().oauth2(Tokens.user("pi")).contentType(ContentType.JSON).body("{}").post(extend("pi", id)).then().statusCode(201);

        TestClock.shift(Duration.ofDays(30)); // the embargo end has passed; the request is still pending
        releaseJob.releaseDue();
        assertThat(status(id)).isEqualTo("EMBARGOED");

        Number requestId = given().auth().oauth2(Tokens.user("staff")).get("/api/staff/extension-requests").then()
                .extract().path("find { it.embargo.id == " + id + " }.id");
        given().auth().oauth2(Tokens.user("staff")).contentType(ContentType.JSON)
                .body("{\"verdict\": \"REJECT\", \"reason\": \"no justification given\"}")
                .post("/api/staff/extension-requests/" + requestId + "/decision").then().statusCode(200);
        assertThat(releaseJob.releaseDue()).isGreaterThanOrEqualTo(1);
        assertThat(status(id)).isEqualTo("RELEASED");
        assertThat(releaseJob.releaseDue()).isZero(); // idempotent: nothing left to release

        List<String> actions = given().auth().oauth2(Tokens.user("staff")).queryParam("proposal", p.get("code"))
                .get("/api/staff/audit").then().statusCode(200).extract().path("action");
        assertThat(actions).contains("RECORD_INGESTED", "EMBARGO_COMPUTED", "EXTENSION_REQUESTED", "EXTENSION_REJECTED", "RELEASED");
        given().get("/datasets/" + p.get("pid")).then().statusCode(200).body(containsString("CC-BY-4.0"));
    }

    @Test
    void aStaffReadOfEmbargoedDataIsAuditedOnceWithItsViewAndTheTeamsReadsAreNot() {
        Map<String, Object> p = proposalWithScan(ZonedDateTime.now(LONDON).minusYears(1).toInstant());
        String pid = (String) p.get("pid");
        given().auth().oauth2(Tokens.user("pi")).get("/api/datasets/" + pid + "/datacite").then().statusCode(200);
        given().auth().oauth2(Tokens.user("researcher")).get("/api/datasets/" + pid + "/datacite").then().statusCode(404);
        given().auth().oauth2(Tokens.user("staff")).get("/api/datasets/" + pid + "/datacite").then().statusCode(200);

        List<Map<String, Object>> reads = given().auth().oauth2(Tokens.user("staff")).queryParam("proposal", p.get("code"))
                .queryParam("action", "PROTECTED_DATA_ACCESSED").get("/api/staff/audit").then().statusCode(200)
                .extract().path("findAll { it.action == 'PROTECTED_DATA_ACCESSED' }");
        assertThat(reads).as("only the staff read is audited").singleElement().satisfies(row -> {
            assertThat(row.get("actor")).isEqualTo("staff");
            assertThat(row.get("subjectId")).isEqualTo(pid);
            assertThat((String) row.get("details")).contains("\"view\": \"datacite\"").contains("facility staff access");
        });
    }

    @Test
    void aStaffLookAtAnEmbargoedPreviewIsAuditedWithItsViewAndTheTeamsIsNot() throws IOException {
        Map<String, Object> p = proposalWithScan(ZonedDateTime.now(LONDON).minusYears(1).toInstant(), onePixelPng());
        String preview = "/api/datasets/" + p.get("pid") + "/preview.png";
        given().auth().oauth2(Tokens.user("pi")).get(preview).then().statusCode(200).contentType("image/png");
        given().auth().oauth2(Tokens.user("researcher")).get(preview).then().statusCode(404);
        given().get(preview).then().statusCode(404);
        given().auth().oauth2(Tokens.user("staff")).get(preview).then().statusCode(200).contentType("image/png");
        given().auth().oauth2(Tokens.user("staff")).get(preview.replace(".png", "x.png")).then().statusCode(404);

        List<Map<String, Object>> reads = given().auth().oauth2(Tokens.user("staff")).queryParam("proposal", p.get("code"))
                .queryParam("action", "PROTECTED_DATA_ACCESSED").get("/api/staff/audit").then().statusCode(200)
                .extract().path("findAll { it.action == 'PROTECTED_DATA_ACCESSED' }");
        assertThat(reads).as("only the staff look at the preview is audited").singleElement().satisfies(row -> {
            assertThat(row.get("actor")).isEqualTo("staff");
            assertThat(row.get("subjectId")).isEqualTo(p.get("pid"));
            assertThat((String) row.get("details")).contains("\"view\": \"preview\"");
        });
    }

    /** A signed-in caller's answers (the portal knows them by a cookie, which shared caches do not key on) are not stored. */
    @Test
    void whatASignedInCallerIsShownIsNeverStoredByACache() {
        Map<String, Object> hidden = proposalWithScan(ZonedDateTime.now(LONDON).minusYears(1).toInstant());
        // the pages with a session cookie: PortalPreviewBrowserIT
        given().auth().oauth2(Tokens.user("pi")).get("/api/datasets/" + hidden.get("pid") + "/datacite").then().statusCode(200)
                .header("Cache-Control", "private, no-store");
        given().auth().oauth2(Tokens.user("pi")).queryParam("q", hidden.get("code")).get("/api/search").then().statusCode(200)
                .header("Cache-Control", "private, no-store");
        given().auth().oauth2(Tokens.user("staff")).get("/api/staff/extension-requests").then().statusCode(200)
                .header("Cache-Control", "private, no-store");
        given().get("/api/datasets/" + hidden.get("pid") + "/datacite").then().statusCode(404);
        Map<String, Object> open = proposalWithScan(ZonedDateTime.now(LONDON).minusYears(5).toInstant());
        given().accept(ContentType.HTML).get("/datasets/" + open.get("pid")).then().statusCode(200)
                .header("Cache-Control", nullValue());
    }

    @Test
    void aMachineAccountNamedPiReadsAndReleasesNothingAndTheHarvesterImportsNoProposal() {
        Map<String, Object> p = proposalWithScan(Instant.now().minus(10, ChronoUnit.DAYS));
        String code = (String) p.get("code");
        long id = (long) p.get("embargo");
        // the harvester may not write the proposals' members at all (it could name anyone PI)
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body("{\"proposals\": []}")
                .post("/api/ingest/user-office").then().statusCode(403);
        // the user office's feed names both machine accounts PI: neither holds the role for all that
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body("""
                {"proposals": [{"code": "%s", "title": "Workflow %s", "visits": [{"code": "%s-1"}], "members": [
                  {"role": "PI", "person": {"fullName": "Harvester", "username": "service-account-aperture-harvester"}},
                  {"role": "ALTERNATE_CONTACT", "person": {"fullName": "Feed", "username": "service-account-aperture-user-office"}},
                  {"role": "PI", "person": {"fullName": "Pat Investigator", "username": "pi"}}]}]}""".formatted(code, code, code))
                .post("/api/ingest/user-office").then().statusCode(200).body("results[0].status", is("IMPORTED"));
        // the real PI sees the embargoed scan in search (once indexed); the machines, named PI, see nothing of it
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.user("pi")).queryParam("q", code)
                .get("/api/search").then().statusCode(200).body("total", is(1)));
        given().auth().oauth2(Tokens.user("pi")).get("/api/me/proposals").then().statusCode(200).body(containsString(code));
        for (String machine : List.of(Tokens.harvester(), Tokens.userOffice())) {
            given().auth().oauth2(machine).get("/api/me/proposals").then().statusCode(200)
                    .body(not(containsString(code)));
            given().auth().oauth2(machine).post("/api/embargoes/" + id + "/early-release").then().statusCode(404);
            given().auth().oauth2(machine).queryParam("q", code).get("/api/search").then().statusCode(200).body("total", is(0));
        }
        assertThat(status(id)).isEqualTo("EMBARGOED");
    }

    @Test
    void thePiMayReleaseEarlyAndReleasedDataIsNeverReEmbargoed() {
        Map<String, Object> p = proposalWithScan(Instant.now().minus(10, ChronoUnit.DAYS));
        long id = (long) p.get("embargo");
        given().get("/datasets/" + p.get("pid")).then().statusCode(404);
        given().auth().oauth2(Tokens.user("pi")).post("/api/embargoes/" + id + "/early-release").then().statusCode(200)
                .body("status", is("RELEASED"));
        given().get("/datasets/" + p.get("pid")).then().statusCode(200);
        given().auth().oauth2(Tokens.user("pi")).contentType(ContentType.JSON).body("{}").post(extend("pi", id))
                .then().statusCode(409).body("error.code", anyOf(is("ALREADY_RELEASED"), is("EMBARGO_ENDED")));

        // the file harvested again with a corrected title: an update of released data, never a new embargo
        ObjectNode corrected = ((ObjectNode) p.get("record")).deepCopy().put("title", "Corrected scan of " + p.get("code"));
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(corrected).toString())
                .post("/api/ingest/records").then().statusCode(200).body("results[0].status", is("UPDATED"));
        given().get("/datasets/" + p.get("pid")).then().statusCode(200).body(containsString("Corrected scan of"));
        assertThat(status(id)).isEqualTo("RELEASED");
    }

    @Test
    void theAuditLogIsAppendOnlyChainedAndExportable() {
        proposalWithScan(Instant.now().minus(1, ChronoUnit.DAYS));
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("UPDATE audit_event SET actor = 'mallory' WHERE id = (SELECT max(id) FROM audit_event)").executeUpdate()))
                .hasStackTraceContaining("append-only");
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                em.createNativeQuery("DELETE FROM audit_event").executeUpdate()))
                .hasStackTraceContaining("append-only");
        given().auth().oauth2(Tokens.user("staff")).get("/api/staff/audit/verify").then().statusCode(200)
                .body("intact", is(true)).body("rows", greaterThan(0));
        String csv = given().auth().oauth2(Tokens.user("staff")).queryParam("format", "csv").queryParam("action", "RECORD_INGESTED")
                .get("/api/staff/audit").then().statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertThat(csv.lines().findFirst()).hasValue("id,occurred_at,actor,action,subject_type,subject_id,proposal,details,hash");
        assertThat(csv.lines().skip(1)).allMatch(l -> l.contains("\"RECORD_INGESTED\""));
        given().auth().oauth2(Tokens.user("pi")).get("/api/staff/audit").then().statusCode(403);
        given().get("/api/staff/audit").then().statusCode(401);
    }

    @Test
    void tamperingWithTheChainIsDetected() {
        // Simulate someone bypassing the application: drop the trigger for one edit, inside a transaction that rolls back.
        Object[] broken = new Object[1];
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("ALTER TABLE audit_event DISABLE TRIGGER audit_event_no_update").executeUpdate();
            em.createNativeQuery("UPDATE audit_event SET actor = 'mallory' WHERE id = (SELECT min(id) FROM audit_event)").executeUpdate();
            broken[0] = em.createNativeQuery("SELECT audit_verify()").getSingleResult();
            throw new IllegalStateException("roll the tampering back");
        })).hasMessageContaining("roll the tampering back");
        assertThat(broken[0]).as("first broken row").isNotNull();
        given().auth().oauth2(Tokens.user("staff")).get("/api/staff/audit/verify").then().body("intact", is(true));
    }

    private String status(long embargoId) {
        return QuarkusTransaction.requiringNew().call(() ->
                (String) em.createNativeQuery("SELECT status FROM embargo WHERE id = ?1").setParameter(1, embargoId).getSingleResult());
    }
}
