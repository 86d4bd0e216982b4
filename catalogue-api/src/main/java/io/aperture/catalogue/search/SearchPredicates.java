package io.aperture.catalogue.search;

import io.aperture.catalogue.panet.Panet;
import org.hibernate.search.engine.search.common.BooleanOperator;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;
import org.hibernate.search.engine.search.predicate.dsl.SimpleQueryFlag;
import org.hibernate.search.util.common.data.RangeBoundInclusion;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.function.Function;
import java.util.Set;

/** A {@link SearchRequest} and the caller's {@link SearchScope} as one engine predicate. */
final class SearchPredicates {
    /**
     * The query syntax offered to free text: phrases, {@code -not}, {@code a | b}, grouping, escapes and {@code prefix*}.
     * Not {@code ~} (fuzzy terms and phrase slop): OpenSearch fails every fuzzy query on this index's term-vector
     * title field ("boost must be a positive float, got -1.0"), so a {@code ~} stays part of the word.
     */
    static final Set<SimpleQueryFlag> TEXT_SYNTAX = EnumSet.of(SimpleQueryFlag.AND, SimpleQueryFlag.OR, SimpleQueryFlag.NOT,
            SimpleQueryFlag.PHRASE, SimpleQueryFlag.PRECEDENCE, SimpleQueryFlag.WHITESPACE, SimpleQueryFlag.ESCAPE,
            SimpleQueryFlag.PREFIX);

    private SearchPredicates() {
    }

    static PredicateFinalStep of(SearchPredicateFactory f, SearchRequest request, SearchScope scope) {
        return of(f, request, scope, SearchRequest.NO_CONDITION);
    }

    /** The same, with a further condition a caller built itself (the PaNOSC {@code where}). */
    static PredicateFinalStep of(SearchPredicateFactory f, SearchRequest request, SearchScope scope,
                                 Function<SearchPredicateFactory, PredicateFinalStep> condition) {
        BooleanPredicateClausesStep<?, ?> bool = f.bool();
        bool.filter(condition.apply(f));
        bool.must(f.matchAll());
        for (String pattern : request.titlePatterns()) {
            // title_sort is the title as one lower-cased, accent-folded keyword: a pattern matches the whole title
            bool.filter(f.wildcard().field("title_sort").matching(pattern.toLowerCase(Locale.ROOT)));
        }
        if (request.text() != null && !request.text().isBlank()) {
            bool.must(f.simpleQueryString()
                    .field("title").boost(3.0f)
                    .field("sample.name")
                    .field("techniques.label")
                    .matching(request.text())
                    .flags(TEXT_SYNTAX)
                    .defaultOperator(BooleanOperator.AND));
        }
        request.filters().forEach((facet, values) -> {
            String field = Facets.field(facet, scope);
            if (field == null || values.isEmpty()) {
                return;
            }
            BooleanPredicateClausesStep<?, ?> anyOf = f.bool();
            for (String v : values) {
                anyOf.should(f.match().field(field).matching(Facets.value(facet, v)));
                if (facet.equals("technique")) {
                    // the label as recorded: a document indexed before the lineage field existed has only that
                    anyOf.should(f.match().field("techniques.label_keyword").matching(v));
                    // a PaNET term (IRI, label or alternative label) also finds every technique below it (issue #12)
                    Set<String> closure = Panet.shipped().closure(v);
                    if (!closure.isEmpty()) {
                        anyOf.should(f.terms().field("techniques.iri").matchingAny(closure));
                    }
                }
            }
            bool.filter(anyOf);
        });
        for (SearchRequest.ParameterRange range : request.parameters()) {
            bool.filter(parameter(f, range));
        }
        if (!request.produced().any()) {
            bool.filter(f.range().field("producedAt")
                    .between(request.produced().start().orElse(null), request.produced().end().orElse(null)));
        }
        bool.filter(scope(f, scope));
        return bool;
    }

