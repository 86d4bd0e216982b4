-- A publication's authors as PaNOSC Members of its Document (docs/panosc.md "Documents"), as the reference serves a
-- publication's authors: the names the user office reported (V23), in that order, each as a Member with role AUTHOR
-- and a Person holding only the name. They are not people of the catalogue: no person or member row is made for them
-- (a member row is a role on a proposal, which the embargo policy reads), so two read-only views join them to what is.
--
-- An author's id (as Member and as Person) is 2^52 + publication id * 1000 + position - 1: disjoint from the
-- BIGSERIAL ids of member and person, stable while the reported list is, and ordered as reported (at most 1 000
-- authors are stored, ProposalEntry.MAX_AUTHORS).
CREATE VIEW panosc_person AS
SELECT p.id, p.full_name, p.given_name, p.family_name, p.orcid
FROM person p
UNION ALL
SELECT 4503599627370496 + b.id * 1000 + a.position - 1, a.name, NULL::text, NULL::text, NULL::text
FROM publication b
CROSS JOIN LATERAL unnest(b.authors) WITH ORDINALITY AS a(name, position);

-- A Document's members: a proposal's (document id = proposal id, panosc_document) and a publication's authors.
CREATE VIEW panosc_member AS
SELECT m.id, m.proposal_id AS document_id, m.person_id, m.role, m.affiliation_id
FROM member m
UNION ALL
SELECT 4503599627370496 + b.id * 1000 + a.position - 1, b.id, 4503599627370496 + b.id * 1000 + a.position - 1,
       'AUTHOR', NULL::bigint
FROM publication b
CROSS JOIN LATERAL unnest(b.authors) WITH ORDINALITY AS a(name, position);
