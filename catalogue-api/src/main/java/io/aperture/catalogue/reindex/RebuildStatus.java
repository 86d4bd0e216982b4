package io.aperture.catalogue.reindex;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/**
 * Where the last index rebuild of this server instance stands, as {@code GET /api/staff/index/rebuild} answers it.
 *
 * @param state            NONE (no rebuild since start), RUNNING, DONE or FAILED; RUNNING_ELSEWHERE while another server
 *                         instance of the same database rebuilds (its progress is on that instance)
 * @param phase            while running: MASS_INDEXING, REQUEUING_CHANGES or REMOVING_STALE
 * @param datasets         datasets in PostgreSQL when the rebuild started
 * @param documentsWritten documents the mass indexer has written so far (overwritten in place)
 * @param requeued         datasets changed while the mass indexer ran, queued again in the outbox so their newest
 *                         state is written after the mass indexer's copy
 * @param staleRemoved     index documents removed because their dataset no longer exists
 * @param foreignDocuments index documents whose id is not a dataset id at all (left alone, reported)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RebuildStatus(State state, Phase phase, String requestedBy, Instant startedAt, Instant finishedAt,
                            Long datasets, long documentsWritten, Long requeued, Long staleRemoved,
                            Long foreignDocuments, String error) {

    public enum State { NONE, RUNNING, RUNNING_ELSEWHERE, DONE, FAILED }

    public enum Phase { MASS_INDEXING, REQUEUING_CHANGES, REMOVING_STALE }

    static RebuildStatus none() {
        return new RebuildStatus(State.NONE, null, null, null, null, null, 0, null, null, null, null);
    }

    static RebuildStatus started(String requestedBy, Instant at, long datasets) {
        return new RebuildStatus(State.RUNNING, Phase.MASS_INDEXING, requestedBy, at, null, datasets, 0, null, null, null, null);
    }

    static RebuildStatus elsewhere() {
        return new RebuildStatus(State.RUNNING_ELSEWHERE, null, null, null, null, null, 0, null, null, null, null);
    }

    public boolean running() {
        return state == State.RUNNING;
    }

    RebuildStatus written(long n) {
        return new RebuildStatus(state, phase, requestedBy, startedAt, finishedAt, datasets, n, requeued, staleRemoved,
                foreignDocuments, error);
    }

    RebuildStatus requeuing(long written) {
        return new RebuildStatus(state, Phase.REQUEUING_CHANGES, requestedBy, startedAt, finishedAt, datasets, written,
                requeued, staleRemoved, foreignDocuments, error);
    }

    RebuildStatus removingStale(long requeued) {
        return new RebuildStatus(state, Phase.REMOVING_STALE, requestedBy, startedAt, finishedAt, datasets, documentsWritten,
                requeued, staleRemoved, foreignDocuments, error);
    }

    RebuildStatus done(Instant at, StaleDocuments.Outcome stale) {
        return new RebuildStatus(State.DONE, null, requestedBy, startedAt, at, datasets, documentsWritten, requeued,
                stale.removed(), stale.foreign(), null);
    }

    RebuildStatus failed(Instant at, String message) {
        return new RebuildStatus(State.FAILED, phase, requestedBy, startedAt, at, datasets, documentsWritten, requeued,
                staleRemoved, foreignDocuments, message);
    }
}
