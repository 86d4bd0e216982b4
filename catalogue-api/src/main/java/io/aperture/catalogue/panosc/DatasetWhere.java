package io.aperture.catalogue.panosc;

import com.fasterxml.jackson.databind.JsonNode;
import io.aperture.catalogue.panet.Panet;
import io.aperture.catalogue.search.InvalidSearchException;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * A Dataset {@code where} as a search-engine predicate, so that {@code /Datasets} filters inside the index query (the
 * total and the page agree, nothing is filtered afterwards). Properties: {@code pid} (exact), {@code title} (through
 * its lower-cased keyword: equality and patterns ignore case), {@code creationDate}, {@code size}, {@code isPublic};
 * {@code text} is a substring of the title. {@code parameters} conditions are read by {@code PanoscParameterFilter}
 * and ANDed; under an {@code or} they would need alternatives of nested queries, which it does not build: a 400 there.
 */
final class DatasetWhere {
    private final SearchPredicateFactory f;

    private DatasetWhere(SearchPredicateFactory f) {
        this.f = f;
    }

    static PredicateFinalStep of(SearchPredicateFactory f, Condition where) {
        return new DatasetWhere(f).predicate(where, false);
    }

    /**
     * The technique includes of a Datasets filter as conditions on the dataset's techniques (PANOSC.md §3.7): a term by
     * PaNET IRI, label or alternative label stands for itself and every descendant ({@link Panet}); {@code eq}/{@code inq}
     * ask that some technique of the dataset lies in the closure, {@code neq}/{@code nin} that none does; {@code and}
     * asks each part of some technique, {@code or} any part. Other operators match nothing.
     */
    static PredicateFinalStep techniques(SearchPredicateFactory f, List<PanoscFilter.Include> includes) {
        DatasetWhere w = new DatasetWhere(f);
        BooleanPredicateClausesStep<?, ?> all = f.bool().must(f.matchAll());
        for (PanoscFilter.Include include : includes) {
            if (include.relation().equals("techniques") && include.restricts()) {
                all.filter(w.technique(include.scope().where()));
            }
        }
        return all;
    }

    private PredicateFinalStep technique(Condition c) {
        return switch (c) {
            case Condition.All all -> {
                BooleanPredicateClausesStep<?, ?> b = f.bool().must(f.matchAll());
                all.parts().forEach(p -> b.filter(technique(p)));
                yield b;
            }
            case Condition.Any any -> {
                if (any.parts().isEmpty()) {
                    yield none();
                }
                BooleanPredicateClausesStep<?, ?> b = f.bool();
                any.parts().forEach(p -> b.should(technique(p)));
                yield b;
            }
            case Condition.Text t -> f.wildcard().field("techniques.label_keyword").matching("*" + literal(t.value()) + "*");
            case Condition.Compare cmp when List.of("pid", "panetId", "name").contains(cmp.field()) -> switch (cmp.op()) {
                case EQ, INQ -> inClosure(cmp);
                case NEQ, NIN -> not(inClosure(cmp));
                case LIKE, ILIKE -> cmp.field().equals("name")
                        ? f.wildcard().field("techniques.label_keyword").matching(wildcard(cmp.operand().textValue(), cmp.at())) : none();
                default -> none();
            };
            case Condition.Compare cmp -> cmp.op().negative() ? f.matchAll() : none();
            case Condition.Nothing n -> none();
        };
    }

    /** Some technique of the dataset is one of the terms or a descendant; a term PaNET does not know is taken as written. */
    private PredicateFinalStep inClosure(Condition.Compare c) {
        List<String> iris = new ArrayList<>();
        List<String> asWritten = new ArrayList<>();
        for (String term : Operands.strings(c.operand())) {
            var closure = Panet.shipped().closure(term);
            if (closure.isEmpty()) {
                asWritten.add(term);
            } else {
                iris.addAll(closure);
            }
        }
        BooleanPredicateClausesStep<?, ?> any = f.bool();
        if (!iris.isEmpty()) {
            any.should(f.terms().field("techniques.iri").matchingAny(iris));
        }
        if (!asWritten.isEmpty()) {
            any.should(f.terms().field(c.field().equals("name") ? "techniques.label_keyword" : "techniques.iri").matchingAny(asWritten));
        }
        return iris.isEmpty() && asWritten.isEmpty() ? none() : any;
    }

    /**
     * Checks the condition and the technique includes as {@link #of} and {@link #techniques} would translate them, so
     * that a refusal is a 400 before the engine is asked (and for requests answered without asking it).
     */
    static void check(Condition where, List<PanoscFilter.Include> includes) {
        walk(where, false);
        for (PanoscFilter.Include include : includes) {
            if (include.relation().equals("techniques") && include.restricts() && !include.scope().include().isEmpty()) {
                throw new InvalidSearchException(include.at() + ".scope.include", "techniques have no relations to include");
            }
        }
    }

