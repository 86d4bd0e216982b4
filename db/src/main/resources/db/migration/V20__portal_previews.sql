-- Data previews (issue #13, docs/portal.md#previews): the PNG of a dataset's default plot, rendered by the harvester
-- and sent with its record. Kept beside the record, not in it: the record is served and exported, the preview only
-- to whoever the policy lets see the dataset's files (AccessPolicy.mayPreview). The bound matches the ingest's.
CREATE TABLE dataset_preview (
    dataset_id  BIGINT PRIMARY KEY REFERENCES dataset(id) ON DELETE CASCADE,
    png         BYTEA NOT NULL CHECK (octet_length(png) BETWEEN 8 AND 262144),
    updated_at  TIMESTAMPTZ NOT NULL
);
