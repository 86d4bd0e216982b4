-- Catalogue events for archives and pipelines (issue #14). The audit log is the outbox: every fact worth an event
-- (ingest, release, extension, withdrawal, DOI change) is appended to it in the transaction of the change, and
-- audit_append's lock orders the rows by commit. The publisher keeps how far it has sent here; a crash between a send
-- and this update sends again (the message id is the audit row's id, so consumers can drop repeats).
CREATE TABLE event_cursor (
    name          TEXT PRIMARY KEY,
    last_audit_id BIGINT NOT NULL
);
-- a new installation publishes from now on, not its history
INSERT INTO event_cursor(name, last_audit_id) SELECT 'amqp', coalesce(max(id), 0) FROM audit_event;