    private static void walk(Condition c, boolean underOr) {
        switch (c) {
            case Condition.All all -> all.parts().forEach(p -> walk(p, underOr));
            case Condition.Any any -> any.parts().forEach(p -> walk(p, true));
            case Condition.Compare cmp -> {
                if (cmp.field().equals("parameters") && underOr) {
                    throw new InvalidSearchException(cmp.at(), "parameter conditions inside 'or' are not supported; send one request per alternative");
                }
                if (cmp.field().equals("creationDate")) {
                    Operands.values(cmp.operand()).forEach(v -> Operands.date(v, cmp.at()));
                }
                if (cmp.field().equals("isPublic")) {
                    Operands.publicMatches(cmp);
                }
                if (cmp.op() == Operator.REGEXP && (cmp.field().equals("pid") || cmp.field().equals("title"))) {
                    engineRegexp(JpqlWhere.regexpPattern(cmp.operand().textValue(), cmp.at()), cmp.at());
                }
            }
            default -> {
            }
        }
    }

    private PredicateFinalStep predicate(Condition c, boolean underOr) {
        return switch (c) {
            case Condition.All all -> {
                BooleanPredicateClausesStep<?, ?> b = f.bool().must(f.matchAll());
                all.parts().forEach(p -> b.filter(predicate(p, underOr)));
                yield b;
            }
            case Condition.Any any -> {
                if (any.parts().isEmpty()) {
                    yield none();
                }
                BooleanPredicateClausesStep<?, ?> b = f.bool();
                any.parts().forEach(p -> b.should(predicate(p, true)));
                yield b;
            }
            case Condition.Nothing n -> none();
            case Condition.Text t -> f.wildcard().field("title_sort").matching("*" + literal(t.value().toLowerCase(Locale.ROOT)) + "*");
            case Condition.Compare cmp -> compare(cmp, underOr);
        };
    }

    private PredicateFinalStep compare(Condition.Compare c, boolean underOr) {
        return switch (c.field()) {
            case "parameters" -> {
                walk(c, underOr);
                yield f.matchAll(); // applied by PanoscParameterFilter
            }
            case "isPublic" -> Operands.publicMatches(c) ? f.matchAll() : none();
            case "pid" -> pidOrDoi(c);
            case "title" -> keyword("title_sort", c, true);
            case "creationDate" -> ordered("producedAt", c, v -> Operands.date(v, c.at()).map(Object.class::cast));
            case "size" -> ordered("sizeBytes", c, v -> Operands.number(v).map(d -> (Object) Math.round(d)));
            default -> c.op().negative() ? f.matchAll() : none();
        };
    }

    /**
     * A dataset's pid in answers is its DOI once that resolves, and its local pid still finds it: a condition holds when
     * it holds for either identifier, a negative one when its positive twin holds for neither.
     */
    private PredicateFinalStep pidOrDoi(Condition.Compare c) {
        Condition.Compare positive = new Condition.Compare(c.field(), c.op().positive(), c.operand(), c.at());
        PredicateFinalStep either = f.bool().should(keyword("pid", positive, false))
                .should(f.bool().must(keyword("doi", positive, false)).must(f.match().field("hasDoi").matching(true)));
        return c.op().negative() ? not(either) : either;
    }

    /** A keyword field; {@code folded}: the index holds it lower-cased, so operands are lower-cased too. */
    private PredicateFinalStep keyword(String field, Condition.Compare c, boolean folded) {
        JsonNode v = c.operand();
        Function<String, String> norm = s -> folded ? s.toLowerCase(Locale.ROOT) : s;
        return switch (c.op()) {
            case EQ -> Operands.scalar(v).<PredicateFinalStep>map(s -> f.match().field(field).matching(norm.apply(s))).orElse(none());
            case NEQ -> Operands.scalar(v).<PredicateFinalStep>map(s -> not(f.match().field(field).matching(norm.apply(s)))).orElse(f.matchAll());
            case INQ, NIN -> {
                List<String> values = Operands.strings(v).stream().map(norm).toList();
                PredicateFinalStep in = values.isEmpty() ? none() : f.terms().field(field).matchingAny(values);
                yield c.op() == Operator.INQ ? in : not(in);
            }
            case GT, GTE, LT, LTE -> Operands.scalar(v).map(s -> range(field, c.op(), norm.apply(s))).orElse(none());
            case BETWEEN -> Operands.scalar(v.get(0)).flatMap(lo -> Operands.scalar(v.get(1))
                    .<PredicateFinalStep>map(hi -> f.range().field(field).between(norm.apply(lo), norm.apply(hi)))).orElse(none());
            case LIKE, ILIKE -> f.wildcard().field(field).matching(wildcard(norm.apply(v.textValue()), c.at()));
            case NLIKE, NILIKE -> not(f.wildcard().field(field).matching(wildcard(norm.apply(v.textValue()), c.at())));
            case REGEXP -> f.regexp().field(field).matching(engineRegexp(norm.apply(JpqlWhere.regexpPattern(v.textValue(), c.at())), c.at()));
        };
    }

