package io.aperture.catalogue.search;

/** A search request that cannot be run; answered with 400 naming the parameter. */
public class InvalidSearchException extends RuntimeException {
    private final String parameter;

    public InvalidSearchException(String parameter, String message) {
        super(parameter + ": " + message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
