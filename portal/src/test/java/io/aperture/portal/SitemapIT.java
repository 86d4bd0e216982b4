package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.catalogue.sitemap.SitemapXml;
import io.aperture.portal.DataCiteIT.Xml;
import io.aperture.portal.testing.OncePerClass;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

/**
 * {@code /sitemap.xml}, its pages and {@code /robots.txt} over HTTP: released landing pages are listed, an embargoed
 * record (even one with a registered DOI and a landing page) and a withdrawn one are not; pages out of range are 404.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitemapIT {
    @Inject
    EntityManager em;

    private final String tag = "sm" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final OncePerClass setUp = new OncePerClass();
    private String released;
    private String embargoed;
    private String embargoedWithDoi;
    private String withdrawn;

    @BeforeEach
    void catalogue() {
        setUp.run(this::load);
    }

    private void load() {
        Instant old = Instant.parse("2016-03-01T09:00:00Z");
        Instant recent = Instant.now().minus(1, ChronoUnit.DAYS);
        List<ObjectNode> records = List.of(Records.record("Open map " + tag, old), Records.record("Hidden map " + tag, recent),
                Records.record("Hidden cited map " + tag, recent), Records.record("Withdrawn map " + tag, old.plusSeconds(1)));
        List<String> pids = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(records.toArray(ObjectNode[]::new)).toString()).post("/api/ingest/records")
                .then().statusCode(200).body("results.status", everyItem(is("CREATED"))).extract().path("results.datasetPid");
        released = pids.get(0);
        embargoed = pids.get(1);
        embargoedWithDoi = pids.get(2);
        withdrawn = pids.get(3);
        long embargoId = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = 'REGISTERED' WHERE pid = ?2")
                    .setParameter(1, "10.80001/aperture." + tag).setParameter(2, embargoedWithDoi).executeUpdate();
            return ((Number) em.createNativeQuery("SELECT e.id FROM embargo e JOIN dataset d ON e.dataset_id = d.id WHERE d.pid = ?1")
                    .setParameter(1, withdrawn).getSingleResult()).longValue();
        });
        given().auth().oauth2(Tokens.user("staff")).contentType(ContentType.JSON).body("{\"reason\": \"court order\"}")
                .post("/api/staff/embargoes/" + embargoId + "/withdraw").then().statusCode(200);
    }

    @Test
    void theIndexNamesPagesThatListReleasedLandingPagesOnly() throws Exception {
        String index = given().get("/sitemap.xml").then().statusCode(200).contentType(ContentType.XML).extract().asString();
        List<String> pages = Xml.parse(index).texts("/sm:sitemapindex/sm:sitemap/sm:loc");
        assertThat(pages).isNotEmpty().allMatch(p -> p.matches("https?://.+/sitemap-\\d+\\.xml"));

        List<String> listed = new ArrayList<>();
        for (String page : pages) {
            String body = given().get(URI.create(page).getPath()).then().statusCode(200).contentType(ContentType.XML)
                    .extract().asString();
            Xml urlset = Xml.parse(body);
            List<String> locs = urlset.texts("/sm:urlset/sm:url/sm:loc");
            assertThat(locs).hasSizeLessThanOrEqualTo(SitemapXml.MAX_URLS);
            assertThat(urlset.texts("/sm:urlset/sm:url/sm:lastmod")).hasSameSizeAs(locs).allMatch(m -> m.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));
            listed.addAll(locs);
        }
        assertThat(listed).anyMatch(l -> l.endsWith("/datasets/" + released));
        assertThat(listed).noneMatch(l -> l.endsWith("/datasets/" + embargoed))
                .noneMatch(l -> l.endsWith("/datasets/" + embargoedWithDoi))
                .noneMatch(l -> l.endsWith("/datasets/" + withdrawn));
        assertThat(listed).doesNotHaveDuplicates();
        // every listed page answers: a sitemap never points a crawler at a 404
        String mine = listed.stream().filter(l -> l.endsWith("/datasets/" + released)).findFirst().orElseThrow();
        given().accept(ContentType.HTML).get(URI.create(mine).getPath()).then().statusCode(200);
    }

    @Test
    void pagesOutOfRangeAreClearNotFounds() {
        for (String page : List.of("0", "99999", "x", "-1", "1a")) {
            given().get("/sitemap-" + page + ".xml").then().statusCode(404).contentType(ContentType.JSON)
                    .body("error.message", containsString("sitemap"));
        }
    }

    @Test
    void robotsTxtPointsAtTheIndexAndTheHomePageStillAnswers() {
        String robots = given().get("/robots.txt").then().statusCode(200).contentType(ContentType.TEXT).extract().asString();
        assertThat(robots.lines()).contains("User-agent: *", "Disallow: /api/", "Disallow: /*?").doesNotContain("Disallow: /datasets/");
        assertThat(robots.lines().filter(l -> l.startsWith("Sitemap: ")).toList()).singleElement()
                .satisfies(l -> assertThat(l).matches("Sitemap: https?://.+/sitemap\\.xml"));
        given().accept(ContentType.HTML).get("/").then().statusCode(200).contentType(ContentType.HTML);
    }
}
