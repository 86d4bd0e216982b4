package io.aperture.portal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * FAIR Signposting level 1 (signposting.org/FAIR): the typed links a landing page sends as {@code Link} headers, so
 * a machine finds the persistent identifier, the metadata, the type, the licence and the authors without parsing the
 * page. Every link is something the page itself shows.
 */
public final class Signposts {
    private Signposts() {
    }

    /**
     * @param citeAs      the DOI URL, or the landing page when there is no DOI
     * @param landingPage the page's public URL (the metadata forms are its {@code ?format=} links)
     * @param authors     the creators' ORCID iD URLs
     * @param licence     the licence URL when it is in force, else null
     */
    public static List<String> links(String citeAs, String landingPage, List<String> authors, URI licence) {
        List<String> out = new ArrayList<>();
        out.add(link(citeAs, "cite-as", null));
        for (Representation r : List.of(Representation.DATACITE_XML, Representation.JSON_LD, Representation.DATACITE_JSON)) {
            out.add(link(landingPage + "?format=" + r.format(), "describedby", r.mediaType()));
        }
        if (licence != null) {
            out.add(link(licence.toString(), "license", null));
        }
        authors.forEach(a -> out.add(link(a, "author", null)));
        out.add(link("https://schema.org/AboutPage", "type", null));
        out.add(link("https://schema.org/Dataset", "type", null));
        return out;
    }

    private static String link(String target, String rel, String type) {
        return "<" + target + ">; rel=\"" + rel + "\"" + (type == null ? "" : "; type=\"" + type + "\"");
    }
}
