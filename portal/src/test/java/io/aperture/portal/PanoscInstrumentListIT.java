package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.is;

/**
 * The facility instrument list of the user-office import (issue #12): every listed instrument is a PaNOSC Instrument,
 * with or without public data; a later list that no longer names one unlists it; a bad entry refuses the import.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class PanoscInstrumentListIT {
    private final String tag = "il" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    private static Response importBody(String body) {
        return given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(body).post("/api/ingest/user-office");
    }

    private static Response instruments(String path, String param, String json) {
        return given().urlEncodingEnabled(false).get(path + "?" + param + "=" + URLEncoder.encode(json, StandardCharsets.UTF_8));
    }

    @Test
    void listedInstrumentsAreInstrumentsWithOrWithoutPublicData() {
        String like = "{\"name\": {\"like\": \"" + tag + "\"}}";
        importBody("""
                {"proposals": [], "instruments": [{"name": "Listed %1$s", "shortName": "L%1$s"}, {"name": "Dropped %1$s"}]}"""
                .formatted(tag)).then().statusCode(200);
        // an embargoed record on the listed instrument: the instrument is listed, the dataset is not attached
        ObjectNode hidden = Records.record("Hidden on listed " + tag, Instant.now().minus(Duration.ofDays(30)));
        hidden.putObject("instrument").put("name", "Listed " + tag).put("shortName", "L" + tag);
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(hidden).toString())
                .post("/api/ingest/records").then().statusCode(200);

        Response both = instruments("/api/Instruments", "filter", "{\"where\": " + like + ", \"order\": \"name DESC\", "
                + "\"include\": [\"datasets\"]}");
        both.then().statusCode(200).body("name", is(List.of("Listed " + tag, "Dropped " + tag)))
                .body("[0].datasets", is(List.of())).body("[1].datasets", is(List.of()));
        assertThat(both.asString()).doesNotContain("Hidden on listed");
        instruments("/api/Instruments/count", "where", like).then().statusCode(200).body("count", is(2));
        String pid = both.jsonPath().getString("[0].pid");
        given().urlEncodingEnabled(false).get("/api/Instruments/" + URLEncoder.encode(pid, StandardCharsets.UTF_8))
                .then().statusCode(200).body("name", is("Listed " + tag));

        // the next list no longer names one: it is no longer an Instrument (it has no public data)
        importBody("""
                {"proposals": [], "instruments": [{"name": "Listed %s"}]}""".formatted(tag)).then().statusCode(200);
        instruments("/api/Instruments", "filter", "{\"where\": " + like + "}").then().statusCode(200)
                .body("name", is(List.of("Listed " + tag)));
        // an import without a list leaves the list as it is
        importBody("{\"proposals\": []}").then().statusCode(200);
        instruments("/api/Instruments/count", "where", like).then().statusCode(200).body("count", is(1));
    }

    @Test
    void aBadInstrumentEntryRefusesTheImportNamingIt() {
        importBody("""
                {"proposals": [{"code": "%1$s"}], "instruments": [{"name": "Fine %1$s"}, {"shortName": "x"}]}""".formatted(tag))
                .then().statusCode(400).body("error.field", is("instruments[1].name"));
        importBody("{\"proposals\": [], \"instruments\": {\"name\": \"x\"}}").then().statusCode(400)
                .body("error.field", is("instruments"));
        // nothing of the refused body was stored: its valid instrument is not listed
        instruments("/api/Instruments/count", "where", "{\"name\": \"Fine " + tag + "\"}").then().statusCode(200).body("count", is(0));
    }
}
