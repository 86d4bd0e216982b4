package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.DataCiteIT.Standards;
import io.aperture.portal.DataCiteIT.Xml;
import io.aperture.portal.testing.OncePerClass;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

/**
 * OAI-PMH as the OpenAIRE Guidelines for Data Archives ask: the {@code openaire_data} set holding every record and
 * only public ones, and the {@code info:eu-repo/semantics/openAccess} right in both formats; every answer valid
 * against the OAI-PMH XSD (with the oai_datacite and DataCite 4.6 schemas).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenAireOaiIT {
    private static final String OPEN_ACCESS = "info:eu-repo/semantics/openAccess";
    private final String tag = "oa" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final OncePerClass setUp = new OncePerClass();
    private String released;
    private String embargoed;
    private Instant start;

    @BeforeEach
    void catalogue() {
        setUp.run(this::load);
    }

    private void load() {
        start = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        ObjectNode open = Records.record("OpenAIRE open " + tag, Instant.parse("2016-03-01T09:00:00Z"));
        ObjectNode hidden = Records.record("OpenAIRE hidden " + tag, Instant.now().minus(1, ChronoUnit.DAYS));
        List<String> pids = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(open, hidden).toString()).post("/api/ingest/records")
                .then().statusCode(200).body("results.status", everyItem(is("CREATED"))).extract().path("results.datasetPid");
        released = pids.get(0);
        embargoed = pids.get(1);
    }

    private static Xml oai(String... args) throws Exception {
        var spec = given();
        for (int i = 0; i + 1 < args.length; i += 2) {
            spec = spec.queryParam(args[i], args[i + 1]);
        }
        String body = spec.get("/oai").then().statusCode(200).extract().asString();
        Standards.validateOai(body);
        return Xml.parse(body);
    }

    private static String identifier(String pid) {
        return "oai:aperture.local:" + pid;
    }

    @Test
    void theOpenAireDataSetIsListedAndHoldsThePublicRecords() throws Exception {
        Xml sets = oai("verb", "ListSets");
        assertThat(sets.texts("//oai:set/oai:setSpec")).contains("openaire_data");
        String until = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString();
        Xml list = oai("verb", "ListIdentifiers", "metadataPrefix", "oai_dc", "set", "openaire_data",
                "from", start.toString(), "until", until);
        List<String> ids = list.texts("//oai:header/oai:identifier");
        assertThat(ids).contains(identifier(released)).doesNotContain(identifier(embargoed));
        assertThat(list.texts("//oai:header[oai:identifier='" + identifier(released) + "']/oai:setSpec")).contains("openaire_data");
    }

    @Test
    void everyRecordCarriesTheOpenAccessRightInBothFormats() throws Exception {
        Xml dc = oai("verb", "GetRecord", "metadataPrefix", "oai_dc", "identifier", identifier(released));
        assertThat(dc.texts("//oai_dc:dc/dce:rights")).contains(OPEN_ACCESS, "https://creativecommons.org/licenses/by/4.0/");
        Xml datacite = oai("verb", "GetRecord", "metadataPrefix", "oai_datacite", "identifier", identifier(released));
        assertThat(datacite.texts("//dc:rightsList/dc:rights/@rightsURI")).containsExactly(
                "https://creativecommons.org/licenses/by/4.0/", OPEN_ACCESS);
        assertThat(datacite.texts("//oai:header/oai:setSpec")).contains("openaire_data");
        // the DataCite export itself is unchanged: the licence only
        String export = given().get("/api/datasets/" + released + "/datacite").then().statusCode(200).extract().asString();
        assertThat(export).doesNotContain("info:eu-repo");
    }
}
