package io.aperture.portal;

import java.util.List;

/**
 * What a landing page shows to cite its dataset, from the DataCite metadata the policy lets out: the creators, the
 * abstract, a reference in several CSL styles and a link to every other form of the page.
 */
public record LandingCitation(List<Person> creators, String description, List<Reference> references,
                              List<ExportLink> exports) {

    /** A creator as cited; {@code orcid} is the ORCID iD URL or null. */
    public record Person(String name, String orcid, String affiliation) {}

    /** One formatted reference; {@code style} is the CSL style name (also the element id for the copy button). */
    public record Reference(String style, String label, String text) {}

    public record ExportLink(String label, String href, String mediaType) {}
}
