-- Aperture catalogue schema, version 1.
-- Aligned with the PaNOSC/ExPaNDS data model: Facility, Instrument, Document(Proposal), Visit, Person,
-- Affiliation, Member, Sample, Dataset, Datafile, Parameter, Technique, provenance.
-- Flyway owns this schema; Hibernate only validates it.

CREATE TABLE facility (
    id          BIGSERIAL PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,            -- short code used in records, e.g. DLS, ISIS
    name        TEXT NOT NULL,
    ror         TEXT
);

CREATE TABLE instrument (
    id          BIGSERIAL PRIMARY KEY,
    facility_id BIGINT NOT NULL REFERENCES facility(id),
    pid         TEXT NOT NULL UNIQUE,            -- stable identifier, e.g. DLS/i03
    name        TEXT NOT NULL,
    short_name  TEXT,
    UNIQUE (facility_id, name)
);

CREATE TABLE proposal (
    id          BIGSERIAL PRIMARY KEY,
    facility_id BIGINT NOT NULL REFERENCES facility(id),
    code        TEXT NOT NULL,                   -- the user office's proposal number, e.g. cm22951
    pid         TEXT NOT NULL UNIQUE,            -- PaNOSC Document pid
    title       TEXT,
    summary     TEXT,
    doi         TEXT,
    doc_type    TEXT NOT NULL DEFAULT 'proposal',
    keywords    TEXT[] NOT NULL DEFAULT '{}',
    created_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at  TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (facility_id, code)
);

-- A visit (investigation / session) on a proposal. The embargo unit of the policy.
CREATE TABLE visit (
    id          BIGSERIAL PRIMARY KEY,
    proposal_id BIGINT NOT NULL REFERENCES proposal(id),
    code        TEXT NOT NULL,                   -- e.g. cm22951-1
    start_date  TIMESTAMPTZ,
    end_date    TIMESTAMPTZ,
    UNIQUE (proposal_id, code)
);
CREATE INDEX visit_code_idx ON visit(code);

CREATE TABLE affiliation (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT NOT NULL,
    ror         TEXT UNIQUE,
    country     TEXT
);

CREATE TABLE person (
    id          BIGSERIAL PRIMARY KEY,
    full_name   TEXT NOT NULL,
    given_name  TEXT,
    family_name TEXT,
    orcid       TEXT UNIQUE,                     -- 0000-0000-0000-000X, checksum validated on the way in
    email       TEXT,
    username    TEXT UNIQUE,                     -- the identity provider's preferred_username
    affiliation_id BIGINT REFERENCES affiliation(id)
);

CREATE TABLE member (
    id          BIGSERIAL PRIMARY KEY,
    proposal_id BIGINT NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,
    person_id   BIGINT NOT NULL REFERENCES person(id),
    role        TEXT NOT NULL CHECK (role IN ('PI', 'ALTERNATE_CONTACT', 'TEAM_MEMBER')),
    affiliation_id BIGINT REFERENCES affiliation(id),
    UNIQUE (proposal_id, person_id, role)
);
CREATE INDEX member_person_idx ON member(person_id);

CREATE TABLE sample (
    id          BIGSERIAL PRIMARY KEY,
    pid         TEXT NOT NULL UNIQUE,
    name        TEXT NOT NULL,
    chemical_formula TEXT,
    description TEXT
);

CREATE TABLE technique (
    id          BIGSERIAL PRIMARY KEY,
    iri         TEXT NOT NULL UNIQUE,            -- PaNET purl
    label       TEXT NOT NULL
);

