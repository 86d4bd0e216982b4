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
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * The people's paths in a real browser, axe-core on every page: the PI's "My data" (only the actions that would
 * succeed, the others explained; a justification over the limit refused with the text kept; a keyboard-only request),
 * the alternate contact refused an extension, release-now asking for confirmation before it opens the data, a team
 * member offered nothing, and staff landing on their dashboard, deciding in the pending tab and finding the decision in
 * the decided tab and the audit log (newest first, filtered, exported, the chain checked).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class PortalPeopleBrowserIT {
    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;
    private Pages pages;
    private final String code = "cm" + UUID.randomUUID().toString().substring(0, 6);
    private Instant produced;

    @BeforeEach
    void setUp() throws Exception {
        browser = Browser.start();
        pages = new Pages(browser, root);
        String uo = """
                {"proposals": [{"code": "%s", "title": "People proposal %s", "visits": [{"code": "%s-1"}], "members": [
                  {"role": "PI", "person": {"fullName": "Pat Investigator", "username": "pi"}},
                  {"role": "ALTERNATE_CONTACT", "person": {"fullName": "Alex Alternate", "username": "alternate"}},
                  {"role": "TEAM_MEMBER", "person": {"fullName": "Morgan Member", "username": "member"}}]}]}"""
                .formatted(code, code, code);
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(uo).post("/api/ingest/user-office").then().statusCode(200);
        // produced three years ago less one month: its embargo ends next month, inside the extension window
        produced = ZonedDateTime.now(ZoneId.of("Europe/London")).minusYears(3).plusMonths(1).toInstant();
        ObjectNode hidden = Records.withProposal(Records.record("People embargoed " + code, produced), code, code + "-1");
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(hidden).toString())
                .post("/api/ingest/records").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.user("pi")).queryParam("q", code)
                .get("/api/search").then().statusCode(200).body("total", is(1)));
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    private WebElement row() {
        return browser.findElement(By.cssSelector("section[data-proposal='" + code + "'] tr[data-embargo]"));
    }

    @Test
    void thePiIsOfferedWhatWouldSucceedAndATooLongJustificationKeepsItsText() {
        pages.login("pi");
        assertThat(browser.getCurrentUrl()).as("people land on their data").endsWith("/my/proposals");
        assertThat(browser.findElements(By.linkText("Staff"))).as("no staff link for a PI").isEmpty();
        assertThat(row().findElements(By.cssSelector("button.extend"))).hasSize(1);
        assertThat(row().findElements(By.cssSelector("button.release"))).hasSize(1);
        pages.assertAccessible();
        pages.assertFitsPhone();
        pages.screenshots("my-data");

        // one character over the server's limit: refused on the page, the text still in the form
        String tooLong = "x".repeat(3990) + " too long!";
        WebElement area = row().findElement(By.name("justification"));
        assertThat(area.getAttribute("maxlength")).isEqualTo("4000");
        browser.executeScript("arguments[0].removeAttribute('maxlength'); arguments[0].value = arguments[1];", area, tooLong + "?");
        pages.submit(row().findElement(By.cssSelector("button.extend")));
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("4001 characters").contains("at most 4000");
        assertThat(row().findElement(By.name("justification")).getAttribute("value")).isEqualTo(tooLong + "?");
        assertThat(row().findElement(By.cssSelector("td.status")).getText()).doesNotContain("extension requested");
        pages.assertAccessible();

        // exactly the limit, typed and sent by keyboard alone
        area = row().findElement(By.name("justification"));
        area.clear();
        browser.executeScript("arguments[0].value = arguments[1];", area, tooLong.substring(0, 3999));
        area.sendKeys("!");
        Actions keys = new Actions(browser);
        keys.sendKeys(Keys.TAB).perform();
        assertThat(browser.switchTo().activeElement().getAttribute("class")).isEqualTo("extend");
        WebElement html = browser.findElement(By.tagName("html"));
        keys.sendKeys(Keys.ENTER).perform();
        pages.awaitNewPage(html);
        assertThat(browser.getCurrentUrl()).as("post/redirect/get").contains("done=EXTENSION_REQUESTED");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("extension request was sent");
        assertThat(row().findElements(By.cssSelector("button.extend"))).as("one pending request at a time").isEmpty();
        assertThat(row().findElement(By.cssSelector(".why-no-extension")).getText()).contains("still waiting for a decision");
        String stored = given().auth().oauth2(Tokens.user("pi")).get("/api/me/proposals").then().statusCode(200)
                .extract().path("find { it.proposal == '" + code + "' }.embargoes[0].pending.justification");
        assertThat(stored).hasSize(4000).endsWith("!");
    }

    @Test
    void theAlternateContactMayReleaseButIsRefusedAnExtension() {
        pages.login("alternate");
        assertThat(row().findElements(By.cssSelector("button.extend"))).isEmpty();
        assertThat(row().findElement(By.cssSelector(".why-no-extension")).getText()).contains("alternate contacts may not");
        assertThat(row().findElements(By.cssSelector("button.release"))).hasSize(1);
        pages.assertAccessible();

        // a hand-made request for an extension (carrying the page's CSRF token) is refused in the policy's words
        String embargo = row().getAttribute("data-embargo");
        browser.executeScript("""
                const f = document.createElement('form'); f.method = 'post';
                f.action = '/my/proposals/embargoes/' + arguments[0] + '/extension';
                const t = document.createElement('input'); t.type = 'hidden'; t.name = 'form-token';
                t.value = document.querySelector('input[name=form-token]').value; f.appendChild(t);
                document.body.appendChild(f); f.submit();""", embargo);
        new WebDriverWait(browser, Duration.ofSeconds(30))
                .until(d -> !d.findElements(By.cssSelector("[role=alert]")).isEmpty());
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("alternate contacts may not");
        assertThat(row().findElement(By.cssSelector("td.status")).getText()).doesNotContain("extension requested");
    }

    @Test
    void releaseNowAsksForConfirmationAndOnlyTheConfirmationReleases() {
        pages.login("alternate");
        pages.submit(row().findElement(By.cssSelector("button.release")));
        assertThat(browser.findElement(By.cssSelector("section.confirm")).getText()).contains("cannot be undone");
        pages.assertAccessible();
        pages.screenshots("release-confirm");
        assertThat(given().queryParam("q", code).get("/api/search").then().statusCode(200).extract().<Integer>path("total"))
                .as("asking released nothing").isZero();
        pages.submit(browser.findElement(By.cssSelector("button.release-confirm")));
        assertThat(browser.getCurrentUrl()).contains("done=RELEASED");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).contains("now open access");
        assertThat(row().findElements(By.cssSelector("form"))).as("nothing left to do on released data").isEmpty();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("q", code).get("/api/search").then().statusCode(200).body("total", is(1)));
    }

    @Test
    void aTeamMemberIsOfferedNothingAndToldWhy() {
        pages.login("member");
        assertThat(row().findElements(By.cssSelector("form"))).isEmpty();
        assertThat(row().findElement(By.cssSelector(".why-no-extension")).getText()).contains("Only the Principal Investigator");
        assertThat(row().findElement(By.cssSelector(".why-no-release")).getText()).contains("Only the Principal Investigator or an alternate contact");
        pages.assertAccessible();
    }

    @Test
    void staffLandOnTheirDashboardDecideInThePendingTabAndFindItAudited() {
        // a dataset of this test's own with no proposal, so the flag below never depends on other tests
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(Records.record("No proposal " + UUID.randomUUID(), Instant.now())).toString())
                .post("/api/ingest/records").then().statusCode(200);
        pages.login("pi");
        pages.submit(row().findElement(By.cssSelector("button.extend")));

        pages.login("staff");
        assertThat(browser.getCurrentUrl()).as("staff land on their dashboard").endsWith("/staff");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Staff dashboard");
        assertThat(browser.findElements(By.linkText("Staff"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector(".pending-count")).getText()).matches("[1-9]\\d* extension requests? waiting.*");
        // the archive charts: every value written out; this embargo's end is in the forecast, the year in the volume
        String end = given().auth().oauth2(Tokens.user("pi")).get("/api/me/proposals").then().statusCode(200)
                .extract().path("find { it.proposal == '" + code + "' }.embargoes[0].currentEnd");
        String endMonth = end.substring(0, 7);
        assertThat(browser.findElement(By.cssSelector("figure#forecast desc")).getAttribute("textContent"))
                .containsPattern(endMonth + ": [1-9]");
        assertThat(browser.findElements(By.cssSelector("figure#forecast text.value"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("figure#per-year desc")).getAttribute("textContent"))
                .containsPattern(produced.toString().substring(0, 4) + ": [1-9]");
        assertThat(Long.parseLong(browser.findElement(By.cssSelector(".without-proposal")).getText()))
                .as("the test catalogue holds datasets ingested without a proposal").isPositive();
        pages.assertAccessible();
        pages.screenshots("staff-dashboard");

        browser.findElement(By.linkText("Extension requests")).click();
        WebElement request = browser.findElements(By.cssSelector("tr[data-request]")).stream()
                .filter(r -> r.getText().contains(code)).findFirst().orElseThrow();
        pages.assertAccessible();
        request.findElement(By.name("reason")).sendKeys("no paper yet");
        pages.submit(request.findElement(By.cssSelector("button.reject")));
        assertThat(browser.getCurrentUrl()).as("post/redirect/get to the decided tab").contains("tab=decided");
        assertThat(browser.findElement(By.cssSelector("[role=status]")).getText()).startsWith("Rejected");
        assertThat(browser.findElement(By.cssSelector(".tabs a[aria-current=page]")).getText()).isEqualTo("Decided");
        assertThat(browser.findElements(By.cssSelector("tr[data-request]")).stream().filter(r -> r.getText().contains(code))
                .findFirst().orElseThrow().getText()).contains("rejected").contains("no paper yet");
        browser.findElement(By.linkText("Pending")).click();
        assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContain(code);

        // the audit log: newest first, filtered by proposal and actor, exported, the chain checked
        browser.get(root + "staff/audit?proposal=" + code);
        var ids = browser.findElements(By.cssSelector("tr[data-audit]")).stream()
                .map(r -> Long.parseLong(r.getAttribute("data-audit"))).toList();
        assertThat(ids).hasSizeGreaterThanOrEqualTo(3).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(browser.findElement(By.cssSelector("tr[data-audit]")).getText()).contains("EXTENSION_REJECTED").contains("staff");
        assertThat(browser.findElement(By.cssSelector("p.chain")).getAttribute("data-intact")).isEqualTo("true");
        assertThat(Long.parseLong(browser.findElement(By.cssSelector("p.chain")).getAttribute("data-through")))
                .as("the row the chain is verified through").isPositive();
        pages.assertAccessible();
        browser.get(root + "staff/audit?proposal=" + code + "&actor=pi");
        assertThat(browser.findElements(By.cssSelector("tr[data-audit]"))).isNotEmpty()
                .allSatisfy(r -> assertThat(r.findElements(By.tagName("td")).get(2).getText()).isEqualTo("pi"));
        String csv = browser.findElement(By.cssSelector("a.export-csv")).getAttribute("href");
        assertThat(csv).contains("proposal=" + code).contains("actor=pi");
        browser.get(root + "staff/audit?from=not-a-date");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("That request was not understood");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).contains("from");
        // the pages' whole-number parameters (input.WholeNumber): no number, or out of range, is the same named 400
        for (String address : List.of("staff/audit?page=abc", "staff/audit?page=0", "staff/audit?page=99999999999999999999",
                "staff/requests?decided=x1", "staff/requests?decided=-4")) {
            browser.get(root + address);
            String field = address.substring(address.indexOf('?') + 1, address.indexOf('='));
            assertThat(browser.findElement(By.tagName("h1")).getText()).as(address).isEqualTo("That request was not understood");
            assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).as(address)
                    .contains(field + ": must be a whole number from 1 to ");
        }
    }

    @Test
    void malformedFormEncodingIsABadRequestNotAFailure() {
        pages.login("pi");
        String embargo = row().getAttribute("data-embargo");
        Object status = browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch('/my/proposals/embargoes/' + arguments[0] + '/extension', {method: 'POST', redirect: 'manual',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'text/html'},
                    body: 'justification=%zz'})
                  .then(r => r.text().then(t => done(r.status + ' ' + t))).catch(e => done(String(e)));""", embargo);
        assertThat(String.valueOf(status)).startsWith("400").contains("class=\"brand\"");
        browser.get(root + "my/proposals");
        assertThat(row().findElement(By.cssSelector("td.status")).getText()).doesNotContain("extension requested");
    }
}
