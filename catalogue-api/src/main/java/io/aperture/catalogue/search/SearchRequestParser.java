package io.aperture.catalogue.search;

import io.aperture.catalogue.input.InstantRange;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.*;

/**
 * Turns query-string parameters (as the portal's URLs and {@code GET /api/search} carry them) into a
 * {@link SearchRequest}, refusing anything malformed with a message that names the parameter.
 * <p>Parameters: {@code q}, {@code sort}, {@code size}, {@code page} or {@code after}, {@code facets} (true or false),
 * one {@code <facet>=value} per selected facet value, {@code param=name:min:max[:unit]} for parameter ranges and
 * {@code from}/{@code to} (production days, {@code YYYY-MM-DD}).
 */
public final class SearchRequestParser {
    public static final int MAX_SIZE = 100;
    public static final int MAX_TEXT = 500;
    private static final int MAX_VALUES = 50;
    /** Parameter ranges in one search, as many as PaNOSC filters allow conditions. */
    static final int MAX_RANGES = 20;
    /** Numbered pages reach this far into the hits (the engine's result window); deeper pages follow {@code after}. */
    public static final int MAX_WINDOW = 10_000;

    private SearchRequestParser() {
    }

    public static SearchRequest parse(Map<String, List<String>> query) {
        String text = single(query, "q").orElse("");
        if (text.length() > MAX_TEXT) {
            throw new InvalidSearchException("q", "is longer than " + MAX_TEXT + " characters");
        }
        SearchRequest.Sort sort = single(query, "sort").map(SearchRequestParser::sort)
                .orElse(text.isBlank() ? SearchRequest.Sort.NEWEST : SearchRequest.Sort.RELEVANCE);
        int size = single(query, "size").map(SearchRequestParser::size).orElse(20);
        Map<String, List<String>> filters = new LinkedHashMap<>();
        // staff facets are read too; the search refuses them to a caller who may not use them (Facets.requireAllowed)
        for (String facet : facetNames()) {
            List<String> values = query.getOrDefault(facet, List.of()).stream().filter(v -> !v.isBlank()).distinct().toList();
            if (values.size() > MAX_VALUES) {
                throw new InvalidSearchException(facet, "at most " + MAX_VALUES + " values may be selected");
            }
            if ("year".equals(facet)) {
                values.forEach(v -> {
                    if (!v.matches("\\d{4}")) {
                        throw new InvalidSearchException("year", "must be a four-digit year");
                    }
                });
            }
            if (!values.isEmpty()) {
                filters.put(facet, values);
            }
        }
        List<SearchRequest.ParameterRange> ranges = new ArrayList<>();
        List<String> params = query.getOrDefault("param", List.of());
        if (params.size() > MAX_RANGES) {
            // each range is a few nested clauses: the engine's clause limit is reached long before any real search
            throw new InvalidSearchException("param", "at most " + MAX_RANGES + " parameter ranges may be given");
        }
        for (String p : params) {
            ranges.add(range(p));
        }
        boolean facets = single(query, "facets").map(SearchRequestParser::flag).orElse(true);
        Optional<String> after = single(query, "after");
        int page = single(query, "page").map(p -> page(p, size)).orElse(1);
        if (page > 1 && after.isPresent()) {
            throw new InvalidSearchException("page", "cannot be combined with after");
        }
        SearchRequest.DayRange produced = new SearchRequest.DayRange(single(query, "from").map(d -> day("from", d)),
                single(query, "to").map(d -> day("to", d)));
        if (produced.from().isPresent() && produced.to().isPresent() && produced.from().get().isAfter(produced.to().get())) {
            throw new InvalidSearchException("from", "must not be after to");
        }
        return new SearchRequest(booleanWords(text), filters, ranges, sort, (page - 1) * size, size, after, facets,
                List.of(), produced);
    }

    private static int page(String s, int size) {
        int max = MAX_WINDOW / size;
        try {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error
        }
        throw new InvalidSearchException("page", "must be a whole number from 1 to " + max + " at this size (deeper: follow next)");
    }

    private static LocalDate day(String name, String s) {
        LocalDate day;
        try {
            day = LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new InvalidSearchException(name, "must be a day as YYYY-MM-DD");
        }
        // ISO also reads "+999999999-01-01", which the engine's milliseconds cannot hold
        if (!InstantRange.contains(day.atStartOfDay(ZoneOffset.UTC).toInstant())) {
            throw new InvalidSearchException(name, "must be a day " + InstantRange.DESCRIPTION);
        }
        return day;
    }

    private static List<String> facetNames() {
        List<String> names = new ArrayList<>(DatasetSearch.FACETS.keySet());
        names.addAll(Facets.STAFF_FIELDS.keySet());
        return names;
    }

    /**
     * People type {@code OR}, {@code AND}, {@code NOT}; the engine's simple query syntax spells them {@code |}, {@code +}
     * and {@code -}. Only upper-case words outside quotes are operators, so "Or" in a title stays a word.
     */
    static String booleanWords(String q) {
        StringBuilder out = new StringBuilder();
        String[] parts = q.split("\"", -1);
        for (int i = 0; i < parts.length; i++) {
            String part = parts[i];
            if (i % 2 == 0) {
                part = part.replaceAll("(?<=^|\\s)OR(?=\\s|$)", "|").replaceAll("(?<=^|\\s)AND(?=\\s|$)", "+")
                        .replaceAll("(?<=^|\\s)NOT\\s+", "-");
            }
            out.append(part);
            if (i < parts.length - 1) {
                out.append('"');
            }
        }
        return out.toString();
    }

    private static SearchRequest.Sort sort(String s) {
        try {
            return SearchRequest.Sort.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidSearchException("sort", "must be one of relevance, newest, oldest, title");
        }
    }

    private static boolean flag(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidSearchException("facets", "must be true or false");
        };
    }

    private static int size(String s) {
        try {
            int n = Integer.parseInt(s);
            if (n >= 1 && n <= MAX_SIZE) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // fall through to the error
        }
        throw new InvalidSearchException("size", "must be a whole number from 1 to " + MAX_SIZE);
    }

    private static SearchRequest.ParameterRange range(String p) {
        String[] parts = p.split(":", -1);
        if (parts.length < 3 || parts.length > 4 || parts[0].isBlank()) {
            throw new InvalidSearchException("param", "must be name:min:max or name:min:max:unit (min or max may be empty)");
        }
        return new SearchRequest.ParameterRange(parts[0], number(parts[1]), number(parts[2]),
                parts.length == 4 && !parts[3].isBlank() ? parts[3] : null);
    }

    private static Double number(String s) {
        if (s.isBlank()) {
            return null;
        }
        try {
            double d = Double.parseDouble(s);
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException ignored) {
            // fall through
        }
        throw new InvalidSearchException("param", "bounds must be finite numbers");
    }

    private static Optional<String> single(Map<String, List<String>> query, String name) {
        List<String> v = query.get(name);
        if (v == null || v.isEmpty() || v.get(0).isBlank()) {
            return Optional.empty();
        }
        if (v.size() > 1) {
            throw new InvalidSearchException(name, "may be given only once");
        }
        return Optional.of(v.get(0));
    }
}
