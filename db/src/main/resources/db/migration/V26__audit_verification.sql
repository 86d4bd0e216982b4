-- Verifying the audit hash chain from the last verified row on, instead of from the first row on every staff visit
-- (a whole-chain check hashes every row: seconds at a million rows). Each check is recorded: the row it verified
-- through and that row's hash are the anchor of the next incremental check; a whole-chain check runs on a schedule
-- and on request (docs/operations.md, "Audit").
CREATE TABLE audit_verification (
    id            BIGSERIAL PRIMARY KEY,
    checked_at    TIMESTAMPTZ NOT NULL,
    whole_chain   BOOLEAN NOT NULL,
    through_id    BIGINT NOT NULL,          -- the last row verified; 0 while the log is empty
    through_hash  TEXT NOT NULL,            -- its hash; 'genesis' while the log is empty
    first_broken  BIGINT,                   -- null: every row verified was sound
    rows_checked  BIGINT NOT NULL
);
CREATE INDEX audit_verification_whole_idx ON audit_verification(id) WHERE whole_chain;

-- The rows after after_id, chained to after_hash, verified in one statement (so in one snapshot, with what it
-- reports as the last row): the first unsound row, the last row, its hash, and how many rows were hashed. Rows are
-- numbered in commit order (audit_append's lock), so a snapshot that holds a row holds every row before it.
CREATE FUNCTION audit_verify_after(after_id BIGINT, after_hash TEXT)
    RETURNS TABLE (first_broken BIGINT, last_id BIGINT, last_hash TEXT, checked BIGINT) LANGUAGE sql STABLE AS $$
    WITH chain AS (
        SELECT id,
               prev_hash = coalesce(lag(hash) OVER (ORDER BY id), after_hash)
                   AND hash = audit_row_hash(prev_hash, occurred_at, actor, action, subject_type, subject_id, proposal,
                                             details) AS sound
        FROM audit_event WHERE id > after_id),
    summary AS (
        SELECT min(id) FILTER (WHERE NOT sound) AS first_broken, max(id) AS last_id, count(*) AS checked FROM chain)
    SELECT s.first_broken, s.last_id, e.hash, s.checked
    FROM summary s LEFT JOIN audit_event e ON e.id = s.last_id
$$;
