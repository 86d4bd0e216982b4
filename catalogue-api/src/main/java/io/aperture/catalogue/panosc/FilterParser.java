package io.aperture.catalogue.panosc;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.aperture.catalogue.input.InputText;
import io.aperture.catalogue.search.InvalidSearchException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the PaNOSC {@code filter} and {@code where} parameters (design/PANOSC.md §3) into a {@link PanoscFilter}. It
 * refuses with a 400 naming the place what the reference refuses (malformed JSON, a {@code where} or {@code and}/{@code or}
 * of the wrong shape, {@code $} operators, {@code between} without two values, a non-string {@code like}, a bad
 * {@code limit}, {@code skip} or order direction, nesting deeper than {@link #MAX_DEPTH}) and what would otherwise reach
 * the database as a fault (control characters, overlong patterns). Unknown operators become {@link Condition.Nothing}:
 * the reference answers them with no match. Which fields and relations exist is the entity's business, not the parser's.
 */
final class FilterParser {
    /** The reference's datasource bound ({@code maxDepthOfQuery}), counted in nested objects of a {@code where}. */
    static final int MAX_DEPTH = 14;
    /** Nested includes: Documents → datasets → techniques is the deepest any client sends. */
    static final int MAX_INCLUDE_DEPTH = 4;
    /** The longest string operand; patterns are shorter, as their cost grows with their wildcards. */
    static final int MAX_TEXT = 500;
    static final int MAX_PATTERN = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    private FilterParser() {
    }

    /** The {@code filter} query parameter; absent or blank is the empty filter. */
    static PanoscFilter filter(String json) {
        if (json == null || json.isBlank()) {
            return PanoscFilter.NONE;
        }
        return filter(object(json, "filter"), "filter", 0);
    }

    /** The {@code where} query parameter of the count endpoints; absent or blank matches everything. */
    static Condition where(String json) {
        if (json == null || json.isBlank()) {
            return Condition.EVERYTHING;
        }
        return where(object(json, "where"), "where", 1);
    }

    /** A query parameter holding a JSON object; anything else is a 400 naming the parameter. */
    static JsonNode object(String json, String name) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidSearchException(name, "is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new InvalidSearchException(name, "must be a JSON object");
        }
        return node;
    }

    private static PanoscFilter filter(JsonNode f, String at, int includeDepth) {
        Condition where = f.hasNonNull("where") ? where(f.get("where"), at + ".where", 1) : Condition.EVERYTHING;
        List<PanoscFilter.Include> include = include(f.get("include"), at + ".include", includeDepth);
        Optional<Long> limit = whole(f.get("limit"), at + ".limit", "limit").filter(n -> n > 0);
        JsonNode skipNode = f.hasNonNull("skip") ? f.get("skip") : f.get("offset");
        long skip = whole(skipNode, at + ".skip", "offset/skip").orElse(0L);
        List<PanoscFilter.Order> order = order(f.get("order"), at + ".order");
        PanoscFilter.Projection fields = fields(f.get("fields"), at + ".fields");
        // the reference ignores a query of another type; so do we
        String query = f.path("query").isTextual() ? text(f.get("query").textValue(), at + ".query", MAX_TEXT) : "";
        return new PanoscFilter(where, include, limit, skip, order, fields, query.strip());
    }

    static Condition where(JsonNode w, String at, int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidSearchException(at, "is nested deeper than " + MAX_DEPTH + " levels (QUERY_OBJECT_TOO_DEEP)");
        }
        if (!w.isObject()) {
            throw new InvalidSearchException(at, "The where clause is not an object");
        }
        List<Condition> parts = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            String here = at + "." + key;
            if (key.startsWith("$")) {
                throw new InvalidSearchException(here, "operators starting with $ are not allowed (OPERATOR_NOT_ALLOWED_IN_QUERY)");
            }
            if (key.equals("and") || key.equals("or")) {
                if (!v.isArray()) {
                    throw new InvalidSearchException(here, "The " + key + " operator has invalid clauses: it takes an array");
                }
                List<Condition> items = new ArrayList<>();
                for (int i = 0; i < v.size(); i++) {
                    items.add(where(v.get(i), here + "[" + i + "]", depth + 1));
                }
                parts.add(key.equals("and") ? new Condition.All(items) : new Condition.Any(items));
            } else if (key.equals("text") && v.isTextual()) {
                parts.add(new Condition.Text(text(v.textValue(), here, MAX_PATTERN)));
            } else if (key.equals("parameters")) {
                // a parameter condition (PANOSC.md §3.5), read as a whole where parameters are served
                parts.add(new Condition.Compare(key, Operator.EQ, checked(v, here), here));
            } else if (v.isObject() && !v.isEmpty()) {
                if (depth + 1 > MAX_DEPTH) {
                    throw new InvalidSearchException(here, "is nested deeper than " + MAX_DEPTH + " levels (QUERY_OBJECT_TOO_DEEP)");
                }
                for (Iterator<Map.Entry<String, JsonNode>> ops = v.fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    parts.add(comparison(key, op.getKey(), op.getValue(), here + "." + op.getKey()));
                }
            } else {
                parts.add(new Condition.Compare(key, Operator.EQ, checked(v, here), here));
            }
        }
        return parts.size() == 1 ? parts.getFirst() : new Condition.All(parts);
    }

    private static Condition comparison(String field, String opName, JsonNode operand, String at) {
        if (opName.startsWith("$")) {
            throw new InvalidSearchException(at, "operators starting with $ are not allowed (OPERATOR_NOT_ALLOWED_IN_QUERY)");
        }
        Optional<Operator> named = Operator.named(opName);
        if (named.isEmpty()) {
            return new Condition.Nothing("unknown operator '" + opName + "'");
        }
        Operator op = named.get();
        switch (op) {
            case BETWEEN -> {
                if (!operand.isArray() || operand.size() != 2) {
                    throw new InvalidSearchException(at, "Expected precisely 2 values, received "
                            + (operand.isArray() ? operand.size() : 1));
                }
            }
            case INQ, NIN -> {
                if (!operand.isArray()) {
                    throw new InvalidSearchException(at, "takes an array");
                }
            }
            case LIKE, NLIKE, ILIKE, NILIKE, REGEXP -> {
                if (!operand.isTextual()) {
                    throw new InvalidSearchException(at, "Expected a string or RegExp");
                }
                text(operand.textValue(), at, MAX_PATTERN);
            }
            default -> {
            }
        }
        return new Condition.Compare(field, op, checked(operand, at), at);
    }

    /** An operand's strings hold no control character and stay within {@link #MAX_TEXT}. */
    private static JsonNode checked(JsonNode v, String at) {
        if (v.isTextual()) {
            text(v.textValue(), at, MAX_TEXT);
        } else if (v.isArray()) {
            if (v.size() > 1000) {
                throw new InvalidSearchException(at, "takes at most 1000 values");
            }
            for (int i = 0; i < v.size(); i++) {
                checked(v.get(i), at + "[" + i + "]");
            }
        }
        return v;
    }

    private static String text(String s, String at, int max) {
        InputText.problem(s, max).ifPresent(p -> {
            throw new InvalidSearchException(at, p);
        });
        return s;
    }

    private static List<PanoscFilter.Include> include(JsonNode n, String at, int depth) {
        if (n == null || n.isNull() || (n.isTextual() && n.textValue().isEmpty())) {
            return List.of();
        }
        if (depth >= MAX_INCLUDE_DEPTH) {
            throw new InvalidSearchException(at, "includes nest at most " + MAX_INCLUDE_DEPTH + " levels");
        }
        List<JsonNode> items = new ArrayList<>();
        if (n.isArray()) {
            n.forEach(items::add);
        } else {
            items.add(n);
        }
        List<PanoscFilter.Include> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String here = n.isArray() ? at + "[" + i + "]" : at;
            if (item.isTextual()) {
                out.add(new PanoscFilter.Include(text(item.textValue(), here, MAX_TEXT), PanoscFilter.NONE, here));
            } else if (item.isObject() && item.path("relation").isTextual()) {
                JsonNode scope = item.get("scope");
                if (scope != null && !scope.isNull() && !scope.isObject()) {
                    throw new InvalidSearchException(here + ".scope", "must be an object");
                }
                PanoscFilter scoped = scope == null || scope.isNull() ? PanoscFilter.NONE : filter(scope, here + ".scope", depth + 1);
                out.add(new PanoscFilter.Include(text(item.get("relation").textValue(), here + ".relation", MAX_TEXT), scoped, here));
            } else {
                throw new InvalidSearchException(here, "must be a relation name or {\"relation\": name, \"scope\": {…}}");
            }
        }
        return out;
    }

    /**
     * A whole number of 0 or more, as a JSON number ({@code 100}, {@code 1e3}) or a numeric string, as LoopBack takes it;
     * huge values ({@code 1e400}) saturate and the caller clamps them. Empty when absent.
     */
    private static Optional<Long> whole(JsonNode v, String at, String name) {
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        BigDecimal n = null;
        if (v.isNumber()) {
            n = Double.isInfinite(v.doubleValue()) && v.isFloatingPointNumber()
                    ? BigDecimal.valueOf(v.doubleValue() > 0 ? Long.MAX_VALUE : -1) : v.decimalValue();
        } else if (v.isTextual() && v.textValue().strip().matches("\\d{1,400}")) {
            n = new BigDecimal(v.textValue().strip());
        }
        if (n == null || n.signum() < 0 || n.stripTrailingZeros().scale() > 0) {
            throw new InvalidSearchException(at, "The " + name + " parameter is not valid: a whole number of 0 or more");
        }
        return Optional.of(n.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0 ? Long.MAX_VALUE : n.longValueExact());
    }

    private static List<PanoscFilter.Order> order(JsonNode n, String at) {
        if (n == null || n.isNull()) {
            return List.of();
        }
        List<String> keys = new ArrayList<>();
        if (n.isTextual()) {
            for (String k : n.textValue().split(",")) {
                keys.add(k);
            }
        } else if (n.isArray()) {
            for (JsonNode k : n) {
                if (!k.isTextual()) {
                    throw new InvalidSearchException(at, "takes strings such as \"title ASC\"");
                }
                keys.add(k.textValue());
            }
        } else {
            throw new InvalidSearchException(at, "takes a string or an array of strings such as \"title ASC\"");
        }
        List<PanoscFilter.Order> out = new ArrayList<>();
        for (String key : keys) {
            String k = text(key, at, MAX_TEXT).strip();
            if (k.isEmpty()) {
                continue;
            }
            String[] parts = k.split("\\s+");
            boolean descending = false;
            if (parts.length > 2 || (parts.length == 2 && !parts[1].toUpperCase(Locale.ROOT).matches("ASC|DESC"))) {
                throw new InvalidSearchException(at, "The order \"" + k + "\" has invalid direction (ASC or DESC)");
            }
            if (parts.length == 2) {
                descending = parts[1].equalsIgnoreCase("DESC");
            }
            out.add(new PanoscFilter.Order(parts[0], descending));
        }
        return out;
    }

    private static PanoscFilter.Projection fields(JsonNode n, String at) {
        if (n == null || n.isNull()) {
            return PanoscFilter.Projection.ALL;
        }
        Set<String> only = new HashSet<>();
        Set<String> without = new HashSet<>();
        if (n.isArray()) {
            n.forEach(f -> only.add(f.asText()));
        } else if (n.isObject()) {
            n.fields().forEachRemaining(e -> (e.getValue().asBoolean(false) ? only : without).add(e.getKey()));
        } else if (n.isTextual()) {
            only.add(n.textValue());
        } else {
            throw new InvalidSearchException(at, "takes an array of names or an object {\"name\": true}");
        }
        return new PanoscFilter.Projection(Set.copyOf(only), Set.copyOf(without));
    }
}
