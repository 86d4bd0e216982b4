package io.aperture.catalogue.panosc;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.catalogue.panosc.EntityModel.Field;
import io.aperture.catalogue.search.InvalidSearchException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A {@link Condition} and the restricting includes of a filter as one JPQL condition with bound parameters: the
 * database selects (and counts) exactly what the filter asks, nothing is filtered in memory. Semantics follow the
 * reference (design/PANOSC.md §3.2): {@code like} is an unanchored, case-sensitive pattern with {@code %} and
 * {@code _}, {@code ilike} its case-insensitive twin; a missing value is "not equal"; an unknown property matches
 * nothing (and every negative condition on it everything); an operand of the wrong type matches nothing, except an
 * unreadable date, which is a 400 (the reference fails with a 500 there).
 */
final class JpqlWhere {
    static final String TRUE = "1 = 1";
    static final String FALSE = "1 = 0";
    private static final Pattern REGEX_LITERAL = Pattern.compile("^/(.*)/([a-z]*)$", Pattern.DOTALL);

    private final Map<String, Object> params = new LinkedHashMap<>();
    private int next;

    Map<String, Object> params() {
        return params;
    }

    String param(Object value) {
        String name = "q" + next++;
        params.put(name, value);
        return ":" + name;
    }

    String alias() {
        return "x" + next++;
    }

    /** The condition over rows of {@code model} named {@code alias}. */
    String condition(Condition c, EntityModel model, String alias) {
        return switch (c) {
            case Condition.All all -> join(all.parts(), " and ", TRUE, model, alias);
            case Condition.Any any -> join(any.parts(), " or ", FALSE, model, alias);
            case Condition.Nothing n -> FALSE;
            case Condition.Text t -> text(t.value(), model, alias);
            case Condition.Compare cmp -> compare(cmp, model, alias);
        };
    }

    /**
     * Inner-join semantics (§3.4): for every include whose scope asks something, the row must have at least one related,
     * servable row meeting the scope, recursively. Every include is checked for an unknown relation, asking or not.
     */
    String restrictions(List<PanoscFilter.Include> includes, EntityModel model, String alias) {
        List<String> parts = new ArrayList<>();
        for (PanoscFilter.Include include : includes) {
            EntityModel.Relation relation = Entities.relation(model, include);
            EntityModel target = Entities.named(relation.target());
            if (!include.restricts()) {
                restrictions(include.scope().include(), target, "unused"); // validates the nested relations
                continue;
            }
            String a = alias();
            parts.add("exists (select " + a + ".id from " + target.jpqlEntity() + " " + a + " where "
                    + relation.join(a, alias) + " and " + target.visibleOver(a) + " and "
                    + condition(include.scope().where(), target, a) + " and "
                    + restrictions(include.scope().include(), target, a) + ")");
        }
        return parts.isEmpty() ? TRUE : String.join(" and ", parts);
    }

    private String join(List<Condition> parts, String op, String empty, EntityModel model, String alias) {
        if (parts.isEmpty()) {
            return empty;
        }
        List<String> out = new ArrayList<>();
        for (Condition p : parts) {
            out.add("(" + condition(p, model, alias) + ")");
        }
        return String.join(op, out);
    }

    private String text(String value, EntityModel model, String alias) {
        if (model.text().isEmpty()) {
            return FALSE;
        }
        String p = param("%" + literalPattern(value.toLowerCase(Locale.ROOT)) + "%");
        List<String> out = new ArrayList<>();
        for (String f : model.text()) {
            out.add("lower(" + model.fields().get(f).over(alias) + ") like " + p + " escape '\\'");
        }
        return String.join(" or ", out);
    }

    private String compare(Condition.Compare c, EntityModel model, String alias) {
        Field field = model.fields().get(c.field());
        if (field == null) {
            return c.op().negative() ? TRUE : FALSE;
        }
        String e = field.over(alias);
        return switch (field.kind()) {
            case ALWAYS_TRUE -> alwaysTrue(c);
            case TEXT -> text(e, c);
            case NUMBER -> ordered(e, c, JpqlWhere::number);
            case DATE -> ordered(e, c, v -> date(v, c.field()));
            case TEXT_LIST -> list(e, c);
        };
    }

