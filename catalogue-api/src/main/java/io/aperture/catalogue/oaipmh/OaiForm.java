package io.aperture.catalogue.oaipmh;

import io.aperture.catalogue.oaipmh.OaiException.Code;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of an OAI-PMH request from its raw query string or form body
 * ({@code application/x-www-form-urlencoded}), decoded here so that malformed encoding ({@code %zz}) is a protocol
 * error ({@code badArgument}) rather than a failure of the framework's decoder.
 */
final class OaiForm {
    private OaiForm() {
    }

    static Map<String, List<String>> parse(String encoded) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return parameters;
        }
        for (String pair : encoded.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return parameters;
    }

    private static String decode(String part) {
        try {
            return URLDecoder.decode(part, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new OaiException(Code.badArgument, "the request is not valid URL encoding (a '%' must start two hex digits)");
        }
    }
}
