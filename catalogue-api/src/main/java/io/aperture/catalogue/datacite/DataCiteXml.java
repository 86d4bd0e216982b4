package io.aperture.catalogue.datacite;

import java.util.function.Consumer;
import io.aperture.catalogue.datacite.DataCiteMetadata.*;

import java.util.List;
import java.util.Optional;

/** Writes {@link DataCiteMetadata} as a DataCite 4.6 {@code <resource>} (namespace {@value DataCiteMetadata#NAMESPACE}). */
public final class DataCiteXml {
    private static final String NS = DataCiteMetadata.NAMESPACE;

    private DataCiteXml() {
    }

    /** A standalone DataCite XML document. */
    public static String document(DataCiteMetadata m) {
        XmlOut out = XmlOut.document();
        write(out, m);
        return out.finish();
    }

    /** Writes the {@code <resource>} element at the current position (a document root or an OAI payload). */
    public static void write(XmlOut out, DataCiteMetadata m) {
        write(out, m, Optional.empty());
    }

    /**
     * As {@link #write(XmlOut, DataCiteMetadata)}, with an access right ({@code info:eu-repo/semantics/…}, as the
     * OpenAIRE guidelines ask of OAI-PMH answers) after the licence.
     */
    public static void write(XmlOut out, DataCiteMetadata m, Optional<String> accessRight) {
        out.open("", "resource", NS).declare("", NS).declare("xsi", XmlOut.XSI)
                .attr("xsi", XmlOut.XSI, "schemaLocation", NS + " " + DataCiteMetadata.SCHEMA_LOCATION);
        out.leaf("", "identifier", NS, m.identifier().value(), "identifierType", m.identifier().type());
        out.open("", "creators", NS);
        for (Name c : m.creators()) {
            name(out, "creator", c);
        }
        out.close();
        out.open("", "titles", NS).open("", "title", NS).lang("en").text(m.title()).close().close();
        Publisher p = m.publisher();
        out.open("", "publisher", NS).lang("en");
        p.ror().ifPresent(r -> out.attr("publisherIdentifier", r).attr("publisherIdentifierScheme", "ROR")
                .attr("schemeURI", DataCiteMapper.ROR_URI + "/"));
        out.text(p.name()).close();
        out.leaf("", "publicationYear", NS, String.valueOf(m.publicationYear()));
        out.leaf("", "resourceType", NS, m.resourceType(), "resourceTypeGeneral", m.resourceTypeGeneral());
        list(out, "subjects", m.subjects(), s -> {
            out.open("", "subject", NS).lang("en");
            s.scheme().ifPresent(v -> out.attr("subjectScheme", v));
            s.schemeUri().ifPresent(v -> out.attr("schemeURI", v));
            s.valueUri().ifPresent(v -> out.attr("valueURI", v));
            out.text(s.label()).close();
        });
        list(out, "contributors", m.contributors(), c -> name(out, "contributor", c));
        list(out, "dates", m.dates(), d -> out.leaf("", "date", NS, d.value(), "dateType", d.type()));
        list(out, "alternateIdentifiers", m.alternateIdentifiers(),
                a -> out.leaf("", "alternateIdentifier", NS, a.value(), "alternateIdentifierType", a.type()));
        list(out, "relatedIdentifiers", m.relatedIdentifiers(), r -> out.leaf("", "relatedIdentifier", NS, r.value(),
                "relatedIdentifierType", r.identifierType(), "relationType", r.relationType()));
        list(out, "sizes", m.sizes(), s -> out.leaf("", "size", NS, s));
        list(out, "formats", m.formats(), f -> out.leaf("", "format", NS, f));
        Rights r = m.rights();
        out.open("", "rightsList", NS).open("", "rights", NS).lang("en")
                .attr("rightsURI", r.uri()).attr("rightsIdentifier", r.spdxId())
                .attr("rightsIdentifierScheme", "SPDX").attr("schemeURI", "https://spdx.org/licenses/")
                .text(r.name()).close();
        accessRight.ifPresent(a -> out.open("", "rights", NS).attr("rightsURI", a).close());
        out.close();
        list(out, "descriptions", m.descriptions(), d -> {
            out.open("", "description", NS).lang("en").attr("descriptionType", d.type()).text(d.text()).close();
        });
        out.close();
    }

    /** A creator or contributor: the element names follow the wrapper (creatorName / contributorName). */
    private static void name(XmlOut out, String element, Name n) {
        out.open("", element, NS);
        n.contributorType().ifPresent(t -> out.attr("contributorType", t));
        out.leaf("", element + "Name", NS, n.name(), "nameType", n.nameType().name());
        n.givenName().ifPresent(g -> out.leaf("", "givenName", NS, g));
        n.familyName().ifPresent(f -> out.leaf("", "familyName", NS, f));
        for (NameIdentifier id : n.identifiers()) {
            out.leaf("", "nameIdentifier", NS, id.value(), "nameIdentifierScheme", id.scheme(), "schemeURI", id.schemeUri());
        }
        for (AffiliationRef a : n.affiliations()) {
            out.open("", "affiliation", NS);
            Optional<String> ror = a.ror();
            ror.ifPresent(v -> out.attr("affiliationIdentifier", v).attr("affiliationIdentifierScheme", "ROR")
                    .attr("schemeURI", DataCiteMapper.ROR_URI));
            out.text(a.name()).close();
        }
        out.close();
    }

    private static <T> void list(XmlOut out, String wrapper, List<T> items, Consumer<T> each) {
        if (items.isEmpty()) {
            return;
        }
        out.open("", wrapper, NS);
        items.forEach(each);
        out.close();
    }
}
