package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.Browser;
import io.aperture.portal.testing.Catalogued;
import io.aperture.portal.testing.Pages;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.TestClock;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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
import static org.hamcrest.Matchers.is;

/**
 * The home page's recent releases (by the embargo's actual release) and the public data volume (issue #13): an
 * embargoed dataset adds nothing until its PI releases it, then it is listed first and its files add to the volume.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class PortalReleasesBrowserIT {
    private static final long SIZE = 3L * 1024 * 1024 * 1024 + 12345;

    @TestHTTPResource("/")
    URL root;

    @Inject
    EntityManager em;

    private final String tag = "rr" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void aReleaseIsListedFirstAndAddsItsBytes() throws Exception {
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(
                        "{\"proposals\": [{\"code\": \"%s\", \"visits\": [{\"code\": \"%s-1\"}], \"members\": [{\"role\": \"PI\", \"person\": {\"fullName\": \"Pat Investigator\", \"username\": \"pi\"}}]}]}"
                                .formatted(tag, tag))
                .post("/api/ingest/user-office").then().statusCode(200);
        ObjectNode r = Records.withProposal(Records.record("Release " + tag, Instant.now().minus(20, ChronoUnit.DAYS)), tag, tag + "-1");
        r.putArray("files").addObject().put("path", "/dls/test/release/" + tag + "/data.h5").put("role", "MASTER")
                .put("size", SIZE).put("missing", false);
        String pid = Catalogued.ingest(r);
        long embargo = Catalogued.embargoOfVisit(em, tag + "-1");

        ChromeDriver browser = Browser.start();
        try {
            Pages pages = new Pages(browser, root);
            pages.login("pi");
            // the volume is reused for a minute (PublicHoldings): each reading below is a fresh sum
            TestClock.shift(Duration.ofMinutes(2));
            browser.get(root.toString());
            long before = volume(browser);
            assertThat(releases(browser)).as("embargoed: not listed, even for its PI").doesNotContain(pid);
            assertThat(browser.findElement(By.cssSelector(".summary")).getText()).doesNotContain("Release " + tag);

            given().auth().oauth2(Tokens.user("pi")).post("/api/embargoes/" + embargo + "/early-release").then()
                    .statusCode(200).body("status", is("RELEASED"));

            browser.get(root.toString());
            assertThat(volume(browser)).as("the volume of a minute ago").isEqualTo(before);
            TestClock.shift(Duration.ofMinutes(4));
            browser.get(root.toString());
            assertThat(releases(browser)).as("the latest release first").first().isEqualTo(pid);
            WebElement first = browser.findElement(By.cssSelector(".summary-releases li"));
            assertThat(first.getText()).startsWith("Release " + tag + " (released ");
            assertThat(volume(browser)).as("its files' bytes added to the public volume").isEqualTo(before + SIZE);
            assertThat(browser.findElement(By.cssSelector(".summary-volume")).getText())
                    .as("bytes for people").matches("\\d+(\\.\\d [KMGTP]iB| B)");
            pages.assertAccessible();
            pages.assertFitsPhone();

            pages.submit(first.findElement(By.tagName("a")));
            assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Release " + tag);
        } finally {
            TestClock.reset();
            browser.quit();
        }
    }

    private static long volume(ChromeDriver browser) {
        return Long.parseLong(browser.findElement(By.cssSelector(".summary-volume")).getAttribute("data-bytes"));
    }

    private static List<String> releases(ChromeDriver browser) {
        return browser.findElements(By.cssSelector(".summary-releases li")).stream().map(li -> li.getAttribute("data-pid")).toList();
    }
}
