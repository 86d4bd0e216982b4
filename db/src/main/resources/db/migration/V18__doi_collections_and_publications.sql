-- DOI collections (docs/doi.md "Collections"): when aperture.doi.collections is VISIT or PROPOSAL, a visit's or a
-- proposal's datasets also get one DOI for all of them, registered at DataCite as resourceTypeGeneral Collection with
-- HasPart to its datasets (each of which names it with IsPartOf). Its state is the policy's answer
-- (io.aperture.policy.doi.CollectionDoi) and is written here in the transaction that queues its call, as for a
-- dataset's DOI. A row exists only once the policy minted the DOI (a dataset of it was released).
CREATE TABLE doi_collection (
    id          BIGSERIAL PRIMARY KEY,
    proposal_id BIGINT NOT NULL REFERENCES proposal(id) ON DELETE CASCADE,
    visit_id    BIGINT REFERENCES visit(id) ON DELETE CASCADE,   -- NULL: the proposal's collection
    doi         TEXT NOT NULL UNIQUE,
    doi_state   TEXT NOT NULL CHECK (doi_state IN ('NONE', 'DRAFT', 'REGISTERED', 'FINDABLE'))
);
-- one collection per visit, one per proposal (the target of INSERT ... ON CONFLICT)
CREATE UNIQUE INDEX doi_collection_visit_idx ON doi_collection (visit_id) WHERE visit_id IS NOT NULL;
CREATE UNIQUE INDEX doi_collection_proposal_idx ON doi_collection (proposal_id) WHERE visit_id IS NULL;

-- The same outbox carries the collections' calls: a row is for a dataset or for a collection, never both.
ALTER TABLE doi_outbox ALTER COLUMN dataset_id DROP NOT NULL;
ALTER TABLE doi_outbox ADD COLUMN collection_id BIGINT REFERENCES doi_collection(id) ON DELETE CASCADE;
ALTER TABLE doi_outbox ADD CONSTRAINT doi_outbox_one_subject CHECK ((dataset_id IS NULL) <> (collection_id IS NULL));
CREATE INDEX doi_outbox_collection_idx ON doi_outbox (collection_id, id) WHERE collection_id IS NOT NULL;

-- The publications the user office reports for a proposal (DOIs, bare 10.x/y): each dataset's and collection's
-- DataCite record says IsCitedBy them (docs/doi.md "Creators, contributors and related resources").
ALTER TABLE proposal ADD COLUMN publications TEXT[] NOT NULL DEFAULT '{}';
