package io.aperture.portal;

import io.aperture.catalogue.panet.Panet;
import io.aperture.catalogue.search.DatasetSearch;
import io.aperture.catalogue.search.SearchRequestParser;
import io.aperture.catalogue.search.SearchResult;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/**
 * What the search page shows, and the links it builds. Every state of the page is its URL: each link is the current
 * query with one thing changed (always URL-encoded), so a page can be bookmarked and shared. The search itself is
 * {@code search/DatasetSearch}'s; this only reads the query string back for the controls.
 */
public record SearchPage(Map<String, List<String>> query, SearchResult result, String error, String user) {

    /** The names people read for the facets (their order is the search's, {@link DatasetSearch#FACETS}). */
    private static final Map<String, String> FACET_LABELS = Map.of("technique", "Technique", "instrument", "Instrument",
            "year", "Year", "access", "Access", "licence", "Licence", "sample", "Sample", "kind", "Kind",
            "definition", "NeXus definition");
    /** Keys the search form itself sends; everything else it carries along as hidden fields. */
    private static final Set<String> FORM_KEYS = Set.of("q", "sort", "from", "to", "page", "after");
    private static final int DEFAULT_SIZE = 20;
    private static final int PAGES_AROUND = 2;

    /** A selection on the page, with the link that drops it. */
    public record Chip(String label, String removeLink) {}

    /** A numbered page link; {@code current} for the page being shown. */
    public record PageLink(int number, String href, boolean current) {}

    /** A hidden form field that keeps a selection when the text, sort or dates change. */
    public record Field(String name, String value) {}

    /** A choice in a select control. */
    public record Option(String value, String label) {}

    /** A quantity of the parameter filter: the name searched (search/ParameterNames) and its units (units module spellings). */
    public record Quantity(String name, String label, List<Option> units) {}

    public static final List<Quantity> QUANTITIES = List.of(
            new Quantity("wavelength", "Wavelength", List.of(new Option("Angstrom", "Å"), new Option("nm", "nm"))),
            new Quantity("energy", "Energy", List.of(new Option("keV", "keV"), new Option("eV", "eV"))),
            new Quantity("sample temperature", "Sample temperature", List.of(new Option("K", "K"), new Option("degC", "°C"))),
            new Quantity("detector distance", "Detector distance", List.of(new Option("mm", "mm"), new Option("m", "m"))));

    public static final List<Option> SORTS = List.of(new Option("", "Best first"), new Option("relevance", "Relevance"),
            new Option("newest", "Newest first"), new Option("oldest", "Oldest first"), new Option("title", "Title A–Z"));

    public String q() {
        return first("q");
    }

    public String sort() {
        return first("sort");
    }

    public String from() {
        return first("from");
    }

    public String to() {
        return first("to");
    }

    public List<Quantity> quantities() {
        return QUANTITIES;
    }

    public List<Option> sorts() {
        return SORTS;
    }

    public String facetLabel(String facet) {
        return FACET_LABELS.getOrDefault(facet, facet);
    }

    /**
     * A facet's values as counted, and after them any selected value the counts leave out (none of its hits match the
     * other selections): a selection is always shown, so it can be removed.
     */
    public List<SearchResult.FacetValue> facetValues(String facet) {
        List<SearchResult.FacetValue> counted = result.facets().getOrDefault(facet, List.of());
        List<SearchResult.FacetValue> values = new ArrayList<>(counted);
        for (String v : query.getOrDefault(facet, List.of())) {
            if (counted.stream().noneMatch(c -> c.value().equals(v))) {
                values.add(new SearchResult.FacetValue(v, 0));
            }
        }
        return values;
    }

    /** The technique facet's values (with any selection the counts leave out) as PaNET's hierarchy. */
    public TechniqueFacet techniqueFacet() {
        return TechniqueFacet.of(facetValues("technique"), Set.copyOf(query.getOrDefault("technique", List.of())),
                Panet.shipped());
    }

    public boolean selected(String facet, String value) {
        return query.getOrDefault(facet, List.of()).contains(value);
    }

    /** Toggles one facet value, keeping the text and the other selections; starts again from page one. */
    public String facetLink(String facet, String value) {
        Map<String, List<String>> q = withoutPaging();
        List<String> values = new ArrayList<>(q.getOrDefault(facet, List.of()));
        if (!values.remove(value)) {
            values.add(value);
        }
        q.put(facet, values);
        return link(q);
    }

