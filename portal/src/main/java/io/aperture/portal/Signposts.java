package io.aperture.portal;

import io.aperture.catalogue.datacite.DataCiteMetadata;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * FAIR Signposting (signposting.org/FAIR) of one landing page: the typed links that let a machine find the persistent
 * identifier, the metadata, the type, the licence, the authors and the files without parsing the page. Level 1: the
 * page's {@code Link} headers ({@link #headers}); level 2: the same links as an RFC 9264 linkset ({@link #linkset},
 * {@link #linksetJson}), advertised by {@code rel="linkset"}, with each metadata form pointing back ({@code describes})
 * and each file naming its dataset ({@code collection}). Every link is something the page itself shows.
 */
public record Signposts(String landingPage, List<Link> links) {
    static final String LINKSET = "application/linkset";
    static final String LINKSET_JSON = "application/linkset+json";
    /** The media type of every file a dataset has: NeXus files are HDF5. */
    static final String FILE_TYPE = "application/x-hdf5";

    /** One typed link from the landing page; {@code type} is the target's media type or null. */
    public record Link(String href, String rel, String type) {
        String header() {
            return "<" + href + ">; rel=\"" + rel + "\"" + (type == null ? "" : "; type=\"" + type + "\"");
        }
    }

    /**
     * @param citeAs      the DOI URL, or the landing page when there is no DOI
     * @param landingPage the page's public URL (the metadata forms are its {@code ?format=} links)
     * @param authors     the creators' ORCID iD URLs
     * @param licence     the licence URL when it is in force, else null
     * @param items       the public URLs of the dataset's files (none when they have none, or may not be fetched)
     */
    public static Signposts of(String citeAs, String landingPage, List<String> authors, URI licence, List<String> items) {
        return of(citeAs, landingPage, authors, licence, items, FILE_TYPE);
    }

    /**
     * The same for any landing page whose {@code item}s are of media type {@code itemType}: a collection's items are
     * its member datasets' landing pages ({@code text/html}).
     */
    public static Signposts of(String citeAs, String landingPage, List<String> authors, URI licence, List<String> items,
                               String itemType) {
        List<Link> out = new ArrayList<>();
        out.add(new Link(citeAs, "cite-as", null));
        for (Representation r : METADATA) {
            out.add(new Link(landingPage + "?format=" + r.format(), "describedby", r.mediaType()));
        }
        if (licence != null) {
            out.add(new Link(licence.toString(), "license", null));
        }
        authors.forEach(a -> out.add(new Link(a, "author", null)));
        out.add(new Link("https://schema.org/AboutPage", "type", null));
        out.add(new Link("https://schema.org/Dataset", "type", null));
        items.forEach(i -> out.add(new Link(i, "item", itemType)));
        return new Signposts(landingPage, List.copyOf(out));
    }

    /** The ORCID iD URLs of {@code m}'s creators: the {@code author} links. */
    static List<String> authors(DataCiteMetadata m) {
        return m.creators().stream().flatMap(c -> c.identifiers().stream())
                .filter(i -> "ORCID".equals(i.scheme())).map(DataCiteMetadata.NameIdentifier::value).toList();
    }

    private static final List<Representation> METADATA =
            List.of(Representation.DATACITE_XML, Representation.JSON_LD, Representation.DATACITE_JSON);

    /** The landing page's {@code Link} headers: level 1, and the two linksets of level 2. */
    public List<String> headers() {
        List<String> out = new ArrayList<>(links.stream().map(Link::header).toList());
        out.add(new Link(landingPage + "?format=" + Representation.LINKSET.format(), "linkset", LINKSET).header());
        out.add(new Link(landingPage + "?format=" + Representation.LINKSET_JSON.format(), "linkset", LINKSET_JSON).header());
        return out;
    }

    /** The link from any other form of the page (metadata, a file) back to the page it belongs to. */
    static Link describes(String landingPage) {
        return new Link(landingPage, "describes", "text/html");
    }

    /** The linkset as {@code application/linkset}: RFC 8288 link values with their anchor, one per line. */
    public String linkset() {
        return contexts().stream().flatMap(c -> c.links().stream().map(l -> l.header() + "; anchor=\"" + c.anchor() + "\""))
                .collect(Collectors.joining(",\n", "", "\n"));
    }

    /** The linkset as {@code application/linkset+json}: one object per anchor, its relations as arrays of targets. */
    public Map<String, Object> linksetJson() {
        List<Map<String, Object>> sets = new ArrayList<>();
        for (Context c : contexts()) {
            Map<String, Object> set = new LinkedHashMap<>();
            set.put("anchor", c.anchor());
            for (Link l : c.links()) {
                @SuppressWarnings("unchecked")
                List<Map<String, String>> targets = (List<Map<String, String>>) set.computeIfAbsent(l.rel(), k -> new ArrayList<>());
                Map<String, String> target = new LinkedHashMap<>();
                target.put("href", l.href());
                if (l.type() != null) {
                    target.put("type", l.type());
                }
                targets.add(target);
            }
            sets.add(set);
        }
        return Map.of("linkset", sets);
    }

    private record Context(String anchor, List<Link> links) {}

    /** The page's links, then each metadata form describing the page and each file belonging to it. */
    private List<Context> contexts() {
        List<Context> out = new ArrayList<>();
        out.add(new Context(landingPage, links));
        for (Link l : links) {
            if (l.rel().equals("describedby")) {
                out.add(new Context(l.href(), List.of(describes(landingPage))));
            } else if (l.rel().equals("item")) {
                out.add(new Context(l.href(), List.of(new Link(landingPage, "collection", "text/html"))));
            }
        }
        return out;
    }
}
