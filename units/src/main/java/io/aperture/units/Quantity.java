package io.aperture.units;

/**
 * A value with its unit as written in the file and, when the unit is understood, its SI equivalent.
 * Exactly one of value/text is set.
 */
public record Quantity(Double value, String text, String unit, Double siValue, String siUnit, boolean unitKnown) {
}
