package io.aperture.catalogue.search;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads the parameter conditions of a PaNOSC {@code filter} (design/PANOSC.md §3.5) into {@link SearchRequest.ParameterRange}s:
 * every {@code include} entry {@code {"relation": "parameters", "scope": {"where": …}}}, and the shorthand
 * {@code {"where": {"parameters": …}}}. A condition is {@code {"and": [{"name": …}, {"value": …}, {"unit": …}]}} or the
 * same keys in one object; all of it must hold for one parameter, and several conditions are ANDed. Values: a number
 * or numeric string (equality), a non-numeric string (text equality), or {@code {op: operand}} with {@code eq}, {@code gt},
 * {@code gte}, {@code lt}, {@code lte}, {@code between}. Names follow {@link ParameterNames}, so {@code wavelength} and
 * the PaNOSC portal's {@code incident_wavelength} both work. Anything else is a 400 naming the place.
 */
public final class PanoscParameterFilter {
    /** Equality on converted values allows for the rounding of a unit conversion. */
    private static final double EQUALITY_TOLERANCE = 1e-9;
    private static final int MAX_CONDITIONS = 20;

    private PanoscParameterFilter() {
    }

    public static List<SearchRequest.ParameterRange> read(JsonNode filter) {
        List<SearchRequest.ParameterRange> out = new ArrayList<>();
        JsonNode include = filter.get("include");
        if (include != null && !include.isNull()) {
            if (!include.isArray()) {
                throw new InvalidSearchException("filter.include", "must be an array");
            }
            for (int i = 0; i < include.size(); i++) {
                JsonNode entry = include.get(i);
                String at = "filter.include[" + i + "]";
                if (entry.isTextual() || !"parameters".equals(entry.path("relation").asText())) {
                    // conditions on the other relations (techniques, instrument, samples, files, documents) are read
                    // by the PaNOSC package (panosc/DatasetWhere, panosc/DatasetRelations)
                    continue;
                }
                JsonNode where = entry.path("scope").path("where");
                if (where.isObject() && !where.isEmpty()) {
                    out.add(condition(where, at + ".scope.where"));
                }
            }
        }
        shorthand(filter.get("where"), "filter.where", out);
        if (out.size() > MAX_CONDITIONS) {
            throw new InvalidSearchException("filter", "at most " + MAX_CONDITIONS + " parameter conditions");
        }
        return out;
    }

    /** {@code where.parameters}, also inside {@code where.and[…]} (siblings and {@code and} items are ANDed alike). */
    private static void shorthand(JsonNode where, String at, List<SearchRequest.ParameterRange> out) {
        if (where == null || !where.isObject()) {
            return;
        }
        JsonNode shorthand = where.get("parameters");
        if (shorthand != null) {
            if (shorthand.isArray()) {
                for (int i = 0; i < shorthand.size(); i++) {
                    out.add(condition(shorthand.get(i), at + ".parameters[" + i + "]"));
                }
            } else {
                out.add(condition(shorthand, at + ".parameters"));
            }
        }
        JsonNode and = where.get("and");
        if (and != null && and.isArray()) {
            for (int i = 0; i < and.size(); i++) {
                shorthand(and.get(i), at + ".and[" + i + "]", out);
            }
        }
    }

