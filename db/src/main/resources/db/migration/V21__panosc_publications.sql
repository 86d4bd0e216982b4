-- PaNOSC Documents of type publication (docs/panosc.md "Documents"): one row per distinct DOI (bare, 10.x/y) that a
-- record's NXcite citations name or the user office reports for a proposal (proposal.publications, V18). Ids are drawn
-- from the proposal sequence so that a Document's id is unique across proposals and publications (panosc_document).
CREATE TABLE publication (
    id  BIGINT PRIMARY KEY DEFAULT nextval('proposal_id_seq'),
    doi TEXT NOT NULL UNIQUE
);

-- The datasets whose record cites a publication (NXcite); replaced at each ingest of the dataset. The user office's
-- publications are linked to their proposal's datasets by panosc_document_dataset, so a later dataset joins at once.
CREATE TABLE publication_dataset (
    publication_id BIGINT NOT NULL REFERENCES publication(id) ON DELETE CASCADE,
    dataset_id     BIGINT NOT NULL REFERENCES dataset(id) ON DELETE CASCADE,
    PRIMARY KEY (publication_id, dataset_id)
);
CREATE INDEX publication_dataset_dataset_idx ON publication_dataset (dataset_id);

-- Rows ingested before this migration: the same DOI forms DataCiteMapper.normaliseDoi reads (bare, doi:, doi.org URL).
INSERT INTO publication (doi)
SELECT DISTINCT n.doi
FROM dataset d
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(d.record -> 'citations') = 'array'
                                             THEN d.record -> 'citations' ELSE '[]'::jsonb END) c
CROSS JOIN LATERAL (SELECT regexp_replace(btrim(c ->> 'doi'), '^(https?://(dx\.)?doi\.org/|doi:)', '', 'i') AS doi) n
WHERE n.doi ~ '^10\.[0-9]{4,9}/\S+$'
ON CONFLICT (doi) DO NOTHING;
INSERT INTO publication_dataset (publication_id, dataset_id)
SELECT DISTINCT p.id, d.id
FROM dataset d
CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(d.record -> 'citations') = 'array'
                                             THEN d.record -> 'citations' ELSE '[]'::jsonb END) c
JOIN publication p ON p.doi = regexp_replace(btrim(c ->> 'doi'), '^(https?://(dx\.)?doi\.org/|doi:)', '', 'i')
ON CONFLICT DO NOTHING;
INSERT INTO publication (doi)
SELECT DISTINCT unnest(publications) FROM proposal
ON CONFLICT (doi) DO NOTHING;

-- The PaNOSC Document collection: proposals and publications in one relation (read-only entity model.Document).
-- A publication has no proposal, visits, members or keywords; its title is its DOI (an NXcite description is not
-- served: one from an embargoed record could tell of unpublished work).
CREATE VIEW panosc_document AS
SELECT p.id, p.id AS proposal_id, p.pid, p.doi, p.doc_type, p.title, p.summary, p.keywords
FROM proposal p
UNION ALL
SELECT b.id, NULL::bigint, b.doi, b.doi, 'publication', b.doi, NULL::text, '{}'::text[]
FROM publication b;

-- A Document's datasets, whatever their access state (every read adds the public-data condition): a proposal's own,
-- the datasets citing a publication, and the datasets of the proposals the user office reports it for.
CREATE VIEW panosc_document_dataset AS
SELECT d.proposal_id AS document_id, d.id AS dataset_id
FROM dataset d
WHERE d.proposal_id IS NOT NULL
UNION
SELECT l.publication_id, l.dataset_id
FROM publication_dataset l
UNION
SELECT b.id, d.id
FROM publication b
JOIN proposal p ON b.doi = ANY (p.publications)
JOIN dataset d ON d.proposal_id = p.id;

-- The facility instrument list a user-office import may carry (docs/api.md): a listed instrument is a PaNOSC
-- Instrument with or without public data, as one configured in aperture.facility.instruments.
ALTER TABLE instrument ADD COLUMN listed BOOLEAN NOT NULL DEFAULT false;
