package io.aperture.catalogue.search;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

import io.aperture.catalogue.tokens.TokenSignature;

import java.math.BigDecimal;

/**
 * The {@code after} cursor of deep paging: the sort values of the previous page's last hit, signed
 * ({@link TokenSignature}) so that a client cannot forge or edit one — a cursor steers the engine's
 * {@code search_after}, and only values the engine produced for this sort go back to it. Its shape follows the sort,
 * and a cursor that is not signed here or has another shape is refused as a bad parameter (the engine would only fail
 * the query).
 */
final class SearchCursor {
    private static final int MAX_KEYWORD = 1000;
    /** What its signature is for: a resumption token is not a search cursor. */
    static final String PURPOSE = "search-cursor";

    private SearchCursor() {
    }

    static String encode(JsonArray sortValues, TokenSignature signature) {
        return signature.sign(PURPOSE, sortValues.toString());
    }

    /** The sort values of {@code cursor}, when it has the shape of {@code sort}'s values. */
    static JsonArray decode(String cursor, SearchRequest.Sort sort, TokenSignature signature) {
        try {
            String json = signature.verify(PURPOSE, cursor).orElseThrow(IllegalArgumentException::new);
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
