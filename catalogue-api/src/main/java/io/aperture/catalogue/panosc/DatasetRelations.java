package io.aperture.catalogue.panosc;

import io.aperture.catalogue.search.InvalidSearchException;
import org.hibernate.search.engine.search.predicate.dsl.BooleanPredicateClausesStep;
import org.hibernate.search.engine.search.predicate.dsl.PredicateFinalStep;
import org.hibernate.search.engine.search.predicate.dsl.SearchPredicateFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Scoped conditions on a dataset's instrument, documents, samples and files as conditions of the index query on
 * {@code /Datasets} (inner join, design/PANOSC.md §3.4). The database evaluates the scope — the same JPQL as under
 * Documents and Instruments, nested includes and the public-data condition included — into keys the index holds for
 * each dataset: the instrument's name, the proposal's pid, or, for a publication and for samples and files (which the
 * index does not hold), the pids of the public datasets that have such a row. The index query then asks that the dataset's key is among them,
 * so the page and its total come from one query and nothing is filtered afterwards. A scope whose keys exceed
 * {@link #MAX_KEYS} is a 400 naming the include (a terms condition that large would be slow and is bounded by the
 * engine's {@code index.max_terms_count}).
 */
final class DatasetRelations {
    static final int MAX_KEYS = 10_000;

    /**
     * One way a relation's scope becomes keys: {@code expression} of the matching rows ({@code r}, joined by
     * {@code join}, where {@code extra} holds), compared with the index's {@code field}.
     */
    private record Source(String field, String join, String expression, String extra) {}

    /** How one relation's scope becomes keys: the sources over {@code model}; a dataset matches when any holds. */
    private record Key(EntityModel model, List<Source> sources, String noun, boolean viaDataset) {}

    /** A proposal names all its datasets by its pid, which the index holds for each of them as proposalPid. */
    private static final Source PROPOSAL = new Source("proposalPid", "", "r.pid", "r.proposal is not null");
    /**
     * A publication (no proposal) has datasets from several proposals, or some of one proposal only: its keys are the
     * pids of its public datasets (the view's rows for it: those citing it and those of the proposals it is reported for).
     */
    private static final Source PUBLICATION = new Source("pid", " join r.datasets d", "d.pid",
            "r.proposal is null and " + Entities.DATASET.visibleOver("d"));
    private static final Source DATASET = new Source("pid", "", "r.pid", "");

    private static final Map<String, Key> KEYS = Map.of(
            "instrument", new Key(Entities.INSTRUMENT, List.of(new Source("instrument.name", "", "r.name", "")), "instruments", false),
            "documents", new Key(Entities.DOCUMENT, List.of(PROPOSAL, PUBLICATION), "documents", false),
            // the dataset's proposal (Entities.DATASET: a publication is never a dataset's `document`)
            "document", new Key(Entities.DOCUMENT, List.of(PROPOSAL), "documents", false),
            "samples", new Key(Entities.DATASET, List.of(DATASET), "datasets", true),
            "files", new Key(Entities.DATASET, List.of(DATASET), "datasets", true));

    /** One restricting include: the dataset's {@code field} is one of its {@code keys}, for one of the parts. */
    record Match(List<Part> anyOf) {}

    record Part(String field, List<String> keys) {}

    private DatasetRelations() {
    }

    /** Whether {@link #of} asks the database: some include restricts the datasets by one of these relations. */
    static boolean readsDatabase(List<PanoscFilter.Include> includes) {
        return includes.stream().anyMatch(i -> KEYS.containsKey(i.relation()) && i.restricts());
    }

    /** The restricting includes on instrument, documents, samples and files (the others are read elsewhere). */
    static List<Match> of(PanoscQueries queries, List<PanoscFilter.Include> includes) {
        List<Match> out = new ArrayList<>();
        for (PanoscFilter.Include include : includes) {
            Key key = KEYS.get(include.relation());
            if (key == null || !include.restricts()) {
                continue;
            }
            PanoscFilter scope = key.viaDataset()
                    ? new PanoscFilter(Condition.EVERYTHING, List.of(include), Optional.empty(), 0, List.of(), PanoscFilter.Projection.ALL, "")
                    : include.scope();
            List<Part> parts = new ArrayList<>();
            int found = 0;
            for (Source source : key.sources()) {
                List<?> keys = queries.keys(key.model(), source.join(), source.expression(), source.extra(), scope, MAX_KEYS + 1 - found);
                found += keys.size();
                if (found > MAX_KEYS) {
                    throw new InvalidSearchException(include.at() + ".scope", "matches more than " + MAX_KEYS + " " + key.noun()
                            + "; narrow the condition");
                }
                parts.add(new Part(source.field(), keys.stream().map(String::valueOf).toList()));
            }
            out.add(new Match(parts));
        }
        return out;
    }

    /** Every match holds: one of the dataset's keys is among the match's (no keys at all: nothing matches). */
    static PredicateFinalStep predicate(SearchPredicateFactory f, List<Match> matches) {
        BooleanPredicateClausesStep<?, ?> all = f.bool().must(f.matchAll());
        for (Match m : matches) {
            List<Part> parts = m.anyOf().stream().filter(p -> !p.keys().isEmpty()).toList();
            if (parts.isEmpty()) {
                all.filter(f.not(f.matchAll()));
            } else if (parts.size() == 1) {
                all.filter(f.terms().field(parts.get(0).field()).matchingAny(parts.get(0).keys()));
            } else {
                BooleanPredicateClausesStep<?, ?> any = f.bool();
                parts.forEach(p -> any.should(f.terms().field(p.field()).matchingAny(p.keys())));
                all.filter(any.minimumShouldMatchNumber(1));
            }
        }
        return all;
    }
}
