package io.aperture.portal;

import java.util.List;

/**
 * What a landing page shows to cite its dataset, from the DataCite metadata the policy lets out: the creators, the
 * people who collected the data, the abstract, related resources (provenance, publications, documentation), a
 * reference in several CSL styles and a link to every other form of the page.
 */
public record LandingCitation(List<Person> creators, List<Person> contributors, String description,
                              List<Related> related, List<Reference> references, List<ExportLink> exports) {

    /** A creator or contributor; {@code orcid} is the ORCID iD URL or null, {@code role} a contributor's DataCite type. */
    public record Person(String name, String orcid, String affiliation, String role) {}

    /**
     * A DataCite related identifier as a link: {@code relation} is its relation type (IsDerivedFrom, References...),
     * {@code phrase} the same in words.
     */
    public record Related(String relation, String phrase, String label, String href) {}

    /** One formatted reference; {@code style} is the CSL style name (also the element id for the copy button). */
    public record Reference(String style, String label, String text) {}

    public record ExportLink(String label, String href, String mediaType) {}

    /** The same without the related resources of {@code relation} (a page that lists them otherwise). */
    public LandingCitation without(String relation) {
        return new LandingCitation(creators, contributors, description,
                related.stream().filter(r -> !r.relation().equals(relation)).toList(), references, exports);
    }
}
