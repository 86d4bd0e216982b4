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
 * each dataset: the instrument's name, the proposal's pid, or, for samples and files (which the index does not hold),
 * the pids of the public datasets that have such a row. The index query then asks that the dataset's key is among them,
 * so the page and its total come from one query and nothing is filtered afterwards. A scope whose keys exceed
 * {@link #MAX_KEYS} is a 400 naming the include (a terms condition that large would be slow and is bounded by the
 * engine's {@code index.max_terms_count}).
 */
final class DatasetRelations {
    static final int MAX_KEYS = 10_000;

    /** How one relation's scope becomes keys: {@code expression} of {@code model} rows, compared with {@code field}. */
    private record Key(String field, EntityModel model, String expression, String noun, boolean viaDataset) {}

    private static final Map<String, Key> KEYS = Map.of(
            "instrument", new Key("instrument.name", Entities.INSTRUMENT, "r.name", "instruments", false),
            "documents", new Key("proposalPid", Entities.DOCUMENT, "r.pid", "documents", false),
            "document", new Key("proposalPid", Entities.DOCUMENT, "r.pid", "documents", false),
            "samples", new Key("pid", Entities.DATASET, "r.pid", "datasets", true),
            "files", new Key("pid", Entities.DATASET, "r.pid", "datasets", true));

    /** One restricting include as the keys a dataset must have one of. */
    record Match(String field, List<String> keys) {}

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
            List<?> keys = queries.keys(key.model(), key.expression(), scope, MAX_KEYS + 1);
            if (keys.size() > MAX_KEYS) {
                throw new InvalidSearchException(include.at() + ".scope", "matches more than " + MAX_KEYS + " " + key.noun()
                        + "; narrow the condition");
            }
            out.add(new Match(key.field(), keys.stream().map(String::valueOf).toList()));
        }
        return out;
    }

    /** Every match holds: the dataset's key is one of the match's keys (none: nothing matches). */
    static PredicateFinalStep predicate(SearchPredicateFactory f, List<Match> matches) {
        BooleanPredicateClausesStep<?, ?> all = f.bool().must(f.matchAll());
        for (Match m : matches) {
            all.filter(m.keys().isEmpty() ? f.not(f.matchAll()) : f.terms().field(m.field()).matchingAny(m.keys()));
        }
        return all;
    }
}
