-- Transactional outbox for e-mail notices to PIs and alternate contacts. A notice is written here, rendered, in the
-- transaction that made the change it tells of; NoticeJob (catalogue-api, package notify) claims due rows with
-- FOR UPDATE SKIP LOCKED (any number of server instances), sends one per transaction and deletes it once the mail
-- server accepted it. A crash or a mail-server outage leaves the row for later; after the configured attempts it stays
-- as FAILED for operators. The Message-ID is derived from the row id, so a resend after a crash between the mail
-- server's acceptance and the delete is recognisably the same message.

CREATE TABLE notice_outbox (
    id              BIGSERIAL PRIMARY KEY,
    kind            TEXT NOT NULL,                -- EmbargoNotice.Kind
    proposal_code   TEXT NOT NULL,
    recipients      TEXT[] NOT NULL,
    subject         TEXT NOT NULL,
    body            TEXT NOT NULL,
    status          TEXT NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'FAILED')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    queued_at       TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    next_attempt_at TIMESTAMPTZ NOT NULL DEFAULT clock_timestamp(),
    last_error      TEXT
);
CREATE INDEX notice_outbox_due_idx ON notice_outbox (next_attempt_at, id) WHERE status = 'PENDING';
