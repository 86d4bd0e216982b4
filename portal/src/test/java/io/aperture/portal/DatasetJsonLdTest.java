package io.aperture.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.catalogue.datacite.DataCiteMetadata;
import io.aperture.catalogue.datacite.DataCiteMetadata.*;
import io.aperture.policy.access.Visibility;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class DatasetJsonLdTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final DatasetJsonLd jsonLd = new DatasetJsonLd(JSON);

    private static DatasetView view(Visibility v) {
        return new DatasetView("DLS-1", "Lysozyme </script>", v, "RELEASED", false, null, "CC-BY-4.0",
                URI.create("https://creativecommons.org/licenses/by/4.0/"), true, "10.80826/abcd", 2024,
                "Diamond Light Source", "DIAMOND BEAMLINE I03", "mx1", null, null, "NXmx", "RAW",
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-02T00:00:00Z"), List.of("MX"),
                List.of(new DatasetView.Param("energy", "12.4", "keV")), List.of(), List.of());
    }

    private static DataCiteMetadata metadata(List<Description> descriptions) {
        Name ada = new Name("Lovelace, Ada", NameType.Personal, Optional.of("Ada"), Optional.of("Lovelace"),
                List.of(new NameIdentifier("https://orcid.org/0000-0001-5109-3700", "ORCID", "https://orcid.org")),
                List.of(new AffiliationRef("University of Oxford", Optional.of("https://ror.org/052gg0110"))), Optional.empty());
        return new DataCiteMetadata(new Identifier("10.80826/abcd", "DOI"), List.of(), List.of(ada), "Lysozyme </script>",
                new Publisher("Diamond Light Source", Optional.of("https://ror.org/05etxs293")), 2024, "Dataset",
                List.of(new Subject("macromolecular crystallography", Optional.of("PaNET"),
                        Optional.of("http://purl.org/pan-science/PaNET/"), Optional.of("http://purl.org/pan-science/PaNET/PaNET01164"))),
                List.of(), List.of(new DateEntry("2024-03-01", "Issued")), List.of(), List.of(), List.of(),
                new Rights("CC-BY-4.0", "https://spdx.org/licenses/CC-BY-4.0", "CC BY"), descriptions);
    }

    @Test
    void googleDatasetPropertiesFromTheDataCiteMetadata() throws Exception {
        String text = jsonLd.of(view(Visibility.METADATA_AND_FILES), metadata(List.of(new Description(
                "Raw NeXus data measured on DIAMOND BEAMLINE I03 at Diamond Light Source.", "Abstract"))),
                "https://data.example.org/datasets/DLS-1", "https://data.example.org/",
                List.of(new DatasetJsonLd.Download("/dls/i03/data/2024/x 1.nxs", "https://files.example.org/dls/i03/data/2024/x%201.nxs", 2048L)));
        assertThat(text).doesNotContain("</script>");
        JsonNode ld = JSON.readTree(text);
        assertThat(ld.path("@type").asText()).isEqualTo("Dataset");
        assertThat(ld.path("identifier").asText()).isEqualTo("https://doi.org/10.80826/abcd");
        assertThat(ld.path("url").asText()).isEqualTo("https://data.example.org/datasets/DLS-1");
        assertThat(ld.path("description").asText()).isEqualTo("Raw NeXus data measured on DIAMOND BEAMLINE I03 at Diamond Light Source.");
        assertThat(ld.path("creator").get(0).toString()).isEqualTo("{\"@type\":\"Person\",\"name\":\"Ada Lovelace\","
                + "\"givenName\":\"Ada\",\"familyName\":\"Lovelace\",\"sameAs\":\"https://orcid.org/0000-0001-5109-3700\","
                + "\"affiliation\":{\"@type\":\"Organization\",\"name\":\"University of Oxford\",\"sameAs\":\"https://ror.org/052gg0110\"}}");
        assertThat(ld.path("publisher").path("sameAs").asText()).isEqualTo("https://ror.org/05etxs293");
        assertThat(ld.path("license").asText()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(ld.path("datePublished").asText()).isEqualTo("2024-03-01");
        assertThat(ld.path("isAccessibleForFree").asBoolean()).isTrue();
        assertThat(ld.path("measurementTechnique").get(0).toString()).isEqualTo("{\"@type\":\"DefinedTerm\","
                + "\"name\":\"macromolecular crystallography\",\"termCode\":\"http://purl.org/pan-science/PaNET/PaNET01164\","
                + "\"inDefinedTermSet\":\"http://purl.org/pan-science/PaNET/\"}");
        assertThat(ld.path("variableMeasured").get(0).path("unitText").asText()).isEqualTo("keV");
        assertThat(ld.path("includedInDataCatalog").path("url").asText()).isEqualTo("https://data.example.org/");
        assertThat(ld.has("instrument")).as("not a schema.org property of Dataset").isFalse();
        assertThat(ld.path("distribution").toString()).isEqualTo("[{\"@type\":\"DataDownload\",\"name\":\"x 1.nxs\","
                + "\"contentUrl\":\"https://files.example.org/dls/i03/data/2024/x%201.nxs\",\"encodingFormat\":\"application/x-hdf5\","
                + "\"contentSize\":\"2048 B\"}]");
    }

    @Test
    void withoutAnAbstractTheDescriptionIsStillFiftyCharactersAndTheParametersStayOut() throws Exception {
        JsonNode ld = JSON.readTree(jsonLd.of(view(Visibility.DOI_LANDING), metadata(List.of()),
                "https://data.example.org/datasets/DLS-1", "https://data.example.org/", List.of()));
        assertThat(ld.path("description").asText()).isEqualTo(
                "Dataset \"Lysozyme </script>\", published by Diamond Light Source in 2024.").hasSizeGreaterThanOrEqualTo(50);
        assertThat(ld.has("variableMeasured")).isFalse();
        assertThat(ld.has("temporalCoverage")).isFalse();
        assertThat(ld.has("distribution")).isFalse();
    }

    @Test
    void aLongAbstractIsCutToFiveThousandCharacters() {
        String cut = DatasetJsonLd.description(metadata(List.of(new Description("x".repeat(6000), "Abstract"))));
        assertThat(cut).hasSize(5000).endsWith("x…");
    }

    /** A collection's DataCite record as {@code CollectionMapper} writes it: parts, a publication, no subjects. */
    private static DataCiteMetadata collection() {
        return new DataCiteMetadata(new Identifier("10.80826/coll", "DOI"), List.of(),
                List.of(new Name("Diamond Light Source", NameType.Organizational, Optional.empty(), Optional.empty(),
                        List.of(), List.of(), Optional.empty())),
                "Proposal mx1: Lysozyme", new Publisher("Diamond Light Source", Optional.empty()), 2024,
                DataCiteMetadata.COLLECTION, "Proposal", List.of(), List.of(), List.of(new DateEntry("2024-03-01", "Issued")),
                List.of(new RelatedIdentifier("10.5555/paper", "DOI", "IsCitedBy"),
                        new RelatedIdentifier("10.80826/abcd", "DOI", "HasPart")),
                List.of("1 dataset"), List.of(), new Rights("CC-BY-4.0", "https://spdx.org/licenses/CC-BY-4.0", "CC BY"),
                List.of(new Description("The 1 dataset of proposal mx1 at Diamond Light Source published so far.", "Abstract")));
    }

    @Test
    void aCollectionIsADatasetOfItsPartsCitingItsPublications() throws Exception {
        JsonNode ld = JSON.readTree(jsonLd.collection(collection(), "https://data.example.org/doi/10.80826/coll",
                "https://data.example.org/", List.of(new DatasetJsonLd.Part("https://doi.org/10.80826/abcd", "Lysozyme",
                        "https://data.example.org/datasets/DLS-1"))));
        assertThat(ld.path("@type").asText()).isEqualTo("Dataset");
        assertThat(ld.path("identifier").asText()).isEqualTo("https://doi.org/10.80826/coll");
        assertThat(ld.path("url").asText()).isEqualTo("https://data.example.org/doi/10.80826/coll");
        assertThat(ld.path("hasPart").toString()).isEqualTo("[{\"@type\":\"Dataset\",\"@id\":\"https://doi.org/10.80826/abcd\","
                + "\"name\":\"Lysozyme\",\"url\":\"https://data.example.org/datasets/DLS-1\"}]");
        assertThat(ld.path("citation").toString()).isEqualTo("[\"https://doi.org/10.5555/paper\"]");
        assertThat(ld.path("license").asText()).isEqualTo("https://spdx.org/licenses/CC-BY-4.0");
        assertThat(ld.path("isAccessibleForFree").asBoolean()).isTrue();
        assertThat(ld.path("creator").get(0).path("@type").asText()).isEqualTo("Organization");
        assertThat(ld.path("includedInDataCatalog").path("url").asText()).isEqualTo("https://data.example.org/");
        assertThat(ld.has("variableMeasured")).isFalse();
        assertThat(ld.has("distribution")).isFalse();
    }

    @Test
    void aDatasetCitesWhatItReferencesAndThePublicationsThatCiteIt() throws Exception {
        DataCiteMetadata m = metadata(List.of());
        DataCiteMetadata cited = new DataCiteMetadata(m.identifier(), m.alternateIdentifiers(), m.creators(), m.title(),
                m.publisher(), m.publicationYear(), m.resourceType(), m.subjects(), m.contributors(), m.dates(),
                List.of(new RelatedIdentifier("10.1364/OE.22.019078", "DOI", "References"),
                        new RelatedIdentifier("10.5555/paper", "DOI", "IsCitedBy")),
                m.sizes(), m.formats(), m.rights(), m.descriptions());
        JsonNode ld = JSON.readTree(jsonLd.of(view(Visibility.METADATA_AND_FILES), cited,
                "https://data.example.org/datasets/DLS-1", "https://data.example.org/", List.of()));
        assertThat(ld.path("citation").toString())
                .isEqualTo("[\"https://doi.org/10.1364/OE.22.019078\",\"https://doi.org/10.5555/paper\"]");
    }

    /** A harvested title can hold anything: nothing in it may end the script element or make its end text. */
    @Test
    void noValueCanEndOrSwallowThePagesScriptElement() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        String hostile = "<!--<script> a </script><b>";
        String written = DatasetJsonLd.write(mapper, new LinkedHashMap<>(Map.of("name", hostile)));
        assertThat(written).doesNotContain("<");
        assertThat(mapper.readTree(written).path("name").asText()).isEqualTo(hostile);
    }
}
