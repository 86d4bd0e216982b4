package io.aperture.portal;

import de.undercouch.citeproc.csl.CSLItemData;
import io.aperture.catalogue.access.AccessControl;
import io.aperture.catalogue.citation.Bibtex;
import io.aperture.catalogue.citation.CitationStyle;
import io.aperture.catalogue.citation.Citations;
import io.aperture.catalogue.citation.CslItems;
import io.aperture.catalogue.citation.Ris;
import io.aperture.catalogue.datacite.DataCiteJson;
import io.aperture.catalogue.datacite.DataCiteMapper;
import io.aperture.catalogue.datacite.DataCiteMetadata;
import io.aperture.catalogue.datacite.DataCiteXml;
import io.aperture.catalogue.links.PublicUrls;
import io.aperture.catalogue.model.Dataset;
import io.aperture.policy.access.ExportDetail;
import io.aperture.policy.access.Visibility;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable forms of a landing page other than JSON-LD, from the dataset's DataCite metadata as the
 * policy's export detail allows it (so the minimal DOI landing set under embargo, everything once released).
 */
@ApplicationScoped
public class DatasetExports {
    private final DataCiteMapper mapper;
    private final AccessControl access;

    DatasetExports(DataCiteMapper mapper, AccessControl access) {
        this.mapper = mapper;
        this.access = access;
    }

    /** The relation types the DataCite mapper writes, in words for the page. */
    private static final Map<String, String> RELATIONS = Map.of("IsPartOf", "Part of", "IsDerivedFrom", "Derived from",
            "IsSourceOf", "Source of", "References", "References", "IsDocumentedBy", "Documented by", "IsCitedBy", "Cited by");

    /** The styles a landing page shows its reference in, with their labels. */
    private static final List<LandingCitation.Reference> STYLES = List.of(
            new LandingCitation.Reference("apa", "APA", null),
            new LandingCitation.Reference("chicago-author-date", "Chicago", null),
            new LandingCitation.Reference("harvard-cite-them-right", "Harvard", null),
            new LandingCitation.Reference("ieee", "IEEE", null));

    /** What the landing page of {@code d} shows to cite it; export links are relative, right under either address. */
    public LandingCitation landing(DataCiteMetadata m, String landingPage) {
        CSLItemData item = CslItems.of(m, landingPage);
        List<LandingCitation.Person> creators = m.creators().stream().map(DatasetExports::person).toList();
        // the people (not the hosting institution, which the page names as publisher)
        List<LandingCitation.Person> contributors = m.contributors().stream()
                .filter(c -> c.nameType() == DataCiteMetadata.NameType.Personal).map(DatasetExports::person).toList();
        List<LandingCitation.Related> related = m.relatedIdentifiers().stream().map(r -> {
            String phrase = RELATIONS.getOrDefault(r.relationType(), r.relationType());
            return "DOI".equals(r.identifierType())
                    ? new LandingCitation.Related(r.relationType(), phrase, "doi:" + r.value(), "https://doi.org/" + r.value())
                    : new LandingCitation.Related(r.relationType(), phrase, r.value(), r.value());
        }).toList();
        String description = m.descriptions().stream().filter(x -> "Abstract".equals(x.type()))
                .map(DataCiteMetadata.Description::text).findFirst().orElse(null);
        List<LandingCitation.Reference> references = STYLES.stream().map(s -> new LandingCitation.Reference(s.style(),
                s.label(), Citations.reference(item, CitationStyle.of(s.style(), null), "text"))).toList();
        List<LandingCitation.ExportLink> exports = Arrays.stream(Representation.values())
                .filter(r -> r != Representation.HTML)
                .map(r -> new LandingCitation.ExportLink(r.label(), "?format=" + r.format(), r.mediaType())).toList();
        return new LandingCitation(creators, contributors, description, related, references, exports);
    }

    private static LandingCitation.Person person(DataCiteMetadata.Name n) {
        return new LandingCitation.Person(n.name(),
                n.identifiers().stream().filter(i -> "ORCID".equals(i.scheme())).map(DataCiteMetadata.NameIdentifier::value)
                        .findFirst().orElse(null),
                n.affiliations().stream().map(DataCiteMetadata.AffiliationRef::name).findFirst().orElse(null),
                n.contributorType().orElse(null));
    }

    /** A body of {@code r} (not HTML, not JSON-LD), as text or as a value Jackson writes. */
    public Object body(Dataset d, ExportDetail detail, URI publicBase, Representation r, CitationStyle style) {
        DataCiteMetadata m = metadata(d, detail, publicBase);
        CSLItemData item = CslItems.of(m, PublicUrls.dataset(publicBase, d.pid));
        return switch (r) {
            case DATACITE_XML -> DataCiteXml.document(m);
            case DATACITE_JSON -> DataCiteJson.attributes(m);
            case CSL_JSON -> Citations.cslJson(item);
            case BIBTEX -> Bibtex.of(item);
            case RIS -> Ris.of(item);
            case CITATION -> Citations.reference(item, style, "text") + "\n";
            case HTML, JSON_LD, LINKSET, LINKSET_JSON -> throw new IllegalArgumentException("not an export: " + r);
        };
    }

    /** The dataset's DataCite metadata as {@code detail} allows, the source of every form but the page's own fields. */
    public DataCiteMetadata metadata(Dataset d, ExportDetail detail, URI publicBase) {
        return mapper.map(d, detail, publicBase, other -> access.decide(other).visibility() != Visibility.NONE);
    }
}
