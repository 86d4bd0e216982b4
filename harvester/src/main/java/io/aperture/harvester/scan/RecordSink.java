package io.aperture.harvester.scan;

import io.aperture.record.HarvestRecord;

import java.util.List;

/** Where harvested records go. Implementations report per record whether it was accepted. */
public interface RecordSink {

    /** Outcome of one record of a batch, in batch order. */
    record Result(boolean accepted, String status, String error) {
    }

    /**
     * Sends one batch. Throws if the batch as a whole was not accepted (after any retries); then no file of the
     * batch may be marked done.
     */
    List<Result> send(List<HarvestRecord> batch) throws SinkException;

    class SinkException extends Exception {
        public SinkException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** The request was refused as invalid (HTTP 400): sending the same again would be refused again. */
    final class Refused extends SinkException {
        public Refused(String message) {
            super(message, null);
        }
    }

    /** The batch was refused for its size alone (HTTP 413): a smaller batch may be taken. */
    final class TooLarge extends SinkException {
        public TooLarge(String message) {
            super(message, null);
        }
    }
}
