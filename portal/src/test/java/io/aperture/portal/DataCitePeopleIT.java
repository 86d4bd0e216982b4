package io.aperture.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.DataCiteIT.Standards;
import io.aperture.portal.DataCiteIT.Xml;
import io.aperture.portal.testing.OncePerClass;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

/**
 * Creators from the user office and the file's NXusers, local contacts as contributors, and the related identifiers
 * (proposal collection, raw ↔ processed, NXcite, documentation) in DataCite XML (valid against the 4.6 XSD) and JSON,
 * JSON-LD and the landing page; nothing of the file's people, nor an embargoed processed dataset, where the policy
 * hides them.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataCitePeopleIT {
    private static final String BABBAGE_ORCID = "0000-0002-1825-0097";

    @Inject
    EntityManager em;

    private final String tag = "pp" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String proposal = "pp" + tag.substring(2, 8);
    private final String proposalDoi = "10.80002/proposal." + tag;
    private final String rawDoi = "10.80002/aperture." + tag + ".raw";
    private final String embargoedDoi = "10.80002/aperture." + tag + ".emb";
    private final OncePerClass setUp = new OncePerClass();
    private String raw;
    private String processed;
    private String processedEmbargoed;
    private String embargoed;

    @BeforeEach
    void catalogue() {
        setUp.run(this::load);
    }

    private void load() {
        String userOffice = """
                {"proposals": [{"code": "%s", "title": "Difference engines %s", "doi": "https://doi.org/%s", "members": [
                  {"role": "PI", "person": {"fullName": "Ada Lovelace", "givenName": "Ada", "familyName": "Lovelace",
                    "orcid": "0000-0001-5109-3700", "affiliation": {"name": "University of Oxford", "ror": "https://ror.org/052gg0110"}}},
                  {"role": "TEAM_MEMBER", "person": {"fullName": "Morgan Member", "username": "member"}}]}]}
                """.formatted(proposal, tag, proposalDoi);
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(userOffice)
                .post("/api/ingest/user-office").then().statusCode(200).body("results.status", everyItem(is("IMPORTED")));

        Instant old = Instant.parse("2015-06-01T12:00:00Z");
        Instant recent = Instant.now().minus(2, ChronoUnit.DAYS);
        ObjectNode r1 = withPeople(Records.record("Engine raw " + tag, old));
        r1.putArray("citations").addObject().put("doi", "10.1364/OE.22.019078").put("description", "Savu");
        ObjectNode e1 = withPeople(Records.record("Hidden engine " + tag, recent));
        List<String> first = ingest(r1, e1);
        raw = first.get(0);
        embargoed = first.get(1);

        ObjectNode p1 = withPeople(Records.record("Engine processed " + tag, old));
        p1.put("kind", "PROCESSED");
        p1.putArray("derivedFrom").add(r1.path("source").path("path").asText() + "#entry");
        ObjectNode p2 = withPeople(Records.record("Engine processed recently " + tag, recent));
        p2.put("kind", "PROCESSED");
        p2.putArray("derivedFrom").add(r1.path("source").path("path").asText() + "#entry");
        List<String> second = ingest(p1, p2);
        processed = second.get(0);
        processedEmbargoed = second.get(1);

        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = 'FINDABLE' WHERE pid = ?2")
                    .setParameter(1, rawDoi).setParameter(2, raw).executeUpdate();
            em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = 'REGISTERED' WHERE pid = ?2")
                    .setParameter(1, embargoedDoi).setParameter(2, embargoed).executeUpdate();
        });
    }

    /** The test's proposal, NXmx, and the NXusers of a file: the PI again, a co-worker, a local contact, an account. */
    private ObjectNode withPeople(ObjectNode r) {
        r.putObject("identity").put("proposal", proposal);
        r.putObject("definition").put("name", "NXmx");
        ArrayNode users = r.putArray("users");
        users.addObject().put("name", "Ada Lovelace").put("role", "principal_investigator").put("email", "ada@example.org");
        users.addObject().put("name", "Babbage, Charles").put("role", "user").put("affiliation", "University of Cambridge")
                .put("orcid", "https://orcid.org/" + BABBAGE_ORCID).put("email", "babbage@example.org");
        users.addObject().put("name", "Franklin, Rosalind").put("role", "local_contact").put("affiliation", "Diamond Light Source")
                .put("email", "franklin@example.org");
        users.addObject().put("username", "fedid1234").put("role", "user");
        r.putArray("files").addObject().put("path", r.path("source").path("path").asText()).put("role", "MASTER").put("size", 2048);
        return r;
    }

    private static List<String> ingest(ObjectNode... records) {
        return given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(records).toString()).post("/api/ingest/records")
                .then().statusCode(200).extract().path("results.datasetPid");
    }

    private static String dataciteXml(String pid) {
        return given().get("/api/datasets/" + pid + "/datacite").then().statusCode(200).extract().asString();
    }

    @Test
    void creatorsComeFromTheUserOfficeThenTheFileAndLocalContactsAreContributors() throws Exception {
        for (String xml : List.of(dataciteXml(raw),
                given().accept("application/vnd.datacite.datacite+xml").get("/datasets/" + raw).then().statusCode(200).extract().asString())) {
            Standards.validateDataCite(xml);
            Xml doc = Xml.parse(xml);
            assertThat(doc.texts("//dc:creator/dc:creatorName")).containsExactly("Lovelace, Ada", "Morgan Member", "Babbage, Charles");
            assertThat(doc.text("//dc:creator[3]/dc:givenName")).isEqualTo("Charles");
            assertThat(doc.text("//dc:creator[3]/dc:familyName")).isEqualTo("Babbage");
            assertThat(doc.text("//dc:creator[3]/dc:nameIdentifier[@nameIdentifierScheme='ORCID']")).isEqualTo("https://orcid.org/" + BABBAGE_ORCID);
            assertThat(doc.text("//dc:creator[3]/dc:affiliation")).isEqualTo("University of Cambridge");
            assertThat(doc.text("//dc:creator[1]/dc:affiliation/@affiliationIdentifier")).isEqualTo("https://ror.org/052gg0110");
            assertThat(doc.texts("//dc:contributor/@contributorType")).containsExactly("DataCollector", "ContactPerson", "HostingInstitution");
            assertThat(doc.texts("//dc:contributor[@contributorType='DataCollector']/dc:contributorName")).containsExactly("Franklin, Rosalind");
            assertThat(doc.text("//dc:contributor[@contributorType='DataCollector']/dc:familyName")).isEqualTo("Franklin");
            assertThat(xml).doesNotContain("@example.org").doesNotContain("fedid1234");
        }
    }

    @Test
    void relatedIdentifiersNameTheProposalTheSourcesTheDerivedCitationsAndDocumentation() throws Exception {
        String xml = dataciteXml(raw);
        Standards.validateDataCite(xml);
        Xml doc = Xml.parse(xml);
        assertThat(doc.text("//dc:relatedIdentifier[@relationType='IsPartOf']")).isEqualTo(proposalDoi);
        assertThat(doc.text("//dc:relatedIdentifier[@relationType='References']")).isEqualTo("10.1364/OE.22.019078");
        assertThat(doc.text("//dc:relatedIdentifier[@relationType='IsDocumentedBy']"))
                .isEqualTo("https://manual.nexusformat.org/classes/applications/NXmx.html");
        // the released processed dataset is named; the embargoed one is not, to the public
        assertThat(doc.texts("//dc:relatedIdentifier[@relationType='IsSourceOf']"))
                .singleElement().satisfies(u -> assertThat(u).endsWith("/datasets/" + processed));
        assertThat(xml).doesNotContain(processedEmbargoed);
        // ...but the proposal's team, who may see it, learns of it
        String own = given().auth().oauth2(Tokens.user("member")).get("/api/datasets/" + raw + "/datacite").then()
                .statusCode(200).extract().asString();
        Standards.validateDataCite(own);
        assertThat(Xml.parse(own).texts("//dc:relatedIdentifier[@relationType='IsSourceOf']")).hasSize(2)
                .anySatisfy(u -> assertThat(u).endsWith("/datasets/" + processedEmbargoed));

        String derived = dataciteXml(processed);
        Standards.validateDataCite(derived);
        assertThat(Xml.parse(derived).text("//dc:relatedIdentifier[@relationType='IsDerivedFrom']")).isEqualTo(rawDoi);
    }

    @Test
    void anEmbargoedRecordSaysNothingOfTheFilesPeople() throws Exception {
        for (var spec : List.of(given(), given().auth().oauth2(Tokens.user("researcher")), given().auth().oauth2(Tokens.user("member")))) {
            String xml = spec.get("/api/datasets/" + embargoed + "/datacite").then().statusCode(200).extract().asString();
            Standards.validateDataCite(xml);
            Xml doc = Xml.parse(xml);
            assertThat(doc.texts("//dc:creator/dc:creatorName")).containsExactly("Lovelace, Ada", "Morgan Member");
            assertThat(doc.texts("//dc:contributor")).isEmpty();
            assertThat(doc.texts("//dc:relatedIdentifier")).isEmpty();
            assertThat(xml).doesNotContain("Babbage").doesNotContain("Franklin").doesNotContain("example.org")
                    .doesNotContain(proposalDoi);
        }
        for (String format : List.of("jsonld", "datacite-json", "csl-json", "bibtex", "ris")) {
            String body = given().queryParam("format", format).get("/datasets/" + embargoed).then().statusCode(200).extract().asString();
            assertThat(body).as(format).doesNotContain("Babbage").doesNotContain("Franklin").doesNotContain(proposalDoi);
        }
        String page = given().accept(ContentType.HTML).get("/datasets/" + embargoed).then().statusCode(200).extract().asString();
        assertThat(page).doesNotContain("Babbage").doesNotContain("Franklin").doesNotContain(proposalDoi);
    }

    @Test
    void theDataCiteJsonCarriesTheSamePeople() {
        JsonNode a = Records.JSON.valueToTree(given().queryParam("format", "datacite-json").get("/datasets/" + raw)
                .then().statusCode(200).extract().as(Object.class));
        List<String> creators = new ArrayList<>();
        a.path("creators").forEach(c -> creators.add(c.path("name").asText()));
        assertThat(creators).containsExactly("Lovelace, Ada", "Morgan Member", "Babbage, Charles");
        assertThat(a.path("creators").get(2).path("familyName").asText()).isEqualTo("Babbage");
        List<String> types = new ArrayList<>();
        a.path("contributors").forEach(c -> types.add(c.path("contributorType").asText() + ":" + c.path("name").asText()));
        assertThat(types).containsExactly("DataCollector:Franklin, Rosalind", "ContactPerson:Franklin, Rosalind",
                "HostingInstitution:Diamond Light Source");
        List<String> relations = new ArrayList<>();
        a.path("relatedIdentifiers").forEach(r -> relations.add(r.path("relationType").asText()));
        assertThat(relations).contains("IsPartOf", "IsSourceOf", "References", "IsDocumentedBy");
    }

    @Test
    void theLandingPageAndItsJsonLdShowThePeopleAndTheRelations() throws Exception {
        String html = given().accept(ContentType.HTML).get("/datasets/" + raw).then().statusCode(200).extract().asString();
        assertThat(html).containsPattern("<span class=\"creator\">Babbage, Charles <a class=\"orcid\" href=\"https://orcid.org/"
                + BABBAGE_ORCID + "\" rel=\"author\">ORCID</a> <span class=\"affiliation\">\\(University of Cambridge\\)</span>");
        assertThat(html).contains("<span class=\"contributor\" data-role=\"DataCollector\">Franklin, Rosalind")
                .contains("<span class=\"contributor\" data-role=\"ContactPerson\">Franklin, Rosalind");
        assertThat(html).contains("<li data-relation=\"IsPartOf\">Part of: <a href=\"https://doi.org/" + proposalDoi + "\">doi:" + proposalDoi + "</a>")
                .containsPattern("<li data-relation=\"IsSourceOf\">Source of: <a href=\"[^\"]+/datasets/" + processed + "\">")
                .contains("<li data-relation=\"IsDocumentedBy\">Documented by: <a href=\"https://manual.nexusformat.org/classes/applications/NXmx.html\">");
        assertThat(html).doesNotContain(processedEmbargoed).doesNotContain("@example.org").doesNotContain("fedid1234");

        JsonNode ld = Records.JSON.readTree(given().accept("application/ld+json").get("/datasets/" + raw).then().statusCode(200)
                .extract().asString());
        assertThat(ld.path("creator").get(2).path("givenName").asText()).isEqualTo("Charles");
        assertThat(ld.path("creator").get(2).path("sameAs").asText()).isEqualTo("https://orcid.org/" + BABBAGE_ORCID);
        assertThat(ld.path("contributor")).hasSize(1);
        assertThat(ld.path("contributor").get(0).path("familyName").asText()).isEqualTo("Franklin");
        assertThat(ld.path("isPartOf").get(0).asText()).isEqualTo("https://doi.org/" + proposalDoi);
        assertThat(ld.path("citation").get(0).asText()).isEqualTo("https://doi.org/10.1364/OE.22.019078");

        JsonNode derivedLd = Records.JSON.readTree(given().accept("application/ld+json").get("/datasets/" + processed)
                .then().statusCode(200).extract().asString());
        assertThat(derivedLd.path("isBasedOn").get(0).asText()).isEqualTo("https://doi.org/" + rawDoi);
    }
}
