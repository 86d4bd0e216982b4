package io.aperture.catalogue.ingest;

/** A record that cannot be ingested; names the offending field so the harvester's operator can fix the source. */
public class InvalidRecordException extends RuntimeException {
    private final String field;

    public InvalidRecordException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
