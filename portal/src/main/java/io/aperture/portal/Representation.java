package io.aperture.portal;

import jakarta.ws.rs.core.MediaType;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The forms a dataset landing page comes in, by {@code Accept} as DOI content negotiation offers them
 * (citation.crosscite.org/docs.html), or by {@code ?format=} for a plain link. {@link #CITATION} takes
 * {@code style} and {@code locale} as media-type parameters or query parameters.
 */
public enum Representation {
    HTML("text/html", "html", "page"),
    JSON_LD("application/ld+json", "jsonld", "schema.org JSON-LD"),
    DATACITE_XML("application/vnd.datacite.datacite+xml", "datacite-xml", "DataCite XML"),
    DATACITE_JSON("application/vnd.datacite.datacite+json", "datacite-json", "DataCite JSON"),
    CSL_JSON("application/vnd.citationstyles.csl+json", "csl-json", "CSL-JSON"),
    BIBTEX("application/x-bibtex", "bibtex", "BibTeX"),
    RIS("application/x-research-info-systems", "ris", "RIS"),
    CITATION("text/x-bibliography", "citation", "Formatted citation (APA)"),
    LINKSET("application/linkset", "linkset", "Signposting linkset"),
    LINKSET_JSON("application/linkset+json", "linkset-json", "Signposting linkset (JSON)");

    private final String mediaType;
    private final String format;
    private final String label;

    Representation(String mediaType, String format, String label) {
        this.mediaType = mediaType;
        this.format = format;
        this.label = label;
    }

    /** How the landing page's export links name it. */
    public String label() {
        return label;
    }

    public String mediaType() {
        return mediaType;
    }

    public String format() {
        return format;
    }

    /** What the request asked for: a representation and, for a citation, the style and locale (null: default). */
    public record Choice(Representation representation, String style, String locale) {}

    /** The media types, for a 406 and the docs. */
    public static String mediaTypes() {
        return Arrays.stream(values()).map(Representation::mediaType).collect(Collectors.joining(", "));
    }

    public static String formats() {
        return Arrays.stream(values()).map(Representation::format).collect(Collectors.joining(", "));
    }

    public static Optional<Representation> byFormat(String format) {
        return Arrays.stream(values()).filter(r -> r.format.equalsIgnoreCase(format)).findFirst();
    }

    /**
     * The first acceptable type this resource has, in the client's order of preference (JAX-RS sorts
     * {@code acceptable} by quality and specificity). Wildcards mean the page: a browser's {@code *}{@code /*}, {@code text/*};
     * a type with {@code q=0} is refused by the client, so skipped. Empty: nothing acceptable (406).
     */
    public static Optional<Choice> choose(List<MediaType> acceptable) {
        if (acceptable.isEmpty()) {
            return Optional.of(new Choice(HTML, null, null));
        }
        for (MediaType t : acceptable) {
            if (isZero(t.getParameters().get("q"))) {
                continue;
            }
            if (t.isWildcardType() || ("text".equals(t.getType()) && t.isWildcardSubtype())) {
                return Optional.of(new Choice(HTML, null, null));
            }
            for (Representation r : values()) {
                if (MediaType.valueOf(r.mediaType).isCompatible(t) && !t.isWildcardSubtype()) {
                    return Optional.of(new Choice(r, t.getParameters().get("style"), t.getParameters().get("locale")));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isZero(String q) {
        try {
            return q != null && Double.parseDouble(q) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
