package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.Browser;
import io.aperture.portal.testing.Pages;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * The technique facet over PaNET's hierarchy (issue #13), against the real index: each dataset is counted under its
 * technique and every broader PaNET term, a term's count is exactly what selecting it finds, and the search page shows
 * the terms as a tree under PaNET's axes that a browser can open and select from.
 * <p>Three released datasets with a word of their own: x-ray powder diffraction (PaNET01101), SAXS (PaNET01188) and
 * "MX" of another vocabulary (example.org: no other test names it, so its label is ours).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class TechniqueHierarchyIT {
    private static final String P = "http://purl.org/pan-science/PaNET/PaNET";
    private static final String TAG = "tech" + UUID.randomUUID().toString().substring(0, 6);

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;

    @BeforeEach
    void ingestOnce() {
        if (given().queryParam("q", TAG).get("/api/search").then().extract().<Integer>path("total") == 3) {
            return;
        }
        ObjectNode[] records = new ObjectNode[3];
        String[][] techniques = {{P + "01101", "X-ray powder diffraction"}, {P + "01188", "SAXS"},
                {"http://example.org/technique/mx", "MX"}};
        for (int i = 0; i < 3; i++) {
            ObjectNode r = Records.record("Hierarchy " + TAG + " " + i, Instant.parse("2019-03-01T10:00:00Z").plusSeconds(i));
            r.putArray("techniques").addObject().put("iri", techniques[i][0]).put("label", techniques[i][1]);
            records[i] = r;
        }
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(records).toString())
                .post("/api/ingest/records").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("q", TAG).get("/api/search").then().statusCode(200).body("total", is(3)));
    }

    @AfterEach
    void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static Map<String, Integer> techniqueCounts(String... filter) {
        var request = given().queryParam("q", TAG);
        for (String t : filter) {
            request = request.queryParam("technique", t);
        }
        JsonPath json = request.get("/api/search").then().statusCode(200).extract().jsonPath();
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (Map<String, Object> v : json.<Map<String, Object>>getList("facets.technique")) {
            counts.put((String) v.get("value"), ((Number) v.get("count")).intValue());
        }
        return counts;
    }

    private static int total(String technique) {
        return given().queryParam("q", TAG).queryParam("technique", technique).get("/api/search").then().statusCode(200)
                .extract().path("total");
    }

    /**
     * The label a technique is indexed under: technique rows are shared by IRI across the catalogue, so the label is
     * the one its first dataset recorded (another test may have recorded PaNET01188 as "small angle x-ray scattering").
     */
    private static String labelOf(int record) {
        return given().queryParam("q", "\"Hierarchy " + TAG + " " + record + "\"").get("/api/search").then().statusCode(200)
                .extract().path("hits[0].techniques[0]");
    }

    @Test
    void broaderTermsAreCountedRolledUpAndEachCountIsWhatSelectingItFinds() {
        Map<String, Integer> counts = techniqueCounts();
        assertThat(counts).containsEntry(labelOf(0), 1).containsEntry(labelOf(1), 1).containsEntry("MX", 1)
                .containsEntry("x-ray probe", 2).containsEntry("defined by experimental probe", 2)
                .containsEntry("scattering technique", 2).containsEntry("powder diffraction", 1)
                .doesNotContainKey("photon and neutron technique");
        assertThat(counts).as("MX of another vocabulary is not placed in PaNET").doesNotContainKey("crystallography");
        counts.forEach((term, count) -> assertThat(total(term)).as("selecting " + term).isEqualTo(count));
        // OR within the facet: with a term selected, the others keep the counts they would add
        assertThat(techniqueCounts("x-ray probe")).containsEntry("MX", 1).containsEntry("x-ray probe", 2);
        assertThat(total("small angle scattering")).as("a broader term by its PaNET label").isEqualTo(1);
    }

    @Test
    void theSearchPageShowsTheTreeUnderPanetsAxesAndSelectsABroaderTerm() throws Exception {
        browser = Browser.start();
        Pages pages = new Pages(browser, root);
        browser.get(root + "?q=" + TAG);
        WebElement facet = browser.findElement(By.cssSelector("section.facet[data-facet='technique']"));
        assertThat(facet.findElement(By.cssSelector("ul.tree > li > a")).getText()).as("MX stands alone").contains("MX");
        WebElement probe = facet.findElements(By.cssSelector("details.axis")).stream()
                .filter(d -> d.findElement(By.tagName("summary")).getText().startsWith("defined by experimental probe"))
                .findFirst().orElseThrow();
        assertThat(probe.getAttribute("open")).as("closed while nothing below it is selected").isNull();
        assertThat(probe.findElement(By.cssSelector("summary .count")).getText()).isEqualTo("2");
        probe.findElement(By.tagName("summary")).click();
        WebElement xray = probe.findElements(By.cssSelector("li > a")).stream().filter(a -> a.getText().contains("x-ray probe"))
                .findFirst().orElseThrow();
        assertThat(xray.findElement(By.xpath("./ancestor::li[2]/a")).getText()).as("nested below photon probe")
                .contains("photon probe");
        assertThat(xray.findElements(By.xpath("./following-sibling::ul/li/a"))).extracting(WebElement::getText)
                .anyMatch(t -> t.contains(labelOf(1))).anyMatch(t -> t.contains(labelOf(0)));
        pages.assertAccessible();

        pages.submit(xray);
        assertThat(browser.findElement(By.cssSelector("h2.total")).getText()).startsWith("2 datasets");
        assertThat(browser.getCurrentUrl()).contains("technique=x-ray+probe");
        WebElement opened = browser.findElements(By.cssSelector("section.facet[data-facet='technique'] details.axis")).stream()
                .filter(d -> d.findElement(By.tagName("summary")).getText().startsWith("defined by experimental probe"))
                .findFirst().orElseThrow();
        assertThat(opened.getAttribute("open")).as("open: the selection lies below it").isNotNull();
        assertThat(opened.findElement(By.cssSelector("li.selected > a")).getText()).contains("x-ray probe");
        pages.assertAccessible();
        pages.screenshots("search-techniques");
        pages.assertFitsPhone();
    }
}
