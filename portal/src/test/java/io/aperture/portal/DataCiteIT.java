package io.aperture.portal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.aperture.portal.testing.OncePerClass;
import io.aperture.portal.testing.RealServices;
import io.aperture.portal.testing.Records;
import io.aperture.portal.testing.Tokens;
import io.aperture.portal.testing.DataCiteSchema;
import io.aperture.testsupport.RepoFiles;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Document;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

import javax.xml.XMLConstants;
import javax.xml.catalog.CatalogFeatures;
import javax.xml.catalog.CatalogManager;
import javax.xml.catalog.CatalogResolver;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import java.nio.charset.StandardCharsets;
import java.net.URLEncoder;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.*;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;

/**
 * {@code GET /api/datasets/{pid}/datacite}: DataCite 4.6 XML validated offline against the official schema, with the
 * catalogue's real values; the minimal DOI landing set for embargoed records with a registered DOI; 404 (identical to
 * an unknown pid) for embargoed records without one.
 */
@QuarkusTest
@QuarkusTestResource(value = RealServices.class, restrictToAnnotatedClass = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DataCiteIT {
    static final String KERNEL = "http://datacite.org/schema/kernel-4";
    private static final ZoneId FACILITY_ZONE = ZoneId.of("Europe/London");
    private static final String PANET_MX = "http://purl.org/pan-science/PaNET/PaNET01164";

    @Inject
    EntityManager em;

    private final String tag = "dc" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private final String proposal = "mx" + tag.substring(2, 8);
    private final String rawDoi = "10.80001/aperture." + tag + ".raw";
    private final String embargoedDoi = "10.80001/aperture." + tag + ".emb";
    private String raw;
    private String processed;
    private String processedFromHidden;
    private String embargoedNoDoi;
    private String embargoedWithDoi;
    private final OncePerClass setUp = new OncePerClass();

    @BeforeEach
    void catalogue() {
        setUp.run(this::load);
    }

    private void load() {
        String userOffice = """
                {"proposals": [{"code": "%s", "title": "Lysozyme soaks %s", "keywords": ["lysozyme"], "members": [
                  {"role": "PI", "person": {"fullName": "Ada Lovelace", "givenName": "Ada", "familyName": "Lovelace",
                    "orcid": "0000-0001-5109-3700", "affiliation": {"name": "University of Oxford", "ror": "https://ror.org/052gg0110"}}},
                  {"role": "TEAM_MEMBER", "person": {"fullName": "Grace Hopper", "givenName": "Grace", "familyName": "Hopper",
                    "orcid": "0000-0002-1694-233X"}},
                  {"role": "TEAM_MEMBER", "person": {"fullName": "Morgan Member", "username": "member"}}]}]}
                """.formatted(proposal, tag);
        given().auth().oauth2(Tokens.userOffice()).contentType(ContentType.JSON).body(userOffice)
                .post("/api/ingest/user-office").then().statusCode(200).body("results.status", everyItem(is("IMPORTED")));

        Instant old = Instant.parse("2015-06-01T12:00:00Z");
        Instant recent = Instant.now().minus(2, ChronoUnit.DAYS);
        ObjectNode r1 = mx(Records.record("Lysozyme raw " + tag, old));
        r1.put("startTime", "2015-06-01T10:00:00Z");
        r1.putArray("citations").addObject().put("doi", "https://doi.org/10.1364/OE.22.019078").put("description", "Savu");
        ObjectNode e1 = mx(Records.record("Hidden lysozyme " + tag, recent));
        ObjectNode e2 = mx(Records.record("Cited lysozyme " + tag, recent));
        List<String> first = ingest(r1, e1, e2);
        raw = first.get(0);
        embargoedNoDoi = first.get(1);
        embargoedWithDoi = first.get(2);

        ObjectNode p1 = mx(Records.record("Lysozyme processed " + tag, old));
        p1.put("kind", "PROCESSED");
        p1.putArray("derivedFrom").add(r1.path("source").path("path").asText() + "#entry");
        ObjectNode p2 = mx(Records.record("Lysozyme processed from hidden " + tag, old));
        p2.put("kind", "PROCESSED");
        p2.putArray("derivedFrom").add(e1.path("source").path("path").asText() + "#entry");
        List<String> second = ingest(p1, p2);
        processed = second.get(0);
        processedFromHidden = second.get(1);

        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = 'FINDABLE' WHERE pid = ?2")
                    .setParameter(1, rawDoi).setParameter(2, raw).executeUpdate();
            em.createNativeQuery("UPDATE dataset SET doi = ?1, doi_state = 'REGISTERED' WHERE pid = ?2")
                    .setParameter(1, embargoedDoi).setParameter(2, embargoedWithDoi).executeUpdate();
            em.createNativeQuery("UPDATE facility SET ror = 'https://ror.org/05etxs293' WHERE code = 'DLS'").executeUpdate();
        });
    }

    /** A crystallography record of this test's proposal (no visit: each dataset has its own embargo). */
    private ObjectNode mx(ObjectNode r) {
        r.putObject("identity").put("proposal", proposal).put("scanNumber", "4711");
        r.putObject("definition").put("name", "NXmx");
        r.putObject("program").put("name", "GDA").put("version", "9.31");
        r.putObject("instrument").put("name", "DIAMOND BEAMLINE I03").put("shortName", "i03");
        r.putArray("techniques").addObject().put("iri", PANET_MX).put("label", "macromolecular crystallography");
        r.putArray("files").addObject().put("path", r.path("source").path("path").asText()).put("role", "MASTER").put("size", 1048576);
        return r;
    }

    private static List<String> ingest(ObjectNode... records) {
        return given().auth().oauth2(Tokens.harvester()).contentType(ContentType.JSON)
                .body(Records.batch(records).toString()).post("/api/ingest/records")
                .then().statusCode(200).extract().path("results.datasetPid");
    }

    private Instant column(String column, String pid) {
        long micros = QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("SELECT cast(extract(epoch FROM " + column + ") * 1000000 AS bigint) FROM dataset WHERE pid = ?1")
                .setParameter(1, pid).getSingleResult()).longValue());
        return Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }

    private static Response datacite(io.restassured.specification.RequestSpecification spec, String pid) {
        return spec.get("/api/datasets/" + pid + "/datacite");
    }

    @Test
    void aReleasedDatasetExportsValidDataCiteWithItsRealValues() throws Exception {
        Response r = datacite(given(), raw);
        r.then().statusCode(200).contentType("application/vnd.datacite.datacite+xml");
        String xml = r.asString();
        Standards.validateDataCite(xml);
        Xml doc = Xml.parse(xml);

        assertThat(doc.text("/dc:resource/dc:identifier[@identifierType='DOI']")).isEqualTo(rawDoi);
        assertThat(doc.text("//dc:alternateIdentifier[@alternateIdentifierType='Aperture PID']")).isEqualTo(raw);
        assertThat(doc.texts("//dc:creator/dc:creatorName")).containsExactly("Lovelace, Ada", "Hopper, Grace", "Morgan Member");
        assertThat(doc.text("//dc:creator[1]/dc:nameIdentifier[@nameIdentifierScheme='ORCID']")).isEqualTo("https://orcid.org/0000-0001-5109-3700");
        assertThat(doc.text("//dc:creator[1]/dc:affiliation/@affiliationIdentifier")).isEqualTo("https://ror.org/052gg0110");
        assertThat(doc.text("//dc:creator[1]/dc:affiliation")).isEqualTo("University of Oxford");
        assertThat(doc.text("//dc:creator[2]/dc:nameIdentifier")).isEqualTo("https://orcid.org/0000-0002-1694-233X");
        assertThat(doc.text("//dc:creator[3]/dc:creatorName/@nameType")).isEqualTo("Personal");
        assertThat(doc.text("//dc:title")).isEqualTo("Lysozyme raw " + tag);
        assertThat(doc.text("//dc:publisher")).isEqualTo("Diamond Light Source");
        assertThat(doc.text("//dc:publisher/@publisherIdentifier")).isEqualTo("https://ror.org/05etxs293");
        assertThat(doc.text("//dc:resourceType/@resourceTypeGeneral")).isEqualTo("Dataset");

        Instant released = column("released_at", raw);
        String releaseDay = released.atZone(FACILITY_ZONE).toLocalDate().toString();
        assertThat(doc.text("//dc:publicationYear")).isEqualTo(String.valueOf(released.atZone(FACILITY_ZONE).getYear()));
        assertThat(doc.text("//dc:date[@dateType='Issued']")).isEqualTo(releaseDay);
        assertThat(doc.text("//dc:date[@dateType='Available']")).isEqualTo(releaseDay);
        assertThat(doc.text("//dc:date[@dateType='Collected']")).isEqualTo("2015-06-01T10:00:00Z/2015-06-01T12:00:00Z");

        assertThat(doc.text("//dc:subject[@valueURI='" + PANET_MX + "']")).isEqualTo("macromolecular crystallography");
        assertThat(doc.text("//dc:subject[@valueURI='" + PANET_MX + "']/@subjectScheme")).isEqualTo("PaNET");
        assertThat(doc.text("//dc:contributor[@contributorType='HostingInstitution']/dc:contributorName")).isEqualTo("Diamond Light Source");
        assertThat(doc.texts("//dc:format")).containsExactly("application/x-hdf5", "NeXus");
        assertThat(doc.texts("//dc:size")).contains("1048576 bytes", "1 file");
        assertThat(doc.text("//dc:rights/@rightsIdentifier")).isEqualTo("CC-BY-4.0");
        assertThat(doc.text("//dc:rights/@rightsURI")).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
        assertThat(doc.text("//dc:description[@descriptionType='TechnicalInfo']"))
                .contains("Instrument: DIAMOND BEAMLINE I03").contains("NXmx").contains("GDA 9.31");
        assertThat(doc.text("//dc:description[@descriptionType='Abstract']")).contains("proposal " + proposal);
        assertThat(doc.text("//dc:relatedIdentifier[@relationType='References']")).isEqualTo("10.1364/OE.22.019078");
    }

    @Test
    void aProcessedDatasetPointsAtItsSourceOnlyWhenTheReaderMaySeeIt() throws Exception {
        String xml = datacite(given(), processed).then().statusCode(200).extract().asString();
        Standards.validateDataCite(xml);
        Xml doc = Xml.parse(xml);
        assertThat(doc.text("//dc:relatedIdentifier[@relationType='IsDerivedFrom']")).isEqualTo(rawDoi);
        assertThat(doc.text("//dc:relatedIdentifier[@relationType='IsDerivedFrom']/@relatedIdentifierType")).isEqualTo("DOI");
        assertThat(doc.text("//dc:resourceType")).isEqualTo("Processed NeXus data");

        String fromHidden = datacite(given(), processedFromHidden).then().statusCode(200).extract().asString();
        Standards.validateDataCite(fromHidden);
        assertThat(Xml.parse(fromHidden).texts("//dc:relatedIdentifier[@relationType='IsDerivedFrom']")).isEmpty();
        assertThat(fromHidden).doesNotContain(embargoedNoDoi).doesNotContain("Hidden lysozyme");
    }

    @Test
    void anEmbargoedDatasetWithARegisteredDoiExportsOnlyTheMinimalSet() throws Exception {
        Instant end = column("embargo_end", embargoedWithDoi);
        // The team sees everything on the landing page, but DataCite metadata is public: minimal for them too.
        for (var spec : List.of(given(), given().auth().oauth2(Tokens.user("researcher")), given().auth().oauth2(Tokens.user("member")))) {
            String xml = datacite(spec, embargoedWithDoi).then().statusCode(200).extract().asString();
            Standards.validateDataCite(xml);
            Xml doc = Xml.parse(xml);
            assertThat(doc.childNames("/dc:resource")).containsExactlyInAnyOrder("identifier", "creators", "titles",
                    "publisher", "publicationYear", "resourceType", "dates", "rightsList");
            assertThat(doc.text("//dc:identifier[@identifierType='DOI']")).isEqualTo(embargoedDoi);
            assertThat(doc.text("//dc:title")).isEqualTo("Cited lysozyme " + tag);
            assertThat(doc.texts("//dc:creatorName")).containsExactly("Lovelace, Ada", "Hopper, Grace", "Morgan Member");
            assertThat(doc.texts("//dc:date/@dateType")).containsExactly("Available");
            assertThat(doc.text("//dc:date")).isEqualTo(end.atZone(FACILITY_ZONE).toLocalDate().toString());
            assertThat(doc.text("//dc:publicationYear")).isEqualTo(String.valueOf(end.atZone(FACILITY_ZONE).getYear()));
            assertThat(doc.text("//dc:rights/@rightsIdentifier")).isEqualTo("CC-BY-4.0");
            assertThat(xml).doesNotContain("I03").doesNotContain("PaNET").doesNotContain("NXmx").doesNotContain(embargoedWithDoi);
        }
        given().queryParam("format", "json").get("/api/datasets/" + embargoedWithDoi + "/datacite").then().statusCode(200)
                .body("data.attributes.doi", is(embargoedDoi))
                .body("data.attributes.subjects.size()", is(0))
                .body("data.attributes.descriptions.size()", is(0))
                .body("data.attributes.dates.dateType", org.hamcrest.Matchers.contains("Available"));
    }

    @Test
    void anEmbargoedDatasetWithoutDoiIsA404LikeAnUnknownPid() throws Exception {
        Response unknown = datacite(given(), "DLS-00000000000000000000");
        unknown.then().statusCode(404);
        for (var spec : List.of(given(), given().auth().oauth2(Tokens.user("researcher")))) {
            Response hidden = datacite(spec, embargoedNoDoi);
            hidden.then().statusCode(404);
            assertThat(hidden.asString()).isEqualTo(unknown.asString()).doesNotContain("lysozyme");
            assertThat(hidden.contentType()).isEqualTo(unknown.contentType());
            given().queryParam("format", "json").get("/api/datasets/" + embargoedNoDoi + "/datacite").then().statusCode(404);
        }
        // The team may see its own embargoed record (no DOI yet, so nothing public to stay consistent with).
        String own = datacite(given().auth().oauth2(Tokens.user("member")), embargoedNoDoi).then().statusCode(200).extract().asString();
        Standards.validateDataCite(own);
        assertThat(Xml.parse(own).text("//dc:identifier[@identifierType='URL']")).endsWith("/datasets/" + embargoedNoDoi);
        assertThat(Xml.parse(own).texts("//dc:date/@dateType")).contains("Collected", "Available").doesNotContain("Issued");
    }

    @Test
    void anIdentifierWithANulIsUnknownOnTheExportAndTheLandingPageNotAServerError() {
        Response unknown = datacite(given(), "DLS-00000000000000000000");
        Response nul = given().urlEncodingEnabled(false).get("/api/datasets/DLS-0000%000000/datacite");
        nul.then().statusCode(404);
        assertThat(nul.asString()).isEqualTo(unknown.asString());
        assertThat(nul.contentType()).isEqualTo(unknown.contentType());

        String unknownPage = given().accept(ContentType.HTML).get("/datasets/DLS-00000000000000000000").then().statusCode(404)
                .contentType(ContentType.HTML).extract().asString();
        String nulPage = given().urlEncodingEnabled(false).accept(ContentType.HTML).get("/datasets/DLS-0000%000000").then()
                .statusCode(404).contentType(ContentType.HTML).extract().asString();
        assertThat(nulPage).isEqualTo(unknownPage);
    }

    @Test
    void theJsonFormCarriesTheSameValues() {
        given().queryParam("format", "json").get("/api/datasets/" + raw + "/datacite").then().statusCode(200)
                .contentType(ContentType.JSON)
                .body("data.type", is("dois"))
                .body("data.attributes.doi", is(rawDoi))
                .body("data.attributes.creators[0].name", is("Lovelace, Ada"))
                .body("data.attributes.creators[0].nameIdentifiers[0].nameIdentifier", is("https://orcid.org/0000-0001-5109-3700"))
                .body("data.attributes.creators[0].affiliation[0].affiliationIdentifier", is("https://ror.org/052gg0110"))
                .body("data.attributes.types.resourceTypeGeneral", is("Dataset"))
                .body("data.attributes.rightsList[0].rightsIdentifier", is("CC-BY-4.0"))
                .body("data.attributes.subjects[0].valueUri", is(PANET_MX));
        given().accept(ContentType.JSON).get("/api/datasets/" + raw + "/datacite").then().statusCode(200)
                .contentType(ContentType.JSON).body("data.attributes.doi", is(rawDoi));
        given().queryParam("format", "yaml").get("/api/datasets/" + raw + "/datacite").then().statusCode(400);
    }

    @Test
    void thePanoscSingleDatasetRouteStillAnswersBesideTheExport() {
        String pid = given().get("/api/datasets/" + raw).then().statusCode(200).extract().path("pid");
        // the PaNOSC pid is the DOI once it resolves (docs/panosc.md), and it finds the same dataset
        assertThat(pid).matches("10\\.\\d+/.+");
        given().urlEncodingEnabled(false).get("/api/datasets/" + URLEncoder.encode(pid, StandardCharsets.UTF_8))
                .then().statusCode(200).body("pid", is(pid));
    }

    @Test
    void theValidatorRejectsWhatTheSchemaForbids() throws Exception {
        String xml = datacite(given(), raw).then().statusCode(200).extract().asString();
        Standards.validateDataCite(xml);
        assertThatThrownBy(() -> Standards.validateDataCite(xml.replace("resourceTypeGeneral=\"Dataset\"", "resourceTypeGeneral=\"Spreadsheet\"")))
                .isInstanceOf(SAXException.class);
        assertThatThrownBy(() -> Standards.validateDataCite(xml.replaceAll("<publicationYear>\\d+</publicationYear>", "")))
                .isInstanceOf(SAXException.class);
    }

    // ---- offline validation against the official schemas in testdata/standards -------------------------------

    /**
     * The official XSDs, compiled offline: absolute schema URLs are resolved through testdata/standards/catalog.xml
     * (plus this module's test catalog for the DCMI stand-in), and any URL without a mapping fails instead of
     * reaching the network.
     */
    static final class Standards {
        private static Schema oai;

        static Path dir() {
            return RepoFiles.standards();
        }

        private static synchronized SchemaFactory factory() throws Exception {
            URI testCatalog = Objects.requireNonNull(DataCiteIT.class.getResource("/standards/catalog.xml")).toURI();
            CatalogResolver catalog = CatalogManager.catalogResolver(
                    CatalogFeatures.builder().with(CatalogFeatures.Feature.RESOLVE, "strict").build(),
                    dir().resolve("catalog.xml").toUri(), testCatalog);
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // Relative includes (the DataCite include/ files) resolve against their file; only URLs go to the catalog.
            f.setResourceResolver((type, ns, publicId, systemId, base) ->
                    systemId != null && systemId.matches("https?://.*") ? catalog.resolveResource(type, ns, publicId, systemId, base) : null);
            return f;
        }

        /** The DataCite kernel's own includes are relative: the one compiled copy the DataCite stand-in uses too. */
        static void validateDataCite(String xml) throws Exception {
            DataCiteSchema.validate(xml);
        }

        static synchronized void validateOai(String xml) throws Exception {
            if (oai == null) {
                oai = factory().newSchema(DataCiteIT.class.getResource("/standards/oai-pmh-response.xsd"));
            }
            oai.newValidator().validate(new StreamSource(new StringReader(xml)));
        }
    }

    /** A parsed document with XPath over the namespaces of the exports. */
    static final class Xml {
        private static final Map<String, String> NS = Map.of(
                "dc", KERNEL,
                "oai", "http://www.openarchives.org/OAI/2.0/",
                "oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc/",
                "dce", "http://purl.org/dc/elements/1.1/",
                "od", "http://schema.datacite.org/oai/oai-1.1/",
                "oid", "http://www.openarchives.org/OAI/2.0/oai-identifier",
                "sm", "http://www.sitemaps.org/schemas/sitemap/0.9");
        private final Document doc;
        private final XPath xpath;

        private Xml(Document doc) {
            this.doc = doc;
            this.xpath = XPathFactory.newInstance().newXPath();
            xpath.setNamespaceContext(new NamespaceContext() {
                public String getNamespaceURI(String prefix) {
                    return NS.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
                }

                public String getPrefix(String uri) {
                    return null;
                }

                public Iterator<String> getPrefixes(String uri) {
                    return Collections.emptyIterator();
                }
            });
        }

        static Xml parse(String xml) throws Exception {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return new Xml(f.newDocumentBuilder().parse(new InputSource(new StringReader(xml))));
        }

        String text(String expression) throws Exception {
            return (String) xpath.evaluate(expression, doc, XPathConstants.STRING);
        }

        List<String> texts(String expression) throws Exception {
            NodeList nodes = (NodeList) xpath.evaluate(expression, doc, XPathConstants.NODESET);
            List<String> out = new ArrayList<>();
            for (int i = 0; i < nodes.getLength(); i++) {
                out.add(nodes.item(i).getTextContent());
            }
            return out;
        }

        List<String> childNames(String expression) throws Exception {
            Node parent = (Node) xpath.evaluate(expression, doc, XPathConstants.NODE);
            List<String> out = new ArrayList<>();
            for (Node c = parent.getFirstChild(); c != null; c = c.getNextSibling()) {
                if (c.getNodeType() == Node.ELEMENT_NODE) {
                    out.add(c.getLocalName());
                }
            }
            return out;
        }
    }
}