    /**
     * Nested: the name, the unit's dimension and the value range must hold for one and the same parameter. A numeric
     * range also matches a range recorded as two parameters {@code <name>_min} and {@code <name>_max} that overlaps it
     * (design/PANOSC.md §3.6): the recorded minimum is at most the upper bound and the recorded maximum at least the
     * lower one (a one-sided condition asks only the side it bounds). A NeXus array (recorded one element a parameter,
     * {@code path[i]}) is a range too, from its least to its greatest element: some element is at most the upper bound
     * and some element at least the lower one, even when no element lies inside the range.
     */
    private static PredicateFinalStep parameter(SearchPredicateFactory f, SearchRequest.ParameterRange range) {
        SiRange si = SiRange.of(range);
        PredicateFinalStep exact = nestedParameter(f, range, si, "", false, si.min(), si.max());
        if (range.text() != null || (si.min() == null && si.max() == null)) {
            return exact;
        }
        BooleanPredicateClausesStep<?, ?> overlap = f.bool();
        BooleanPredicateClausesStep<?, ?> array = f.bool();
        if (si.max() != null) {
            overlap.must(nestedParameter(f, range, si, "_min", false, null, si.max()));
            array.must(nestedParameter(f, range, si, "", true, null, si.max()));
        }
        if (si.min() != null) {
            overlap.must(nestedParameter(f, range, si, "_max", false, si.min(), null));
            array.must(nestedParameter(f, range, si, "", true, si.min(), null));
        }
        return f.bool().should(exact).should(overlap).should(array);
    }

    /**
     * One parameter named as the range names it, with {@code suffix} on the last segment, within {@code min}..{@code max};
     * with {@code element}, only an array's element ({@code path[i]}).
     */
    private static PredicateFinalStep nestedParameter(SearchPredicateFactory f, SearchRequest.ParameterRange range, SiRange si,
                                                      String suffix, boolean element, Double min, Double max) {
        Set<String> names = new LinkedHashSet<>();
        ParameterNames.candidates(range.name()).forEach(c -> names.add(c + suffix));
        return f.nested("parameters").add(p -> {
            // a full path, a short name ("wavelength") or trailing segments ("sample temperature"): ParameterNames
            // (the exact stored name too, so full paths match documents indexed before nameSuffix existed)
            var clauses = p.bool().must(p.bool()
                    .should(p.terms().field("parameters.nameSuffix").matchingAny(names))
                    .should(p.match().field("parameters.name").matching(range.name() + suffix)));
            if (si.unit() != null) {
                clauses.must(p.match().field("parameters.siUnit").matching(si.unit()));
            }
            if (min != null || max != null) {
                clauses.must(p.range().field(si.unit() != null ? "parameters.siValue" : "parameters.numericValue")
                        .between(min, inclusion(si.minExclusive()), max, inclusion(si.maxExclusive())));
            }
            if (range.text() != null) {
                clauses.must(p.match().field("parameters.textValue").matching(range.text()));
            }
            if (element) {
                clauses.must(p.wildcard().field("parameters.name").matching("*]"));
            }
            return clauses;
        });
    }

    private static RangeBoundInclusion inclusion(boolean exclusive) {
        return exclusive ? RangeBoundInclusion.EXCLUDED : RangeBoundInclusion.INCLUDED;
    }

    /**
     * The policy's scope as a filter: everything, or records of the scope's open status plus the listed proposals'
     * records of its team status. Hits and facet counts alike are counted under it.
     */
    static PredicateFinalStep scope(SearchPredicateFactory f, SearchScope scope) {
        if (scope.everything()) {
            return f.matchAll();
        }
        BooleanPredicateClausesStep<?, ?> visible = f.bool()
                .should(f.match().field("accessState").matching(scope.openStatus().orElseThrow()));
        if (!scope.embargoedProposalPids().isEmpty()) {
            visible.should(f.bool()
                    .must(f.match().field("accessState").matching(scope.teamStatus().orElseThrow()))
                    .must(f.terms().field("proposalPid").matchingAny(scope.embargoedProposalPids())));
        }
        return visible;
    }
}
