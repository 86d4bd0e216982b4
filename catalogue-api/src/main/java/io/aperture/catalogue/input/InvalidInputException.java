package io.aperture.catalogue.input;

/** A request value that cannot be used, with the parameter or field it came from; the API answers it with 400. */
public class InvalidInputException extends RuntimeException {
    private final String field;

    public InvalidInputException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** Throws when the value has a {@link InputText#problem}. */
    public static String requireText(String field, String value, int maxLength) {
        InputText.problem(value, maxLength).ifPresent(p -> {
            throw new InvalidInputException(field, p);
        });
        return value;
    }
}
