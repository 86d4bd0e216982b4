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
import org.openqa.selenium.Cookie;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * The portal forms' CSRF token in a real browser: every form carries this browser's token (the HttpOnly, SameSite=Strict
 * cookie's value), a post from the site's own page without it or with another is a branded 403 that changes nothing,
 * malformed encoding stays a 400, the real form works, and OAI-PMH's form POST (harvesters hold no token) still works.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class PortalFormTokenBrowserIT {
    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;
    private Pages pages;
    private final String code = "ft" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeEach
    void setUp() throws Exception {
        browser = Browser.start();
        pages = new Pages(browser, root);
        String uo = """
                {"proposals": [{"code": "%s", "title": "Token proposal %s", "visits": [{"code": "%s-1"}], "members": [
                  {"role": "PI", "person": {"fullName": "Pat Investigator", "username": "pi"}}]}]}"""
                .formatted(code, code, code);
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(uo).post("/api/ingest/user-office").then().statusCode(200);
        // its embargo ends next month, inside the extension window: both forms are offered
        Instant produced = ZonedDateTime.now(ZoneId.of("Europe/London")).minusYears(3).plusMonths(1).toInstant();
        ObjectNode hidden = Records.withProposal(Records.record("Token embargoed " + code, produced), code, code + "-1");
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

    /** Posts a body from the portal's own page (so the Origin check passes and only the token decides). */
    private String post(String path, String body) {
        return String.valueOf(browser.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                fetch(arguments[0], {method: 'POST', redirect: 'manual',
                    headers: {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'text/html'}, body: arguments[1]})
                  .then(r => r.text().then(t => done(r.status + ' ' + t))).catch(e => done(String(e)));""", path, body));
    }

    @Test
    void aFormWithoutThisBrowsersTokenIsRefusedAndTheRealFormWorks() {
        pages.login("pi");
        String embargo = row().getAttribute("data-embargo");
        String extension = "/my/proposals/embargoes/" + embargo + "/extension";
        String release = "/my/proposals/embargoes/" + embargo + "/release";

        // every form of the page carries the cookie's value, which scripts cannot read
        Cookie cookie = browser.manage().getCookieNamed("aperture-form");
        assertThat(cookie).as("the token cookie").isNotNull();
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualTo("Strict");
        assertThat(cookie.getValue()).matches("[A-Za-z0-9_-]{43}");
        assertThat(row().findElements(By.tagName("form"))).hasSize(2).allSatisfy(form -> assertThat(
                form.findElement(By.name("form-token")).getAttribute("value")).isEqualTo(cookie.getValue()));
        assertThat(browser.executeScript("return document.cookie")).asString().doesNotContain(cookie.getValue());

        // without the token, or with another browser's: a 403 page of the site saying what to do; nothing changes
        String missing = post(extension, "justification=forged");
        assertThat(missing).startsWith("403").contains("class=\"brand\"").contains("reload the page");
        String forged = "A".repeat(43);
        assertThat(post(extension, "form-token=" + forged + "&justification=forged")).startsWith("403");
        assertThat(post(release, "form-token=" + forged + "&confirm=yes")).startsWith("403");
        assertThat(post(release, "confirm=yes")).startsWith("403");
        // malformed encoding is still a 400 naming the form, token or not
        assertThat(post(extension, "form-token=" + cookie.getValue() + "&justification=%zz")).startsWith("400")
                .contains("class=\"brand\"");

        // the refusal page is a page of the site, accessible
        browser.executeScript("document.open(); document.write(arguments[0]); document.close();",
                missing.substring(missing.indexOf(' ') + 1));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isNotBlank();
        assertThat(browser.findElement(By.tagName("main")).getText()).contains("reload the page");
        pages.assertAccessible();

        browser.get(root + "my/proposals");
        assertThat(row().findElement(By.cssSelector("td.status")).getText()).doesNotContain("extension requested");
        assertThat(browser.manage().getCookieNamed("aperture-form").getValue()).as("the token stays for the browser")
                .isEqualTo(cookie.getValue());

        // with the token: the release button's post is answered by its confirmation page, which carries it on
        String confirm = post(release, "form-token=" + cookie.getValue());
        assertThat(confirm).startsWith("200").contains("Yes, release now").contains("value=\"" + cookie.getValue() + "\"");

        // and the real form, sent by the browser, works
        row().findElement(By.name("justification")).sendKeys("token test");
        pages.submit(row().findElement(By.cssSelector("button.extend")));
        assertThat(browser.getCurrentUrl()).contains("done=EXTENSION_REQUESTED");
        assertThat(row().findElement(By.cssSelector("td.status")).getText()).contains("extension requested");

        // staff's decision form: the same rule (its own token, refused without)
        pages.login("staff");
        browser.get(root + "staff/requests");
        WebElement request = browser.findElements(By.cssSelector("tr[data-request]")).stream()
                .filter(r -> r.getText().contains(code)).findFirst().orElseThrow();
        String staffToken = browser.manage().getCookieNamed("aperture-form").getValue();
        assertThat(staffToken).isNotEqualTo(cookie.getValue());
        assertThat(request.findElement(By.name("form-token")).getAttribute("value")).isEqualTo(staffToken);
        String decision = "/staff/requests/" + request.getAttribute("data-request") + "/decision";
        assertThat(post(decision, "verdict=APPROVE")).startsWith("403").contains("reload the page");
        assertThat(post(decision, "form-token=" + cookie.getValue() + "&verdict=APPROVE")).as("the PI's old token")
                .startsWith("403");
        browser.get(root + "staff/requests");
        assertThat(browser.findElement(By.tagName("main")).getText()).as("still pending").contains(code);
    }

    @Test
    void oaiPmhFormPostsNeedNoToken() {
        given().contentType(ContentType.URLENC).body("verb=Identify").post("/oai").then().statusCode(200)
                .body(containsString("<Identify>")).body(containsString("<repositoryName>"));
    }
}
