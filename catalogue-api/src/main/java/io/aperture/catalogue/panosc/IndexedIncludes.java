package io.aperture.catalogue.panosc;

import io.aperture.catalogue.panet.Panet;
import io.aperture.catalogue.tokens.OpaqueIds;
import io.aperture.catalogue.search.RankedSearch.Embedded;
import io.aperture.catalogue.search.RankedSearch.IndexedInstrument;
import io.aperture.catalogue.search.RankedSearch.IndexedParameter;
import io.aperture.catalogue.search.RankedSearch.IndexedTechnique;
import io.aperture.catalogue.search.RankedSearch.Related;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The {@code techniques}, {@code instrument} and {@code parameters} includes of a {@code /Datasets} page answered from
 * the engine's hits (issue #12): the dataset document embeds them, so a page that attaches them needs no SQL statement.
 * Only scopes the hits can answer exactly as {@link PanoscQueries}' SQL attach does are taken here: no nested include,
 * no {@code order} on techniques or parameters, and for techniques a {@code where} of equality or {@code inq} on a
 * technique's pid, PaNET id or name (with the PaNET closure, as {@link JpqlWhere} compares them), combined with
 * {@code and}/{@code or}; {@code skip}, {@code limit} and {@code fields} apply per dataset as there. A parameters
 * include arrives here without its {@code where} (it selected the datasets in the engine; the list then attaches every
 * parameter of each, PanoscDatasetsResource.attachOnly). Every other scope, and an instrument include with a
 * {@code where}, is attached by the database. Techniques come in the SQL attach's default order, by IRI; parameters by
 * id.
 */
final class IndexedIncludes {
    /** A technique's PaNOSC properties (Entities.TECHNIQUE) from its indexed fields. */
    private static final Map<String, Function<IndexedTechnique, String>> TECHNIQUE = new LinkedHashMap<>();
    /** The instrument's PaNOSC properties (Entities.INSTRUMENT) from its indexed fields. */
    private static final Map<String, Function<IndexedInstrument, String>> INSTRUMENT = new LinkedHashMap<>();

    static {
        TECHNIQUE.put("pid", IndexedTechnique::iri);
        TECHNIQUE.put("name", IndexedTechnique::label);
        TECHNIQUE.put("panetId", IndexedTechnique::iri);
        INSTRUMENT.put("pid", IndexedInstrument::pid);
        INSTRUMENT.put("name", IndexedInstrument::name);
        INSTRUMENT.put("facility", IndexedInstrument::facility);
        if (!TECHNIQUE.keySet().equals(Entities.TECHNIQUE.fields().keySet())
                || !INSTRUMENT.keySet().equals(Entities.INSTRUMENT.fields().keySet())
                || !parameter(null).keySet().equals(Entities.PARAMETER.fields().keySet())) {
            throw new IllegalStateException("the indexed includes no longer answer the PaNOSC model's properties");
        }
    }

    private IndexedIncludes() {
    }

    /** A parameter's PaNOSC properties (Entities.PARAMETER) from its indexed fields, as the SQL attach writes them. */
    private static Map<String, Function<IndexedParameter, Object>> parameter(OpaqueIds ids) {
        Map<String, Function<IndexedParameter, Object>> out = new LinkedHashMap<>();
        out.put("id", p -> ids.encode(p.id()));
        out.put("name", IndexedParameter::name);
        out.put("value", p -> PanoscQueries.value(p.numericValue(), EntityModel.Kind.NUMBER));
        out.put("unit", IndexedParameter::unit);
        return out;
    }

    /**
     * How the hits answer one include: its scope read once per request (a technique's PaNET closure computed once, not
     * for every dataset or every step; issue #12's profile), then applied to each dataset of the page.
     */
    record Answer(PanoscFilter.Include include, Related related, Function<Embedded, Optional<Object>> value) {
        /**
         * Whether these hits carry what the include reads (a document indexed before the instrument's pid or the
         * parameters' ids were mapped does not; then the page is attached from the database).
         */
        boolean answers(List<Embedded> hits) {
            return switch (related) {
                case INSTRUMENT -> instrumentsComplete(hits);
                case PARAMETERS -> parametersIdentified(hits);
                case TECHNIQUES -> true;
            };
        }

        // loops, not streams: a page holds thousands of parameters, and this runs on the event loop for each page
        private static boolean instrumentsComplete(List<Embedded> hits) {
            for (Embedded h : hits) {
                if (h.instrument() != null && !h.instrument().complete()) {
                    return false;
                }
            }
            return true;
        }

        private static boolean parametersIdentified(List<Embedded> hits) {
            for (Embedded h : hits) {
                for (var p : h.parameters()) {
                    if (p.id() == null) {
                        return false;
                    }
                }
            }
            return true;
        }

        /**
         * Attaches the include to each dataset's JSON of a page ({@code json} and {@code embedded} in the same order):
         * techniques or parameters as an array (possibly empty), the instrument as an object, or nothing when the
         * dataset has none (or the scope skips it).
         */
        void attach(List<Map<String, Object>> json, List<Embedded> embedded) {
            for (int i = 0; i < json.size(); i++) {
                Map<String, Object> dataset = json.get(i);
                value.apply(embedded.get(i)).ifPresent(v -> dataset.put(include.relation(), v));
            }
        }
    }

