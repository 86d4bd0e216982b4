package io.aperture.portal;

import io.aperture.catalogue.search.SearchResult;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** What the search page shows, and the links it builds (always URL-encoded, keeping the other selections). */
public record SearchPage(Map<String, List<String>> query, SearchResult result, String error, String user) {

    public String q() {
        List<String> v = query.get("q");
        return v == null || v.isEmpty() ? "" : v.get(0);
    }

    public boolean selected(String facet, String value) {
        return query.getOrDefault(facet, List.of()).contains(value);
    }

    /** Toggles one facet value, keeping the text and the other facet selections; starts again from page one. */
    public String facetLink(String facet, String value) {
        StringBuilder sb = new StringBuilder("/?");
        query.forEach((k, values) -> {
            if (k.equals("after")) {
                return;
            }
            for (String v : values) {
                if (!(k.equals(facet) && v.equals(value))) {
                    sb.append(enc(k)).append('=').append(enc(v)).append('&');
                }
            }
        });
        if (!selected(facet, value)) {
            sb.append(enc(facet)).append('=').append(enc(value));
        }
        return sb.toString();
    }

    public String nextLink() {
        String rest = query.entrySet().stream().filter(e -> !e.getKey().equals("after"))
                .flatMap(e -> e.getValue().stream().map(v -> enc(e.getKey()) + "=" + enc(v)))
                .collect(Collectors.joining("&"));
        return "/?" + (rest.isEmpty() ? "" : rest + "&") + "after=" + enc(result.next());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
