package io.aperture.catalogue.citation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.aperture.catalogue.datacite.DataCiteMetadata;
import io.aperture.catalogue.datacite.DataCiteMetadata.*;
import io.aperture.testsupport.RepoFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of CSL-JSON Aperture writes ({@link Citations#cslJson}: the content-negotiated
 * {@code application/vnd.citationstyles.csl+json} form) is valid against the official CSL-JSON schema v1.0
 * ({@code testdata/standards/csl/csl-data.json}, draft-07, from {@code citation-style-language/schema}); and the
 * validation rejects what the schema forbids, so it is not a check that cannot fail.
 */
class CslJsonSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    @BeforeAll
    static void loadSchema() throws Exception {
        try (InputStream in = Files.newInputStream(RepoFiles.path("testdata/standards/csl/csl-data.json"))) {
            // draft-07, as the file's $schema says; its $refs are all inside the file, nothing is fetched
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(in);
        }
    }

    private static Set<ValidationMessage> problems(String json) throws Exception {
        return schema.validate(JSON.readTree(json));
    }

    private static DataCiteMetadata metadata(Identifier id, List<Name> creators, int year) {
        return new DataCiteMetadata(id, List.of(), creators, "Powder diffraction of LaB6 — “quoted” & <escaped>",
                new Publisher("Diamond Light Source", Optional.of("https://ror.org/05etxs293")), year, "Raw NeXus data",
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                new Rights("CC-BY-4.0", "https://spdx.org/licenses/CC-BY-4.0", "CC BY"), List.of());
    }

    private static Name person(String family, String given) {
        return new Name(family + ", " + given, NameType.Personal, Optional.of(given), Optional.of(family),
                List.of(new NameIdentifier("https://orcid.org/0000-0002-1825-0097", "ORCID", "https://orcid.org")),
                List.of(new AffiliationRef("University of Somewhere", Optional.empty())), Optional.empty());
    }

    private static Name literal(String name, NameType type) {
        return new Name(name, type, Optional.empty(), Optional.empty(), List.of(), List.of(), Optional.empty());
    }

    @Test
    void everyFormOfCslJsonWeWriteIsValidAgainstTheOfficialSchema() throws Exception {
        List<DataCiteMetadata> cases = List.of(
                // a released dataset with a DOI, people with name parts and an organisation
                metadata(new Identifier("10.80826/abcd-efgh-jkmn", "DOI"),
                        List.of(person("Lovelace", "Ada"), literal("Diamond Light Source", NameType.Organizational)), 2024),
                // no DOI yet: cited by its landing page
                metadata(new Identifier("https://data.example.org/datasets/x", "URL"), List.of(person("Curie", "Marie")), 1903),
                // a person without name parts (written as one name), the facility as the only creator
                metadata(new Identifier("10.80826/zzzz-0000-1111", "DOI"), List.of(literal("Anonymous Team", NameType.Personal)), 2026),
                metadata(new Identifier("10.80826/zzzz-0000-2222", "DOI"), List.of(literal("ESRF", NameType.Organizational)), 2025));
        for (DataCiteMetadata m : cases) {
            String json = Citations.cslJson(CslItems.of(m, "https://data.example.org/datasets/x"));
            JsonNode doc = JSON.readTree(json);
            assertThat(doc.isArray()).as(json).isTrue();
            assertThat(doc).as(json).isNotEmpty();
            assertThat(problems(json)).as(json).isEmpty();
        }
    }

    @Test
    void theSchemaRejectsWhatItForbids() throws Exception {
        String good = Citations.cslJson(CslItems.of(metadata(new Identifier("10.80826/abcd-efgh-jkmn", "DOI"),
                List.of(person("Lovelace", "Ada")), 2024), "https://data.example.org/datasets/x"));
        assertThat(problems(good)).isEmpty();
        ObjectNode item = (ObjectNode) JSON.readTree(good).get(0);

        ObjectNode badType = item.deepCopy().put("type", "research-data");
        assertThat(problems("[" + badType + "]")).as("a type CSL does not know").isNotEmpty();
        ObjectNode noId = item.deepCopy();
        noId.remove("id");
        assertThat(problems("[" + noId + "]")).as("an item without id").isNotEmpty();
        ObjectNode badDate = item.deepCopy();
        badDate.putObject("issued").put("date-parts", "2024");
        assertThat(problems("[" + badDate + "]")).as("date-parts not an array").isNotEmpty();
        assertThat(problems(item.toString())).as("a bare item instead of an array").isNotEmpty();
    }
}
