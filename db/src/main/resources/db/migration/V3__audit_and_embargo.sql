-- Audit log: append-only, hash-chained. The application has no update or delete path, and the database refuses
-- both, so a row once written stays as written. Each row's hash covers its content and the previous row's hash:
-- editing or removing a row (by someone able to bypass the trigger) breaks the chain at that row, which
-- `verify` (AuditVerifier) detects.
CREATE TABLE audit_event (
    id           BIGSERIAL PRIMARY KEY,
    occurred_at  TIMESTAMPTZ NOT NULL,
    actor        TEXT NOT NULL,                  -- username, service account, or 'system'
    action       TEXT NOT NULL,                  -- e.g. RECORD_INGESTED, EXTENSION_REQUESTED, RELEASED, STAFF_ACCESS
    subject_type TEXT NOT NULL,                  -- DATASET, VISIT, PROPOSAL
    subject_id   TEXT NOT NULL,                  -- a pid or code
    proposal     TEXT,                           -- proposal pid, for queries by proposal
    details      JSONB NOT NULL DEFAULT '{}',
    prev_hash    TEXT NOT NULL,
    hash         TEXT NOT NULL UNIQUE
);
CREATE INDEX audit_event_time_idx ON audit_event(occurred_at);
CREATE INDEX audit_event_proposal_idx ON audit_event(proposal, occurred_at);
CREATE INDEX audit_event_actor_idx ON audit_event(actor, occurred_at);
CREATE INDEX audit_event_action_idx ON audit_event(action, occurred_at);

CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_event is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END $$;
CREATE TRIGGER audit_event_no_update BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

-- Embargo state of a visit (the policy's embargo unit) or of a dataset without a visit.
CREATE TABLE embargo (
    id              BIGSERIAL PRIMARY KEY,
    visit_id        BIGINT UNIQUE REFERENCES visit(id),
    dataset_id      BIGINT UNIQUE REFERENCES dataset(id) ON DELETE CASCADE,
    original_end    TIMESTAMPTZ NOT NULL,
    current_end     TIMESTAMPTZ NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('EMBARGOED', 'RELEASED', 'WITHDRAWN')),
    released_at     TIMESTAMPTZ,
    version         BIGINT NOT NULL DEFAULT 0,
    CHECK ((visit_id IS NULL) <> (dataset_id IS NULL))
);
CREATE INDEX embargo_due_idx ON embargo(current_end) WHERE status = 'EMBARGOED';

CREATE TABLE extension_request (
    id              BIGSERIAL PRIMARY KEY,
    embargo_id      BIGINT NOT NULL REFERENCES embargo(id),
    requested_by    TEXT NOT NULL,
    on_behalf       BOOLEAN NOT NULL DEFAULT FALSE,
    requested_at    TIMESTAMPTZ NOT NULL,
    justification   TEXT,
    status          TEXT NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED', 'CANCELLED')),
    decided_by      TEXT,
    decided_at      TIMESTAMPTZ,
    decision_reason TEXT,
    end_before      TIMESTAMPTZ NOT NULL,
    end_after       TIMESTAMPTZ
);
-- At most one pending request per embargo, enforced by the database.
CREATE UNIQUE INDEX extension_request_one_pending ON extension_request(embargo_id) WHERE status = 'PENDING';

-- The one way rows get in. Serialised by an advisory lock so the chain has no forks.
CREATE FUNCTION audit_row_hash(prev TEXT, at TIMESTAMPTZ, actor TEXT, action TEXT, subject_type TEXT, subject_id TEXT,
                               proposal TEXT, details JSONB) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
    SELECT encode(sha256(convert_to(concat_ws(E'\x1f', prev,
        to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        actor, action, subject_type, subject_id, coalesce(proposal, ''), details::text), 'UTF8')), 'hex')
$$;

CREATE FUNCTION audit_append(p_at TIMESTAMPTZ, p_actor TEXT, p_action TEXT, p_subject_type TEXT, p_subject_id TEXT,
                             p_proposal TEXT, p_details JSONB) RETURNS BIGINT LANGUAGE plpgsql AS $$
DECLARE
    prev TEXT;
    new_id BIGINT;
BEGIN
    PERFORM pg_advisory_xact_lock(7172026);
    SELECT hash INTO prev FROM audit_event ORDER BY id DESC LIMIT 1;
    prev := coalesce(prev, 'genesis');
    INSERT INTO audit_event(occurred_at, actor, action, subject_type, subject_id, proposal, details, prev_hash, hash)
    VALUES (p_at, p_actor, p_action, p_subject_type, p_subject_id, p_proposal, p_details, prev,
            audit_row_hash(prev, p_at, p_actor, p_action, p_subject_type, p_subject_id, p_proposal, p_details))
    RETURNING id INTO new_id;
    RETURN new_id;
END $$;

-- First row whose link or hash does not check out, or NULL when the whole chain is intact.
CREATE FUNCTION audit_verify() RETURNS BIGINT LANGUAGE sql STABLE AS $$
    SELECT id FROM (
        SELECT id, hash, prev_hash, occurred_at, actor, action, subject_type, subject_id, proposal, details,
               coalesce(lag(hash) OVER (ORDER BY id), 'genesis') AS expected_prev
        FROM audit_event) chain
    WHERE prev_hash <> expected_prev
       OR hash <> audit_row_hash(prev_hash, occurred_at, actor, action, subject_type, subject_id, proposal, details)
    ORDER BY id LIMIT 1
$$;