    private PredicateFinalStep ordered(String field, Condition.Compare c, Function<JsonNode, Optional<Object>> convert) {
        JsonNode v = c.operand();
        return switch (c.op()) {
            case EQ -> convert.apply(v).<PredicateFinalStep>map(x -> f.match().field(field).matching(x)).orElse(none());
            case NEQ -> convert.apply(v).<PredicateFinalStep>map(x -> not(f.match().field(field).matching(x))).orElse(f.matchAll());
            case GT, GTE, LT, LTE -> convert.apply(v).map(x -> range(field, c.op(), x)).orElse(none());
            case BETWEEN -> convert.apply(v.get(0)).flatMap(lo -> convert.apply(v.get(1))
                    .<PredicateFinalStep>map(hi -> f.range().field(field).between(lo, hi))).orElse(none());
            case INQ, NIN -> {
                List<Object> values = new ArrayList<>();
                Operands.values(v).forEach(x -> convert.apply(x).ifPresent(values::add));
                PredicateFinalStep in = values.isEmpty() ? none() : f.terms().field(field).matchingAny(values);
                yield c.op() == Operator.INQ ? in : not(in);
            }
            case LIKE, ILIKE, REGEXP -> none();
            case NLIKE, NILIKE -> f.matchAll();
        };
    }

    private PredicateFinalStep range(String field, Operator op, Object value) {
        var r = f.range().field(field);
        return switch (op) {
            case GT -> r.greaterThan(value);
            case GTE -> r.atLeast(value);
            case LT -> r.lessThan(value);
            case LTE -> r.atMost(value);
            default -> throw new IllegalArgumentException(op.name());
        };
    }

    private PredicateFinalStep none() {
        return f.not(f.matchAll());
    }

    private PredicateFinalStep not(PredicateFinalStep p) {
        return f.bool().must(f.matchAll()).mustNot(p);
    }

    /**
     * A JavaScript-style pattern in the engine's regular-expression syntax, which always matches the whole value: an
     * unanchored start or end becomes {@code .*}, and the engine's own operators ({@code ~ & < > # @ "}) are escaped to
     * stay plain characters. Group constructs ({@code (?…)}) have no equivalent there: a 400.
     */
    static String engineRegexp(String pattern, String at) {
        if (pattern.contains("(?")) {
            throw new InvalidSearchException(at, "group constructs (?…) are not supported on Datasets");
        }
        String body = pattern;
        boolean start = body.startsWith("^");
        if (start) {
            body = body.substring(1);
        }
        boolean end = body.endsWith("$") && !body.endsWith("\\$");
        if (end) {
            body = body.substring(0, body.length() - 1);
        }
        StringBuilder out = new StringBuilder(start ? "" : ".*");
        for (int i = 0; i < body.length(); i++) {
            char ch = body.charAt(i);
            if (ch == '\\' && i + 1 < body.length()) {
                out.append(ch).append(body.charAt(++i));
            } else {
                out.append("~&<>#@\"".indexOf(ch) >= 0 ? "\\" + ch : String.valueOf(ch));
            }
        }
        String engine = out.append(end ? "" : ".*").toString();
        PatternCost.checkEngineRegexp(engine, at);
        return engine;
    }

    /** A like pattern as the engine's wildcard, refused when the engine could not run it ({@link PatternCost}). */
    static String wildcard(String like, String at) {
        String engine = unanchored(like);
        PatternCost.checkEngineWildcard(engine, at);
        return engine;
    }

    /** A LIKE pattern as an unanchored engine wildcard: {@code %} → {@code *}, {@code _} → {@code ?}, the rest literal. */
    static String unanchored(String like) {
        return "*" + literal(like).replace("%", "*").replace("_", "?") + "*";
    }

    /** The text as itself in an engine wildcard pattern. */
    static String literal(String s) {
        return s.replace("\\", "\\\\").replace("*", "\\*").replace("?", "\\?");
    }
}
