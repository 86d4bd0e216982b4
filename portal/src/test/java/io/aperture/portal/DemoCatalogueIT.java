package io.aperture.portal;

import io.aperture.harvester.cli.HarvestMain;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * {@code harvest demo} against the real server: the synthetic catalogue goes in through the public user-office and
 * ingest APIs, loading it twice changes nothing, and the embargo rules hold for it as for real data (a 2025 proposal
 * is hidden from the public, a 2015 one is open), with the demo PI on the proposals meant for them.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class DemoCatalogueIT {
    /** Three proposals of 40 records: syn20000 (2015, the demo users'), syn20001 (2020), syn20002 (2025, embargoed). */
    private static final String[] DEMO = {"demo", "--count", "120", "--seed", "1", "--batch-size", "50"};

    @Inject
    EntityManager em;

    private static String[] withServer(String... args) {
        String server = "http://127.0.0.1:" + ConfigProvider.getConfig().getOptionalValue("quarkus.http.test-port", Integer.class).orElse(8081);
        String oidc = ConfigProvider.getConfig().getValue("quarkus.oidc.api.auth-server-url", String.class);
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--server", server, "--oidc-url", oidc, "--client-secret", "harvester-secret",
                "--user-office-secret", "user-office-secret"));
        return all.toArray(String[]::new);
    }

    private long count(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql).getSingleResult()).longValue());
    }

    private String firstPid(String proposal) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT d.pid FROM dataset d JOIN proposal p ON p.id = d.proposal_id "
                        + "WHERE p.code = ?1 ORDER BY d.pid LIMIT 1").setParameter(1, proposal).getSingleResult());
    }

    @Test
    void theDemoCatalogueLoadsThroughThePublicApisOnceAndKeepsTheEmbargoRules() {
        assertThat(HarvestMain.run(withServer(DEMO))).isZero();
        assertThat(count("SELECT count(*) FROM dataset WHERE source_path LIKE '/synthetic/%'")).isEqualTo(120);
        assertThat(count("SELECT count(*) FROM proposal WHERE code IN ('syn20000', 'syn20001', 'syn20002')")).isEqualTo(3);
        assertThat(count("SELECT count(*) FROM member m JOIN proposal p ON p.id = m.proposal_id JOIN person x ON x.id = m.person_id "
                + "WHERE p.code = 'syn20000' AND m.role = 'PI' AND x.username = 'pi'")).isEqualTo(1);

        // again: the same records, nothing new and nothing refused
        assertThat(HarvestMain.run(withServer(DEMO))).isZero();
        assertThat(count("SELECT count(*) FROM dataset WHERE source_path LIKE '/synthetic/%'")).isEqualTo(120);

        String open = firstPid("syn20000");
        String hidden = firstPid("syn20002");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().accept("text/html").get("/datasets/" + open).then().statusCode(200).body(containsString("Synthetic: ")));
        given().accept("text/html").get("/datasets/" + hidden).then().statusCode(404);
        // staff see it (the API takes bearer tokens; the pages sign in through the browser)
        given().auth().oauth2(Tokens.user("staff")).get("/api/datasets/" + hidden + "/datacite").then().statusCode(200);
    }
}
