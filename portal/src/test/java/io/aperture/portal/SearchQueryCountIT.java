package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.TestClock;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

/**
 * A page of search hits costs a constant number of SQL statements, not one or more per hit: hits are read from the
 * index. Every statement Hibernate prepares is counted (a {@link StatementInspector}) around pages of 1 and of 50 hits
 * whose datasets each have an instrument, a sample and techniques (what loading an entity per hit fetches lazily).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class SearchQueryCountIT {
    @Inject
    EntityManager em;
    /**
     * Sees every SQL statement Hibernate sends, native queries included, in every test of the run: counts them and keeps
     * the text of the last {@link #KEPT}, for tests that compare statements.
     */
    @PersistenceUnitExtension
    @Singleton
    public static class SqlCounter implements StatementInspector {
        static final AtomicLong STATEMENTS = new AtomicLong();
        static final int KEPT = 200;
        static final Deque<String> RECENT = new ConcurrentLinkedDeque<>();

        @Override
        public String inspect(String sql) {
            STATEMENTS.incrementAndGet();
            RECENT.addLast(sql);
            while (RECENT.size() > KEPT) {
                RECENT.pollFirst();
            }
            return sql;
        }

        /** The statements sent while {@code call} ran (other threads' too: filter them). */
        static List<String> during(Runnable call) {
            RECENT.clear();
            call.run();
            return List.copyOf(RECENT);
        }
    }

    private static long statementsFor(Runnable page) {
        long before = SqlCounter.STATEMENTS.get();
        page.run();
        return SqlCounter.STATEMENTS.get() - before;
    }

    @Test
    void aPageOfFiftyHitsDoesNotQueryPerHit() {
        String tag = "qc" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ObjectNode[] records = new ObjectNode[60];
        for (int i = 0; i < records.length; i++) {
            ObjectNode r = Records.record("Counted " + tag + " " + i, Instant.parse("2012-01-01T00:00:00Z").plusSeconds(i));
            r.putObject("instrument").put("name", "I0" + (i % 4) + " " + tag).put("shortName", "Q" + (i % 4) + tag);
            r.putObject("sample").put("name", "Sample " + i + " " + tag);
            r.putArray("techniques").addObject().put("iri", "http://purl.org/pan-science/PaNET/PaNET01164")
                    .put("label", "macromolecular crystallography");
            records[i] = r;
        }
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(records).toString())
                .post("/api/ingest/records").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("q", tag).queryParam("size", 1).get("/api/search").then().body("total", is(60)));

        // the fewest of a few tries: the outbox poll (each second) may add a statement to any one of them
        long one = Long.MAX_VALUE;
        long fifty = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 5; attempt++) {
            one = Math.min(one, statementsFor(() -> given().queryParam("q", tag).queryParam("size", 1).get("/api/search")
                    .then().statusCode(200)));
            fifty = Math.min(fifty, statementsFor(() -> {
                List<String> instruments = given().queryParam("q", tag).queryParam("size", 50).get("/api/search").then()
                        .statusCode(200).body("hits.size()", is(50)).extract().path("hits.instrument");
                // the hits carry what a per-hit load would have fetched
                assertThat(instruments).hasSize(50).allSatisfy(i -> assertThat(i).endsWith(tag));
            }));
        }
        System.out.printf("SQL statements per search page: 1 hit %d, 50 hits %d%n", one, fifty);
        assertThat(fifty).as("SQL statements for a page of 50 hits (a page of 1 took %d)", one).isLessThanOrEqualTo(one);
        given().queryParam("q", tag).queryParam("size", 50).get("/api/search").then()
                .body("hits[0].sample", org.hamcrest.Matchers.endsWith(tag))
                // a technique's label is the first one stored for its IRI (DoiLifecycleIT stores this one as well)
                .body("hits[0].techniques", org.hamcrest.Matchers.hasSize(1));
    }

    /**
     * An embargoed dataset's 404 costs the database what an unknown pid's costs (the brief: no timing of a 404 may tell
     * them apart): the lookup reads the dataset with its proposal in one statement, so the policy's decision needs no
     * second one that only an existing pid would cause.
     */
    @Test
    void aHiddenDatasetsNotFoundReadsWhatAnUnknownPidsReads() {
        String code = "qh" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        ObjectNode r = Records.withProposal(Records.record("Hidden " + code, Instant.now().minus(Duration.ofDays(30))), code, code + "-1");
        String hidden = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(r).toString())
                .post("/api/ingest/records").then().statusCode(200).extract().path("results[0].datasetPid");
        String unknown = "DLS-00000000000000000000";
        for (String path : List.of("/datasets/%s", "/api/datasets/%s/datacite", "/datasets/%s/preview.png",
                "/api/Datasets/%s", "/api/Datasets/%s/files", "/api/Datasets/%s/files/count")) {
            long ofHidden = Long.MAX_VALUE;
            long ofUnknown = Long.MAX_VALUE;
            // the fewest of a few tries: the outbox poll (each second) may add a statement to any one of them
            for (int attempt = 0; attempt < 5; attempt++) {
                ofHidden = Math.min(ofHidden, statementsFor(() -> given().get(path.formatted(hidden)).then().statusCode(404)));
                ofUnknown = Math.min(ofUnknown, statementsFor(() -> given().get(path.formatted(unknown)).then().statusCode(404)));
            }
            assertThat(ofHidden).as("SQL statements for %s of a hidden pid (an unknown one: %d)", path, ofUnknown).isEqualTo(ofUnknown);
        }
        // by DOI too: a hidden dataset's registered DOI reads what an unknown DOI reads on the PaNOSC paths
        String doi = "10.5555/" + code;
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = 'REGISTERED' WHERE pid = ?2")
                .setParameter(1, doi).setParameter(2, hidden).executeUpdate());
        for (String path : List.of("/api/Datasets/%s", "/api/Datasets/%s/files")) {
            long ofHidden = Long.MAX_VALUE;
            long ofUnknown = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 5; attempt++) {
                ofHidden = Math.min(ofHidden, statementsFor(() -> given().urlEncodingEnabled(false)
                        .get(path.formatted(doi.replace("/", "%2F"))).then().statusCode(404)));
                ofUnknown = Math.min(ofUnknown, statementsFor(() -> given().urlEncodingEnabled(false)
                        .get(path.formatted("10.5555%2Fnothing-" + code)).then().statusCode(404)));
            }
            assertThat(ofHidden).as("SQL statements for %s of a hidden DOI (an unknown one: %d)", path, ofUnknown).isEqualTo(ofUnknown);
        }
    }

    /**
     * A signed-in caller who is not on the team. A hidden pid's 404 reads what an unknown pid's reads on every path
     * that decides for the caller, also when the caller's proposal roles are not cached (they are read before the
     * lookup, not once a record is found); the hidden row is read without its stored record. An embargo id the caller
     * may not learn of costs what an unknown id costs, and its row is not locked for the question.
     */
    @Test
    void aSignedInOutsidersHiddenAndUnknownIdentifiersReadAlike() {
        String code = "qo" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        ObjectNode r = Records.withProposal(Records.record("Hidden " + code, Instant.now().minus(Duration.ofDays(30))), code, code + "-1");
        r.putObject("instrument").put("name", "Beamline " + code).put("shortName", code);
        String hidden = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(r).toString())
                .post("/api/ingest/records").then().statusCode(200).extract().path("results[0].datasetPid");
        String unknown = "DLS-00000000000000000000";

        // OAI-PMH: the set of an instrument named by embargoed records alone reads what an unknown set reads
        long ofHiddenSet = Long.MAX_VALUE;
        long ofUnknownSet = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 5; attempt++) {
            for (String set : List.of("instrument:" + code, "instrument:no-such-" + code)) {
                long n = statementsFor(() -> given().queryParam("verb", "ListIdentifiers").queryParam("metadataPrefix", "oai_dc")
                        .queryParam("set", set).get("/oai").then().statusCode(200).body(containsString("noRecordsMatch")));
                if (set.endsWith(code) && !set.contains("no-such")) {
                    ofHiddenSet = Math.min(ofHiddenSet, n);
                } else {
                    ofUnknownSet = Math.min(ofUnknownSet, n);
                }
            }
        }
        assertThat(ofHiddenSet).as("SQL statements for the set of an embargoed-only instrument (an unknown set: %d)", ofUnknownSet)
                .isEqualTo(ofUnknownSet);

        String token = Tokens.user("researcher");
        long[] minutes = {0};
        try {
            for (String path : List.of("/datasets/%s", "/datasets/%s?format=jsonld", "/datasets/%s?format=bibtex",
                    "/api/datasets/%s/datacite", "/api/datasets/%s/preview.png", "/datasets/%s/preview.png",
                    "/api/datasets/%s/quality")) {
                long ofHidden = Long.MAX_VALUE;
                long ofUnknown = Long.MAX_VALUE;
                for (int attempt = 0; attempt < 5; attempt++) {
                    // the clock passes the roles cache's lifetime before each request: the roles are read every time
                    TestClock.shift(Duration.ofMinutes(++minutes[0]));
                    ofHidden = Math.min(ofHidden, statementsFor(() -> given().auth().oauth2(token).get(path.formatted(hidden))
                            .then().statusCode(404)));
                    TestClock.shift(Duration.ofMinutes(++minutes[0]));
                    ofUnknown = Math.min(ofUnknown, statementsFor(() -> given().auth().oauth2(token).get(path.formatted(unknown))
                            .then().statusCode(404)));
                }
                assertThat(ofHidden).as("SQL statements for %s of a hidden pid, signed in (an unknown one: %d)", path, ofUnknown)
                        .isEqualTo(ofUnknown);
            }
            List<String> read = SqlCounter.during(() -> given().auth().oauth2(token).get("/datasets/" + hidden).then().statusCode(404));
            assertThat(read).as("statements of a hidden pid's 404").isNotEmpty()
                    .noneMatch(sql -> sql.matches("(?s).*\\.record(?![_a-z]).*"));

            long embargo = ((Number) em.createNativeQuery("SELECT e.id FROM embargo e JOIN visit v ON v.id = e.visit_id WHERE v.code = ?1")
                    .setParameter(1, code + "-1").getSingleResult()).longValue();
            for (String action : List.of("early-release", "extension-requests")) {
                long ofHidden = Long.MAX_VALUE;
                long ofUnknown = Long.MAX_VALUE;
                for (int attempt = 0; attempt < 5; attempt++) {
                    ofHidden = Math.min(ofHidden, statementsFor(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body("{}").post("/api/embargoes/" + embargo + "/" + action).then().statusCode(404)));
                    ofUnknown = Math.min(ofUnknown, statementsFor(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                            .body("{}").post("/api/embargoes/" + (embargo + 1_000_000_000L) + "/" + action).then().statusCode(404)));
                }
                assertThat(ofHidden).as("SQL statements for %s on an embargo not the caller's (an unknown one: %d)", action, ofUnknown)
                        .isEqualTo(ofUnknown);
                List<String> asked = SqlCounter.during(() -> given().auth().oauth2(token).contentType(ContentType.JSON)
                        .body("{}").post("/api/embargoes/" + embargo + "/" + action).then().statusCode(404));
                assertThat(asked).as("statements for %s on an embargo not the caller's", action)
                        .noneMatch(sql -> sql.toLowerCase(Locale.ROOT).contains("for update")
                                || sql.toLowerCase(Locale.ROOT).contains("for no key update"));
            }
        } finally {
            TestClock.reset();
        }
    }

    /**
     * An OAI-PMH page of full records costs the same statements for three records as for one: what the mapping reads
     * of each (its stored record, lazily fetched; the DOI collections of its visit and proposal) is read with the page,
     * not record by record. With and without a proposal for each record (each its own).
     */
    @Test
    void anOaiPageOfRecordsDoesNotQueryPerRecord() {
        for (boolean proposals : List.of(false, true)) {
            String code = "qp" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
            Instant old = Instant.parse("2016-03-01T09:00:00Z");
            ObjectNode[] records = new ObjectNode[4];
            for (int i = 0; i < records.length; i++) {
                String set = i == 0 ? code + "one" : code + "three";
                records[i] = Records.record("Open " + code + " " + i, old.plusSeconds(i));
                records[i].putObject("instrument").put("name", "Beamline " + set).put("shortName", set);
                records[i].putArray("users").addObject().put("name", "Ada Lovelace " + i).put("role", "PI");
                if (proposals) {
                    Records.withProposal(records[i], code.toUpperCase(Locale.ROOT) + i, code.toUpperCase(Locale.ROOT) + i + "-1");
                }
            }
            given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(records).toString())
                    .post("/api/ingest/records").then().statusCode(200).body("results.status", everyItem(is("CREATED")));
            long ofOne = Long.MAX_VALUE;
            long ofThree = Long.MAX_VALUE;
            for (int attempt = 0; attempt < 5; attempt++) {
                for (String set : List.of(code + "one", code + "three")) {
                    long n = statementsFor(() -> given().queryParam("verb", "ListRecords").queryParam("metadataPrefix", "oai_datacite")
                            .queryParam("set", "instrument:" + set).get("/oai").then().statusCode(200)
                            .body(containsString("Ada Lovelace")));
                    if (set.endsWith("one")) {
                        ofOne = Math.min(ofOne, n);
                    } else {
                        ofThree = Math.min(ofThree, n);
                    }
                }
            }
            assertThat(ofThree).as("SQL statements for an OAI page of three records (of one: %d), proposals: %s", ofOne, proposals)
                    .isEqualTo(ofOne);
        }
    }

    /** A signed-in caller's proposal roles are read in one query, however many proposals the person is on. */
    @Test
    void aSignedInCallersRolesCostTheSameForOneOrTwentyProposals() {
        String token = Tokens.user("member");
        Runnable search = () -> given().auth().oauth2(token).queryParam("q", "nothing-matches-this").get("/api/search")
                .then().statusCode(200);
        search.run(); // warm: the first request of a token pays for its verification
        long before = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 5; attempt++) {
            before = Math.min(before, statementsFor(search));
        }

        String tag = UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        StringBuilder proposals = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            proposals.append(i == 0 ? "" : ",").append("""
                    {"code": "rc%s%02d", "title": "Roles counted", "members": [
                      {"role": "TEAM_MEMBER", "person": {"fullName": "Morgan Member", "username": "member"}}]}""".formatted(tag, i));
        }
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON)
                .body("{\"proposals\": [" + proposals + "]}").post("/api/ingest/user-office").then().statusCode(200);

        long after = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 5; attempt++) {
            after = Math.min(after, statementsFor(search));
        }
        System.out.printf("SQL statements per signed-in search: before %d, with 20 more proposals %d%n", before, after);
        assertThat(after).as("statements after the person joined 20 more proposals (before: %d)", before).isEqualTo(before);
    }
}
