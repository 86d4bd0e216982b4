package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.catalogue.doi.OpaqueSuffix;
import io.aperture.catalogue.embargo.ReleaseJob;
import io.aperture.policy.doi.DoiState;
import io.aperture.portal.testing.DataCiteStandIn;
import io.aperture.portal.testing.DataCiteStandInTest;
import io.aperture.stack.datacite.LocalDataCite.Call;
import io.aperture.stack.datacite.LocalDataCite.Change;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.TestClock;
import io.aperture.portal.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;

/**
 * The DOI lifecycle against a local DataCite stand-in ({@link DataCiteStandIn}: WireMock, every request checked for
 * its JSON:API shape and its XML against the DataCite 4.6 XSD): drafts reserved at ingest, release to findable
 * through outages and a timeout exactly once, an embargoed record's metadata kept to the DOI landing set, withdrawal
 * hiding the DOI, concurrent job runs never sending a call twice, refused calls visible to staff and in health.
 */
@QuarkusTest
@TestProfile(DoiLifecycleIT.DoisAtTheStandIn.class)
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class DoiLifecycleIT extends DataCiteStandInTest {

    /** DOIs on, against the stand-in; short back-off and timeouts so the failures play out in seconds. */
    public static class DoisAtTheStandIn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return DataCiteStandIn.doiSettings(Map.ofEntries(
                    Map.entry("aperture.doi.reserve-at-ingest", "true"),
                    Map.entry("aperture.doi.retry.initial", "PT1M"),
                    Map.entry("aperture.doi.retry.max", "PT4M"),
                    Map.entry("aperture.doi.http.request-timeout", "PT2S"),
                    Map.entry("aperture.doi.batch-size", "500")));
        }
    }

    @Inject
    ReleaseJob releaseJob;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** A new proposal whose PI is the demo user pi, with one visit and {@code record} (titled {@code title}) as its scan. */
    static Map<String, Object> embargoedScan(String title, ObjectNode record) {
        String code = "doi" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body("""
                        {"proposals": [{"code": "%s", "title": "Proposal %s", "visits": [{"code": "%s-1"}],
                          "members": [{"role": "PI", "person": {"fullName": "Pat Investigator", "username": "pi"}}]}]}"""
                        .formatted(code, code, code))
                .post("/api/ingest/user-office").then().statusCode(200);
        record.put("title", title);
        Records.withProposal(record, code, code + "-1");
        String pid = ingest(record);
        Number embargo = given().auth().oauth2(Tokens.user("pi")).get("/api/me/proposals").then().statusCode(200)
                .extract().path("find { it.proposal == '" + code + "' }.embargoes[0].id");
        return Map.of("code", code, "pid", pid, "embargo", embargo.longValue());
    }

    private static String ingest(ObjectNode record) {
        return given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(record).toString())
                .post("/api/ingest/records").then().statusCode(200).body("results[0].status", is("CREATED"))
                .extract().path("results[0].datasetPid");
    }

    private String doiOf(String pid) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("SELECT doi FROM dataset WHERE pid = ?1")
                .setParameter(1, pid).getSingleResult());
    }

    private long outboxRows(String pid) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM doi_outbox o JOIN dataset d ON d.id = o.dataset_id WHERE d.pid = ?1")
                .setParameter(1, pid).getSingleResult()).longValue());
    }

    private static List<Call> applied(List<Call> calls) {
        return calls.stream().filter(c -> c.problem() == null).toList();
    }

    private static Instant produced() {
        return Instant.now().minus(1, ChronoUnit.DAYS);
    }

    @Test
    void aReleaseMakesTheDoiFindableExactlyOnceThroughOutagesAndATimeout() {
        String title = "Findable zircon " + UUID.randomUUID();
        Map<String, Object> scan = embargoedScan(title, Records.record(title, produced()));
        String pid = (String) scan.get("pid");
        String doi = doiOf(pid);
        assertThat(doi).as("a draft DOI is reserved at ingest").startsWith(DataCiteStandIn.PREFIX + "/");
        String suffix = doi.substring(doi.indexOf('/') + 1);
        assertThat(OpaqueSuffix.isWellFormed(suffix)).as(suffix).isTrue();
        assertThat(suffix).doesNotContainIgnoringCase("zircon").doesNotContainIgnoringCase((String) scan.get("code"));

        job.runOnce();
        assertThat(datacite.state(doi)).isEqualTo("draft");
        datacite.reset();

        // release, while DataCite answers 500 twice, then takes longer than the client waits (applied all the same)
        datacite.failNext(2);
        datacite.delayNext(1, 3_000);
        given().auth().oauth2(Tokens.user("pi")).post("/api/embargoes/" + scan.get("embargo") + "/early-release")
                .then().statusCode(200);
        assertThat(job.runOnce()).isGreaterThanOrEqualTo(1);
        assertThat(datacite.state(doi)).as("the outage changed nothing").isEqualTo("draft");
        assertThat(outboxRows(pid)).isEqualTo(1);
        given().auth().oauth2(Tokens.user("staff")).get("/api/staff/doi/outbox?status=pending").then().statusCode(200)
                .body("find { it.doi == '" + doi + "' }.attempts", is(1))
                .body("find { it.doi == '" + doi + "' }.lastStatus", is(500))
                .body("find { it.doi == '" + doi + "' }.event", is("PUBLISH"));
        job.runOnce();
        assertThat(datacite.callsFor(doi)).as("not again before its back-off").hasSize(1);

        TestClock.shift(Duration.ofMinutes(2));
        job.runOnce(); // second 500
        TestClock.shift(Duration.ofMinutes(5));
        job.runOnce(); // the slow answer: a timeout here, applied at DataCite
        assertThat(datacite.state(doi)).isEqualTo("findable");
        assertThat(outboxRows(pid)).as("a lost answer is retried").isEqualTo(1);
        TestClock.shift(Duration.ofMinutes(10));
        job.runOnce(); // answered
        assertThat(outboxRows(pid)).isZero();
        TestClock.shift(Duration.ofHours(1));
        job.runOnce();

        List<Call> calls = datacite.callsFor(doi);
        assertThat(calls).extracting(Call::status).containsExactly(500, 500, 200, 200);
        assertThat(calls).allSatisfy(c -> assertThat(c.event()).isEqualTo("publish"));
        assertThat(applied(calls)).allSatisfy(c -> assertThat(c.xml()).contains(title).contains(doi));
        assertThat(datacite.changesOf(doi)).as("findable exactly once")
                .containsExactly(new Change(doi, "draft", "findable"));
        given().get("/api/datasets/" + pid + "/datacite").then().statusCode(200)
                .body(containsString("identifierType=\"DOI\">" + doi + "<"));

    }

    @Test
    void theReleaseJobMakesTheDoiFindableWhenTheEmbargoEnds() {
        String title = "Due tourmaline " + UUID.randomUUID();
        // produced almost three years ago: the embargo ends in a day or two
        Instant produced = Instant.now().minus(Duration.ofDays(3 * 365 - 1));
        Map<String, Object> scan = embargoedScan(title, Records.record(title, produced));
        String doi = doiOf((String) scan.get("pid"));
        job.runOnce();
        assertThat(datacite.state(doi)).isEqualTo("draft");

        TestClock.shift(Duration.ofDays(5));
        assertThat(releaseJob.releaseDue()).isGreaterThanOrEqualTo(1);
        job.runOnce();

        assertThat(datacite.state(doi)).isEqualTo("findable");
        Call publish = datacite.callsFor(doi).getLast();
        assertThat(publish.event()).isEqualTo("publish");
        assertThat(publish.xml()).contains(title).contains("dateType=\"Issued\"");
        assertThat(datacite.changesOf(doi)).containsExactly(new Change(doi, "none", "draft"), new Change(doi, "draft", "findable"));
        assertThat(outboxRows((String) scan.get("pid"))).isZero();
    }

    @Test
    void anEmbargoedRecordsDoiSaysNoMoreThanItsLandingPage() {
        String title = "Embargoed garnet " + UUID.randomUUID();
        String sample = "SecretSample-" + UUID.randomUUID().toString().substring(0, 8);
        ObjectNode r = Records.withParameter(Records.record(title, produced()), "secret_energy_parameter", 12.4, "keV", 12.4, "keV");
        r.putObject("sample").put("name", sample).put("chemicalFormula", "Mg3Al2Si3O12");
        r.putArray("files").addObject().put("path", "/dls/secret/beamtime/scan-991.nxs").put("role", "MASTER").put("size", 4096);
        r.putArray("techniques").addObject().put("iri", "http://purl.org/pan-science/PaNET/PaNET01164").put("label", "secret technique");
        Map<String, Object> scan = embargoedScan(title, r);
        String pid = (String) scan.get("pid");
        String doi = doiOf(pid);
        job.runOnce();

        Call draft = datacite.callsFor(doi).getFirst();
        assertThat(draft.status()).isEqualTo(201);
        assertThat(draft.event()).as("a draft: no event").isNull();
        assertThat(draft.body().path("data").path("attributes").fieldNames()).toIterable().containsExactly("doi");

        // a DOI registered during the embargo (the state DataCiteTest sets: nothing in this slice registers one) and a
        // corrected title: the update carries the DOI landing set only, and registers, never publishes
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE dataset SET doi_state = ?1 WHERE pid = ?2")
                .setParameter(1, DoiState.REGISTERED.name()).setParameter(2, pid).executeUpdate());
        String corrected = title + " (corrected)";
        r.put("title", corrected);
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(r).toString())
                .post("/api/ingest/records").then().statusCode(200).body("results[0].status", is("UPDATED"));
        job.runOnce();

        List<Call> calls = datacite.callsFor(doi);
        assertThat(calls).extracting(Call::status).containsExactly(201, 200);
        Call update = calls.getLast();
        assertThat(update.event()).isEqualTo("register");
        assertThat(datacite.state(doi)).isEqualTo("registered");
        assertThat(update.xml()).contains(corrected).contains("<resourceType resourceTypeGeneral=\"Dataset\">Dataset</resourceType>")
                .doesNotContain(sample).doesNotContain("Mg3Al2Si3O12").doesNotContain("secret_energy_parameter")
                .doesNotContain("/dls/secret").doesNotContain("secret technique").doesNotContain("PaNET01164")
                .doesNotContain("<subjects").doesNotContain("<sizes").doesNotContain("<formats").doesNotContain("<descriptions")
                .doesNotContain("<contributors").doesNotContain("<alternateIdentifiers").doesNotContain(pid);
        assertThat(datacite.calls()).as("nothing embargoed is ever published").noneMatch(c -> "publish".equals(c.event()));
    }

    @Test
    void withdrawalHidesAFindableDoiAndQueuedStatesAreSentAsTheLatest() {
        String title = "Withdrawn spinel " + UUID.randomUUID();
        Map<String, Object> scan = embargoedScan(title, Records.record(title, produced()));
        String pid = (String) scan.get("pid");
        String doi = doiOf(pid);
        given().auth().oauth2(Tokens.user("pi")).post("/api/embargoes/" + scan.get("embargo") + "/early-release")
                .then().statusCode(200);
        job.runOnce();
        assertThat(datacite.state(doi)).isEqualTo("findable");

        given().auth().oauth2(Tokens.user("staff")).contentType(ContentType.JSON).body("{\"reason\": \"court order\"}")
                .post("/api/staff/embargoes/" + scan.get("embargo") + "/withdraw").then().statusCode(200);
        job.runOnce();

        assertThat(datacite.state(doi)).isEqualTo("registered");
        Call hide = datacite.callsFor(doi).getLast();
        assertThat(hide.event()).isEqualTo("hide");
        assertThat(hide.body().path("data").path("attributes").has("xml")).as("a withdrawn record sends no metadata").isFalse();
        // the draft queued at ingest and the release were still both queued at the first run: one call, the latest
        assertThat(datacite.callsFor(doi)).hasSize(2);
        assertThat(datacite.changesOf(doi)).containsExactly(new Change(doi, "none", "findable"),
                new Change(doi, "findable", "registered"));
        assertThat(outboxRows(pid)).isZero();
    }

    @Test
    void concurrentJobRunsNeverSendACallTwiceAndCorrectionsUpdateFindableDois() throws Exception {
        // old files harvested late: released at ingest, each queued (by the release and by the ingest) for publishing
        List<String> pids = new ArrayList<>();
        ObjectNode[] records = new ObjectNode[12];
        for (int i = 0; i < records.length; i++) {
            records[i] = Records.record("Late olivine " + i + " " + UUID.randomUUID(), Instant.now().minus(Duration.ofDays(5 * 366)));
        }
        pids.addAll(given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(records).toString())
                .post("/api/ingest/records").then().statusCode(200).extract().path("results.datasetPid"));
        List<String> dois = pids.stream().map(this::doiOf).toList();
        assertThat(dois).doesNotContainNull().doesNotHaveDuplicates();

        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Callable<Integer>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                runs.add(() -> {
                    start.await();
                    return job.runOnce();
                });
            }
            List<Future<Integer>> results = runs.stream().map(pool::submit).toList();
            start.countDown();
            int sent = 0;
            for (Future<Integer> f : results) {
                sent += f.get();
            }
            assertThat(sent).isEqualTo(dois.size());
        } finally {
            pool.shutdownNow();
        }
        for (String doi : dois) {
            assertThat(datacite.callsFor(doi)).as(doi).hasSize(1);
            assertThat(datacite.callsFor(doi).getFirst().event()).isEqualTo("publish");
            assertThat(datacite.changesOf(doi)).containsExactly(new Change(doi, "none", "findable"));
        }
        assertThat(pids.stream().mapToLong(this::outboxRows).sum()).isZero();

        // a corrected title reaches a findable DOI as an update; its state does not change again
        String corrected = "Late olivine, corrected " + UUID.randomUUID();
        records[0].put("title", corrected);
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(records[0]).toString())
                .post("/api/ingest/records").then().statusCode(200).body("results[0].status", is("UPDATED"));
        job.runOnce();
        Call update = datacite.callsFor(dois.getFirst()).getLast();
        assertThat(update.status()).isEqualTo(200);
        assertThat(update.event()).isEqualTo("publish");
        assertThat(update.xml()).contains(corrected);
        assertThat(datacite.changesOf(dois.getFirst())).hasSize(1);
    }

    @Test
    void aRefusedCallIsKeptForStaffAndTurnsHealthDown() {
        String title = "Refused beryl " + UUID.randomUUID();
        Map<String, Object> scan = embargoedScan(title, Records.record(title, produced()));
        String pid = (String) scan.get("pid");
        String doi = doiOf(pid);
        datacite.refuseNext(1);
        job.runOnce();

        assertThat(outboxRows(pid)).isEqualTo(1);
        given().auth().oauth2(Tokens.user("staff")).get("/api/staff/doi/outbox?status=failed").then().statusCode(200)
                .body("find { it.doi == '" + doi + "' }.status", is("FAILED"))
                .body("find { it.doi == '" + doi + "' }.datasetPid", is(pid))
                .body("find { it.doi == '" + doi + "' }.lastStatus", is(422))
                .body("find { it.doi == '" + doi + "' }.lastError", containsString("publisher can't be blank"));
        given().auth().oauth2(Tokens.user("researcher")).get("/api/staff/doi/outbox").then().statusCode(403);
        given().get("/api/staff/doi/outbox").then().statusCode(401);
        given().auth().oauth2(Tokens.user("staff")).get("/q/health/well").then()
                .body("checks.find { it.name == 'DOI outbox' }.status", is("DOWN"))
                .body("checks.find { it.name == 'DOI outbox' }.data.failed", greaterThanOrEqualTo(1));
        job.runOnce();
        assertThat(datacite.callsFor(doi)).as("a refused call is not sent again by itself").hasSize(1);

        long id = given().auth().oauth2(Tokens.user("staff")).get("/api/staff/doi/outbox?status=failed").then()
                .extract().<Number>path("find { it.doi == '" + doi + "' }.id").longValue();
        given().auth().oauth2(Tokens.user("staff")).post("/api/staff/doi/outbox/" + id + "/retry").then().statusCode(204);
        given().auth().oauth2(Tokens.user("staff")).post("/api/staff/doi/outbox/" + id + "/retry").then().statusCode(404)
                .body("error.message", is("no failed DOI call with this id"));
        given().auth().oauth2(Tokens.user("staff")).get("/api/staff/doi/outbox?status=lost").then().statusCode(400)
                .body("error.field", is("status"));
        job.runOnce();
        assertThat(datacite.state(doi)).isEqualTo("draft");
        assertThat(outboxRows(pid)).isZero();
        given().auth().oauth2(Tokens.user("staff")).get("/q/health/well").then()
                .body("checks.find { it.name == 'DOI outbox' }.status", is("UP"))
                .body("checks.find { it.name == 'DOI outbox' }.data.failed", is(0));
    }
}
