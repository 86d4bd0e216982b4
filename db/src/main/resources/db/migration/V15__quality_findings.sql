-- Metadata quality (issue #16, docs/metadata-quality.md): the conformance findings each harvester record brings
-- (replaced with the record, at most 200 per record: the record schema's bound) and the FAIR assessment of each
-- dataset, computed by the catalogue at ingest. Kept beside the dataset so the staff report aggregates in SQL.

CREATE TABLE dataset_finding (
    id         BIGSERIAL PRIMARY KEY,
    dataset_id BIGINT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    level      TEXT NOT NULL CHECK (level IN ('error', 'warning', 'info')),
    rule       TEXT NOT NULL,
    path       TEXT NOT NULL,
    message    TEXT NOT NULL
);
CREATE INDEX dataset_finding_dataset_idx ON dataset_finding(dataset_id);
CREATE INDEX dataset_finding_rule_idx ON dataset_finding(rule, level);

CREATE TABLE dataset_quality (
    dataset_id   BIGINT PRIMARY KEY REFERENCES dataset(id) ON DELETE CASCADE,
    checked      BOOLEAN NOT NULL,             -- the record carried findings: its file was checked
    errors       INTEGER NOT NULL CHECK (errors >= 0),
    warnings     INTEGER NOT NULL CHECK (warnings >= 0),
    infos        INTEGER NOT NULL CHECK (infos >= 0),
    fair_score   INTEGER NOT NULL CHECK (fair_score BETWEEN 0 AND 100),
    fair_metrics JSONB NOT NULL,               -- [{id, metric, passed, reason}], in the assessor's order
    assessed_at  TIMESTAMPTZ NOT NULL
);

-- the rules of a dataset's findings are indexed (the staff facet): a change queues the dataset, as for parameters
CREATE TRIGGER dataset_finding_outbox_insert AFTER INSERT ON dataset_finding
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_children_new();
CREATE TRIGGER dataset_finding_outbox_update AFTER UPDATE ON dataset_finding
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_children_moved();
CREATE TRIGGER dataset_finding_outbox_delete AFTER DELETE ON dataset_finding
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION search_outbox_children_old();
