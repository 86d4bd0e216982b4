package io.aperture.portal;

import io.aperture.harvester.cli.HarvestMain;
import io.aperture.portal.testing.Browser;
import io.aperture.portal.testing.Pages;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Tokens;
import io.aperture.testsupport.RepoFiles;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

/**
 * Harvest health (#13, #14) against the real stack: {@code harvest scan} over a good and a bad NeXus file reports the
 * refusal to the catalogue, which stores it, counts it in {@code /q/metrics} and shows it to staff on their dashboard;
 * no one else sees any of it.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class HarvestHealthIT {
    @TestHTTPResource("/")
    URL root;

    private ChromeDriver browser;
    private Pages pages;
    private final String tag = "hh" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void setUp() throws Exception {
        browser = Browser.start();
        pages = new Pages(browser, root);
    }

    @AfterEach
    void tearDown() {
        if (browser != null) {
            browser.quit();
        }
    }

    private static String scrape() {
        return given().auth().oauth2(Tokens.monitoring()).get("/q/metrics").then().statusCode(200).extract().asString();
    }

    private static double sample(String metrics, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(metrics);
        assertThat(m.find()).as(series + " in\n" + metrics.lines().filter(l -> l.startsWith("aperture_harvest")).toList()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static double delta(String before, String after, String series) {
        return sample(after, series) - sample(before, series);
    }

    private static Path copy(String rel, Path dir, String name) throws Exception {
        Path target = dir.resolve(name);
        Files.copy(RepoFiles.nexus(rel), target);
        Files.setLastModifiedTime(target, FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        return target;
    }

    @Test
    void aRefusedFileIsStoredCountedAndShownToStaffOnly(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectory(dir.resolve(tag));
        copy("psi_sinq/dmc01.h5", data, "good-" + tag + ".h5");
        Path bad = copy("bad/napi_nxtest_hdf4.hdf", data, "bad-" + tag + ".hdf");
        String before = scrape();

        String server = "http://127.0.0.1:" + ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
        String oidc = ConfigProvider.getConfig().getValue("quarkus.oidc.api.auth-server-url", String.class);
        int exit = HarvestMain.run("scan", data.toString(), "--state", dir.resolve("state.json").toString(),
                "--server", server, "--oidc-url", oidc, "--client-secret", "harvester-secret");
        assertThat(exit).as("the bad file fails the scan").isEqualTo(1);
        assertThat(Files.readString(dir.resolve("state.json"))).as("the good file went in").contains("good-" + tag);

        // a dead letter and a SWMR wait, as harvest watch reports them
        String at = Instant.now().toString();
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body("""
                        {"events": [
                          {"kind": "DEAD_LETTER", "subject": "msg-%1$s", "reason": "/elsewhere/%1$s.nxs is outside the accepted folders", "at": "%2$s"},
                          {"kind": "SWMR_WAITING", "subject": "/data/open-%1$s.nxs", "reason": "open for writing (SWMR)", "at": "%2$s"}]}"""
                        .formatted(tag, at))
                .post("/api/ingest/harvest-health").then().statusCode(200).body("stored", is(2));

        // stored: newest first, with the reason
        JsonPath refused = given().auth().oauth2(Tokens.user("staff")).queryParam("kind", "REFUSED")
                .get("/api/staff/harvest-health").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> events = refused.getList("events");
        Map<String, Object> mine = events.stream().filter(e -> bad.toString().equals(e.get("subject"))).findFirst().orElseThrow();
        assertThat((String) mine.get("reason")).contains("HDF4");
        assertThat(events.stream().map(e -> Instant.parse((String) e.get("at"))).toList())
                .as("newest first").isSortedAccordingTo((a, b) -> b.compareTo(a));
        assertThat(events).noneMatch(e -> ((String) e.get("subject")).contains("good-" + tag));

        // counted: the one scrape target shows the harvester's files, refusals, SWMR waits and dead letters
        String after = scrape();
        assertThat(delta(before, after, "aperture_harvest_files_total{outcome=\"harvested\"}")).isEqualTo(1.0);
        assertThat(delta(before, after, "aperture_harvest_files_total{outcome=\"refused\"}")).isEqualTo(1.0);
        assertThat(delta(before, after, "aperture_harvest_swmr_waits_total")).isEqualTo(1.0);
        assertThat(delta(before, after, "aperture_harvest_dead_letters_total")).isEqualTo(1.0);

        // staff see it on their dashboard
        pages.login("staff");
        browser.get(root + "staff");
        WebElement section = browser.findElement(By.id("harvest-health"));
        assertThat(section.findElement(By.cssSelector("table.refused")).getText()).contains(bad.toString()).contains("HDF4");
        assertThat(section.findElement(By.cssSelector("table.dead-letters")).getText()).contains("msg-" + tag);
        assertThat(section.findElement(By.cssSelector("table.swmr-waiting")).getText()).contains("open-" + tag);
        assertThat(Long.parseLong(section.findElement(By.cssSelector(".index-backlog")).getText())).isNotNegative();
        assertThat(Long.parseLong(section.findElement(By.cssSelector(".doi-failed")).getText())).isNotNegative();
        pages.assertAccessible();

        // no one else: not on the dashboard, not through the API
        pages.login("researcher");
        browser.get(root + "staff");
        assertThat(browser.getPageSource()).doesNotContain("Harvest health").doesNotContain(tag);
        browser.get(root.toString());
        assertThat(browser.getPageSource()).doesNotContain(tag);
        for (String token : List.of(Tokens.user("researcher"), Tokens.user("pi"), Tokens.harvester())) {
            given().auth().oauth2(token).queryParam("kind", "REFUSED").get("/api/staff/harvest-health")
                    .then().statusCode(403).body(not(containsString(tag)));
        }
        given().queryParam("kind", "REFUSED").get("/api/staff/harvest-health").then().statusCode(401);
    }

    @Test
    void onlyTheHarvesterReportsAndABadReportIsA400NamingTheField() {
        String one = "{\"events\": [{\"kind\": \"REFUSED\", \"subject\": \"/x.nxs\", \"reason\": \"r\", \"at\": \"2026-12-05T03:00:00Z\"}]}";
        given().contentType(ContentType.JSON).body(one).post("/api/ingest/harvest-health").then().statusCode(401);
        given().auth().oauth2(Tokens.user("staff")).contentType(ContentType.JSON).body(one)
                .post("/api/ingest/harvest-health").then().statusCode(403);
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body("{\"events\": [{\"kind\": \"LOST\", \"subject\": \"/x.nxs\", \"reason\": \"r\", \"at\": \"2026-12-05T03:00:00Z\"}]}")
                .post("/api/ingest/harvest-health").then().statusCode(400).body("error.field", is("events[0].kind"));
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body("{\"harvested\": -3}")
                .post("/api/ingest/harvest-health").then().statusCode(400).body("error.field", is("harvested"));
        given().auth().oauth2(Tokens.user("staff")).queryParam("kind", "NOPE").get("/api/staff/harvest-health")
                .then().statusCode(400).body("error.field", is("kind"));
    }
}
