package io.aperture.catalogue.panosc;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** A parsed LoopBack {@code where} (design/PANOSC.md §3.2): the tree the query translators walk. */
sealed interface Condition {
    /** Every part holds ({@code and}, and the sibling keys of one object); empty: everything matches. */
    record All(List<Condition> parts) implements Condition {}

    /** Some part holds ({@code or}); empty: nothing matches, as in the reference. */
    record Any(List<Condition> parts) implements Condition {}

    /**
     * {@code "field": operand} or {@code "field": {"op": operand}}; the operand still as JSON, typed by the entity;
     * {@code at} names its place in the request for errors ({@code filter.where.creationDate.gt}).
     */
    record Compare(String field, Operator op, JsonNode operand, String at) implements Condition {}

    /** {@code "text": "…"}: a case-insensitive substring of any of the entity's text fields (§3.3). */
    record Text(String value) implements Condition {}

    /** An operator the reference does not know: it answers nothing for it rather than an error (§3.2). */
    record Nothing(String why) implements Condition {}

    Condition EVERYTHING = new All(List.of());
}
