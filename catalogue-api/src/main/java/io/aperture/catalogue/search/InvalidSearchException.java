package io.aperture.catalogue.search;

import io.aperture.catalogue.input.InvalidInputException;

/** A search request that cannot be run; answered with 400 naming the parameter. */
public class InvalidSearchException extends InvalidInputException {
    public InvalidSearchException(String parameter, String message) {
        super(parameter, message);
    }

    /** The request parameter the value came from. */
    public String parameter() {
        return field();
    }
}
