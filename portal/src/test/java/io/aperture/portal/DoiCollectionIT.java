package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.Catalogued;
import io.aperture.portal.testing.DataCiteStandIn;
import io.aperture.portal.testing.DataCiteStandInTest;
import io.aperture.stack.datacite.LocalDataCite.Call;
import io.aperture.stack.datacite.LocalDataCite.Change;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * Collection DOIs per proposal ({@code aperture.doi.collections=PROPOSAL}) against the DataCite stand-in, which checks
 * every payload's XML against the DataCite 4.6 XSD: nothing is minted for a proposal with nothing released; the first
 * release mints the collection as a findable {@code Collection} whose {@code HasPart} names the released dataset only
 * (not the one still under embargo), and the released dataset names it with {@code IsPartOf}; the second release
 * publishes it again with both parts, without another state change; withdrawing everything hides it, and its page at
 * {@code /doi/...} becomes a 410 that names no dataset.
 */
@QuarkusTest
@TestProfile(DoiCollectionIT.ProposalCollections.class)
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class DoiCollectionIT extends DataCiteStandInTest {

    /** DOIs on against the stand-in, with one collection DOI per proposal. */
    public static class ProposalCollections implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return DataCiteStandIn.doiSettings(Map.of("aperture.doi.collections", "PROPOSAL", "aperture.doi.batch-size", "500"));
        }
    }

    @Test
    void aProposalCollectionListsOnlyWhatIsReleasedBothWaysAndIsHiddenWhenNothingIsLeft() {
        String code = "col" + UUID.randomUUID().toString().substring(0, 6);
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body("""
                        {"proposals": [{"code": "%s", "title": "Collected garnets %s", "visits": [{"code": "%s-1"}, {"code": "%s-2"}],
                          "members": [{"role": "PI", "person": {"fullName": "Pat Investigator", "username": "pi"}}]}]}"""
                        .formatted(code, code, code, code))
                .post("/api/ingest/user-office").then().statusCode(200);
        Instant produced = Instant.now().minus(1, ChronoUnit.DAYS);
        ObjectNode open = Records.record("Open garnet " + code, produced);
        open.putObject("instrument").put("name", "Beamline " + code).put("shortName", code);
        String first = Catalogued.ingest(Records.withProposal(open, code, code + "-1"));
        String second = Catalogued.ingest(Records.withProposal(Records.record("Hidden garnet " + code, produced), code, code + "-2"));
        job.runOnce();
        assertThat(collectionDoi(code)).as("nothing released: no collection minted").isNull();
        assertThat(datacite.calls()).as("and nothing sent").noneSatisfy(c -> assertThat(c.xml()).contains(code));

        // the first visit is released: its dataset and the proposal's collection become findable
        given().auth().oauth2(Tokens.user("pi")).post("/api/embargoes/" + Catalogued.embargoOfVisit(em, code + "-1") + "/early-release")
                .then().statusCode(200);
        job.runOnce();
        String collection = collectionDoi(code);
        assertThat(collection).startsWith(DataCiteStandIn.PREFIX + "/");
        String firstDoi = doiOf(first);
        assertThat(doiOf(second)).as("still embargoed: no DOI").isNull();
        assertThat(datacite.state(collection)).isEqualTo("findable");
        Document xml = lastAppliedXml(collection);
        assertThat(text(xml, "resourceType", "resourceTypeGeneral")).containsExactly("Collection");
        assertThat(related(xml, "HasPart")).as("only the released dataset is a part").containsExactly(firstDoi);
        assertThat(datacite.callsFor(collection)).allSatisfy(c -> assertThat(c.xml()).doesNotContain("Hidden garnet").doesNotContain(second));
        assertThat(related(lastAppliedXml(firstDoi), "IsPartOf")).as("the dataset names its collection").contains(collection);
        // so does its record in an OAI-PMH page, where the collections are read for the whole page (DatasetExtras.forPage)
        String page = given().queryParam("verb", "ListRecords").queryParam("metadataPrefix", "oai_datacite")
                .queryParam("set", "instrument:" + code).get("/oai").then().statusCode(200).extract().asString();
        assertThat(related(parse(page), "IsPartOf")).as("the dataset's OAI record names its collection").contains(collection);

        // its landing page, where the DOI resolves, lists the same parts
        given().get("/doi/" + collection).then().statusCode(200)
                .body(containsString("Open garnet " + code)).body(not(containsString("Hidden garnet")));
        Response asXml = given().accept("application/vnd.datacite.datacite+xml").get("/doi/" + collection);
        asXml.then().statusCode(200);
        assertThat(related(parse(asXml.asString()), "HasPart")).containsExactly(firstDoi);
        // every other form a dataset has, too (DoiCollectionFormatsIT); a type no landing page has is still refused
        given().accept("application/x-bibtex").get("/doi/" + collection).then().statusCode(200);
        given().accept("application/pdf").get("/doi/" + collection).then().statusCode(406);

        // the second visit is released: the collection is published again with both parts, no new state
        datacite.reset();
        given().auth().oauth2(Tokens.user("pi")).post("/api/embargoes/" + Catalogued.embargoOfVisit(em, code + "-2") + "/early-release")
                .then().statusCode(200);
        job.runOnce();
        String secondDoi = doiOf(second);
        assertThat(related(lastAppliedXml(collection), "HasPart")).containsExactlyInAnyOrder(firstDoi, secondDoi);
        assertThat(datacite.changesOf(collection)).as("already findable").isEmpty();
        assertThat(collectionDoi(code)).as("the same DOI").isEqualTo(collection);

        // everything withdrawn: the collection is hidden and its page a tombstone naming no dataset
        datacite.reset();
        for (String visit : List.of(code + "-1", code + "-2")) {
            given().auth().oauth2(Tokens.user("staff")).contentType(ContentType.JSON).body("{\"reason\": \"retracted\"}")
                    .post("/api/staff/embargoes/" + Catalogued.embargoOfVisit(em, visit) + "/withdraw").then().statusCode(200);
        }
        job.runOnce();
        assertThat(datacite.changesOf(collection)).containsExactly(new Change(collection, "findable", "registered"));
        Response gone = given().accept(ContentType.HTML).get("/doi/" + collection);
        gone.then().statusCode(410);
        assertThat(gone.asString()).contains(collection).doesNotContain("Open garnet").doesNotContain("Hidden garnet");
        given().accept("application/vnd.datacite.datacite+xml").get("/doi/" + collection).then().statusCode(410)
                .contentType(ContentType.JSON).body("error.code", is("GONE"));
    }

    private String collectionDoi(String proposal) {
        return collectionDoi(em, proposal);
    }

    /** The proposal collection's DOI of proposal {@code proposal}, or null. */
    static String collectionDoi(EntityManager em, String proposal) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                        "SELECT c.doi FROM doi_collection c JOIN proposal p ON p.id = c.proposal_id WHERE p.code = ?1 AND c.visit_id IS NULL")
                .setParameter(1, proposal).getResultStream().findFirst().orElse(null));
    }

    private String doiOf(String pid) {
        return doiOf(em, pid);
    }

    static String doiOf(EntityManager em, String pid) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("SELECT doi FROM dataset WHERE pid = ?1")
                .setParameter(1, pid).getSingleResult());
    }

    /** The XML of the last call for {@code doi} that the stand-in accepted (valid against the 4.6 XSD). */
    private Document lastAppliedXml(String doi) {
        return lastAppliedXml(datacite, doi);
    }

    static Document lastAppliedXml(DataCiteStandIn datacite, String doi) {
        List<Call> applied = datacite.callsFor(doi).stream().filter(c -> c.problem() == null && c.xml() != null).toList();
        assertThat(applied).as("accepted calls with metadata for %s", doi).isNotEmpty();
        return parse(applied.getLast().xml());
    }

    static Document parse(String xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + xml, e);
        }
    }

    /** The values of the related identifiers with {@code relationType}. */
    static List<String> related(Document xml, String relationType) {
        List<String> out = new ArrayList<>();
        NodeList nodes = xml.getElementsByTagNameNS("*", "relatedIdentifier");
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if (relationType.equals(e.getAttribute("relationType"))) {
                out.add(e.getTextContent().strip());
            }
        }
        return out;
    }

    /** The {@code attribute} of every {@code element}. */
    private static List<String> text(Document xml, String element, String attribute) {
        List<String> out = new ArrayList<>();
        NodeList nodes = xml.getElementsByTagNameNS("*", element);
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(((Element) nodes.item(i)).getAttribute(attribute));
        }
        return out;
    }
}
