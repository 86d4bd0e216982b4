package io.aperture.catalogue.panosc;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One PaNOSC entity (design/PANOSC.md §1) as the catalogue stores it: its properties as JPQL expressions over an alias
 * ({@code {a}}), the properties {@code text} searches, and its relations. The expressions are written here once; the
 * query translation ({@link JpqlWhere}), the sort and the JSON ({@link PanoscJson}) all read them from here.
 *
 * @param name       the model's name in answers and errors ({@code Document})
 * @param jpqlEntity the stored entity
 * @param fields     PaNOSC property → expression
 * @param text       the properties {@code where.text} matches (§3.3)
 * @param relations  include name → relation
 * @param visible    a condition every row must meet to be served at all (public data only), or empty
 */
record EntityModel(String name, String jpqlEntity, Map<String, Field> fields, List<String> text,
                   Map<String, Relation> relations, Optional<String> visible) {

    /** {@code ID}: a row id, answered and compared in its public form ({@code OpaqueIds}), never as the sequence value. */
    enum Kind { TEXT, NUMBER, DATE, ALWAYS_TRUE, TEXT_LIST, ID }

    /**
     * A property: its expression, its kind, whether it is selected with the row (a value computed in the query rather
     * than a column of the entity) and whether it may be an {@code order} key.
     */
    record Field(String expression, Kind kind, boolean computed, boolean sortable) {
        static Field column(String expression, Kind kind) {
            return new Field(expression, kind, false, true);
        }

        static Field computed(String expression, Kind kind) {
            return new Field(expression, kind, true, false);
        }

        String over(String alias) {
            return expression.replace("{a}", alias);
        }
    }

    /**
     * A relation to {@code target}: {@code join} relates a target row {@code {a}} to its parent {@code {p}}; a to-one
     * relation attaches an object (or nothing), a to-many an array.
     */
    record Relation(String target, String join, boolean toOne) {
        String join(String alias, String parent) {
            return join.replace("{a}", alias).replace("{p}", parent);
        }
    }

    /** The {@link #visible} condition over an alias, or an always-true one. */
    String visibleOver(String alias) {
        return visible.map(v -> v.replace("{a}", alias)).orElse("1 = 1");
    }
}