CREATE TABLE dataset (
    id              BIGSERIAL PRIMARY KEY,
    pid             TEXT NOT NULL UNIQUE,
    facility_id     BIGINT NOT NULL REFERENCES facility(id),
    source_path     TEXT NOT NULL,               -- master file
    entry_name      TEXT NOT NULL,               -- NXentry within it
    kind            TEXT NOT NULL CHECK (kind IN ('RAW', 'PROCESSED')),
    title           TEXT NOT NULL,
    collection_start TIMESTAMPTZ,
    collection_end  TIMESTAMPTZ,
    produced_at     TIMESTAMPTZ NOT NULL,        -- the embargo clock starts here
    instrument_id   BIGINT REFERENCES instrument(id),
    visit_id        BIGINT REFERENCES visit(id),
    proposal_id     BIGINT REFERENCES proposal(id),
    sample_id       BIGINT REFERENCES sample(id),
    definition      TEXT,
    program_name    TEXT,
    program_version TEXT,
    scan_number     TEXT,
    embargo_end     TIMESTAMPTZ NOT NULL,
    access_state    TEXT NOT NULL CHECK (access_state IN ('EMBARGOED', 'RELEASED', 'WITHDRAWN')),
    released_at     TIMESTAMPTZ,
    license         TEXT,                        -- SPDX id once released
    doi             TEXT UNIQUE,
    doi_state       TEXT NOT NULL DEFAULT 'NONE' CHECK (doi_state IN ('NONE', 'DRAFT', 'REGISTERED', 'FINDABLE')),
    size_bytes      BIGINT NOT NULL DEFAULT 0,
    file_count      INTEGER NOT NULL DEFAULT 0,
    record_hash     TEXT NOT NULL,               -- SHA-256 of the canonical ingested record: detects "unchanged"
    record          JSONB NOT NULL,              -- the record as ingested (detector geometry, provenance, ...)
    created_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at      TIMESTAMPTZ NOT NULL DEFAULT now(),
    version         BIGINT NOT NULL DEFAULT 0,
    UNIQUE (source_path, entry_name)
);
CREATE INDEX dataset_visit_idx ON dataset(visit_id);
CREATE INDEX dataset_proposal_idx ON dataset(proposal_id);
CREATE INDEX dataset_embargo_due_idx ON dataset(embargo_end) WHERE access_state = 'EMBARGOED';

CREATE TABLE dataset_technique (
    dataset_id   BIGINT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    technique_id BIGINT NOT NULL REFERENCES technique(id),
    PRIMARY KEY (dataset_id, technique_id)
);

CREATE TABLE datafile (
    id          BIGSERIAL PRIMARY KEY,
    dataset_id  BIGINT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    path        TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('MASTER', 'EXTERNAL_LINK', 'VDS_SOURCE')),
    size_bytes  BIGINT,
    modified_at TIMESTAMPTZ,
    checksum    TEXT,                            -- sha256:<hex> when computed
    missing     BOOLEAN NOT NULL DEFAULT FALSE,
    UNIQUE (dataset_id, path)
);

CREATE TABLE parameter (
    id          BIGSERIAL PRIMARY KEY,
    dataset_id  BIGINT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    numeric_value DOUBLE PRECISION,
    text_value  TEXT,
    unit        TEXT,                            -- as written in the file
    si_value    DOUBLE PRECISION,
    si_unit     TEXT,
    unit_known  BOOLEAN NOT NULL DEFAULT TRUE
);
CREATE INDEX parameter_dataset_idx ON parameter(dataset_id);

-- Provenance: a processed dataset derived from raw datasets (resolved, or only referenced by path#entry).
CREATE TABLE dataset_derivation (
    id              BIGSERIAL PRIMARY KEY,
    dataset_id      BIGINT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    source_reference TEXT NOT NULL,
    source_dataset_id BIGINT REFERENCES dataset(id) ON DELETE SET NULL,
    UNIQUE (dataset_id, source_reference)
);

CREATE TABLE processing_step (
    id          BIGSERIAL PRIMARY KEY,
    dataset_id  BIGINT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    seq         INTEGER NOT NULL,
    name        TEXT,
    program     TEXT,
    program_version TEXT,
    performed_at TEXT,
    parameters  JSONB
);
CREATE INDEX processing_step_dataset_idx ON processing_step(dataset_id);
