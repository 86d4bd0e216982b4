package io.aperture.catalogue.panosc;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed PaNOSC {@code filter} (design/PANOSC.md §3.1), or the {@code scope} of an include, which has the same keys.
 *
 * @param where   the condition on the entity; {@link Condition#EVERYTHING} when absent
 * @param include related objects to attach, each with its own scope
 * @param limit   items asked for; empty when absent or 0 (the resource applies its default and its maximum)
 * @param skip    items to skip, saturated at {@link Long#MAX_VALUE}
 * @param order   sort keys, first one first; empty for the entity's default order
 * @param fields  which top-level properties to answer
 * @param query   free text for relevance scoring (§4), blank when absent
 */
record PanoscFilter(Condition where, List<Include> include, Optional<Long> limit, long skip, List<Order> order,
                    Projection fields, String query) {

    static final PanoscFilter NONE = new PanoscFilter(Condition.EVERYTHING, List.of(), Optional.empty(), 0, List.of(),
            Projection.ALL, "");

    /** {@code {"relation": name, "scope": {…}}} or just the relation's name. */
    record Include(String relation, PanoscFilter scope, String at) {
        /** Whether the scope asks something of the related objects, which then drops parents without any (§3.4). */
        boolean restricts() {
            return !(scope.where() instanceof Condition.All all && all.parts().isEmpty())
                    || scope.include().stream().anyMatch(Include::restricts);
        }
    }

    /** One sort key. */
    record Order(String field, boolean descending) {}

    /** {@code fields}: the properties named {@code true} (all when none is), without those named {@code false}. */
    record Projection(Set<String> only, Set<String> without) {
        static final Projection ALL = new Projection(Set.of(), Set.of());

        boolean keeps(String field) {
            return (only.isEmpty() || only.contains(field)) && !without.contains(field);
        }
    }
}
