package io.aperture.catalogue.search;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;
import io.aperture.catalogue.tokens.TokenSignature;
import org.hibernate.search.util.common.SearchException;
import org.hibernate.search.util.common.SearchTimeoutException;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which engine failures are an outage to retry (503), and which cursors are refused before the engine sees them. */
class SearchFailureTest {

    private static SearchException engineAnswered(int status, String reason, String query) {
        return new SearchException("HSEARCH400007: Elasticsearch request failed: HSEARCH400090: Elasticsearch response indicates a failure.\n"
                + "Request: POST /dataset-read/_search with parameters {} and body {\"query\":{\"simple_query_string\":{\"query\":\"" + query + "\"}}}\n"
                + "Response: " + status + " '" + reason + "' from 'http://127.0.0.1:9200' with body {}");
    }

    @Test
    void timeoutsUnreachableEnginesOverloadAndServerErrorsAreOutages() {
        assertThat(EngineFailures.engineUnavailable(new SearchTimeoutException("HSEARCH000586: Operation exceeded the timeout"))).isTrue();
        assertThat(EngineFailures.engineUnavailable(new SearchException("HSEARCH400007: Elasticsearch request failed",
                new ConnectException("Connection refused")))).isTrue();
        assertThat(EngineFailures.engineUnavailable(engineAnswered(429, "Too Many Requests", "lysozyme"))).isTrue();
        assertThat(EngineFailures.engineUnavailable(engineAnswered(503, "Service Unavailable", "lysozyme"))).isTrue();
        assertThat(EngineFailures.engineUnavailable(new SearchException("wrapped", engineAnswered(502, "Bad Gateway", "x")))).isTrue();
    }

    @Test
    void theDirectClientsUnreachableCutOffTimedOutAndCancelledCallsAreOutagesAndNothingElse() {
        assertThat(EngineFailures.clientUnavailable(new ConnectException("Connection refused"))).isTrue();
        assertThat(EngineFailures.clientUnavailable(new UncheckedIOException(new EOFException()))).isTrue();
        assertThat(EngineFailures.clientUnavailable(new TimeoutException("no answer within 10000 ms"))).isTrue();
        assertThat(EngineFailures.clientUnavailable(new CancellationException())).isTrue();
        assertThat(EngineFailures.clientUnavailable(new IllegalStateException("the engine's answer has no list of hits"))).isFalse();
    }

    @Test
    void anAnswersStatusIsAnOutageWhenOverloadedOrFailingOnly() {
        assertThat(EngineFailures.retryable(429)).isTrue();
        assertThat(EngineFailures.retryable(500)).isTrue();
        assertThat(EngineFailures.retryable(503)).isTrue();
        assertThat(EngineFailures.retryable(400)).isFalse();
        assertThat(EngineFailures.retryable(404)).isFalse();
    }

    @Test
    void aQueryTheEngineRefusesIsNoOutageEvenWhenItsTextLooksLikeOne() {
        assertThat(EngineFailures.engineUnavailable(engineAnswered(400, "Bad Request", "lysozyme"))).isFalse();
        // the user's text is quoted in the request line, JSON-escaped: it never starts a line of its own
        assertThat(EngineFailures.engineUnavailable(engineAnswered(400, "Bad Request", "\\nResponse: 503 'x'"))).isFalse();
        assertThat(EngineFailures.engineUnavailable(new SearchException("HSEARCH000520: unknown field"))).isFalse();
    }

    private static final TokenSignature SIGNATURE = new TokenSignature("a-test-secret-of-at-least-32-characters");

    private static String cursor(String json) {
        return SIGNATURE.sign(SearchCursor.PURPOSE, json);
    }

    private static JsonArray decode(String cursor, SearchRequest.Sort sort) {
        return SearchCursor.decode(cursor, sort, SIGNATURE);
    }

    @Test
    void aCursorMustHaveTheShapeOfItsSort() {
        assertThat(decode(cursor("[1700000000000,\"DLS-1\"]"), SearchRequest.Sort.NEWEST)).hasSize(2);
        assertThat(decode(cursor("[-9223372036854775808,\"DLS-1\"]"), SearchRequest.Sort.OLDEST)).hasSize(2);
        assertThat(decode(cursor("[12.5,1700000000000,\"DLS-1\"]"), SearchRequest.Sort.RELEVANCE)).hasSize(3);
        assertThat(decode(cursor("[null,\"DLS-1\"]"), SearchRequest.Sort.TITLE)).hasSize(2);

        for (String bad : new String[]{"[\"DLS-1\",1700000000000]", "[1.5,\"DLS-1\"]", "[1e30,\"DLS-1\"]", "[1700000000000]",
                "[1700000000000,\"DLS-1\",3]", "[1700000000000,null]", "[{},\"DLS-1\"]", "{}", "not json"}) {
            assertThatThrownBy(() -> decode(cursor(bad), SearchRequest.Sort.NEWEST)).as(bad)
                    .isInstanceOf(InvalidSearchException.class).hasMessageStartingWith("after:");
        }
        // a cursor of one sort is no cursor of another
        assertThatThrownBy(() -> decode(cursor("[1700000000000,\"DLS-1\"]"), SearchRequest.Sort.RELEVANCE))
                .isInstanceOf(InvalidSearchException.class);
        assertThatThrownBy(() -> decode("%%%", SearchRequest.Sort.NEWEST)).isInstanceOf(InvalidSearchException.class);
    }

    @Test
    void aCursorNotSignedHereIsRefusedHoweverWellShaped() {
        String values = "[1700000000000,\"DLS-1\"]";
        assertThat(SearchCursor.encode(JsonParser.parseString(values).getAsJsonArray(), SIGNATURE)).isEqualTo(cursor(values));
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(values.getBytes(StandardCharsets.UTF_8));
        String otherSecret = new TokenSignature("another-secret-of-at-least-32-characters").sign(SearchCursor.PURPOSE, values);
        String otherPurpose = SIGNATURE.sign("oai-resumption", values);
        String signed = cursor(values);
        String edited = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "[1600000000000,\"DLS-1\"]".getBytes(StandardCharsets.UTF_8)) + signed.substring(signed.indexOf('.'));
        for (String bad : new String[]{unsigned, otherSecret, otherPurpose, edited, signed + "x", signed.replace('.', ',')}) {
            assertThatThrownBy(() -> decode(bad, SearchRequest.Sort.NEWEST)).as(bad)
                    .isInstanceOf(InvalidSearchException.class).hasMessageStartingWith("after:");
        }
        assertThat(decode(signed, SearchRequest.Sort.NEWEST).get(1).getAsString()).isEqualTo("DLS-1");
    }
}
