package io.aperture.catalogue.input;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body (or raw query string) decoded here rather than by the framework,
 * whose decoder fails on malformed encoding ({@code %zz}) with an unchecked exception that would be a 500: here it is
 * an {@link InvalidInputException} on the field {@code form}, a 400 (the OAI-PMH endpoint turns it into its
 * {@code badArgument}).
 */
public record UrlEncodedForm(Map<String, List<String>> parameters) {
    public static final String MALFORMED = "is not valid URL encoding (a '%' must start two hex digits)";

    public static UrlEncodedForm parse(String encoded) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (encoded != null && !encoded.isEmpty()) {
            for (String pair : encoded.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String key = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                parameters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
            }
        }
        return new UrlEncodedForm(parameters);
    }

    /** The first value of a field, if sent. */
    public Optional<String> first(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("form", MALFORMED);
        }
    }
}
