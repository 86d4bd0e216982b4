package io.aperture.catalogue.oaipmh;

import io.aperture.catalogue.tokens.TokenSignature;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResumptionTokenTest {
    private static final TokenSignature SIGNATURE = new TokenSignature("a-test-secret-of-at-least-32-characters");
    private final ResumptionToken token = new ResumptionToken(new ListWindow(MetadataFormat.OAI_DC,
            Optional.of("instrument:i03"), Optional.of(Instant.parse("2024-01-01T00:00:00Z")), Optional.empty()),
            100, Instant.parse("2025-06-01T12:00:00Z"), "DLS-0123456789abcdef0123");

    @Test
    void aTokenThisRepositorySignedDecodesToTheSamePosition() {
        assertThat(ResumptionToken.decode(token.encode(SIGNATURE), SIGNATURE)).isEqualTo(token);
    }

    @Test
    void anotherInstanceWithTheSameSecretAcceptsTheToken() {
        TokenSignature other = new TokenSignature("a-test-secret-of-at-least-32-characters");
        assertThat(ResumptionToken.decode(token.encode(SIGNATURE), other)).isEqualTo(token);
    }

    @Test
    void anEditedTokenIsRefused() {
        String signed = token.encode(SIGNATURE);
        String payload = new String(Base64.getUrlDecoder().decode(signed.substring(0, signed.indexOf('.'))), StandardCharsets.UTF_8);
        String edited = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(payload.replace("|100|", "|0|").getBytes(StandardCharsets.UTF_8))
                + signed.substring(signed.indexOf('.'));
        assertBad(edited);
        assertBad(signed.substring(0, signed.indexOf('.')));
        assertBad(signed + "A");
        assertBad("not.base64!");
        assertBad(token.encode(new TokenSignature("another-secret-of-at-least-32-characters")));
        assertBad(SIGNATURE.sign("search-cursor", payload)); // signed here, but as a search cursor
        assertThat(ResumptionToken.decode(SIGNATURE.sign(ResumptionToken.PURPOSE, payload), SIGNATURE)).isEqualTo(token);
    }

    @Test
    void anUnsignedTokenOfTheOldShapeIsRefused() {
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "o1|oai_dc||||0|2025-06-01T12:00:00Z|1".getBytes(StandardCharsets.UTF_8));
        assertBad(unsigned);
    }

    @Test
    void datesOutOfRangeAreRefusedEvenWhenSigned() {
        ResumptionToken far = new ResumptionToken(new ListWindow(MetadataFormat.OAI_DC, Optional.empty(),
                Optional.of(Instant.parse("+999999999-12-31T00:00:00Z")), Optional.empty()), 0, Instant.parse("2025-06-01T12:00:00Z"), "DLS-1");
        assertBad(far.encode(SIGNATURE));
        ResumptionToken after = new ResumptionToken(token.window(), 0, Instant.parse("+999999999-12-31T00:00:00Z"), "DLS-1");
        assertBad(after.encode(SIGNATURE));
    }

    /** A harvest until 9999-12-31 ends its window at the first instant of year 10000: its second page is served too. */
    @Test
    void aWindowUntilTheLastDayResumes() {
        ResumptionToken last = new ResumptionToken(new ListWindow(MetadataFormat.OAI_DC, Optional.empty(), Optional.empty(),
                Optional.of(Instant.parse("+10000-01-01T00:00:00Z"))), 100, Instant.parse("2025-06-01T12:00:00Z"), "DLS-1");
        assertThat(ResumptionToken.decode(last.encode(SIGNATURE), SIGNATURE)).isEqualTo(last);
        ResumptionToken beyond = new ResumptionToken(new ListWindow(MetadataFormat.OAI_DC, Optional.empty(), Optional.empty(),
                Optional.of(Instant.parse("+10000-01-01T00:00:01Z"))), 100, Instant.parse("2025-06-01T12:00:00Z"), "DLS-1");
        assertBad(beyond.encode(SIGNATURE));
    }

    /** The position is a pid, never the row id: ids are handed out in order to every dataset, embargoed ones too. */
    @Test
    void theTokenCarriesNoRowId() {
        String signed = token.encode(SIGNATURE);
        String payload = new String(Base64.getUrlDecoder().decode(signed.substring(0, signed.indexOf('.'))), StandardCharsets.UTF_8);
        assertThat(payload).startsWith("o2|").endsWith("|DLS-0123456789abcdef0123");
        assertBad(SIGNATURE.sign(ResumptionToken.PURPOSE, "o1|oai_dc||||0|2025-06-01T12:00:00Z|4711"));
    }

    @Test
    void aShortSecretIsRefusedAtStartUp() {
        assertThatThrownBy(() -> new TokenSignature("short")).hasMessageContaining("at least 32 characters");
    }

    private static void assertBad(String t) {
        assertThatThrownBy(() -> ResumptionToken.decode(t, SIGNATURE))
                .isInstanceOf(OaiException.class)
                .satisfies(e -> assertThat(((OaiException) e).code()).isEqualTo(OaiException.Code.badResumptionToken));
    }
}
