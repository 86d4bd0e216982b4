package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.Browser;
import io.aperture.portal.testing.OncePerClass;
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
import org.openqa.selenium.support.ui.Select;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * The search page in a real browser, through its controls only: highlighted text matches, facets that show their
 * selection and combine (OR within, AND across), the production-day range, sort, numbered pages with the true total,
 * the parameter filter with its unit picker; every state a URL; axe-core on each page; a keyboard-only walk; the
 * phone layout; the site's own error pages.
 * <p>Twenty released datasets carry a word of their own ({@link #TAG}): instrument I00 or I01 (ten each), technique
 * SAXS (every fourth, all on I00) or MX, produced in 2019, 2020 or 2021 (i mod 3), wavelength 0.5 + 0.1 i Å.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class PortalSearchBrowserIT {
    private static final String TAG = "srch" + UUID.randomUUID().toString().substring(0, 6);
    private static final OncePerClass SET_UP = new OncePerClass();

    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;
    private Pages pages;

    @BeforeEach
    void setUp() throws Exception {
        SET_UP.run(PortalSearchBrowserIT::ingest);
        browser = Browser.start();
        pages = new Pages(browser, root);
    }

    private static void ingest() {
        ObjectNode[] records = new ObjectNode[20];
        for (int i = 0; i < 20; i++) {
            Instant produced = Instant.parse((2019 + i % 3) + "-06-15T12:00:00Z").plusSeconds(i * 60L);
            ObjectNode r = Records.record("Lysozyme series " + TAG + " number " + i, produced);
            r.putObject("instrument").put("name", "I0" + (i % 2)).put("shortName", "I0" + (i % 2));
            r.putArray("techniques").addObject().put("label", i % 4 == 0 ? "SAXS" : "MX")
                    .put("iri", "http://example.org/technique/" + (i % 4 == 0 ? "saxs" : "mx"));
            double angstrom = 0.5 + 0.1 * i;
            Records.withParameter(r, "/entry/instrument/monochromator/wavelength", angstrom, "Angstrom", angstrom * 1e-10, "m");
            records[i] = r;
        }
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(records).toString())
                .post("/api/ingest/records").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().queryParam("q", TAG).get("/api/search").then().statusCode(200).body("total", is(20)));
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    private String total() {
        return browser.findElement(By.cssSelector("h2.total")).getText();
    }

    private WebElement facetLink(String facet, String value) {
        return browser.findElements(By.cssSelector("section.facet[data-facet='" + facet + "'] li a")).stream()
                .filter(a -> a.getText().contains(value)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + facet + " value " + value + " offered"));
    }

    private String facetCount(String facet, String value) {
        WebElement link = facetLink(facet, value);
        return link.findElement(By.xpath("./following-sibling::span[@class='count']")).getText();
    }

    private List<String> hitTitles() {
        return browser.findElements(By.cssSelector("li.hit h3 a")).stream().map(WebElement::getText).toList();
    }

    @Test
    void textFacetsDatesSortAndPagesAreControlsAndEveryStateIsAUrl() {
        browser.get(root.toString());
        pages.assertAccessible();
        browser.findElement(By.id("q")).sendKeys("lysozyme " + TAG);
        pages.submit(browser.findElement(By.cssSelector("form.search button[type=submit]")));
        assertThat(total()).as("one page: no range, no pager").isEqualTo("20 datasets");
        assertThat(browser.findElements(By.cssSelector("nav.pager"))).isEmpty();
        assertThat(browser.findElements(By.cssSelector("li.hit .snippet mark")).getFirst().getText())
                .as("the matched words are highlighted").isIn("Lysozyme", TAG);
        pages.assertAccessible();
        pages.screenshots("search");

        // a facet value, selected, stays offered as selected; its siblings stay with their counts (OR within a facet)
        pages.submit(facetLink("instrument", "I00"));
        assertThat(total()).startsWith("10 datasets");
        assertThat(browser.findElement(By.cssSelector("section.facet[data-facet='instrument'] li.selected")).getText()).contains("I00");
        assertThat(facetCount("instrument", "I01")).isEqualTo("10");
        pages.submit(facetLink("instrument", "I01"));
        assertThat(total()).startsWith("20 datasets");
        assertThat(browser.findElements(By.cssSelector("section.facet[data-facet='instrument'] li.selected"))).hasSize(2);
        // AND across facets
        pages.submit(facetLink("technique", "SAXS"));
        assertThat(total()).startsWith("5 datasets");
        assertThat(facetCount("instrument", "I01")).as("no SAXS on I01, still shown as selected").isEqualTo("0");
        assertThat(browser.findElements(By.cssSelector("section.facet[data-facet='instrument'] li.selected"))).hasSize(2);
        String shared = browser.getCurrentUrl();
        assertThat(shared).contains("instrument=I00").contains("instrument=I01").contains("technique=SAXS");
        pages.assertAccessible();

        // the same URL in a fresh page shows the same state
        browser.get(shared);
        assertThat(total()).startsWith("5 datasets");
        assertThat(browser.findElement(By.id("q")).getAttribute("value")).isEqualTo("lysozyme " + TAG);

        // removing a chip drops that selection only
        pages.submit(browser.findElements(By.cssSelector("ul.chips a")).stream()
                .filter(a -> a.getText().contains("SAXS")).findFirst().orElseThrow());
        assertThat(total()).startsWith("20 datasets");

        // dates: 2020 only; sort oldest first
        browser.executeScript("arguments[0].value='2020-01-01'; arguments[1].value='2020-12-31';",
                browser.findElement(By.id("from")), browser.findElement(By.id("to")));
        new Select(browser.findElement(By.id("sort"))).selectByValue("oldest");
        pages.submit(browser.findElement(By.cssSelector("form.search button[type=submit]")));
        assertThat(total()).startsWith("7 datasets");
        assertThat(browser.getCurrentUrl()).contains("from=2020-01-01").contains("to=2020-12-31").contains("sort=oldest");
        assertThat(hitTitles().getFirst()).endsWith("number 1");
        assertThat(hitTitles().getLast()).endsWith("number 19");
        assertThat(browser.findElements(By.cssSelector("ul.chips a")).stream().map(WebElement::getText))
                .anySatisfy(t -> assertThat(t).startsWith("From 2020-01-01"));
    }

    @Test
    void pagesShowTheTrueTotalAndTheLastPageOffersNoNext() {
        browser.get(root + "?q=" + TAG + "&size=10&sort=title");
        assertThat(total()).startsWith("20 datasets").contains("showing 1–10");
        assertThat(browser.findElement(By.cssSelector("nav.pager .of")).getText()).isEqualTo("Page 1 of 2");
        assertThat(browser.findElements(By.cssSelector("nav.pager a.prev"))).isEmpty();
        pages.submit(browser.findElement(By.cssSelector("nav.pager a.next")));
        assertThat(browser.getCurrentUrl()).contains("page=2");
        assertThat(total()).contains("showing 11–20");
        assertThat(hitTitles()).hasSize(10);
        assertThat(browser.findElements(By.cssSelector("nav.pager a.next"))).as("20 hits fill exactly two pages").isEmpty();
        assertThat(browser.findElement(By.cssSelector("nav.pager a[aria-current=page]")).getText()).isEqualTo("2");
        pages.assertAccessible();
        pages.submit(browser.findElement(By.cssSelector("nav.pager a.prev")));
        assertThat(total()).contains("showing 1–10");
    }

    @Test
    void theParameterFilterTakesARangeInTheUnitPicked() {
        browser.get(root + "?q=" + TAG);
        browser.findElement(By.cssSelector("details.parameter-filter summary")).click();
        new Select(browser.findElement(By.id("pname"))).selectByValue("wavelength");
        browser.findElement(By.id("pmin")).sendKeys("0.095");
        browser.findElement(By.id("pmax")).sendKeys("0.145");
        new Select(browser.findElement(By.id("punit"))).selectByValue("nm");
        pages.submit(browser.findElement(By.cssSelector("form.parameter button")));
        assertThat(total()).as("1.0 to 1.4 Å").startsWith("5 datasets");
        assertThat(browser.getCurrentUrl()).contains("param=wavelength%3A0.095%3A0.145%3Anm").doesNotContain("pname");
        assertThat(browser.findElement(By.cssSelector("ul.chips")).getText()).contains("wavelength 0.095–0.145 nm");
        pages.assertAccessible();

        // a range that makes no sense is refused on the page, naming the parameter
        browser.get(root + "?q=" + TAG + "&param=wavelength:1:x:nm");
        assertThat(browser.findElement(By.cssSelector("[role=alert]")).getText()).startsWith("param:");
        assertThat(browser.findElement(By.cssSelector("header.top a.brand")).isDisplayed()).isTrue();
    }

    @Test
    void aKeyboardAloneSearchesRefinesAndPages() {
        browser.get(root.toString());
        Actions keys = new Actions(browser);
        keys.sendKeys(Keys.TAB).perform();
        assertThat(active().getText()).isEqualTo("Skip to main content");
        keys.sendKeys(Keys.ENTER).perform();
        tabUntil(e -> "q".equals(e.getAttribute("id")), 10);
        WebElement html = browser.findElement(By.tagName("html"));
        keys.sendKeys(TAG).sendKeys(Keys.ENTER).perform();
        pages.awaitNewPage(html);
        assertThat(total()).startsWith("20 datasets");
        tabUntil(e -> e.getText().contains("SAXS"), 60);
        html = browser.findElement(By.tagName("html"));
        keys.sendKeys(Keys.ENTER).perform();
        pages.awaitNewPage(html);
        assertThat(browser.getCurrentUrl()).contains("technique=SAXS");
        assertThat(total()).startsWith("5 datasets");
        String focusRing = (String) browser.executeScript(
                "const a = document.querySelector('li.hit h3 a'); a.focus(); return getComputedStyle(a).outlineStyle;");
        assertThat(focusRing).as("focus is visible").isNotEqualTo("none");
    }

    @Test
    void onePhoneWideColumnWithoutSidewaysScroll() {
        browser.get(root + "?q=" + TAG + "&size=10");
        pages.assertFitsPhone();
        browser.get(root + "datasets/no-such-dataset");
        pages.assertFitsPhone();
    }

    @Test
    void errorsArePagesOfTheSiteWithAWayBack() throws Exception {
        browser.get(root + "no/such/page");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Page not found");
        assertThat(browser.findElement(By.cssSelector("header.top a.brand")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.cssSelector("a.way-back")).getAttribute("href")).isEqualTo(root.toString());
        pages.assertAccessible();

        given().accept(ContentType.HTML).get("/no/such/page").then().statusCode(404).contentType(ContentType.HTML);
        given().accept(ContentType.HTML).put("/").then().statusCode(405)
                .body(containsString("class=\"brand\""))
                .body(containsString("Not possible here"));
        // the API keeps its machine-readable answers
        given().get("/api/datasets/no-such").then().statusCode(404).contentType(ContentType.JSON);

        pages.login("researcher");
        browser.get(root + "staff/requests");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Not available to you");
        assertThat(browser.findElement(By.cssSelector("header.top .who")).getText()).isEqualTo("researcher");
        assertThat(browser.findElements(By.linkText("Staff"))).isEmpty();
        pages.assertAccessible();

        // a body announced over the limit: the site's 413 page, the body unread (any page path: the check comes first)
        try (Socket s = new Socket(root.getHost(), root.getPort())) {
            s.setSoTimeout(10_000);
            OutputStream out = s.getOutputStream();
            out.write(("POST / HTTP/1.1\r\nHost: " + root.getHost() + ":" + root.getPort() + "\r\nAccept: text/html"
                    + "\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: 40000000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // read up to the end of the page (the server closes the connection, but the page is what is checked)
            StringBuilder answer = new StringBuilder();
            var in = s.getInputStream();
            byte[] buffer = new byte[8192];
            for (int n; !answer.toString().contains("</html>") && (n = in.read(buffer)) > 0; ) {
                answer.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
            }
            assertThat(answer.toString()).startsWith("HTTP/1.1 413").contains("Too much to send").contains("class=\"brand\"");
        }
    }

    private WebElement active() {
        return browser.switchTo().activeElement();
    }

    private void tabUntil(Predicate<WebElement> wanted, int most) {
        Actions keys = new Actions(browser);
        for (int i = 0; i < most; i++) {
            keys.sendKeys(Keys.TAB).perform();
            if (wanted.test(active())) {
                return;
            }
        }
        throw new AssertionError("not reached by " + most + " tabs; focus on " + active().getTagName() + " " + active().getText());
    }
}
