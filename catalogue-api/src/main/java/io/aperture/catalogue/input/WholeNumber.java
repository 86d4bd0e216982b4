package io.aperture.catalogue.input;

import java.util.Optional;

/**
 * A whole-number query parameter ({@code ?limit=}, {@code ?page=}), read from its text: one that is no number, or out
 * of range, is an {@link InvalidInputException} naming it (a 400). Declared as {@code int}, the framework would answer
 * such a value with a bare 404, as if the address did not exist.
 */
public final class WholeNumber {
    private WholeNumber() {
    }

    /** The value, or empty when the parameter is absent or blank. */
    public static Optional<Long> of(String field, String value, long min, long max) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            long n = Long.parseLong(value.strip());
            if (n >= min && n <= max) {
                return Optional.of(n);
            }
        } catch (NumberFormatException e) {
            // the same answer as a number out of range
        }
        throw new InvalidInputException(field, "must be a whole number from " + min + " to " + max);
    }

    /** {@link #of} as an {@code int}, {@code otherwise} when absent. */
    public static int of(String field, String value, int min, int max, int otherwise) {
        return of(field, value, (long) min, max).map(Long::intValue).orElse(otherwise);
    }
}