    /** {@code isPublic}: everything served here is public. */
    private static String alwaysTrue(Condition.Compare c) {
        JsonNode v = c.operand();
        boolean matches = switch (c.op()) {
            case EQ -> truth(v);
            case NEQ -> !truth(v);
            case INQ -> stream(v).anyMatch(JpqlWhere::truth);
            case NIN -> stream(v).noneMatch(JpqlWhere::truth);
            default -> false;
        };
        return matches ? TRUE : FALSE;
    }

    private String text(String e, Condition.Compare c) {
        JsonNode v = c.operand();
        return switch (c.op()) {
            case EQ -> v.isNull() ? e + " is null" : scalar(v).map(s -> e + " = " + param(s)).orElse(FALSE);
            case NEQ -> v.isNull() ? e + " is not null" : scalar(v).map(s -> "(" + e + " is null or " + e + " <> " + param(s) + ")").orElse(TRUE);
            case GT, GTE, LT, LTE -> scalar(v).map(s -> e + " " + symbol(c.op()) + " " + param(s)).orElse(FALSE);
            case BETWEEN -> scalar(v.get(0)).flatMap(lo -> scalar(v.get(1)).map(hi -> e + " between " + param(lo) + " and " + param(hi)))
                    .orElse(FALSE);
            case INQ -> strings(v).isEmpty() ? FALSE : e + " in (" + param(strings(v)) + ")";
            case NIN -> strings(v).isEmpty() ? TRUE : "(" + e + " is null or " + e + " not in (" + param(strings(v)) + "))";
            case LIKE -> e + " like " + param(unanchored(v.textValue())) + " escape '\\'";
            case NLIKE -> "(" + e + " is null or " + e + " not like " + param(unanchored(v.textValue())) + " escape '\\')";
            case ILIKE -> "lower(" + e + ") like " + param(unanchored(v.textValue().toLowerCase(Locale.ROOT))) + " escape '\\'";
            case NILIKE -> "(" + e + " is null or lower(" + e + ") not like "
                    + param(unanchored(v.textValue().toLowerCase(Locale.ROOT))) + " escape '\\')";
            case REGEXP -> regexp(e, v.textValue(), c.field());
        };
    }

    /** Numbers and dates: equality, order, ranges and membership on the converted operand. */
    private String ordered(String e, Condition.Compare c, java.util.function.Function<JsonNode, Optional<?>> convert) {
        JsonNode v = c.operand();
        return switch (c.op()) {
            case EQ -> v.isNull() ? e + " is null" : convert.apply(v).map(x -> e + " = " + param(x)).orElse(FALSE);
            case NEQ -> v.isNull() ? e + " is not null"
                    : convert.apply(v).map(x -> "(" + e + " is null or " + e + " <> " + param(x) + ")").orElse(TRUE);
            case GT, GTE, LT, LTE -> convert.apply(v).map(x -> e + " " + symbol(c.op()) + " " + param(x)).orElse(FALSE);
            case BETWEEN -> convert.apply(v.get(0)).flatMap(lo -> convert.apply(v.get(1))
                    .map(hi -> e + " between " + param(lo) + " and " + param(hi))).orElse(FALSE);
            case INQ, NIN -> {
                List<Object> values = new ArrayList<>();
                stream(v).forEach(x -> convert.apply(x).ifPresent(values::add));
                if (values.isEmpty()) {
                    yield c.op() == Operator.INQ ? FALSE : TRUE;
                }
                yield c.op() == Operator.INQ ? e + " in (" + param(values) + ")"
                        : "(" + e + " is null or " + e + " not in (" + param(values) + "))";
            }
            // patterns apply to text only; the reference finds nothing either
            case LIKE, ILIKE, REGEXP -> FALSE;
            case NLIKE, NILIKE -> TRUE;
        };
    }

