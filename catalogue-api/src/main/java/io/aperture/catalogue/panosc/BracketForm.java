package io.aperture.catalogue.panosc;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.catalogue.search.InvalidSearchException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LoopBack's bracket form of a JSON query parameter ({@code filter[where][title]=x&filter[limit]=1}, design/PANOSC.md §2),
 * which the reference accepts through the qs library, read into the JSON it stands for. qs's rules: a key is the name
 * followed by {@code [segment]}s; {@code []} appends to an array; an object whose keys are the indexes 0..20 becomes an
 * array in index order; a repeated key gives an array of its values; every value stays a string (numbers, dates and
 * booleans accept strings). A key that is both a value and an object is a 400 naming it.
 */
final class BracketForm {
    private static final Pattern SEGMENT = Pattern.compile("\\[([^\\[\\]]*)]");
    private static final int MAX_SEGMENTS = 20;
    /** qs's arrayLimit: a larger index stays an object key. */
    private static final int ARRAY_LIMIT = 20;
    private static final ObjectMapper JSON = new ObjectMapper();

    private BracketForm() {
    }

    /** The JSON that the parameters {@code name[…]} spell, if there are any. */
    static Optional<String> json(String name, Map<String, List<String>> params) {
        Map<String, Object> root = new LinkedHashMap<>();
        boolean any = false;
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            String key = e.getKey();
            if (!key.startsWith(name + "[")) {
                continue;
            }
            List<String> path = segments(key, name.length());
            if (path.isEmpty()) {
                continue; // not brackets all the way: qs keeps such a key as it is, which names no parameter here
            }
            for (String value : e.getValue()) {
                put(root, path, value, key);
                any = true;
            }
        }
        if (!any) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.writeValueAsString(arrays(root)));
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static List<String> segments(String key, int from) {
        List<String> out = new ArrayList<>();
        Matcher m = SEGMENT.matcher(key);
        int at = from;
        while (at < key.length() && m.find(at) && m.start() == at) {
            out.add(m.group(1));
            at = m.end();
        }
        if (at != key.length()) {
            return List.of();
        }
        if (out.size() > MAX_SEGMENTS) {
            throw new InvalidSearchException(key, "nests deeper than " + MAX_SEGMENTS + " levels");
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, List<String> path, String value, String key) {
        Map<String, Object> node = root;
        for (int i = 0; i < path.size() - 1; i++) {
            String seg = path.get(i).isEmpty() ? String.valueOf(node.size()) : path.get(i);
            Object child = node.computeIfAbsent(seg, k -> new LinkedHashMap<String, Object>());
            if (!(child instanceof Map)) {
                throw new InvalidSearchException(key, "is both a value and an object");
            }
            node = (Map<String, Object>) child;
        }
        String last = path.getLast().isEmpty() ? String.valueOf(node.size()) : path.getLast();
        Object had = node.get(last);
        if (had instanceof Map) {
            throw new InvalidSearchException(key, "is both a value and an object");
        } else if (had instanceof List<?> list) {
            ((List<Object>) list).add(value);
        } else if (had != null) {
            node.put(last, new ArrayList<>(List.of(had, value)));
        } else {
            node.put(last, value);
        }
    }

    /** Objects keyed by the indexes 0..n (n ≤ the array limit) as arrays in index order, recursively. */
    @SuppressWarnings("unchecked")
    private static Object arrays(Object node) {
        if (!(node instanceof Map<?, ?> map)) {
            return node;
        }
        Map<String, Object> m = (Map<String, Object>) map;
        m.replaceAll((k, v) -> arrays(v));
        boolean indexes = !m.isEmpty() && m.keySet().stream().allMatch(k -> k.matches("\\d{1,2}") && Integer.parseInt(k) <= ARRAY_LIMIT);
        if (!indexes) {
            return m;
        }
        List<Object> out = new ArrayList<>();
        m.entrySet().stream().sorted(Map.Entry.comparingByKey((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b))))
                .forEach(e -> out.add(e.getValue()));
        return out;
    }
}
