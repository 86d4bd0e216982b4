package io.aperture.catalogue.oaipmh;

import io.aperture.catalogue.datacite.DataCiteMapper;
import io.aperture.catalogue.datacite.DatasetExtras;
import io.aperture.catalogue.datacite.DataCiteMetadata;
import io.aperture.catalogue.datacite.DataCiteSettings;
import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.links.PublicUrls;
import io.aperture.catalogue.tokens.TokenSignature;
import io.aperture.policy.access.ExportDetail;
import io.aperture.catalogue.datacite.XmlOut;
import io.aperture.catalogue.model.Dataset;
import io.aperture.catalogue.model.Instrument;
import io.aperture.catalogue.oaipmh.OaiException.Code;
import io.aperture.policy.access.Visibility;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.*;
import java.util.function.Supplier;

/**
 * OAI-PMH 2.0 at {@code /oai} (GET query string or POST form). Anonymous by design: it serves released data only,
 * through {@link PublicRecords}; an embargoed record answers {@code idDoesNotExist} exactly like an unknown identifier
 * and never appears in a list. A withdrawn record is served as deleted ({@code <header status="deleted">}, no
 * metadata; {@code deletedRecord persistent}) when the policy announces it — it was public before, so harvesters may
 * hold it; a record withdrawn while embargoed is indistinguishable from one that never existed.
 */
@Path("/oai")
public class OaiPmhResource {
    static final String NS = "http://www.openarchives.org/OAI/2.0/";
    static final String OAI_IDENTIFIER_NS = "http://www.openarchives.org/OAI/2.0/oai-identifier";
    private static final String XML = "text/xml;charset=UTF-8";
    private static final Logger LOG = Logger.getLogger(OaiPmhResource.class);

    private final PublicRecords records;
    private final AccessControl access;
    private final DataCiteMapper mapper;
    private final DataCiteSettings datacite;
    private final OaiSettings settings;
    private final PublicUrls urls;
    private final TokenSignature tokens;
    private final Clock clock;

    OaiPmhResource(PublicRecords records, AccessControl access, DataCiteMapper mapper, DataCiteSettings datacite,
                   OaiSettings settings, PublicUrls urls, TokenSignature tokens, Clock clock) {
        this.tokens = tokens;
        this.urls = urls;
        this.records = records;
        this.access = access;
        this.mapper = mapper;
        this.datacite = datacite;
        this.settings = settings;
        this.clock = clock;
    }