    /** A text array (keywords): equality and membership on an element, patterns on any element. */
    private String list(String e, Condition.Compare c) {
        String joined = "concat('|', cast(function('array_to_string', " + e + ", '|') as String), '|')";
        JsonNode v = c.operand();
        return switch (c.op()) {
            case EQ -> scalar(v).map(s -> joined + " like " + param("%|" + literalPattern(s) + "|%") + " escape '\\'").orElse(FALSE);
            case NEQ -> scalar(v).map(s -> joined + " not like " + param("%|" + literalPattern(s) + "|%") + " escape '\\'").orElse(TRUE);
            case INQ, NIN -> {
                List<String> any = new ArrayList<>();
                for (String s : strings(v)) {
                    any.add(joined + " like " + param("%|" + literalPattern(s) + "|%") + " escape '\\'");
                }
                String in = any.isEmpty() ? FALSE : "(" + String.join(" or ", any) + ")";
                yield c.op() == Operator.INQ ? in : "not " + in;
            }
            case LIKE -> joined + " like " + param(unanchored(v.textValue())) + " escape '\\'";
            case NLIKE -> joined + " not like " + param(unanchored(v.textValue())) + " escape '\\'";
            case ILIKE -> "lower(" + joined + ") like " + param(unanchored(v.textValue().toLowerCase(Locale.ROOT))) + " escape '\\'";
            case NILIKE -> "lower(" + joined + ") not like " + param(unanchored(v.textValue().toLowerCase(Locale.ROOT))) + " escape '\\'";
            default -> FALSE;
        };
    }

    /**
     * {@code regexp}: a pattern string, or {@code /pattern/flags} as LoopBack writes a JavaScript RegExp ({@code i}
     * ignores case). A pattern Java cannot read is a 400 here; one the database cannot read is a 400 in
     * {@link PanoscQueries}.
     */
    private String regexp(String e, String operand, String field) {
        String pattern = operand;
        boolean ignoreCase = false;
        Matcher m = REGEX_LITERAL.matcher(operand);
        if (m.matches()) {
            pattern = m.group(1);
            ignoreCase = m.group(2).contains("i");
        }
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException ex) {
            throw new InvalidSearchException("where." + field + ".regexp", "is not a valid regular expression");
        }
        return "function('" + (ignoreCase ? "texticregexeq" : "textregexeq") + "', " + e + ", " + param(pattern) + ") = true";
    }

    private static String symbol(Operator op) {
        return switch (op) {
            case GT -> ">";
            case GTE -> ">=";
            case LT -> "<";
            case LTE -> "<=";
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    /** A LIKE pattern of the reference: unanchored, {@code %} and {@code _} are wildcards, a backslash is itself. */
    static String unanchored(String pattern) {
        return "%" + pattern.replace("\\", "\\\\") + "%";
    }

    /** The text as itself inside a LIKE pattern. */
    static String literalPattern(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Optional<String> scalar(JsonNode v) {
        return v != null && v.isValueNode() && !v.isNull() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static List<String> strings(JsonNode v) {
        List<String> out = new ArrayList<>();
        stream(v).forEach(x -> scalar(x).ifPresent(out::add));
        return out;
    }

    private static java.util.stream.Stream<JsonNode> stream(JsonNode v) {
        List<JsonNode> out = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(out::add);
        } else {
            out.add(v);
        }
        return out.stream();
    }

    /** LoopBack's boolean coercion: true, "true", 1, "1". */
    private static boolean truth(JsonNode v) {
        String s = v.isBoolean() || v.isNumber() || v.isTextual() ? v.asText() : "";
        return s.equals("true") || s.equals("1");
    }

    /** A number, or a string holding one (the PaNOSC portal sends {@code "7300"}); finite only. */
    static Optional<Double> number(JsonNode v) {
        double d;
        if (v.isNumber()) {
            d = v.doubleValue();
        } else if (v.isTextual()) {
            try {
                d = Double.parseDouble(v.textValue().strip());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        } else {
            return Optional.empty();
        }
        return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
    }

    /** An instant, a date-time with or without offset (UTC then), a date (its start, UTC), or epoch milliseconds. */
    static Optional<Instant> date(JsonNode v, String field) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return Optional.of(Instant.ofEpochMilli(v.longValue()));
        }
        if (!v.isTextual()) {
            return Optional.empty();
        }
        String s = v.textValue().strip();
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the shorter forms
        }
        try {
            return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // try a date
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            throw new InvalidSearchException("where." + field, "is not a date: use ISO-8601, e.g. 2020-05-05T15:01:02.341Z");
        }
    }
}