    private static SearchRequest.ParameterRange condition(JsonNode where, String at) {
        if (!where.isObject()) {
            throw new InvalidSearchException(at, "must be an object");
        }
        JsonNode name = null;
        JsonNode value = null;
        JsonNode unit = null;
        List<Map.Entry<String, JsonNode>> keys = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = where.fields(); it.hasNext(); ) {
            keys.add(it.next());
        }
        for (Map.Entry<String, JsonNode> e : keys) {
            switch (e.getKey()) {
                case "and" -> {
                    if (!e.getValue().isArray()) {
                        throw new InvalidSearchException(at + ".and", "must be an array");
                    }
                    for (JsonNode part : e.getValue()) {
                        if (!part.isObject() || part.size() != 1) {
                            throw new InvalidSearchException(at + ".and", "holds objects of one key each: name, value or unit");
                        }
                        String key = part.fieldNames().next();
                        switch (key) {
                            case "name" -> name = part.get(key);
                            case "value" -> value = part.get(key);
                            case "unit" -> unit = part.get(key);
                            default -> throw new InvalidSearchException(at + ".and", "unknown key '" + key + "'");
                        }
                    }
                }
                case "name" -> name = e.getValue();
                case "value" -> value = e.getValue();
                case "unit" -> unit = e.getValue();
                case "or" -> throw new InvalidSearchException(at + ".or",
                        "alternatives of parameter conditions are not supported; send one request per alternative");
                default -> throw new InvalidSearchException(at, "unknown key '" + e.getKey() + "'");
            }
        }
        if (name == null || !name.isTextual() || name.textValue().isBlank()) {
            throw new InvalidSearchException(at, "a parameter condition needs a name");
        }
        String unitText = null;
        if (unit != null && !unit.isNull()) {
            if (!unit.isTextual()) {
                throw new InvalidSearchException(at + ".unit", "must be a string");
            }
            unitText = unit.textValue().isBlank() ? null : unit.textValue();
        }
        if (value == null || value.isNull()) {
            return new SearchRequest.ParameterRange(name.textValue(), null, null, null, false, false, null);
        }
        if (!value.isObject()) {
            Double v = number(value);
            if (v == null) {
                if (!value.isTextual()) {
                    throw new InvalidSearchException(at + ".value", "must be a number, a string or {operator: operand}");
                }
                return new SearchRequest.ParameterRange(name.textValue(), null, null, null, false, false, value.textValue());
            }
            return equal(name.textValue(), v, unitText);
        }
        if (value.size() != 1) {
            throw new InvalidSearchException(at + ".value", "takes one operator");
        }
        String op = value.fieldNames().next();
        JsonNode operand = value.get(op);
        String opAt = at + ".value." + op;
        return switch (op) {
            case "eq" -> equal(name.textValue(), required(operand, opAt), unitText);
            case "gt" -> new SearchRequest.ParameterRange(name.textValue(), required(operand, opAt), null, unitText, true, false, null);
            case "gte" -> new SearchRequest.ParameterRange(name.textValue(), required(operand, opAt), null, unitText, false, false, null);
            case "lt" -> new SearchRequest.ParameterRange(name.textValue(), null, required(operand, opAt), unitText, false, true, null);
            case "lte" -> new SearchRequest.ParameterRange(name.textValue(), null, required(operand, opAt), unitText, false, false, null);
            case "between" -> {
                if (!operand.isArray() || operand.size() != 2) {
                    throw new InvalidSearchException(opAt, "takes exactly two values [low, high]");
                }
                yield new SearchRequest.ParameterRange(name.textValue(), required(operand.get(0), opAt),
                        required(operand.get(1), opAt), unitText, false, false, null);
            }
            default -> throw new InvalidSearchException(at + ".value", "unsupported operator '" + op
                    + "' (eq, gt, gte, lt, lte, between)");
        };
    }

    private static SearchRequest.ParameterRange equal(String name, double v, String unit) {
        double slack = Math.abs(v) * EQUALITY_TOLERANCE;
        return new SearchRequest.ParameterRange(name, v - slack, v + slack, unit, false, false, null);
    }

    private static double required(JsonNode operand, String at) {
        Double v = number(operand);
        if (v == null) {
            throw new InvalidSearchException(at, "must be a number");
        }
        return v;
    }

    /** A JSON number, or a string holding one (the PaNOSC portal sends {@code ["0", "7300"]}); otherwise null. */
    private static Double number(JsonNode n) {
        if (n == null) {
            return null;
        }
        if (n.isNumber()) {
            return Double.isFinite(n.doubleValue()) ? n.doubleValue() : null;
        }
        if (n.isTextual()) {
            try {
                double d = Double.parseDouble(n.textValue().strip());
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }
}
