package io.aperture.catalogue.search;

import io.aperture.catalogue.input.InvalidInputException;

/** A search request that cannot be run; answered with 400 naming the parameter (and a stable code where one is documented). */
public class InvalidSearchException extends InvalidInputException {
    /** A bound with a unit of absurd exponent or a value whose SI equivalent overflows (units module). */
    public static final String UNIT_OUT_OF_RANGE = "UNIT_OUT_OF_RANGE";

    private final String code;

    public InvalidSearchException(String parameter, String message) {
        this(parameter, message, null);
    }

    public InvalidSearchException(String parameter, String message, String code) {
        super(parameter, message);
        this.code = code;
    }

    /** The request parameter the value came from. */
    public String parameter() {
        return field();
    }

    /** The machine-readable reason, or null. */
    public String code() {
        return code;
    }
}
