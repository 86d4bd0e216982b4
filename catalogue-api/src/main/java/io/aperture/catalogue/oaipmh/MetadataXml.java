package io.aperture.catalogue.oaipmh;

import io.aperture.catalogue.datacite.DataCiteMetadata;
import io.aperture.catalogue.datacite.DataCiteXml;
import io.aperture.catalogue.datacite.XmlOut;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code <metadata>} payloads: oai_datacite wraps the DataCite 4.6 record unaltered; oai_dc is unqualified
 * Dublin Core derived from the same {@link DataCiteMetadata}, so both formats always say the same thing.
 */
final class MetadataXml {
    static final String DC = "http://purl.org/dc/elements/1.1/";

    private MetadataXml() {
    }

    /** @param accessRight the record's info:eu-repo access right ({@link OpenAire}) */
    static void write(XmlOut out, MetadataFormat format, DataCiteMetadata m, String datacentreSymbol, String accessRight) {
        switch (format) {
            case OAI_DATACITE -> oaiDatacite(out, m, datacentreSymbol, accessRight);
            case OAI_DC -> dublinCore(out, m, accessRight);
        }
    }

    private static void oaiDatacite(XmlOut out, DataCiteMetadata m, String symbol, String accessRight) {
        String ns = MetadataFormat.OAI_DATACITE.namespace();
        out.open("", "oai_datacite", ns).declare("", ns)
                .attr("xsi", XmlOut.XSI, "schemaLocation", ns + " " + MetadataFormat.OAI_DATACITE.schema());
        out.leaf("", "schemaVersion", ns, DataCiteMetadata.SCHEMA_VERSION);
        out.leaf("", "datacentreSymbol", ns, symbol);
        out.open("", "payload", ns);
        DataCiteXml.write(out, m, Optional.of(accessRight));
        out.close().close();
    }

    private static void dublinCore(XmlOut out, DataCiteMetadata m, String accessRight) {
        String ns = MetadataFormat.OAI_DC.namespace();
        out.open("oai_dc", "dc", ns).declare("oai_dc", ns).declare("dc", DC)
                .attr("xsi", XmlOut.XSI, "schemaLocation", ns + " " + MetadataFormat.OAI_DC.schema());
        dc(out, "title", m.title());
        m.creators().forEach(c -> dc(out, "creator", c.name()));
        m.subjects().forEach(s -> dc(out, "subject", s.label()));
        m.descriptions().forEach(d -> dc(out, "description", d.text()));
        dc(out, "publisher", m.publisher().name());
        m.contributors().forEach(c -> dc(out, "contributor", c.name()));
        m.dates().stream().filter(d -> !d.type().equals("Collected")).forEach(d -> dc(out, "date", d.value()));
        dc(out, "type", "Dataset");
        m.formats().forEach(f -> dc(out, "format", f));
        Set<String> identifiers = new LinkedHashSet<>();
        identifiers.add(m.identifier().isDoi() ? "https://doi.org/" + m.identifier().value() : m.identifier().value());
        m.alternateIdentifiers().forEach(a -> identifiers.add(a.value()));
        identifiers.forEach(i -> dc(out, "identifier", i));
        m.relatedIdentifiers().forEach(r -> dc(out, "relation", r.identifierType().equals("DOI") ? "https://doi.org/" + r.value() : r.value()));
        m.dates().stream().filter(d -> d.type().equals("Collected")).forEach(d -> dc(out, "coverage", d.value()));
        dc(out, "rights", m.rights().uri());
        dc(out, "rights", m.rights().name());
        dc(out, "rights", accessRight);
        out.close();
    }

    private static void dc(XmlOut out, String element, String value) {
        if (value != null && !value.isBlank()) {
            out.leaf("dc", element, DC, value);
        }
    }
}
