-- Harvest health (docs/harvester.md "Reporting to the catalogue", #13): what the harvester could not catalogue, as it
-- reports it through POST /api/ingest/harvest-health. Files harvested are only counted (a Prometheus counter), not kept.
-- Retention: HarvestHealthStore keeps the newest aperture.harvest-health.keep-per-kind rows of each kind.
CREATE TABLE harvest_event (
    id          BIGSERIAL PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('REFUSED', 'SWMR_WAITING', 'DEAD_LETTER')),
    subject     TEXT NOT NULL,  -- the file path, or the dead-lettered message's id or file path
    reason      TEXT NOT NULL,
    occurred_at TIMESTAMPTZ NOT NULL,  -- when the harvester saw it
    received_at TIMESTAMPTZ NOT NULL,
    reporter    TEXT NOT NULL
);
CREATE INDEX harvest_event_kind_newest_idx ON harvest_event (kind, occurred_at DESC, id DESC);
