-- What the user office knows of a publication it reports (docs/panosc.md "Documents"): title, year and authors' names,
-- each optional. The Document of a publication is titled by its title, else by its DOI as before, and its releaseDate is
-- 1 January of its year (UTC) when the year is known, else the embargo end of its public data as for a proposal.
-- The authors are kept but not served yet (they are not people of the catalogue: no Member or Person rows).
ALTER TABLE publication ADD COLUMN title TEXT;
ALTER TABLE publication ADD COLUMN year INTEGER CHECK (year BETWEEN 1600 AND 9999);
ALTER TABLE publication ADD COLUMN authors TEXT[] NOT NULL DEFAULT '{}';

-- the same columns as V21, then the publication's own release date
CREATE OR REPLACE VIEW panosc_document AS
SELECT p.id, p.id AS proposal_id, p.pid, p.doi, p.doc_type, p.title, p.summary, p.keywords, NULL::timestamptz AS published_on
FROM proposal p
UNION ALL
SELECT b.id, NULL::bigint, b.doi, b.doi, 'publication', coalesce(b.title, b.doi), NULL::text, '{}'::text[],
       CASE WHEN b.year IS NOT NULL THEN make_timestamptz(b.year, 1, 1, 0, 0, 0, 'UTC') END
FROM publication b;
