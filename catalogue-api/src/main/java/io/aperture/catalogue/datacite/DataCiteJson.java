package io.aperture.catalogue.datacite;

import io.aperture.catalogue.datacite.DataCiteMetadata.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes {@link DataCiteMetadata} as the {@code attributes} of a DataCite REST API DOI ({@code {"data": {"type":
 * "dois", "attributes": ...}}}), the shape DataCite accepts for registration. Same content as the XML.
 */
public final class DataCiteJson {
    private DataCiteJson() {
    }

    public static Map<String, Object> document(DataCiteMetadata m) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("type", "dois");
        data.put("attributes", attributes(m));
        return Map.of("data", data);
    }

    /** The attributes alone: the DataCite JSON that DOI content negotiation serves. */
    public static Map<String, Object> attributes(DataCiteMetadata m) {
        Map<String, Object> a = new LinkedHashMap<>();
        if (m.identifier().isDoi()) {
            a.put("doi", m.identifier().value());
        } else {
            a.put("url", m.identifier().value());
        }
        a.put("identifiers", m.alternateIdentifiers().stream()
                .map(i -> obj("identifier", i.value(), "identifierType", i.type())).toList());
        a.put("creators", m.creators().stream().map(DataCiteJson::name).toList());
        a.put("titles", List.of(obj("title", m.title(), "lang", "en")));
        Map<String, Object> publisher = obj("name", m.publisher().name(), "lang", "en");
        m.publisher().ror().ifPresent(r -> publisher.putAll(obj("publisherIdentifier", r,
                "publisherIdentifierScheme", "ROR", "schemeUri", DataCiteMapper.ROR_URI + "/")));
        a.put("publisher", publisher);
        a.put("publicationYear", m.publicationYear());
        a.put("types", obj("resourceTypeGeneral", m.resourceTypeGeneral(), "resourceType", m.resourceType()));
        a.put("subjects", m.subjects().stream().map(s -> obj("subject", s.label(), "subjectScheme", s.scheme().orElse(null),
                "schemeUri", s.schemeUri().orElse(null), "valueUri", s.valueUri().orElse(null))).toList());
        a.put("contributors", m.contributors().stream().map(DataCiteJson::name).toList());
        a.put("dates", m.dates().stream().map(d -> obj("date", d.value(), "dateType", d.type())).toList());
        a.put("relatedIdentifiers", m.relatedIdentifiers().stream().map(r -> obj("relatedIdentifier", r.value(),
                "relatedIdentifierType", r.identifierType(), "relationType", r.relationType())).toList());
        a.put("sizes", m.sizes());
        a.put("formats", m.formats());
        Rights r = m.rights();
        a.put("rightsList", List.of(obj("rights", r.name(), "rightsUri", r.uri(), "rightsIdentifier", r.spdxId(),
                "rightsIdentifierScheme", "SPDX", "schemeUri", "https://spdx.org/licenses/", "lang", "en")));
        a.put("descriptions", m.descriptions().stream()
                .map(d -> obj("description", d.text(), "descriptionType", d.type(), "lang", "en")).toList());
        a.put("schemaVersion", DataCiteMetadata.NAMESPACE);
        return a;
    }

    private static Map<String, Object> name(Name n) {
        Map<String, Object> o = obj("name", n.name(), "nameType", n.nameType().name(),
                "givenName", n.givenName().orElse(null), "familyName", n.familyName().orElse(null),
                "contributorType", n.contributorType().orElse(null));
        List<Map<String, Object>> ids = new ArrayList<>();
        n.identifiers().forEach(i -> ids.add(obj("nameIdentifier", i.value(), "nameIdentifierScheme", i.scheme(), "schemeUri", i.schemeUri())));
        o.put("nameIdentifiers", ids);
        o.put("affiliation", n.affiliations().stream().map(af -> obj("name", af.name(),
                "affiliationIdentifier", af.ror().orElse(null),
                "affiliationIdentifierScheme", af.ror().map(x -> "ROR").orElse(null),
                "schemeUri", af.ror().map(x -> DataCiteMapper.ROR_URI).orElse(null))).toList());
        return o;
    }

    /** An ordered map from name/value pairs, leaving out null values. */
    private static Map<String, Object> obj(Object... pairs) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                o.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return o;
    }
}
