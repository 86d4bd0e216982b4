package io.aperture.portal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.catalogue.datacite.DataCiteConfig;
import io.aperture.catalogue.datacite.DataCiteMetadata;
import io.aperture.catalogue.datacite.DataCiteMetadata.*;
import io.aperture.catalogue.facility.FacilityConfig;
import io.aperture.policy.access.Visibility;
import io.aperture.testsupport.RepoFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.*;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every property and type of the landing pages' {@code Dataset} and the home page's {@code DataCatalog} JSON-LD is a
 * schema.org term, and every property applies to the type of the object it is on (its {@code domainIncludes} names
 * that type or a superclass), checked against the schema.org 30.0 vocabulary in testdata/standards/schemaorg.
 */
class SchemaOrgTermsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Set<String>> SUPERCLASSES = new HashMap<>();
    private static final Map<String, Set<String>> DOMAINS = new HashMap<>();

    @BeforeAll
    static void vocabulary() throws Exception {
        JsonNode graph = JSON.readTree(RepoFiles.standards().resolve("schemaorg/schemaorg-current-https.jsonld").toFile())
                .path("@graph");
        for (JsonNode n : graph) {
            String id = n.path("@id").asText().replaceFirst("^schema:", "");
            Set<String> types = ids(n.path("@type"));
            if (types.contains("rdfs:Class")) {
                SUPERCLASSES.put(id, ids(n.path("rdfs:subClassOf")));
            }
            if (types.contains("rdf:Property")) {
                DOMAINS.put(id, ids(n.path("schema:domainIncludes")));
            }
        }
        assertThat(SUPERCLASSES).containsKeys("Dataset", "DataCatalog", "DataDownload", "Person", "Organization");
        assertThat(DOMAINS).containsKeys("distribution", "measurementTechnique", "name");
    }

    /** A value or list of values, each an {"@id": ...} or a plain string, as ids without the schema: prefix. */
    private static Set<String> ids(JsonNode node) {
        Set<String> out = new HashSet<>();
        List<JsonNode> values = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(values::add);
        } else if (!node.isMissingNode()) {
            values.add(node);
        }
        for (JsonNode v : values) {
            out.add((v.isObject() ? v.path("@id").asText() : v.asText()).replaceFirst("^schema:", ""));
        }
        return out;
    }

    private static boolean isA(String type, String ancestor) {
        if (type.equals(ancestor)) {
            return true;
        }
        return SUPERCLASSES.getOrDefault(type, Set.of()).stream().anyMatch(s -> isA(s, ancestor));
    }

    /** The problems of one JSON-LD object and everything nested in it: unknown types, unknown or misplaced properties. */
    private static List<String> problems(JsonNode object, String at) {
        List<String> out = new ArrayList<>();
        String type = object.path("@type").asText();
        if (!SUPERCLASSES.containsKey(type)) {
            out.add(at + ": unknown type " + type);
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String property = e.getKey();
            if (property.startsWith("@")) {
                continue;
            }
            Set<String> domains = DOMAINS.get(property);
            if (domains == null) {
                out.add(at + "." + property + ": not a schema.org property");
            } else if (domains.stream().noneMatch(d -> isA(type, d))) {
                out.add(at + "." + property + ": does not apply to " + type + " (domains " + domains + ")");
            }
            List<JsonNode> values = new ArrayList<>();
            if (e.getValue().isArray()) {
                e.getValue().forEach(values::add);
            } else {
                values.add(e.getValue());
            }
            for (JsonNode v : values) {
                if (v.isObject()) {
                    out.addAll(problems(v, at + "." + property));
                }
            }
        }
        return out;
    }

    private static DatasetView view(Visibility v, boolean embargoed) {
        return new DatasetView("DLS-1", "Lysozyme", v, embargoed ? "EMBARGOED" : "RELEASED", embargoed,
                embargoed ? LocalDate.parse("2027-01-01") : null, "CC-BY-4.0",
                URI.create("https://creativecommons.org/licenses/by/4.0/"), !embargoed, "10.80826/abcd", 2024,
                "Diamond Light Source", "DIAMOND BEAMLINE I03", "mx1", "lysozyme", null, "NXmx", "RAW",
                Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-02T00:00:00Z"), List.of("MX"),
                List.of(new DatasetView.Param("energy", "12.4", "keV")), List.of(), List.of());
    }

    /** Everything the mapper can fill: creators, a local contact, related resources. */
    private static DataCiteMetadata metadata() {
        Name ada = new Name("Lovelace, Ada", NameType.Personal, Optional.of("Ada"), Optional.of("Lovelace"),
                List.of(new NameIdentifier("https://orcid.org/0000-0001-5109-3700", "ORCID", "https://orcid.org")),
                List.of(new AffiliationRef("University of Oxford", Optional.of("https://ror.org/052gg0110"))), Optional.empty());
        Name contact = new Name("Franklin, Rosalind", NameType.Personal, Optional.of("Rosalind"), Optional.of("Franklin"),
                List.of(), List.of(new AffiliationRef("Diamond Light Source", Optional.empty())), Optional.of("DataCollector"));
        Name host = new Name("Diamond Light Source", NameType.Organizational, Optional.empty(), Optional.empty(), List.of(),
                List.of(), Optional.of("HostingInstitution"));
        return new DataCiteMetadata(new Identifier("10.80826/abcd", "DOI"), List.of(), List.of(ada), "Lysozyme",
                new Publisher("Diamond Light Source", Optional.of("https://ror.org/05etxs293")), 2024, "Raw NeXus data",
                List.of(new Subject("macromolecular crystallography", Optional.of("PaNET"),
                        Optional.of("http://purl.org/pan-science/PaNET/"), Optional.of("http://purl.org/pan-science/PaNET/PaNET01164"))),
                List.of(contact, host), List.of(new DateEntry("2024-03-01", "Issued")),
                List.of(new RelatedIdentifier("10.80826/prop", "DOI", "IsPartOf"),
                        new RelatedIdentifier("10.80826/raw", "DOI", "IsDerivedFrom"),
                        new RelatedIdentifier("10.1364/OE.22.019078", "DOI", "References"),
                        new RelatedIdentifier("10.5555/paper", "DOI", "IsCitedBy")),
                List.of(), List.of(), new Rights("CC-BY-4.0", "https://spdx.org/licenses/CC-BY-4.0", "CC BY"),
                List.of(new Description("Raw NeXus data measured on DIAMOND BEAMLINE I03 at Diamond Light Source.", "Abstract")));
    }

    @Test
    void theDatasetUsesOnlySchemaOrgTermsThatApplyToIt() throws Exception {
        DatasetJsonLd jsonLd = new DatasetJsonLd(JSON);
        JsonNode released = JSON.readTree(jsonLd.of(view(Visibility.METADATA_AND_FILES, false), metadata(),
                "https://data.example.org/datasets/DLS-1", "https://data.example.org/",
                List.of(new DatasetJsonLd.Download("/dls/x.nxs", "https://files.example.org/dls/x.nxs", 2048L))));
        // everything this test means to check is really there
        assertThat(released.fieldNames()).toIterable().contains("creator", "contributor", "publisher", "distribution",
                "measurementTechnique", "variableMeasured", "isPartOf", "isBasedOn", "citation", "includedInDataCatalog",
                "temporalCoverage", "datePublished", "isAccessibleForFree");
        assertThat(problems(released, "Dataset")).isEmpty();

        JsonNode embargoed = JSON.readTree(jsonLd.of(view(Visibility.DOI_LANDING, true), metadata(),
                "https://data.example.org/datasets/DLS-1", "https://data.example.org/", List.of()));
        assertThat(embargoed.has("conditionsOfAccess")).isTrue();
        assertThat(problems(embargoed, "Dataset")).isEmpty();
    }

    @Test
    void aCollectionUsesOnlySchemaOrgTermsThatApplyToIt() throws Exception {
        DataCiteMetadata m = metadata();
        DataCiteMetadata collection = new DataCiteMetadata(new Identifier("10.80826/coll", "DOI"), List.of(), m.creators(),
                "Proposal mx1", m.publisher(), 2024, DataCiteMetadata.COLLECTION, "Proposal", List.of(), m.contributors(),
                m.dates(), List.of(new RelatedIdentifier("10.80826/abcd", "DOI", "HasPart"),
                        new RelatedIdentifier("10.5555/paper", "DOI", "IsCitedBy")),
                List.of("1 dataset"), List.of(), m.rights(), m.descriptions());
        JsonNode ld = JSON.readTree(new DatasetJsonLd(JSON).collection(collection, "https://data.example.org/doi/10.80826/coll",
                "https://data.example.org/", List.of(new DatasetJsonLd.Part("https://doi.org/10.80826/abcd", "Lysozyme",
                        "https://data.example.org/datasets/DLS-1"))));
        assertThat(ld.fieldNames()).toIterable().contains("hasPart", "citation", "creator", "license", "includedInDataCatalog");
        assertThat(problems(ld, "Dataset")).isEmpty();
    }

    @Test
    void theHomePageCatalogueUsesOnlySchemaOrgTerms() throws Exception {
        FacilityConfig facility = new FacilityConfig() {
            public String code() { return "DLS"; }
            public String name() { return "Diamond Light Source"; }
            public Optional<List<String>> instruments() { return Optional.empty(); }
            public Optional<String> fileUrl() { return Optional.empty(); }
        };
        DataCiteConfig datacite = new DataCiteConfig() {
            public Optional<String> publisherRor() { return Optional.of("05etxs293"); }
            public String datacentreSymbol() { return "APERTURE"; }
        };
        JsonNode catalogue = JSON.readTree(new CatalogueJsonLd(JSON, facility, datacite).of("https://data.example.org/"));
        assertThat(catalogue.path("@type").asText()).isEqualTo("DataCatalog");
        assertThat(catalogue.path("publisher").path("sameAs").asText()).isEqualTo("https://ror.org/05etxs293");
        assertThat(problems(catalogue, "DataCatalog")).isEmpty();
    }

    @Test
    void theCheckCatchesWhatSchemaOrgDoesNotAllow() throws Exception {
        JsonNode bad = JSON.readTree("""
                {"@type": "Dataset", "instrument": "I03", "name": "x",
                 "creator": {"@type": "Person", "name": "A", "termCode": "x"},
                 "distribution": {"@type": "DataDownloadz", "contentUrl": "u"}}""");
        assertThat(problems(bad, "Dataset")).containsExactlyInAnyOrder(
                "Dataset.instrument: does not apply to Dataset (domains [Action])",
                "Dataset.creator.termCode: does not apply to Person (domains [DefinedTerm])",
                "Dataset.distribution: unknown type DataDownloadz");
    }
}
