package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.harvester.nexus.HarvestConfig;
import io.aperture.harvester.nexus.NexusHarvester;
import io.aperture.portal.testing.Browser;
import io.aperture.portal.testing.Catalogued;
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
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * Search result thumbnails (issue #13): a card shows its dataset's preview only when one is stored and the policy lets
 * the caller see it, the same decision as {@code /datasets/{pid}/preview.png}.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class PortalThumbnailBrowserIT {
    @TestHTTPResource("/")
    URL root;

    private final String tag = "th" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void aCardShowsThePreviewOnlyToWhoeverMaySeeIt() throws Exception {
        HarvestRecord harvested = new NexusHarvester(HarvestConfig.defaults()).withPreviews()
                .harvest(RepoFiles.nexus("psi_sinq/dmc01.h5")).getFirst();
        assertThat(harvested.preview()).as("the harvester rendered the default plot").isNotNull();
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(
                        "{\"proposals\": [{\"code\": \"%s\", \"visits\": [{\"code\": \"%s-1\"}], \"members\": [{\"role\": \"PI\", \"person\": {\"fullName\": \"Pat Investigator\", \"username\": \"pi\"}}]}]}"
                                .formatted(tag, tag))
                .post("/api/ingest/user-office").then().statusCode(200);

        String open = Catalogued.ingest(record(harvested, "public", Instant.parse("2015-03-01T12:00:00Z")));
        ObjectNode bare = record(harvested, "without", Instant.parse("2015-03-02T12:00:00Z"));
        bare.remove("preview");
        String without = Catalogued.ingest(bare);
        String embargoed = Catalogued.ingest(Records.withProposal(record(harvested, "embargoed",
                Instant.now().minus(30, ChronoUnit.DAYS)), tag, tag + "-1"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            given().queryParam("q", tag).get("/api/search").then().statusCode(200).body("total", is(2));
            given().auth().oauth2(Tokens.user("pi")).queryParam("q", tag).get("/api/search").then().statusCode(200)
                    .body("total", is(3));
        });

        ChromeDriver browser = Browser.start();
        try {
            Pages pages = new Pages(browser, root);
            browser.get(root + "?q=" + tag);
            assertThat(cards(browser)).as("anonymous: the public cards only").hasSize(2);
            assertThumbnailShown(browser, open, "Thumbnail " + tag + " public");
            assertThat(card(browser, without).findElements(By.tagName("img"))).as("no preview stored, none shown").isEmpty();
            assertThat(browser.getPageSource()).as("nothing of the embargoed dataset").doesNotContain(embargoed);
            pages.assertAccessible();
            pages.assertFitsPhone();

            pages.login("pi");
            browser.get(root + "?q=" + tag);
            assertThat(cards(browser)).as("the PI finds the embargoed one too").hasSize(3);
            assertThumbnailShown(browser, embargoed, "Thumbnail " + tag + " embargoed");
            assertThumbnailShown(browser, open, "Thumbnail " + tag + " public");
            assertThat(card(browser, without).findElements(By.tagName("img"))).isEmpty();
            pages.assertAccessible();
        } finally {
            browser.quit();
        }
    }

    /** The harvested record under a source path of its own, so that no other test's ingest of the file meets it. */
    private ObjectNode record(HarvestRecord harvested, String which, Instant producedAt) {
        ObjectNode r = RecordJson.mapper().valueToTree(harvested);
        ((ObjectNode) r.get("source")).put("path", "/dls/test/thumbnail/" + tag + "/" + UUID.randomUUID() + "/dmc01.h5");
        r.put("title", "Thumbnail " + tag + " " + which);
        r.put("producedAt", producedAt.toString());
        return r;
    }

    private static List<WebElement> cards(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("li.hit"));
    }

    private static WebElement card(ChromeDriver browser, String pid) {
        return browser.findElement(By.cssSelector("li.hit[data-pid='" + pid + "']"));
    }

    private static void assertThumbnailShown(ChromeDriver browser, String pid, String title) {
        WebElement img = card(browser, pid).findElement(By.cssSelector("img.thumb"));
        assertThat(img.getAttribute("src")).endsWith("/datasets/" + pid + "/preview.png");
        assertThat(img.getAttribute("alt")).isEqualTo("Data preview: the default plot of " + title);
        assertThat(img.getAttribute("loading")).isEqualTo("lazy");
        // the box is fixed before the image arrives: no layout shift
        assertThat(img.getDomAttribute("width")).isEqualTo("96");
        assertThat(img.getDomAttribute("height")).isEqualTo("96");
        browser.executeScript("arguments[0].scrollIntoView();", img);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(((Number) browser.executeScript(
                "return arguments[0].complete ? arguments[0].naturalWidth : -1;", img)).intValue())
                .as("the image loaded").isPositive());
        assertThat(img.getSize().getWidth()).isEqualTo(96);
        assertThat(img.getSize().getHeight()).isEqualTo(96);
    }
}
