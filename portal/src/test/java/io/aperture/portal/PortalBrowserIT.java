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
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal in a real browser: anonymous search, Keycloak login (authorization code + PKCE), the PI's proposal page
 * with an extension request the policy accepts or refuses, and the staff page that decides it.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class PortalBrowserIT {
    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;
    private final String code = "cm" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void setUp() throws Exception {
        browser = Browser.start();
        String uo = """
                {"proposals": [{"code": "%s", "title": "Browser proposal %s", "visits": [{"code": "%s-1"}], "members": [
                  {"role": "PI", "person": {"fullName": "Pat Investigator", "username": "pi"}}]}]}""".formatted(code, code, code);
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(uo).post("/api/ingest/user-office").then().statusCode(200);
        // produced three years ago less one month: its embargo ends next month, inside the extension window
        Instant produced = ZonedDateTime.now(ZoneId.of("Europe/London")).minusYears(3).plusMonths(1).toInstant();
        ObjectNode hidden = Records.withProposal(Records.record("Browser embargoed " + code, produced), code, code + "-1");
        ObjectNode open = Records.record("Browser released " + code, Instant.parse("2012-01-01T00:00:00Z"));
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(hidden, open).toString())
                .post("/api/ingest/records").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("q", code).get("/api/search").then().statusCode(200).body("total", org.hamcrest.Matchers.is(1)));
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void login(String user) {
        new Pages(browser, root).login(user);
    }

    private void submit(WebElement button) {
        new Pages(browser, root).submit(button);
    }

    @Test
    void anonymousVisitorsFindReleasedDataOnly() {
        browser.get(root + "?q=" + code);
        String page = browser.findElement(By.tagName("main")).getText();
        assertThat(page).contains("Browser released " + code).doesNotContain("Browser embargoed");
        browser.findElement(By.linkText("Browser released " + code)).click();
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Browser released " + code);
        assertThat(browser.getPageSource()).contains("application/ld+json");
    }

    @Test
    void thePiLogsInSeesTheEmbargoAndRequestsAnExtensionThatStaffApprove() {
        login("pi");
        browser.get(root + "?q=" + code);
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("Browser embargoed " + code);

        browser.get(root + "my/proposals");
        assertThat(browser.getPageSource()).as("the PI's page").contains("data-proposal=\"" + code + "\"");
        var section = browser.findElement(By.cssSelector("section[data-proposal='" + code + "']"));
        String endBefore = section.findElement(By.cssSelector("td.end")).getText();
        // a justification longer than a form attribute's 2 KiB default arrives whole
        String justification = "paper under review; ".repeat(150);
        section.findElement(By.name("justification")).sendKeys(justification);
        submit(section.findElement(By.cssSelector("button.extend")));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("extension request was sent");
        assertThat(browser.getCurrentUrl()).as("redirected after the post: a reload posts nothing").contains("done=EXTENSION_REQUESTED");
        section = browser.findElement(By.cssSelector("section[data-proposal='" + code + "']"));
        assertThat(section.findElements(By.cssSelector("button.extend"))).as("no second request while one is pending").isEmpty();
        assertThat(section.findElement(By.cssSelector("td.status")).getText()).contains("extension requested");

        // releasing asks first; cancelling releases nothing
        submit(section.findElement(By.cssSelector("button.release")));
        assertThat(browser.findElement(By.cssSelector("section.confirm")).getText()).contains("cannot be undone");
        browser.findElement(By.cssSelector("a.cancel")).click();
        assertThat(browser.findElement(By.cssSelector("section[data-proposal='" + code + "'] td.status")).getText())
                .startsWith("EMBARGOED");

        login("staff");
        assertThat(browser.findElements(By.linkText("Staff"))).as("staff are offered their pages").isNotEmpty();
        browser.get(root + "staff/requests");
        var row = browser.findElements(By.cssSelector("tr[data-request]")).stream()
                .filter(r -> r.getText().contains(code)).findFirst().orElseThrow();
        submit(row.findElement(By.cssSelector("button.approve")));
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).startsWith("Approved");

        login("pi");
        browser.get(root + "my/proposals");
        String endAfter = browser.findElement(By.cssSelector("section[data-proposal='" + code + "'] td.end")).getText();
        assertThat(java.time.LocalDate.parse(endAfter)).isEqualTo(java.time.LocalDate.parse(endBefore).plusYears(1));
        assertThat(browser.findElement(By.cssSelector("section[data-proposal='" + code + "'] tr.decision")).getText())
                .as("the decision is shown to the PI").contains("approved").contains("staff");

        // a confirmation answered after the data changed is refused in the policy's own words
        submit(browser.findElement(By.cssSelector("section[data-proposal='" + code + "'] button.release")));
        String form = browser.findElement(By.cssSelector("section.confirm form")).getAttribute("action");
        long embargo = Long.parseLong(form.replaceAll(".*/embargoes/(\\d+)/release", "$1"));
        given().auth().oauth2(Tokens.user("pi")).post("/api/embargoes/" + embargo + "/early-release").then().statusCode(200);
        submit(browser.findElement(By.cssSelector("button.release-confirm")));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("cannot be embargoed again");
    }

    @Test
    void aResearcherCannotReachStaffPages() {
        login("researcher");
        assertThat(browser.findElements(By.linkText("Staff"))).as("no staff link offered").isEmpty();
        browser.get(root + "staff/requests");
        assertThat(browser.getPageSource()).doesNotContain("Pending extension requests");
    }
}
