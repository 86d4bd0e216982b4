package io.aperture.portal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.catalogue.datacite.DataCiteMetadata;
import io.aperture.catalogue.datacite.DataCiteMetadata.Name;
import io.aperture.catalogue.datacite.DataCiteMetadata.NameType;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A landing page's schema.org {@code Dataset} in JSON-LD, embedded in the page and served alone, in the terms Google
 * Dataset Search reads and only properties schema.org defines on Dataset (no {@code instrument}). Creators,
 * description, dates and techniques come from the DataCite metadata the policy lets out; parameters from the page's
 * view, so under embargo neither says more than the page.
 */
@ApplicationScoped
public class DatasetJsonLd {
    /** The catalogue's name in the home page's DataCatalog and every dataset's includedInDataCatalog. */
    static final String CATALOGUE_NAME = "Aperture";
    static final int MIN_DESCRIPTION = 50;
    static final int MAX_DESCRIPTION = 5000;
    private final ObjectMapper mapper;

    DatasetJsonLd(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A file of the dataset at its public download address; {@code size} in bytes, null when unknown. */
    public record Download(String path, String url, Long size) {}

    /** A member of a collection as its page lists it: {@code id} its DOI URL, else its landing page. */
    public record Part(String id, String name, String url) {}

    /**
     * @param landingPage the page's public URL; @param catalogue the portal's public home page
     * @param downloads   the files the public may download (a {@code distribution} each)
     * @return JSON in which {@code </} is written {@code <\/} (same JSON), so a value cannot end the page's script element
     */
    public String of(DatasetView d, DataCiteMetadata m, String landingPage, String catalogue, List<Download> downloads) {
        Map<String, Object> ld = described(m, landingPage, d.licenceUrl().toString(), d.licenceInForce());
        if (d.embargoed()) {
            ld.put("conditionsOfAccess", "Under embargo until " + d.embargoEnd());
        }
        List<Map<String, Object>> techniques = m.subjects().stream().filter(s -> s.valueUri().isPresent()
                        && s.scheme().filter("PaNET"::equals).isPresent())
                .map(s -> map("@type", "DefinedTerm", "name", s.label(), "termCode", s.valueUri().get(),
                        "inDefinedTermSet", s.schemeUri().orElse(null))).toList();
        ld.put("measurementTechnique", techniques.isEmpty() ? null : techniques);
        if (d.showsMetadata()) {
            if (d.start() != null && d.end() != null) {
                ld.put("temporalCoverage", d.start() + "/" + d.end());
            }
            List<Map<String, Object>> vars = d.parameters().stream().limit(50)
                    .map(p -> map("@type", "PropertyValue", "name", p.name(), "value", p.value(), "unitText", p.unit()))
                    .toList();
            ld.put("variableMeasured", vars.isEmpty() ? null : vars);
        }
        related(ld, m);
        List<Map<String, Object>> distribution = downloads.stream().map(f -> map("@type", "DataDownload",
                "name", f.path().substring(f.path().lastIndexOf('/') + 1), "contentUrl", f.url(),
                "encodingFormat", Signposts.FILE_TYPE, "contentSize", f.size() == null ? null : f.size() + " B")).toList();
        ld.put("distribution", distribution.isEmpty() ? null : distribution);
        return finish(ld, catalogue);
    }

    /**
     * A visit's or proposal's collection as a schema.org {@code Dataset} made of its public members ({@code hasPart}),
     * from its DataCite record ({@code resourceTypeGeneral} Collection). Only a findable collection has a page, so
     * its release licence is in force.
     */
    public String collection(DataCiteMetadata m, String landingPage, String catalogue, List<Part> parts) {
        Map<String, Object> ld = described(m, landingPage, m.rights().uri(), true);
        related(ld, m);
        ld.put("hasPart", parts.isEmpty() ? null : parts.stream()
                .map(p -> map("@type", "Dataset", "@id", p.id(), "name", p.name(), "url", p.url())).toList());
        return finish(ld, catalogue);
    }

    /** What every landing page's Dataset says from its DataCite metadata: identity, people, licence, publication. */
    private static Map<String, Object> described(DataCiteMetadata m, String landingPage, String licence, boolean free) {
        Map<String, Object> ld = new LinkedHashMap<>();
        String doiUrl = m.identifier().isDoi() ? "https://doi.org/" + m.identifier().value() : null;
        ld.put("@context", "https://schema.org/");
        ld.put("@type", "Dataset");
        ld.put("@id", doiUrl != null ? doiUrl : landingPage);
        ld.put("identifier", doiUrl != null ? doiUrl : landingPage);
        ld.put("url", landingPage);
        ld.put("name", m.title());
        ld.put("description", description(m));
        ld.put("creator", m.creators().isEmpty() ? null : m.creators().stream().map(DatasetJsonLd::agent).toList());
        List<Map<String, Object>> contributors = m.contributors().stream().filter(c -> c.nameType() == NameType.Personal)
                .map(DatasetJsonLd::agent).distinct().toList();
        ld.put("contributor", contributors.isEmpty() ? null : contributors);
        ld.put("publisher", organisation(m.publisher().name(), m.publisher().ror().orElse(null)));
        ld.put("license", licence);
        ld.put("isAccessibleForFree", free);
        m.dates().stream().filter(x -> "Issued".equals(x.type())).findFirst().ifPresent(x -> ld.put("datePublished", x.value()));
        return ld;
    }

    /**
     * The related resources schema.org has terms for: the proposal or collection ({@code isPartOf}), the sources
     * ({@code isBasedOn}), and as {@code citation} both what the data cites (the file's NXcite) and the publications
     * the user office reports for it (DataCite {@code IsCitedBy}: Google reads {@code citation} as the articles to
     * cite besides the dataset).
     */
    private static void related(Map<String, Object> ld, DataCiteMetadata m) {
        ld.put("isPartOf", related(m, "IsPartOf"));
        ld.put("isBasedOn", related(m, "IsDerivedFrom"));
        ld.put("citation", related(m, "References", "IsCitedBy"));
    }

    private String finish(Map<String, Object> ld, String catalogue) {
        ld.put("includedInDataCatalog", map("@type", "DataCatalog", "name", CATALOGUE_NAME, "url", catalogue));
        ld.values().removeIf(Objects::isNull);
        return write(mapper, ld);
    }

    /**
     * JSON in which every {@code <} is written {@code \u003c} (the same JSON: it occurs only inside strings), so no value
     * can end the page's script element ({@code </script>}) or turn the element's end into text ({@code <!--<script>}).
     */
    static String write(ObjectMapper mapper, Map<String, Object> ld) {
        try {
            return mapper.writeValueAsString(ld).replace("<", "\\u003c");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The URLs of the related identifiers of these relation types (a DOI as its doi.org URL); null when there are none. */
    private static List<String> related(DataCiteMetadata m, String... relationTypes) {
        List<String> types = List.of(relationTypes);
        List<String> urls = m.relatedIdentifiers().stream().filter(r -> types.contains(r.relationType()))
                .map(r -> "DOI".equals(r.identifierType()) ? "https://doi.org/" + r.value() : r.value()).toList();
        return urls.isEmpty() ? null : urls;
    }

    /**
     * The DataCite abstract, cut to Google's 5000 characters; without one (the minimal set under embargo) a sentence
     * from what the minimal set holds, which is at least 50 characters long.
     */
    static String description(DataCiteMetadata m) {
        String text = m.descriptions().stream().filter(x -> "Abstract".equals(x.type()))
                .map(DataCiteMetadata.Description::text).findFirst()
                .filter(t -> t.length() >= MIN_DESCRIPTION)
                .orElse("Dataset \"" + m.title() + "\", published by " + m.publisher().name() + " in "
                        + m.publicationYear() + ".");
        return text.length() > MAX_DESCRIPTION ? text.substring(0, MAX_DESCRIPTION - 1) + "…" : text;
    }

    /** A person (with name parts and ORCID as {@code sameAs}) or an organisation, as schema.org describes them. */
    private static Map<String, Object> agent(Name n) {
        String orcid = n.identifiers().stream().filter(i -> "ORCID".equals(i.scheme()))
                .map(DataCiteMetadata.NameIdentifier::value).findFirst().orElse(null);
        if (n.nameType() != NameType.Personal) {
            return organisation(n.name(), null);
        }
        Map<String, Object> p = map("@type", "Person", "name", n.givenName().isPresent() && n.familyName().isPresent()
                        ? n.givenName().get() + " " + n.familyName().get() : n.name(),
                "givenName", n.givenName().orElse(null), "familyName", n.familyName().orElse(null), "sameAs", orcid);
        n.affiliations().stream().findFirst().ifPresent(a -> p.put("affiliation", organisation(a.name(), a.ror().orElse(null))));
        return p;
    }

    private static Map<String, Object> organisation(String name, String ror) {
        return map("@type", "Organization", "name", name, "sameAs", ror);
    }

    /** An ordered JSON object of key/value pairs, leaving out null values. */
    static Map<String, Object> map(Object... pairs) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                out.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return out;
    }
}
