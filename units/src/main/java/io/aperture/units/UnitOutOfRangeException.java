package io.aperture.units;

/**
 * A unit or value the converter refuses because it is absurd, not merely unknown: an exponent beyond
 * {@link UnitConverter#MAX_EXPONENT} (as in {@code m^99999}) or a value whose SI equivalent is not a finite double (as in
 * {@code 1e308 km}). Unknown spellings are not refused: they stay as written ({@code unitKnown=false}).
 * Callers that take units from a request answer this as a bad request (400) naming {@link #unit()}.
 */
public class UnitOutOfRangeException extends IllegalArgumentException {
    private final String unit;

    public UnitOutOfRangeException(String unit, String message) {
        super(message);
        this.unit = unit;
    }

    /** The unit as written. */
    public String unit() {
        return unit;
    }
}
