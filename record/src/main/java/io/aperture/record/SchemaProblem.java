package io.aperture.record;

/**
 * One way a record breaks the schema.
 *
 * @param path    the JSON path of the offending field, written as the catalogue names fields ({@code source.path},
 *                {@code parameters[3].value}; {@code record} for the record as a whole)
 * @param message what is wrong with it, without the path
 */
public record SchemaProblem(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
