package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.harvester.nexus.HarvestConfig;
import io.aperture.harvester.nexus.NexusHarvester;
import io.aperture.portal.testing.Browser;
import io.aperture.portal.testing.Pages;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.aperture.record.HarvestRecord;
import io.aperture.record.RecordJson;
import io.aperture.testsupport.RepoFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * Previews end to end (issue #13): a real NeXus file of testdata/ harvested in-process (its default plot rendered into
 * the record), sent through the ingest API, stored by the catalogue and served only to whoever the policy lets see the
 * dataset's files; the landing page shows it.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class PortalPreviewBrowserIT {
    @TestHTTPResource("/")
    URL root;

    private final String tag = "pv" + UUID.randomUUID().toString().substring(0, 6);
    private HarvestRecord harvested;
    private byte[] png;

    @BeforeEach
    void harvest() throws Exception {
        harvested = new NexusHarvester(HarvestConfig.defaults()).withPreviews().harvest(RepoFiles.nexus("psi_sinq/dmc01.h5")).getFirst();
        assertThat(harvested.preview()).as("the harvester rendered the default plot").isNotNull();
        png = Base64.getDecoder().decode(harvested.preview());
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(
                        "{\"proposals\": [{\"code\": \"%s\", \"visits\": [{\"code\": \"%s-1\"}], \"members\": [{\"role\": \"PI\", \"person\": {\"fullName\": \"Pat Investigator\", \"username\": \"pi\"}}]}]}"
                                .formatted(tag, tag))
                .post("/api/ingest/user-office").then().statusCode(200);
    }

    /** The harvested record under a source path of its own (so that no other test's ingest of the file meets it). */
    private ObjectNode record(String title, Instant producedAt) {
        ObjectNode r = RecordJson.mapper().valueToTree(harvested);
        ((ObjectNode) r.get("source")).put("path", "/dls/test/preview/" + tag + "/" + UUID.randomUUID() + "/dmc01.h5");
        r.put("title", title);
        r.put("producedAt", producedAt.toString());
        return r;
    }

    private static String ingest(ObjectNode record) {
        return given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(record).toString()).post("/api/ingest/records").then().statusCode(200)
                .body("results[0].status", is("CREATED")).extract().path("results[0].datasetPid");
    }

    @Test
    void servedToWhoeverMaySeeTheFilesAndOnTheLandingPage() throws Exception {
        ObjectNode openRecord = record("Preview " + tag + " public", Instant.parse("2015-03-01T12:00:00Z"));
        String open = ingest(openRecord);
        String embargoed = ingest(Records.withProposal(record("Preview " + tag + " embargoed",
                Instant.now().minus(30, ChronoUnit.DAYS)), tag, tag + "-1"));

        Response pub = given().get("/api/datasets/" + open + "/preview.png");
        assertThat(pub.statusCode()).isEqualTo(200);
        assertThat(pub.contentType()).isEqualTo("image/png");
        assertThat(pub.header("Cache-Control")).startsWith("public");
        assertThat(pub.asByteArray()).as("the harvester's PNG, byte for byte").isEqualTo(png);
        assertThat(given().get("/api/datasets/" + open).then().extract().asString())
                .as("the preview is not in the served record").doesNotContain(harvested.preview().substring(0, 40));

        // hidden: the same 404 as an unknown dataset
        Response hidden = given().get("/api/datasets/" + embargoed + "/preview.png");
        Response unknown = given().get("/api/datasets/" + embargoed + "x/preview.png");
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(hidden.asString()).isEqualTo(unknown.asString()).doesNotContain(embargoed);
        assertThat(hidden.contentType()).isEqualTo(unknown.contentType());
        // the portal's path (the landing page's image, with the browser's session) answers the same
        assertThat(given().get("/datasets/" + embargoed + "/preview.png").asString()).isEqualTo(unknown.asString());
        assertThat(given().get("/datasets/" + open + "/preview.png").asByteArray()).isEqualTo(png);

        Response pi = given().auth().oauth2(Tokens.user("pi")).get("/api/datasets/" + embargoed + "/preview.png");
        assertThat(pi.statusCode()).isEqualTo(200);
        assertThat(pi.header("Cache-Control")).startsWith("private");
        assertThat(pi.asByteArray()).isEqualTo(png);

        ChromeDriver browser = Browser.start();
        try {
            Pages pages = new Pages(browser, root);
            browser.get(root + "datasets/" + open);
            assertPreviewShown(browser);
            pages.assertAccessible();
            assertThat(statusAndCaching(browser, root + "datasets/" + open)).isEqualTo("200 null");
            browser.get(root + "datasets/" + embargoed);
            assertThat(browser.findElements(By.cssSelector("figure.preview"))).isEmpty();
            pages.login("pi");
            browser.get(root + "datasets/" + embargoed);
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Preview " + tag + " embargoed");
            assertPreviewShown(browser);
            pages.assertAccessible();
            // the team's page of embargoed data, at the address anonymous callers get a 404 at: no cache may keep it
            assertThat(statusAndCaching(browser, root + "datasets/" + embargoed)).isEqualTo("200 private, no-store");
            assertThat(statusAndCaching(browser, root + "datasets/" + open)).isEqualTo("200 private, no-store");
        } finally {
            browser.quit();
        }

        // the record is the truth: harvested again without a preview, the dataset has none
        openRecord.remove("preview");
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(openRecord).toString())
                .post("/api/ingest/records").then().statusCode(200).body("results[0].status", is("UPDATED"));
        given().get("/api/datasets/" + open + "/preview.png").then().statusCode(404);
    }

    /** The status and Cache-Control of a GET the browser makes with its cookies. */
    private static String statusAndCaching(ChromeDriver browser, String url) {
        return String.valueOf(browser.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => done(r.status + ' ' + r.headers.get('cache-control')));", url));
    }

    private static void assertPreviewShown(ChromeDriver browser) {
        WebElement img = browser.findElement(By.cssSelector("figure.preview img"));
        assertThat(img.getAttribute("alt")).startsWith("Preview of the data");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(((Number) browser.executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : -1;", img)).intValue())
                .as("the image loaded").isPositive());
    }

    /**
     * A refused preview costs its own record, never the batch: a whole batch refused for one record's preview is sent
     * again and refused again, and the harvester's other records never arrive.
     */
    @Test
    void anOversizeOrNonPngPreviewRejectsItsRecordAloneAndStoresNothingOfIt() {
        ObjectNode big = record("Preview " + tag + " big", Instant.parse("2015-03-01T12:00:00Z"));
        big.put("preview", Base64.getEncoder().encodeToString(new byte[HarvestRecord.MAX_PREVIEW_BYTES + 1]));
        ObjectNode text = record("Preview " + tag + " text", Instant.parse("2015-03-01T12:00:00Z"));
        text.put("preview", Base64.getEncoder().encodeToString("not an image".getBytes()));
        ObjectNode good = record("Preview " + tag + " beside", Instant.parse("2015-03-01T12:00:00Z"));
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(big, good, text).toString())
                .post("/api/ingest/records").then().statusCode(200)
                .body("results.status", contains("REJECTED", "CREATED", "REJECTED"))
                .body("results[0].field", is("preview"))
                .body("results[0].error", containsString("larger than " + HarvestRecord.MAX_PREVIEW_BYTES + " bytes"))
                .body("results[2].field", is("preview"))
                .body("results[2].error", containsString("PNG"));
        // the rejected records stored nothing: the same records without the bad previews are new
        big.remove("preview");
        text.remove("preview");
        assertThat(ingest(big)).isNotBlank();
        assertThat(ingest(text)).isNotBlank();
    }
}
