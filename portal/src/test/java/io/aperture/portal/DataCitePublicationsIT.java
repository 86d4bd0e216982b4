package io.aperture.portal;

import io.aperture.portal.testing.DataCiteSchema;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * Publications the user office reports for a proposal become {@code IsCitedBy} related identifiers of its released
 * datasets' DataCite XML (valid against the 4.6 XSD, in the export and by content negotiation), written as bare DOIs
 * whatever form the user office sent; a value that is no DOI refuses that proposal naming the field; a later import
 * without them takes them away; and an embargoed dataset of the same proposal is not exported to the public at all.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class DataCitePublicationsIT {
    private final String code = "pub" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    private void importProposal(String publications) {
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body("""
                        {"proposals": [{"code": "%s", "title": "Cited garnets", "visits": [{"code": "%s-1"}, {"code": "%s-2"}],
                          "publications": %s,
                          "members": [{"role": "PI", "person": {"fullName": "Pat Investigator", "username": "pi"}}]}]}"""
                        .formatted(code, code, code, publications))
                .post("/api/ingest/user-office").then().statusCode(200).body("results[0].status", is("IMPORTED"));
    }

    private static String ingest(String title, Instant produced, String proposal, String visit) {
        return given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(Records.withProposal(Records.record(title, produced), proposal, visit)).toString())
                .post("/api/ingest/records").then().statusCode(200).body("results[0].status", is("CREATED"))
                .extract().path("results[0].datasetPid");
    }

    private static List<String> citedBy(String xml) throws Exception {
        DataCiteSchema.validate(xml);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        NodeList nodes = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)))
                .getElementsByTagNameNS("*", "relatedIdentifier");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            Element e = (Element) nodes.item(i);
            if ("IsCitedBy".equals(e.getAttribute("relationType"))) {
                assertThat(e.getAttribute("relatedIdentifierType")).isEqualTo("DOI");
                out.add(e.getTextContent().strip());
            }
        }
        return out;
    }

    @Test
    void reportedPublicationsCiteTheReleasedDataAndNothingElse() throws Exception {
        importProposal("[\"https://doi.org/10.1107/S1600577519000001\", \"doi:10.5555/Garnet.2024\", \"10.1107/S1600577519000001\"]");
        String released = ingest("Cited garnet " + code, Instant.parse("2016-05-01T10:00:00Z"), code, code + "-1");
        String embargoed = ingest("Uncited garnet " + code, Instant.now().minus(1, ChronoUnit.DAYS), code, code + "-2");

        String export = given().get("/api/datasets/" + released + "/datacite").then().statusCode(200).extract().asString();
        assertThat(citedBy(export)).as("bare DOIs, each once").containsExactly("10.1107/S1600577519000001", "10.5555/Garnet.2024");
        String negotiated = given().accept("application/vnd.datacite.datacite+xml").get("/datasets/" + released)
                .then().statusCode(200).extract().asString();
        assertThat(citedBy(negotiated)).containsExactly("10.1107/S1600577519000001", "10.5555/Garnet.2024");
        // and the landing page lists them among the related resources
        String page = given().accept(ContentType.HTML).get("/datasets/" + released).then().statusCode(200).extract().asString();
        assertThat(page).contains("<li data-relation=\"IsCitedBy\">Cited by: <a href=\"https://doi.org/10.5555/Garnet.2024\">");
        given().get("/api/datasets/" + embargoed + "/datacite").then().statusCode(404);

        // a later import without publications takes them away
        importProposal("[]");
        String after = given().get("/api/datasets/" + released + "/datacite").then().statusCode(200).extract().asString();
        assertThat(citedBy(after)).isEmpty();
    }

    @Test
    void aPublicationThatIsNoDoiRefusesTheProposalNamingTheField() {
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body("""
                        {"proposals": [{"code": "%s-bad", "publications": ["10.1107/S1600577519000001", "https://example.org/paper"]}]}"""
                        .formatted(code))
                .post("/api/ingest/user-office").then().statusCode(200)
                .body(containsString("\"error\":\"proposals[0].publications[1]: must be a DOI"));
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body("""
                        {"proposals": [{"code": "%s-bad", "publications": [42]}]}""".formatted(code))
                .post("/api/ingest/user-office").then().statusCode(200)
                .body(containsString("\"error\":\"proposals[0].publications[0]: must be a string (a DOI) or an object with its doi\""));
    }
}
