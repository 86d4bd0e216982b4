package io.aperture.portal;

import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.*;

/** Anonymous searches (APIs and the portal's search page) from one address beyond aperture.rate-limit.requests per period: 429 with Retry-After. */
@QuarkusTest
@TestProfile(RateLimitIT.FiveAMinute.class)
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
class RateLimitIT {

    public static class FiveAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("aperture.rate-limit.requests", "5", "aperture.rate-limit.period", "PT1M");
        }
    }

    @Test
    void theSixthAnonymousSearchInAMinuteWaitsAndTokensAndOtherPathsDoNot() {
        for (int i = 0; i < 2; i++) {
            given().queryParam("size", 1).get("/api/search").then().statusCode(200);
        }
        given().get("/api/Documents/count").then().statusCode(200);
        given().get("/api/Datasets/count").then().statusCode(200);
        given().get("/api/datasets").then().statusCode(200);
        given().queryParam("size", 1).get("/api/search").then().statusCode(429)
                .contentType(ContentType.JSON)
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body("error.statusCode", is(429))
                .body("error.name", is("TooManyRequestsError"))
                .body("error.code", is("RATE_LIMITED"))
                .body("error.message", startsWith("more than 5 anonymous searches per PT1M from this address"));
        given().get("/api/datasets").then().statusCode(429);
        given().get("/api/Documents").then().statusCode(429);
        given().get("/api/instruments/count").then().statusCode(429);
        // a signed-in caller, and everything outside the search APIs, go on
        given().auth().oauth2(Tokens.user("staff")).queryParam("size", 1).get("/api/search").then().statusCode(200);
        given().get("/oai?verb=Identify").then().statusCode(200);
        given().accept(ContentType.HTML).get("/datasets/no-such-dataset").then().statusCode(404);
        // the portal's search page counts with the APIs and says so as a page of the site
        given().accept(ContentType.HTML).queryParam("q", "sample").get("/").then().statusCode(429)
                .contentType(ContentType.HTML)
                .header("Retry-After", matchesPattern("[1-9][0-9]*"))
                .body(containsString("Too many searches"))
                .body(containsString("more than 5 anonymous searches per PT1M from this address"));
        // a header that only looks like a bearer token is refused, not waved through
        given().header("Authorization", "Bearer forged").queryParam("size", 1).get("/api/search").then().statusCode(401);
    }
}