    /** For each include, in order, how the hits answer it, or empty when its scope is one only the database answers. */
    static List<Optional<Answer>> of(List<PanoscFilter.Include> includes, OpaqueIds ids) {
        return includes.stream().map(include -> answer(include, ids)).toList();
    }

    /** The embedded objects the hits must carry for these answers. */
    static Set<Related> related(List<Optional<Answer>> answers) {
        Set<Related> out = EnumSet.noneOf(Related.class);
        answers.forEach(a -> a.ifPresent(answer -> out.add(answer.related())));
        return out;
    }

    /** How the index answers this Dataset include's scope as the database would, if it can (the hits not yet known). */
    private static Optional<Answer> answer(PanoscFilter.Include include, OpaqueIds ids) {
        PanoscFilter scope = include.scope();
        if (!scope.include().isEmpty()) {
            return Optional.empty();
        }
        boolean noWhere = scope.where() instanceof Condition.All all && all.parts().isEmpty();
        long skip = scope.skip();
        long limit = Math.min(scope.limit().orElse((long) PanoscQueries.INCLUDE_DEFAULT), PanoscQueries.INCLUDE_MAX);
        return switch (include.relation()) {
            case "instrument" -> noWhere
                    ? Optional.of(new Answer(include, Related.INSTRUMENT, e -> Optional.ofNullable(e.instrument())
                            .filter(i -> i.name() != null && skip == 0 && limit > 0)
                            .map(i -> properties(INSTRUMENT, i, scope.fields()))))
                    : Optional.empty();
            case "parameters" -> scope.order().isEmpty() && noWhere
                    ? Optional.of(parameters(include, ids, skip, limit))
                    : Optional.empty();
            case "techniques" -> scope.order().isEmpty()
                    ? matcher(scope.where()).map(where -> new Answer(include, Related.TECHNIQUES, e -> Optional.of(
                            e.techniques().stream().filter(where).sorted(Comparator.comparing(IndexedTechnique::iri))
                                    .skip(skip).limit(limit).map(t -> properties(TECHNIQUE, t, scope.fields())).toList())))
                    : Optional.empty();
            default -> Optional.empty();
        };
    }

    private static Answer parameters(PanoscFilter.Include include, OpaqueIds ids, long skip, long limit) {
        Map<String, Function<IndexedParameter, Object>> properties = parameter(ids);
        return new Answer(include, Related.PARAMETERS, e -> Optional.of(e.parameters().stream()
                .sorted(Comparator.comparing(IndexedParameter::id)).skip(skip).limit(limit)
                .map(p -> properties(properties, p, include.scope().fields())).toList()));
    }

    /**
     * A technique scope's {@code where} as a test of one technique, when it is one {@link JpqlWhere#condition} would
     * translate to the same comparison of the technique's IRI or label; empty for any other.
     */
    static Optional<Predicate<IndexedTechnique>> matcher(Condition c) {
        return switch (c) {
            case Condition.All all -> all(all.parts()).map(ps -> t -> ps.stream().allMatch(p -> p.test(t)));
            case Condition.Any any -> all(any.parts()).map(ps -> t -> ps.stream().anyMatch(p -> p.test(t)));
            case Condition.Nothing n -> Optional.of(t -> false);
            case Condition.Text t -> Optional.empty();
            case Condition.Compare cmp -> compare(cmp);
        };
    }

    private static Optional<List<Predicate<IndexedTechnique>>> all(List<Condition> parts) {
        List<Predicate<IndexedTechnique>> out = new ArrayList<>();
        for (Condition p : parts) {
            Optional<Predicate<IndexedTechnique>> m = matcher(p);
            if (m.isEmpty()) {
                return Optional.empty();
            }
            out.add(m.get());
        }
        return Optional.of(out);
    }

    private static Optional<Predicate<IndexedTechnique>> compare(Condition.Compare c) {
        Function<IndexedTechnique, String> field = TECHNIQUE.get(c.field());
        if (field == null) {
            boolean negative = c.op().negative();
            return Optional.of(t -> negative); // an unknown property: as JpqlWhere, nothing matches, its negation everything
        }
        if (c.op() != Operator.EQ && c.op() != Operator.INQ) {
            return Optional.empty();
        }
        // a PaNET term stands for itself and its descendants, by IRI; a term PaNET does not know is compared as written
        List<String> terms = Operands.strings(c.operand());
        Set<String> closure;
        if (terms.size() == 1) {
            closure = Panet.shipped().closure(terms.getFirst()); // kept by Panet: not copied for every page
        } else {
            closure = new LinkedHashSet<>();
            terms.forEach(term -> closure.addAll(Panet.shipped().closure(term)));
        }
        if (!closure.isEmpty()) {
            return Optional.of(t -> closure.contains(t.iri()));
        }
        if (c.op() == Operator.EQ) {
            Optional<String> value = Operands.scalar(c.operand());
            return Optional.of(t -> value.isPresent() && value.get().equals(field.apply(t)));
        }
        return Optional.of(t -> terms.contains(field.apply(t)));
    }

    /** The object's properties the scope's {@code fields} keep (a page attaches hundreds: only those are built). */
    private static <T> Map<String, Object> properties(Map<String, ? extends Function<T, ?>> properties, T value,
                                                      PanoscFilter.Projection fields) {
        Map<String, Object> json = new LinkedHashMap<>();
        properties.forEach((name, read) -> {
            if (fields.keeps(name)) {
                json.put(name, read.apply(value));
            }
        });
        return json;
    }
}