    @GET
    @Produces(XML)
    @Transactional
    public Response get(@Context UriInfo uri) {
        return answer(() -> OaiForm.parse(uri.getRequestUri().getRawQuery()), uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(XML)
    @Transactional
    public Response post(String form, @Context UriInfo uri) {
        return answer(() -> OaiForm.parse(form), uri);
    }

    /** Answers the request whose parameters {@code parameters} decodes (an OaiException there is a protocol error too). */
    private Response answer(Supplier<Map<String, List<String>>> parameters, UriInfo uri) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        URI publicBase = urls.base(uri.getBaseUri());
        String baseUrl = PublicUrls.oai(publicBase);
        OaiRequest request = null;
        try {
            request = OaiRequest.parse(parameters.get());
            XmlOut out = envelope(now, baseUrl, request.verb().name(), request.arguments());
            switch (request.verb()) {
                case Identify -> identify(out, baseUrl);
                case ListMetadataFormats -> listMetadataFormats(out, request);
                case ListSets -> listSets(out, request);
                case GetRecord -> getRecord(out, request, publicBase);
                case ListIdentifiers, ListRecords -> list(out, request, publicBase);
            }
            return Response.ok(out.close().finish(), XML).build();
        } catch (OaiException e) {
            // the code only: the message may quote what the request carried
            if (e.hidesArguments() || e.code() == Code.badResumptionToken) {
                LOG.infof("OAI-PMH request refused with %s", e.code());
            }
            boolean echo = request != null && !e.hidesArguments();
            XmlOut out = envelope(now, baseUrl, echo ? request.verb().name() : null, echo ? request.arguments() : Map.of());
            out.leaf("", "error", NS, e.getMessage(), "code", e.code().name());
            return Response.ok(out.close().finish(), XML).build();
        }
    }

    private static XmlOut envelope(Instant now, String baseUrl, String verb, Map<String, String> arguments) {
        XmlOut out = XmlOut.document();
        out.open("", "OAI-PMH", NS).declare("", NS).declare("xsi", XmlOut.XSI)
                .attr("xsi", XmlOut.XSI, "schemaLocation", NS + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd");
        out.leaf("", "responseDate", NS, now.toString());
        out.open("", "request", NS).attr("verb", verb);
        arguments.forEach(out::attr);
        out.text(baseUrl).close();
        return out;
    }

    private void identify(XmlOut out, String baseUrl) {
        Instant earliest = records.earliestDatestamp().map(i -> i.truncatedTo(ChronoUnit.SECONDS))
                .orElse(clock.instant().truncatedTo(ChronoUnit.SECONDS));
        out.open("", "Identify", NS);
        out.leaf("", "repositoryName", NS, settings.repositoryName());
        out.leaf("", "baseURL", NS, baseUrl);
        out.leaf("", "protocolVersion", NS, "2.0");
        out.leaf("", "adminEmail", NS, settings.adminEmail());
        out.leaf("", "earliestDatestamp", NS, earliest.toString());
        // persistent: every record ever served that is withdrawn stays announced as deleted (the policy's
        // announcesDeletion; the withdrawal is kept with the record)
        out.leaf("", "deletedRecord", NS, "persistent");
        out.leaf("", "granularity", NS, "YYYY-MM-DDThh:mm:ssZ");
        out.open("", "description", NS);
        out.open("", "oai-identifier", OAI_IDENTIFIER_NS).declare("", OAI_IDENTIFIER_NS)
                .attr("xsi", XmlOut.XSI, "schemaLocation", OAI_IDENTIFIER_NS + " http://www.openarchives.org/OAI/2.0/oai-identifier.xsd");
        out.leaf("", "scheme", OAI_IDENTIFIER_NS, "oai");
        out.leaf("", "repositoryIdentifier", OAI_IDENTIFIER_NS, settings.repositoryIdentifier());
        out.leaf("", "delimiter", OAI_IDENTIFIER_NS, ":");
        out.leaf("", "sampleIdentifier", OAI_IDENTIFIER_NS, settings.oaiIdentifier("DLS-0123456789abcdef0123"));
        out.close().close().close();
    }

    private void listMetadataFormats(XmlOut out, OaiRequest request) {
        Optional<String> identifier = request.argument("identifier");
        if (identifier.isPresent()) {
            requireRecord(identifier.get());
        }
        out.open("", "ListMetadataFormats", NS);
        for (MetadataFormat f : MetadataFormat.values()) {
            out.open("", "metadataFormat", NS);
            out.leaf("", "metadataPrefix", NS, f.prefix());
            out.leaf("", "schema", NS, f.schema());
            out.leaf("", "metadataNamespace", NS, f.namespace());
            out.close();
        }
        out.close();
    }

    private void listSets(XmlOut out, OaiRequest request) {
        if (request.argument("resumptionToken").isPresent()) {
            throw new OaiException(Code.badResumptionToken, "ListSets is complete in one response; this repository issued no token for it");
        }
        Map<String, String> sets = new LinkedHashMap<>();
        sets.put(OpenAire.DATA_SET, OpenAire.DATA_SET_NAME);
        sets.put(InstrumentSets.ROOT, "Data by instrument");
        for (Instrument i : records.instruments()) {
            sets.putIfAbsent(InstrumentSets.specOf(i), InstrumentSets.nameOf(i));
        }
        out.open("", "ListSets", NS);
        sets.forEach((spec, name) -> out.open("", "set", NS).leaf("", "setSpec", NS, spec).leaf("", "setName", NS, name).close());
        out.close();
    }

    private void getRecord(XmlOut out, OaiRequest request, URI publicBase) {
        MetadataFormat format = MetadataFormat.require(request.argument("metadataPrefix").orElseThrow());
        PublicRecords.Row row = requireRecord(request.argument("identifier").orElseThrow());
        out.open("", "GetRecord", NS);
        record(out, row, format, publicBase, DatasetExtras.ONE_BY_ONE);
        out.close();
    }

    private void list(XmlOut out, OaiRequest request, URI publicBase) {
        boolean withMetadata = request.verb() == OaiRequest.Verb.ListRecords;
        Optional<ResumptionToken> token = request.argument("resumptionToken").map(t -> ResumptionToken.decode(t, tokens));
        ListWindow window = token.map(ResumptionToken::window).orElseGet(() -> ListWindow.of(request));
        int cursor = token.map(ResumptionToken::cursor).orElse(0);
        int size = settings.pageSize();

        PublicRecords.Page page = records.page(window, token, size);
        int scanned = page.scanned();
        while (page.records().isEmpty() && page.more()) {
            // every row of this page was hidden by the policy: read on rather than answer an empty list
            PublicRecords.Row last = page.last().orElseThrow();
            page = records.page(window, Optional.of(new ResumptionToken(window, cursor, last.datestamp(), last.dataset().pid)), size);
            scanned += page.scanned();
        }
        if (page.records().isEmpty()) {
            throw new OaiException(Code.noRecordsMatch, "no records match the request");
        }
        out.open("", request.verb().name(), NS);
        // what each record's mapping reads beyond its row, read for the whole page at once
        DatasetExtras extras = withMetadata ? records.extrasFor(page.records()) : DatasetExtras.ONE_BY_ONE;
        for (PublicRecords.Row row : page.records()) {
            if (withMetadata) {
                record(out, row, window.format(), publicBase, extras);
            } else {
                header(out, row);
            }
        }
        long complete = records.count(window);
        if (page.more()) {
            PublicRecords.Row last = page.last().orElseThrow();
            String next = new ResumptionToken(window, cursor + scanned, last.datestamp(), last.dataset().pid).encode(tokens);
            out.open("", "resumptionToken", NS).attr("completeListSize", String.valueOf(complete))
                    .attr("cursor", String.valueOf(cursor)).text(next).close();
        } else if (token.isPresent()) {
            // the last page of a resumed list carries an empty token (section 3.5)
            out.open("", "resumptionToken", NS).attr("completeListSize", String.valueOf(complete))
                    .attr("cursor", String.valueOf(cursor)).close();
        }
        out.close();
    }

    private PublicRecords.Row requireRecord(String identifier) {
        String pid = settings.pidOf(identifier);
        return records.find(pid).orElseThrow(() ->
                new OaiException(Code.idDoesNotExist, "no record with this identifier"));
    }

    private void header(XmlOut out, PublicRecords.Row row) {
        Dataset d = row.dataset();
        out.open("", "header", NS);
        if (row.deleted()) {
            out.attr("status", "deleted");
        }
        out.leaf("", "identifier", NS, settings.oaiIdentifier(d.pid));
        out.leaf("", "datestamp", NS, row.datestamp().truncatedTo(ChronoUnit.SECONDS).toString());
        if (d.instrument != null) {
            out.leaf("", "setSpec", NS, InstrumentSets.specOf(d.instrument));
        }
        out.leaf("", "setSpec", NS, OpenAire.DATA_SET);
        out.close();
    }

    private void record(XmlOut out, PublicRecords.Row row, MetadataFormat format, URI publicBase, DatasetExtras extras) {
        if (row.deleted()) {
            // a deleted record is its header only (OAI-PMH 2.0, section 2.5.1)
            out.open("", "record", NS);
            header(out, row);
            out.close();
            return;
        }
        Dataset d = row.dataset();
        ExportDetail detail = access.exportDetail(access.decideForPublic(d), d).orElseThrow();
        DataCiteMetadata m = mapper.map(d, detail, publicBase, other -> access.decideForPublic(other).visibility() != Visibility.NONE,
                extras);
        out.open("", "record", NS);
        header(out, row);
        out.open("", "metadata", NS);
        // the policy's licence answer: in force means open access (every record OAI-PMH serves is released)
        String right = access.licence(d).inForce() ? OpenAire.OPEN_ACCESS : OpenAire.EMBARGOED_ACCESS;
        MetadataXml.write(out, format, m, datacite.datacentreSymbol(), right);
        out.close().close();
    }
}
