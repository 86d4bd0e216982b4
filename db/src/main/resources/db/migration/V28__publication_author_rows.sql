-- A publication's authors as rows (issue #12, measured in docs/performance.md "Documents' members"): the views of V27
-- computed every author's id from the whole publication table, so looking up one author as a Person (an id the
-- planner cannot invert) read every publication and unnested every author list, 49 ms at 20 000 publications and
-- growing with them. The reported list (publication.authors) stays what the user office writes; this table is derived
-- from it by a trigger, in the same transaction, with the same ids (2^52 + publication id * 1000 + position - 1), so
-- the views read it by primary key (a Person) or by publication (a Document's members).
CREATE TABLE publication_author (
    id             BIGINT PRIMARY KEY,
    publication_id BIGINT NOT NULL REFERENCES publication (id) ON DELETE CASCADE,
    name           TEXT
);
CREATE INDEX publication_author_publication_idx ON publication_author (publication_id);

CREATE FUNCTION publication_author_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM publication_author WHERE publication_id = NEW.id;
    INSERT INTO publication_author (id, publication_id, name)
    SELECT 4503599627370496 + NEW.id * 1000 + a.position - 1, NEW.id, a.name
    FROM unnest(NEW.authors) WITH ORDINALITY AS a(name, position);
    RETURN NULL;
END
$$;

CREATE TRIGGER publication_author_rows AFTER INSERT OR UPDATE OF authors ON publication
    FOR EACH ROW EXECUTE FUNCTION publication_author_rows();

INSERT INTO publication_author (id, publication_id, name)
SELECT 4503599627370496 + b.id * 1000 + a.position - 1, b.id, a.name
FROM publication b
CROSS JOIN LATERAL unnest(b.authors) WITH ORDINALITY AS a(name, position);

CREATE OR REPLACE VIEW panosc_person AS
SELECT p.id, p.full_name, p.given_name, p.family_name, p.orcid
FROM person p
UNION ALL
SELECT a.id, a.name, NULL::text, NULL::text, NULL::text
FROM publication_author a;

CREATE OR REPLACE VIEW panosc_member AS
SELECT m.id, m.proposal_id AS document_id, m.person_id, m.role, m.affiliation_id
FROM member m
UNION ALL
SELECT a.id, a.publication_id, a.id, 'AUTHOR', NULL::bigint
FROM publication_author a;
