package io.aperture.catalogue.ingest;

import io.aperture.catalogue.input.InvalidInputException;

/** A record that cannot be ingested; names the offending field so the harvester's operator can fix the source. */
public class InvalidRecordException extends InvalidInputException {
    public InvalidRecordException(String field, String message) {
        super(field, message);
    }
}
