package io.aperture.catalogue.ingest;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The outcome for one record of a batch, in the batch's order. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IngestResult(int index, IngestStatus status, String datasetPid, String field, String error) {

    static IngestResult ok(int index, IngestStatus status, String pid) {
        return new IngestResult(index, status, pid, null, null);
    }

    static IngestResult rejected(int index, String field, String error) {
        return new IngestResult(index, IngestStatus.REJECTED, null, field, error);
    }
}
