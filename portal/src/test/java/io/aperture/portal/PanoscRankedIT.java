package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.search.DatasetSearch;
import io.aperture.catalogue.search.EngineCredentials;
import io.aperture.catalogue.search.RankedSearch;
import io.aperture.catalogue.search.SearchRequest;
import io.aperture.catalogue.search.SearchResult;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.search.engine.search.sort.dsl.SearchSortFactory;
import org.hibernate.search.engine.search.sort.dsl.SortFinalStep;
import org.apache.http.HttpRequestInterceptor;
import org.apache.http.client.config.RequestConfig;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RequestOptions;
import org.elasticsearch.client.RestClient;
import org.hibernate.search.backend.elasticsearch.ElasticsearchBackend;
import org.hibernate.search.mapper.orm.Search;
import org.hibernate.search.mapper.orm.mapping.SearchMapping;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.is;

/**
 * The PaNOSC list's lean engine request ({@link RankedSearch}: sent without blocking, pids and relevance only, no
 * highlight, no total; issue #12, docs/performance.md) finds the same hits in the same order with the same relevance as the full search
 * it replaced, page by page, with and without a text query.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class PanoscRankedIT {
    private static final Function<SearchSortFactory, SortFinalStep> BY_RELEVANCE =
            f -> f.score().then().field("producedAt").desc().then().field("pid").asc();
    private static final Function<SearchSortFactory, SortFinalStep> NEWEST =
            f -> f.field("producedAt").desc().then().field("pid").asc();

    @Inject
    DatasetSearch search;

    @Inject
    RankedSearch ranked;

    @Inject
    AccessControl access;

    @Inject
    SessionFactory sessions;

    @Inject
    SearchMapping mapping;

    /**
     * Hibernate Search's client authenticates through {@link EngineCredentials} (set by an unsupported property, which
     * an upgrade may stop passing on): its interceptor comes first in the client's chain, and the engine, which answers
     * 401 to any request without the account, accepts a request whose 401 the client may not answer, so the credentials
     * went unasked. The chain is read by reflection: the client offers no view of it.
     */
    @Test
    void engineRequestsAreAuthenticatedUnaskedThroughTheConfigurer() throws Exception {
        RestClient client = mapping.backend().unwrap(ElasticsearchBackend.class).client(RestClient.class);
        Object processor = field(field(field(client, "client"), "exec"), "httpProcessor");
        HttpRequestInterceptor[] chain = (HttpRequestInterceptor[]) field(processor, "requestInterceptors");
        assertThat(chain[0].getClass().getEnclosingClass()).isEqualTo(EngineCredentials.class);
        // with the client's answer to a challenge turned off, a 401 stays one: only credentials sent unasked pass
        Request probe = new Request("GET", "/");
        probe.setOptions(RequestOptions.DEFAULT.toBuilder().setRequestConfig(RequestConfig.custom().setAuthenticationEnabled(false).build()));
        assertThat(client.performRequest(probe).getStatusLine().getStatusCode()).isEqualTo(200);
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        for (Class<?> c = owner.getClass(); c != null; c = c.getSuperclass()) {
            try {
                Field f = c.getDeclaredField(name);
                f.setAccessible(true);
                return f.get(owner);
            } catch (NoSuchFieldException e) {
                // declared further up
            }
        }
        throw new NoSuchFieldException(owner.getClass() + "." + name);
    }

    /**
     * RankedHits.withSource replaces the {@code "_source":false} Hibernate Search ends such a body with, without a parse
     * of the body; with another ending it still works, through a tree. This says when an upgrade changes the ending.
     */
    @Test
    void hibernateSearchEndsABodyProjectingNoSourceAsTheListExpects() {
        try (Session session = sessions.openSession()) {
            String written = Search.session(session).search(Dataset.class).select(f -> f.id(Long.class))
                    .where(f -> f.match().field("title").matching("x")).sort(f -> f.score().then().field("pid").asc())
                    .toQuery().queryString();
            assertThat(written).startsWith("{\"query\":").endsWith(",\"_source\":false}");
        }
    }

    @Test
    void aPublicDatasetsScoreDoesNotMoveWhenEmbargoedDataUsingTheSameWordArrives() {
        String tag = "rs" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String open = given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(Records.record(tag + " open scan", Instant.parse("2013-01-01T00:00:00Z"))).toString())
                .post("/api/ingest/records").then().statusCode(200).extract().path("results[0].datasetPid");
        String query = "{\"query\": \"" + tag + "\"}";
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().queryParam("filter", query).get("/api/Datasets")
                .then().statusCode(200).body("pid", is(List.of(open))));
        float before = given().queryParam("filter", query).get("/api/Datasets").then().extract().path("[0].score");

        // embargoed datasets using the word, short titles: under BM25 the word's rarity and the average title length
        // (both counted over the whole index) would change the public dataset's score
        ObjectNode[] hidden = new ObjectNode[8];
        for (int i = 0; i < hidden.length; i++) {
            hidden[i] = Records.record(tag + " " + i, Instant.now().minus(Duration.ofDays(30)));
        }
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(hidden).toString())
                .post("/api/ingest/records").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(Tokens.user("staff"))
                .queryParam("q", tag).get("/api/search").then().statusCode(200).body("total", is(9)));

        given().queryParam("filter", query).get("/api/Datasets").then().statusCode(200).body("pid", is(List.of(open)))
                .body("[0].score", is(before));
    }

    @Test
    @ActivateRequestContext
    void theLeanRequestFindsWhatTheFullSearchFindsInTheSameOrderWithTheSameRelevance() {
        String tag = "rk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        ObjectNode[] records = new ObjectNode[30];
        for (int i = 0; i < records.length; i++) {
            // the tag in the title, in the sample's name or in both, in titles of different lengths: relevance differs
            // (a title match weighs three times a sample's) and also ties
            String title = (i % 3 == 1 ? "" : tag + " ") + "lean ranking " + "words ".repeat(i % 5) + i;
            records[i] = Records.record(title, Instant.parse("2013-01-01T00:00:00Z").plusSeconds(i % 7));
            if (i % 3 != 0) {
                records[i].putObject("sample").put("name", tag + " sample " + i);
            }
        }
        given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON).body(Records.batch(records).toString())
                .post("/api/ingest/records").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().queryParam("q", tag)
                .get("/api/search").then().body("total", is(30)));

        for (int skip : List.of(0, 10, 20)) {
            SearchRequest text = new SearchRequest(tag, Map.of(), List.of(), SearchRequest.Sort.RELEVANCE, skip, 10, Optional.empty(), false);
            List<SearchResult.Hit> full = QuarkusTransaction.requiringNew().call(() -> search.search(text, access.publicScope()).hits());
            List<RankedSearch.Ranked> lean = QuarkusTransaction.requiringNew().call(() ->
                    ranked.ranked(text, access.publicScope(), SearchRequest.NO_CONDITION, BY_RELEVANCE).toCompletableFuture().join());
            assertThat(full).as("page at %d", skip).hasSize(10);
            assertThat(lean).as("page at %d", skip).extracting(RankedSearch.Ranked::pid)
                    .containsExactlyElementsOf(full.stream().map(SearchResult.Hit::pid).toList());
            // the same relevance, exactly: it depends on the document alone (boolean similarity), not on the index
            for (int i = 0; i < lean.size(); i++) {
                assertThat(lean.get(i).relevance()).as("relevance of hit %d at %d", i, skip).isEqualTo((double) full.get(i).score());
            }
            assertThat(lean.getFirst().relevance()).as("a text query has a relevance").isPositive();
        }
        // the relevance really varies over the result (else the order above would only be the tie-breaks')
        SearchRequest all = new SearchRequest(tag, Map.of(), List.of(), SearchRequest.Sort.RELEVANCE, 0, 30, Optional.empty(), false);
        List<RankedSearch.Ranked> every = QuarkusTransaction.requiringNew().call(() ->
                ranked.ranked(all, access.publicScope(), SearchRequest.NO_CONDITION, BY_RELEVANCE).toCompletableFuture().join());
        assertThat(every).hasSize(30);
        assertThat(every.getFirst().relevance()).isGreaterThan(every.getLast().relevance());

        // without a text query: newest first, under a further condition, as /Datasets with a where
        SearchRequest newest = new SearchRequest("", Map.of(), List.of(), SearchRequest.Sort.NEWEST, 5, 10, Optional.empty(), false);
        List<SearchResult.Hit> full = QuarkusTransaction.requiringNew().call(() -> search.search(newest, access.publicScope(),
                f -> f.match().field("title").matching(tag)).hits());
        List<RankedSearch.Ranked> lean = QuarkusTransaction.requiringNew().call(() -> ranked.ranked(newest, access.publicScope(),
                f -> f.match().field("title").matching(tag), NEWEST).toCompletableFuture().join());
        assertThat(full).hasSize(10);
        assertThat(lean).extracting(RankedSearch.Ranked::pid).containsExactlyElementsOf(full.stream().map(SearchResult.Hit::pid).toList());
    }
}
