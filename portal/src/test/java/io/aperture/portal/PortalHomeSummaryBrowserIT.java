package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.catalogue.panet.Panet;
import io.aperture.catalogue.search.SearchResult;
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
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * The home page's summary of what the catalogue holds: public data only, whoever is signed in. Sixty released
 * datasets on an instrument and technique of their own make those the largest; one embargoed dataset of the PI's
 * proposal is in the PI's search results but never in the summary.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class PortalHomeSummaryBrowserIT {
    private static final int PUBLIC = 60;

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;
    private Pages pages;
    private final String tag = "hs" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void setUp() throws Exception {
        ObjectNode[] records = new ObjectNode[PUBLIC + 1];
        for (int i = 0; i < PUBLIC; i++) {
            ObjectNode r = Records.record("Summary " + tag + " public " + i, Instant.parse("2015-03-01T12:00:00Z").plusSeconds(i));
            r.putObject("instrument").put("name", "HSI-" + tag).put("shortName", "HSI-" + tag);
            r.putArray("techniques").addObject().put("label", "HST-" + tag).put("iri", "http://example.org/technique/" + tag);
            records[i] = r;
        }
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(
                        "{\"proposals\": [{\"code\": \"%s\", \"visits\": [{\"code\": \"%s-1\"}], \"members\": [{\"role\": \"PI\", \"person\": {\"fullName\": \"Pat Investigator\", \"username\": \"pi\"}}]}]}"
                                .formatted(tag, tag))
                .post("/api/ingest/user-office").then().statusCode(200);
        Instant recent = ZonedDateTime.now(ZoneId.of("Europe/London")).minusMonths(2).toInstant();
        records[PUBLIC] = Records.withProposal(Records.record("Summary " + tag + " embargoed", recent), tag, tag + "-1");
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(records).toString())
                .post("/api/ingest/records").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().queryParam("q", tag).get("/api/search").then().statusCode(200).body("total", is(PUBLIC));
            given().auth().oauth2(Tokens.user("pi")).queryParam("q", tag).get("/api/search").then().statusCode(200)
                    .body("total", is(PUBLIC + 1));
        });
        browser = Browser.start();
        pages = new Pages(browser, root);
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    private long summaryTotal() {
        return Long.parseLong(browser.findElement(By.cssSelector(".summary-total strong")).getAttribute("data-count"));
    }

    private static long publicTotal() {
        return given().get("/api/search").then().statusCode(200).extract().jsonPath().getLong("total");
    }

    @Test
    void theHomePageSaysWhatIsPublicWhoeverIsSignedIn() {
        browser.get(root.toString());
        assertThat(summaryTotal()).as("the public total").isEqualTo(publicTotal()).isGreaterThanOrEqualTo(PUBLIC);
        // the largest first, as the public search counts them (other tests of the suite may have larger ones than ours)
        JsonPath anonymous = given().get("/api/search").then().statusCode(200).extract().jsonPath();
        String topInstrument = anonymous.getString("facets.instrument[0].value");
        int topCount = anonymous.getInt("facets.instrument[0].count");
        assertThat(topCount).isGreaterThanOrEqualTo(PUBLIC);
        WebElement instrument = browser.findElement(By.cssSelector(".summary-instruments li"));
        assertThat(instrument.getText()).as("the largest instrument first").isEqualTo(topInstrument + " (" + topCount + ")");
        // techniques: the most specific of the counted terms (the facet also counts every broader PaNET term)
        List<SearchResult.FacetValue> techniques = anonymous.<Map<String, Object>>getList("facets.technique").stream()
                .map(v -> new SearchResult.FacetValue((String) v.get("value"), ((Number) v.get("count")).longValue())).toList();
        SearchResult.FacetValue topTechnique = TechniqueFacet.mostSpecific(techniques, Panet.shipped()).getFirst();
        assertThat(browser.findElement(By.cssSelector(".summary-techniques li")).getText())
                .isEqualTo(topTechnique.value() + " (" + topTechnique.count() + ")");
        assertThat(topTechnique.value()).as("not a PaNET axis").doesNotStartWith("defined by");
        // the newest public datasets, as the anonymous search answers its first page (the index, not the database: a
        // record changed a moment ago by another test of the suite may still be on its way to the index)
        assertThat(browser.findElements(By.cssSelector(".summary-newest li")).stream().map(li -> li.getAttribute("data-pid")).toList())
                .isNotEmpty().hasSizeLessThanOrEqualTo(5)
                .isEqualTo(given().queryParam("size", 5).get("/api/search").then().statusCode(200).extract().jsonPath().getList("hits.pid"));
        assertThat(browser.findElement(By.cssSelector(".summary")).getText()).as("our embargoed dataset").doesNotContain("Summary " + tag + " embargoed");
        pages.assertAccessible();
        pages.assertFitsPhone();

        // an entry is the search for it
        pages.submit(instrument.findElement(By.tagName("a")));
        assertThat(browser.getCurrentUrl()).contains("instrument=");
        assertThat(browser.findElement(By.cssSelector(".chips")).getText()).contains(topInstrument);
        assertThat(browser.findElement(By.cssSelector("h2.total")).getText()).startsWith(topCount + " datasets");
        assertThat(browser.findElements(By.cssSelector(".summary"))).as("only on the bare home page").isEmpty();

        // the PI's search includes the embargoed dataset; the summary still counts public data only
        pages.login("pi");
        browser.get(root.toString());
        assertThat(summaryTotal()).isEqualTo(publicTotal());
        assertThat(browser.findElement(By.cssSelector(".summary")).getText()).as("our embargoed dataset").doesNotContain("Summary " + tag + " embargoed");
        browser.get(root + "?q=" + tag);
        assertThat(browser.findElement(By.cssSelector("h2.total")).getText()).startsWith((PUBLIC + 1) + " datasets");
        pages.assertAccessible();
    }
}
