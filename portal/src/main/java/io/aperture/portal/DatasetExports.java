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
import io.aperture.catalogue.model.Dataset;
import io.aperture.policy.access.ExportDetail;
import io.aperture.policy.access.Visibility;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The forms of a landing page other than the HTML page, from its DataCite metadata: for a dataset as the policy's
 * export detail allows it (so the minimal DOI landing set under embargo, everything once released), for a visit's or
 * proposal's collection its public record. Datasets and collections answer every form through {@link #answer}.
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

    /**
     * The answer in {@code r}, any form but the HTML page: an export of {@code m}, the JSON-LD or a linkset, each with
     * the page's signposting ({@code describes} back to the page; the linksets are its level 2).
     *
     * @param signposts the page's signposts, built only for a linkset; @param jsonLd its JSON-LD, built only for that form
     */
    Response answer(Representation r, CitationStyle style, DataCiteMetadata m, String landingPage,
                    Supplier<Signposts> signposts, Supplier<String> jsonLd) {
        String type = r.mediaType() + ";charset=UTF-8"; // text forms are UTF-8; DataCite JSON is JSON, whatever its vendor type
        return Negotiation.vary(switch (r) {
            case HTML -> throw new IllegalArgumentException("the page is not an export");
            case LINKSET -> Response.ok(signposts.get().linkset(), type).build();
            case LINKSET_JSON -> Response.ok(signposts.get().linksetJson(), type).build();
            case JSON_LD -> Response.ok(jsonLd.get(), type).header("Link", describes(landingPage)).build();
            default -> Response.ok(body(m, landingPage, r, style), type).header("Link", describes(landingPage)).build();
        });
    }

    /** The Link header of every form but the page and its linksets: which landing page it describes. */
    private static String describes(String landingPage) {
        return Signposts.describes(landingPage).header();
    }

    /** A body of {@code r} (not HTML, not JSON-LD, not a linkset), as text or as a value Jackson writes. */
    Object body(DataCiteMetadata m, String landingPage, Representation r, CitationStyle style) {
        CSLItemData item = CslItems.of(m, landingPage);
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
