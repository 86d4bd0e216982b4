package io.aperture.catalogue.panosc;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.catalogue.panet.Panet;
import io.aperture.catalogue.panosc.EntityModel.Field;
import io.aperture.catalogue.search.InvalidSearchException;
import io.aperture.catalogue.tokens.OpaqueIds;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.function.Function;

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
    private final OpaqueIds ids;
    private int next;

    JpqlWhere(OpaqueIds ids) {
        this.ids = ids;
    }

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
            if (target == Entities.TECHNIQUE && include.scope().include().isEmpty()) {
                parts.add("(" + techniqueSet(include.scope().where(), relation, alias) + ")");
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

    /**
     * A technique condition as a condition on the parent's set of techniques (PANOSC.md §3.7), as on {@code /Datasets}:
     * {@code and} asks each part of some technique, {@code or} any part; {@code neq}/{@code nin} on a PaNET term mean
     * that no technique of the parent lies in the term's closure (a plain "some technique differs" would let a dataset
     * with SAXS and another technique through {@code neq SAXS}); every other comparison holds for some technique.
     */
    private String techniqueSet(Condition c, EntityModel.Relation relation, String parent) {
        return switch (c) {
            case Condition.All all -> all.parts().isEmpty() ? TRUE : String.join(" and ",
                    all.parts().stream().map(p -> "(" + techniqueSet(p, relation, parent) + ")").toList());
            case Condition.Any any -> any.parts().isEmpty() ? FALSE : String.join(" or ",
                    any.parts().stream().map(p -> "(" + techniqueSet(p, relation, parent) + ")").toList());
            case Condition.Compare cmp when (cmp.op() == Operator.NEQ || cmp.op() == Operator.NIN)
                    && List.of("pid", "panetId", "name").contains(cmp.field()) && !cmp.operand().isNull() ->
                    "not " + someTechnique(new Condition.Compare(cmp.field(), cmp.op().positive(), cmp.operand(), cmp.at()),
                            relation, parent);
            default -> someTechnique(c, relation, parent);
        };
    }

    private String someTechnique(Condition c, EntityModel.Relation relation, String parent) {
        String a = alias();
        return "exists (select " + a + ".id from Technique " + a + " where " + relation.join(a, parent) + " and ("
                + condition(c, Entities.TECHNIQUE, a) + "))";
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
        if (model == Entities.TECHNIQUE && (c.op() == Operator.EQ || c.op() == Operator.INQ)) {
            Optional<String> deep = deepTechnique(c, alias);
            if (deep.isPresent()) {
                return deep.get();
            }
        }
        return switch (field.kind()) {
            case ALWAYS_TRUE -> Operands.publicMatches(c) ? TRUE : FALSE;
            case TEXT -> text(e, c);
            case NUMBER -> ordered(e, c, Operands::number);
            case DATE -> ordered(e, c, v -> Operands.date(v, c.at()));
            case TEXT_LIST -> list(e, c);
            case ID -> id(e, c);
        };
    }

    /**
     * A row id, written in its public form: equality and membership compare the row ids it stands for (a text that is
     * no id of ours matches nothing); order and patterns over a permutation mean nothing, so, as a pattern on a
     * number, they match nothing and their negations everything.
     */
    private String id(String e, Condition.Compare c) {
        JsonNode v = c.operand();
        return switch (c.op()) {
            case EQ -> v.isNull() ? e + " is null" : decoded(v).map(n -> e + " = " + param(n)).orElse(FALSE);
            case NEQ -> v.isNull() ? e + " is not null" : decoded(v).map(n -> e + " <> " + param(n)).orElse(TRUE);
            case INQ, NIN -> {
                List<Long> values = new ArrayList<>();
                Operands.values(v).forEach(x -> decoded(x).ifPresent(values::add));
                if (values.isEmpty()) {
                    yield c.op() == Operator.INQ ? FALSE : TRUE;
                }
                yield e + (c.op() == Operator.INQ ? " in (" : " not in (") + param(values) + ")";
            }
            case GT, GTE, LT, LTE, BETWEEN, LIKE, ILIKE, REGEXP -> FALSE;
            case NLIKE, NILIKE -> TRUE;
        };
    }

    private Optional<Long> decoded(JsonNode v) {
        Optional<String> text = Operands.scalar(v);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        OptionalLong id = ids.decode(text.get());
        return id.isPresent() ? Optional.of(id.getAsLong()) : Optional.empty();
    }

    private String text(String e, Condition.Compare c) {
        JsonNode v = c.operand();
        return switch (c.op()) {
            case EQ -> v.isNull() ? e + " is null" : Operands.scalar(v).map(s -> e + " = " + param(s)).orElse(FALSE);
            case NEQ -> v.isNull() ? e + " is not null" : Operands.scalar(v).map(s -> "(" + e + " is null or " + e + " <> " + param(s) + ")").orElse(TRUE);
            case GT, GTE, LT, LTE -> Operands.scalar(v).map(s -> e + " " + symbol(c.op()) + " " + param(s)).orElse(FALSE);
            case BETWEEN -> Operands.scalar(v.get(0)).flatMap(lo -> Operands.scalar(v.get(1)).map(hi -> e + " between " + param(lo) + " and " + param(hi)))
                    .orElse(FALSE);
            case INQ -> Operands.strings(v).isEmpty() ? FALSE : e + " in (" + param(Operands.strings(v)) + ")";
            case NIN -> Operands.strings(v).isEmpty() ? TRUE : "(" + e + " is null or " + e + " not in (" + param(Operands.strings(v)) + "))";
            case LIKE -> e + " like " + param(unanchored(v.textValue())) + " escape '\\'";
            case NLIKE -> "(" + e + " is null or " + e + " not like " + param(unanchored(v.textValue())) + " escape '\\')";
            case ILIKE -> "lower(" + e + ") like " + param(unanchored(v.textValue().toLowerCase(Locale.ROOT))) + " escape '\\'";
            case NILIKE -> "(" + e + " is null or lower(" + e + ") not like "
                    + param(unanchored(v.textValue().toLowerCase(Locale.ROOT))) + " escape '\\')";
            case REGEXP -> regexp(e, v.textValue(), c.at());
        };
    }

    /**
     * A technique named by PaNET pid or label (equality or membership) stands for itself and every descendant (§3.7):
     * the stored technique's IRI must lie in the union of the closures. A term PaNET does not know is compared as
     * written (empty here).
     */
    private Optional<String> deepTechnique(Condition.Compare c, String alias) {
        Set<String> closure = new LinkedHashSet<>();
        for (String term : Operands.strings(c.operand())) {
            closure.addAll(Panet.shipped().closure(term));
        }
        return closure.isEmpty() ? Optional.empty() : Optional.of(alias + ".iri in (" + param(List.copyOf(closure)) + ")");
    }

    /** Numbers and dates: equality, order, ranges and membership on the converted operand. */
    private String ordered(String e, Condition.Compare c, Function<JsonNode, Optional<?>> convert) {
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
                Operands.values(v).forEach(x -> convert.apply(x).ifPresent(values::add));
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
            case EQ -> Operands.scalar(v).map(s -> joined + " like " + param("%|" + literalPattern(s) + "|%") + " escape '\\'").orElse(FALSE);
            case NEQ -> Operands.scalar(v).map(s -> joined + " not like " + param("%|" + literalPattern(s) + "|%") + " escape '\\'").orElse(TRUE);
            case INQ, NIN -> {
                List<String> any = new ArrayList<>();
                for (String s : Operands.strings(v)) {
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
    private String regexp(String e, String operand, String at) {
        Matcher m = REGEX_LITERAL.matcher(operand);
        boolean ignoreCase = m.matches() && m.group(2).contains("i");
        return "function('" + (ignoreCase ? "texticregexeq" : "textregexeq") + "', " + e + ", " + param(regexpPattern(operand, at)) + ") = true";
    }

    /** The pattern of a {@code regexp} operand, checked; a LoopBack literal's slashes and flags removed. */
    static String regexpPattern(String operand, String at) {
        Matcher m = REGEX_LITERAL.matcher(operand);
        String pattern = m.matches() ? m.group(1) : operand;
        try {
            Pattern.compile(pattern);
        } catch (PatternSyntaxException ex) {
            throw new InvalidSearchException(at, "is not a valid regular expression");
        }
        PatternCost.checkRegexp(pattern, at);
        return pattern;
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
}
