package io.aperture.portal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The search page's parameter filter as a form (quantity, from, to, unit) and the one {@code param=name:min:max:unit}
 * of the search URL it stands for; the search parser checks the result like any other URL.
 */
final class ParameterForm {
    static final String NAME = "pname";
    private static final List<String> FIELDS = List.of(NAME, "pmin", "pmax", "punit");

    private ParameterForm() {
    }

    /** The query with the form's fields folded into one more {@code param} (none when no quantity was chosen). */
    static Map<String, List<String>> fold(Map<String, List<String>> query) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        query.forEach((k, v) -> {
            if (!FIELDS.contains(k) && !k.equals("page") && !k.equals("after")) {
                out.put(k, new ArrayList<>(v));
            }
        });
        String name = first(query, NAME);
        if (!name.isBlank()) {
            String param = String.join(":", name.replace(":", " "), first(query, "pmin").trim(), first(query, "pmax").trim(),
                    first(query, "punit").trim());
            out.computeIfAbsent("param", k -> new ArrayList<>()).add(param);
        }
        return out;
    }

    private static String first(Map<String, List<String>> query, String key) {
        List<String> v = query.get(key);
        return v == null || v.isEmpty() || v.get(0) == null ? "" : v.get(0);
    }
}
