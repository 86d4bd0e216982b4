-- Transactional outbox for DataCite DOI calls (docs/doi.md). A row is one pending call that makes DataCite agree
-- with the catalogue for one dataset: the DOI state the catalogue wants (as the policy decided it, copied to
-- dataset.doi_state in the same transaction) and the DataCite event that gets it there. Rows are written in the
-- transaction of the change that causes them (release, early release, withdrawal, ingest) and drained by the DOI
-- job (catalogue-api, package doi), which claims the oldest row of each dataset with FOR UPDATE SKIP LOCKED, so any
-- number of server instances share the work and one dataset's calls are never sent concurrently or out of order.
-- A retryable failure (5xx, timeout, no connection) pushes next_attempt_at back; a refusal (4xx) marks the row
-- FAILED with DataCite's answer for staff (GET /api/staff/doi/outbox) until a later row for the dataset succeeds.

CREATE TABLE doi_outbox (
    id              BIGSERIAL PRIMARY KEY,
    dataset_id      BIGINT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    doi             TEXT NOT NULL,
    wanted_state    TEXT NOT NULL,                -- the policy's DoiState name
    event           TEXT NOT NULL,                -- the policy's DoiTarget.Event name
    status          TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'FAILED')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    queued_at       TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    last_attempt_at TIMESTAMPTZ,
    last_status     INTEGER,                      -- HTTP status of the last answer; NULL: none (timeout, no connection)
    last_error      TEXT                          -- DataCite's answer (clipped) or the connection failure
);
-- the claim: the due pending rows, oldest first
CREATE INDEX doi_outbox_due_idx ON doi_outbox (next_attempt_at, id) WHERE status = 'PENDING';
-- the per-dataset order check and the clean-up after a success
CREATE INDEX doi_outbox_dataset_idx ON doi_outbox (dataset_id, id);
