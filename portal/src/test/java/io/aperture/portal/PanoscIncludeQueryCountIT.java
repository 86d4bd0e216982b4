package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * PaNOSC includes on {@code /Datasets} are attached with one query per relation for the whole page, not one per
 * returned dataset (issue #12): a page of 50 datasets with four relations attached costs as many SQL statements as a
 * page of one, and the same statements: the page's ids are bound as one array. Statements are counted by
 * {@link SearchQueryCountIT.SqlCounter} (one statement inspector per run).
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class PanoscIncludeQueryCountIT {
    private static final String INCLUDES = """
            [{"relation": "instrument"}, {"relation": "techniques"}, {"relation": "samples"},
             {"relation": "parameters", "scope": {"order": "name DESC", "skip": 1, "limit": 2}}]""";

    private static long statementsFor(Runnable page) {
        long before = SearchQueryCountIT.SqlCounter.STATEMENTS.get();
        page.run();
        return SearchQueryCountIT.SqlCounter.STATEMENTS.get() - before;
    }

    /** The texts of the include attach statements (a window per parent) sent while {@code page} ran. */
    private static List<String> attachStatements(Runnable page) {
        return SearchQueryCountIT.SqlCounter.during(page).stream().filter(sql -> sql.contains("row_number()")).toList();
    }

    @Test
    void aPageOfFiftyDatasetsWithIncludesCostsNoMoreStatementsThanAPageOfOne() {
        String tag = "pq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ObjectNode[] records = new ObjectNode[60];
        for (int i = 0; i < records.length; i++) {
            ObjectNode r = Records.record("Included " + tag + " " + i, Instant.parse("2012-01-01T00:00:00Z").plusSeconds(i));
            r.putObject("instrument").put("name", "I0" + (i % 4) + " " + tag).put("shortName", "P" + (i % 4) + tag);
            r.putObject("sample").put("name", "Sample " + i + " " + tag);
            r.putArray("techniques").addObject().put("iri", "http://purl.org/pan-science/PaNET/PaNET01164")
                    .put("label", "macromolecular crystallography");
            for (String name : List.of("alpha", "beta", "gamma", "delta")) {
                Records.withParameter(r, name + "_" + i, i, "K", i, "K");
            }
            records[i] = r;
        }
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(records).toString())
                .post("/api/ingest/records").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().queryParam("where", "{\"title\": {\"like\": \"" + tag + "\"}}")
                .get("/api/Datasets/count").then().body("count", is(60)));

        String page = "{\"where\": {\"title\": {\"like\": \"" + tag + "\"}}, \"limit\": LIMIT, \"include\": " + INCLUDES + "}";
        long one = Long.MAX_VALUE;
        long fifty = Long.MAX_VALUE;
        Response last = null;
        // the fewest of a few tries: the outbox poll (each second) may add a statement to any one of them
        for (int attempt = 0; attempt < 5; attempt++) {
            one = Math.min(one, statementsFor(() -> given().queryParam("filter", page.replace("LIMIT", "1"))
                    .get("/api/Datasets").then().statusCode(200).body("size()", is(1))));
            Response[] r = new Response[1];
            fifty = Math.min(fifty, statementsFor(() -> r[0] = given().queryParam("filter", page.replace("LIMIT", "50"))
                    .get("/api/Datasets")));
            last = r[0];
        }
        System.out.printf("SQL statements per /Datasets page with 4 includes: 1 dataset %d, 50 datasets %d%n", one, fifty);
        assertThat(fifty).as("statements for 50 datasets with includes (1 dataset took %d)", one).isLessThanOrEqualTo(one);

        // the page's ids are one array parameter: the attach statements read the same for 1 and for 50 parents, so the
        // driver prepares each once, whatever the page size (an IN list has one placeholder per parent)
        List<String> ofOne = attachStatements(() -> given().queryParam("filter", page.replace("LIMIT", "1")).get("/api/Datasets")
                .then().statusCode(200));
        List<String> ofFifty = attachStatements(() -> given().queryParam("filter", page.replace("LIMIT", "50")).get("/api/Datasets")
                .then().statusCode(200));
        assertThat(ofOne).as("attach statements of a page of one").isNotEmpty().doesNotHaveDuplicates();
        assertThat(ofFifty).as("attach statements of a page of fifty").containsExactlyInAnyOrderElementsOf(ofOne);
        assertThat(ofOne).allSatisfy(sql -> assertThat(sql).contains("= any(?)"));
        System.out.printf("attach statements of a /Datasets page: %s%n", ofOne);

        // and each dataset got its own related rows, the scope's order, skip and limit applied per dataset
        last.then().statusCode(200).body("size()", is(50));
        List<Map<String, Object>> datasets = last.jsonPath().getList("$");
        for (Map<String, Object> d : datasets) {
            String n = ((String) d.get("title")).substring(("Included " + tag + " ").length());
            int i = Integer.parseInt(n);
            assertThat(((Map<?, ?>) d.get("instrument")).get("name")).as(n).isEqualTo("I0" + (i % 4) + " " + tag);
            assertThat((List<?>) d.get("techniques")).as(n).hasSize(1);
            assertThat(((List<?>) d.get("samples")).stream().map(s -> String.valueOf(((Map<?, ?>) s).get("name"))).toList()).as(n)
                    .containsExactly("Sample " + i + " " + tag);
            assertThat(((List<?>) d.get("parameters")).stream().map(p -> String.valueOf(((Map<?, ?>) p).get("name"))).toList()).as(n)
                    .containsExactly("delta_" + i, "beta_" + i);
        }
    }
}