    /** What is selected, each with the link that removes it: facet values, parameter ranges and the dates. */
    public List<Chip> chips() {
        List<Chip> chips = new ArrayList<>();
        DatasetSearch.FACETS.keySet().forEach(facet -> query.getOrDefault(facet, List.of())
                .forEach(v -> chips.add(new Chip(facetLabel(facet) + ": " + v, facetLink(facet, v)))));
        for (String p : query.getOrDefault("param", List.of())) {
            chips.add(new Chip(paramLabel(p), removing("param", p::equals)));
        }
        if (!from().isEmpty()) {
            chips.add(new Chip("From " + from(), removing("from", v -> true)));
        }
        if (!to().isEmpty()) {
            chips.add(new Chip("To " + to(), removing("to", v -> true)));
        }
        return chips;
    }

    /** The selections the search form does not show as controls, so a new text or sort keeps them. */
    public List<Field> carried() {
        List<Field> fields = new ArrayList<>();
        query.forEach((k, values) -> {
            if (!FORM_KEYS.contains(k)) {
                values.forEach(v -> fields.add(new Field(k, v)));
            }
        });
        return fields;
    }

    /** The same, for the parameter form, which sends everything but the parameter it adds. */
    public List<Field> carriedWithText() {
        List<Field> fields = new ArrayList<>();
        query.forEach((k, values) -> {
            if (!k.equals("page") && !k.equals("after")) {
                values.forEach(v -> fields.add(new Field(k, v)));
            }
        });
        return fields;
    }

    public int size() {
        try {
            return first("size").isEmpty() ? DEFAULT_SIZE : Integer.parseInt(first("size"));
        } catch (NumberFormatException e) {
            return DEFAULT_SIZE;
        }
    }

    public int pageNumber() {
        try {
            return first("page").isEmpty() ? 1 : Integer.parseInt(first("page"));
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    /** Pages there are, within the numbered window (deeper hits are reached by narrowing the search). */
    public int pageCount() {
        long reachable = Math.min(result.total(), SearchRequestParser.MAX_WINDOW);
        return (int) Math.max(1, (reachable + size() - 1) / size());
    }

    public long firstShown() {
        return result.hits().isEmpty() ? 0 : (long) (pageNumber() - 1) * size() + 1;
    }

    public long lastShown() {
        return result.hits().isEmpty() ? 0 : firstShown() + result.hits().size() - 1;
    }

    /** The first, the last and the pages near the current one. */
    public List<PageLink> pages() {
        int current = pageNumber();
        int count = pageCount();
        return IntStream.rangeClosed(1, count)
                .filter(n -> n == 1 || n == count || Math.abs(n - current) <= PAGES_AROUND)
                .mapToObj(n -> new PageLink(n, pageLink(n), n == current)).toList();
    }

    /** Whether a gap (…) comes before this page link in {@link #pages()}. */
    public boolean gapBefore(PageLink p) {
        List<PageLink> all = pages();
        int i = all.indexOf(p);
        return i > 0 && all.get(i - 1).number() < p.number() - 1;
    }

    public String previousLink() {
        return pageNumber() > 1 ? pageLink(pageNumber() - 1) : null;
    }

    /** Only when a hit follows this page: the result says so ({@code next}), and the page is within the window. */
    public String nextLink() {
        return result.next() != null && pageNumber() < pageCount() ? pageLink(pageNumber() + 1) : null;
    }

    private String pageLink(int n) {
        Map<String, List<String>> q = withoutPaging();
        if (n > 1) {
            q.put("page", List.of(String.valueOf(n)));
        }
        return link(q);
    }

    /** A facet-less, paging-less copy of the query to change one thing in. */
    private Map<String, List<String>> withoutPaging() {
        Map<String, List<String>> q = new LinkedHashMap<>();
        query.forEach((k, v) -> {
            if (!k.equals("page") && !k.equals("after")) {
                q.put(k, new ArrayList<>(v));
            }
        });
        return q;
    }

    private String removing(String key, Predicate<String> drop) {
        Map<String, List<String>> q = withoutPaging();
        q.computeIfPresent(key, (k, values) -> values.stream().filter(drop.negate()).toList());
        return link(q);
    }

    private static String paramLabel(String p) {
        String[] parts = p.split(":", -1);
        if (parts.length < 3) {
            return p;
        }
        String unit = parts.length > 3 ? " " + parts[3] : "";
        String range = parts[1].isEmpty() ? "≤ " + parts[2] : parts[2].isEmpty() ? "≥ " + parts[1] : parts[1] + "–" + parts[2];
        return parts[0] + " " + range + unit;
    }

    private String first(String key) {
        List<String> v = query.get(key);
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    static String link(Map<String, List<String>> q) {
        StringBuilder sb = new StringBuilder("/");
        String sep = "?";
        for (var e : q.entrySet()) {
            for (String v : e.getValue()) {
                sb.append(sep).append(enc(e.getKey())).append('=').append(enc(v));
                sep = "&";
            }
        }
        return sb.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
