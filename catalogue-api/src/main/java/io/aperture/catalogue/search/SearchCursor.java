package io.aperture.catalogue.search;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code after} cursor of deep paging: the sort values of the previous page's last hit, base64url-encoded. Its
 * shape follows the sort, and a cursor of another shape is refused as a bad parameter (the engine would only fail the
 * query).
 */
final class SearchCursor {
    private static final int MAX_KEYWORD = 1000;

    private SearchCursor() {
    }

    static String encode(JsonArray sortValues) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortValues.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The sort values of {@code cursor}, when it has the shape of {@code sort}'s values. */
    static JsonArray decode(String cursor, SearchRequest.Sort sort) {
        try {
            String json = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            JsonArray arr = JsonParser.parseString(json).getAsJsonArray();
            String shape = shape(sort);
            if (arr.size() != shape.length()) {
                throw new IllegalArgumentException();
            }
            for (int i = 0; i < shape.length(); i++) {
                if (!fits(arr.get(i), shape.charAt(i))) {
                    throw new IllegalArgumentException();
                }
            }
            return arr;
        } catch (RuntimeException e) {
            throw new InvalidSearchException("after", "is not a cursor returned by a previous page of this sort");
        }
    }

    /** l a date (epoch milliseconds), d a score, s a keyword, t a keyword the hit may lack (null). */
    private static String shape(SearchRequest.Sort sort) {
        return switch (sort) {
            case NEWEST, OLDEST -> "ls";
            case TITLE -> "ts";
            case RELEVANCE -> "dls";
        };
    }

    private static boolean fits(JsonElement e, char kind) {
        if (e.isJsonNull()) {
            return kind == 't';
        }
        if (!e.isJsonPrimitive()) {
            return false;
        }
        JsonPrimitive p = e.getAsJsonPrimitive();
        return switch (kind) {
            case 'l' -> p.isNumber() && isLong(p.getAsBigDecimal());
            case 'd' -> p.isNumber() && Double.isFinite(p.getAsDouble());
            default -> p.isString() && p.getAsString().length() <= MAX_KEYWORD;
        };
    }

    private static boolean isLong(BigDecimal n) {
        try {
            n.longValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }
}
