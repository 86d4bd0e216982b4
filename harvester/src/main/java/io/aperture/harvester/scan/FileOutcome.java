package io.aperture.harvester.scan;

/**
 * What happened to one file in a scan. {@code retryable} marks a FAILED file whose records were fine but could not be
 * delivered (server unreachable, batch refused as a whole): trying the same file again later can succeed, so a
 * watcher keeps it, where a bad file is recorded and left until it changes.
 */
public record FileOutcome(String path, Status status, String reason, Integer records, boolean retryable) {

    public enum Status { OK, SKIPPED, IN_PROGRESS, FAILED }

    public FileOutcome(String path, Status status, String reason, Integer records) {
        this(path, status, reason, records, false);
    }
}
