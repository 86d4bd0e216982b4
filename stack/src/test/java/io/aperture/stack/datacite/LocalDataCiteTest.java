package io.aperture.stack.datacite;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.testsupport.RepoFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stand-in as the demo runs it: DataCite's answers to well-formed and wrong calls, its state machine, and the
 * XSD check of the metadata (so a payload DataCite would refuse is refused here too).
 */
class LocalDataCiteTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDataCite.Account ACCOUNT = new LocalDataCite.Account("10.5072", "DEMO.APERTURE", "demo");
    private final HttpClient http = HttpClient.newHttpClient();
    private LocalDataCite datacite;

    @BeforeEach
    void start() {
        datacite = new LocalDataCite(0, RepoFiles.path("testdata/standards/datacite/kernel-4.6"), ACCOUNT);
    }

    @AfterEach
    void stop() {
        datacite.close();
    }

    private static String xml(String doi, boolean withPublisher) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <resource xmlns="http://datacite.org/schema/kernel-4" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xsi:schemaLocation="http://datacite.org/schema/kernel-4 https://schema.datacite.org/meta/kernel-4.6/metadata.xsd">
                  <identifier identifierType="DOI">%s</identifier>
                  <creators><creator><creatorName>Lovelace, Ada</creatorName></creator></creators>
                  <titles><title>Powder diffraction of LaB6</title></titles>
                  %s
                  <publicationYear>2026</publicationYear>
                  <resourceType resourceTypeGeneral="Dataset">Raw NeXus data</resourceType>
                </resource>""".formatted(doi, withPublisher ? "<publisher>Diamond Light Source</publisher>" : "");
    }

    private HttpResponse<String> put(String doi, String event, String xml, String password) throws Exception {
        Map<String, Object> attributes = new LinkedHashMap<>();
        attributes.put("doi", doi);
        if (event != null) {
            attributes.put("event", event);
        }
        if (xml != null) {
            attributes.put("url", "http://127.0.0.1:8080/datasets/x");
            attributes.put("xml", Base64.getEncoder().encodeToString(xml.getBytes(StandardCharsets.UTF_8)));
        }
        String body = JSON.writeValueAsString(Map.of("data", Map.of("type", "dois", "id", doi, "attributes", attributes)));
        return http.send(HttpRequest.newBuilder(URI.create(datacite.baseUrl() + "/dois/" + doi))
                .header("Content-Type", "application/vnd.api+json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (ACCOUNT.repository() + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aDoiGoesThroughDataCitesStates() throws Exception {
        String doi = "10.5072/abcd-efgh";
        assertThat(put(doi, null, null, "demo").statusCode()).as("a draft").isEqualTo(201);
        assertThat(datacite.state(doi)).isEqualTo("draft");
        assertThat(put(doi, "publish", xml(doi, true), "demo").statusCode()).isEqualTo(200);
        assertThat(datacite.state(doi)).isEqualTo("findable");
        assertThat(put(doi, "hide", null, "demo").statusCode()).isEqualTo(200);
        assertThat(datacite.state(doi)).isEqualTo("registered");
        assertThat(datacite.changesOf(doi)).containsExactly(new LocalDataCite.Change(doi, "none", "draft"),
                new LocalDataCite.Change(doi, "draft", "findable"), new LocalDataCite.Change(doi, "findable", "registered"));
    }

    @Test
    void wrongCallsAreRefusedAsDataCiteWould() throws Exception {
        String doi = "10.5072/wxyz-0000";
        assertThat(put(doi, "publish", xml(doi, true), "wrong").statusCode()).as("bad credentials").isEqualTo(401);
        HttpResponse<String> invalid = put(doi, "publish", xml(doi, false), "demo");
        assertThat(invalid.statusCode()).as("metadata without publisher").isEqualTo(422);
        assertThat(invalid.body()).contains("publisher");
        assertThat(put("10.9999/other", "publish", xml("10.9999/other", true), "demo").statusCode()).as("another prefix").isEqualTo(422);
        assertThat(put(doi, "publish", null, "demo").statusCode()).as("publish without metadata").isEqualTo(422);
        assertThat(datacite.state(doi)).as("nothing applied").isEqualTo("none");
    }
}
