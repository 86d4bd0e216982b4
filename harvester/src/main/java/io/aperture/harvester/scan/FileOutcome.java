package io.aperture.harvester.scan;

/** What happened to one file in a scan. */
public record FileOutcome(String path, Status status, String reason, Integer records) {

    public enum Status { OK, SKIPPED, IN_PROGRESS, FAILED }
}
