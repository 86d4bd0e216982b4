#!/usr/bin/env bash
# Documents' members at scale: a publication's authors looked up as Persons (by id) and as a Document's members (by
# publication), through the views the PaNOSC model reads (V28: rows in publication_author), against V27's views
# (authors' ids computed from every publication's list), recreated as temporary views: the peer, in the same run.
#
# Usage: STACK_ENV=<env file of a running stack> bash bench/panosc/members.sh [PUBLICATIONS] [ROUNDS]
# Everything happens in one transaction that is rolled back: the catalogue is left as it was.
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
export APERTURE_SEARCH_HOSTS="${APERTURE_SEARCH_HOSTS:-}" # a database-only stack is enough here
source "$HERE/../catalogue/lib.sh"
trap - EXIT # lib.sh stops a stack it started; this script starts none
PUBLICATIONS="${1:-20000}"
ROUNDS="${2:-200}"
AUTHORS=8

# a catalogue the server has not migrated to V28 yet gets it inside the transaction (rolled back with the rest)
migrate=""
if [ "$(scalar "SELECT to_regclass('publication_author') IS NULL")" = t ]; then
  migrate="$(cat "$ROOT/db/src/main/resources/db/migration/V28__publication_author_rows.sql")"
  echo "(V28 applied inside the transaction)"
fi

psqlq -At <<SQL
BEGIN;
$migrate
CREATE TEMP VIEW v27_person AS
SELECT p.id, p.full_name, p.given_name, p.family_name, p.orcid FROM person p
UNION ALL
SELECT 4503599627370496 + b.id * 1000 + a.position - 1, a.name, NULL::text, NULL::text, NULL::text
FROM publication b CROSS JOIN LATERAL unnest(b.authors) WITH ORDINALITY AS a(name, position);
CREATE TEMP VIEW v27_member AS
SELECT m.id, m.proposal_id AS document_id, m.person_id, m.role, m.affiliation_id FROM member m
UNION ALL
SELECT 4503599627370496 + b.id * 1000 + a.position - 1, b.id, 4503599627370496 + b.id * 1000 + a.position - 1, 'AUTHOR', NULL::bigint
FROM publication b CROSS JOIN LATERAL unnest(b.authors) WITH ORDINALITY AS a(name, position);

INSERT INTO publication (doi, title, year, authors)
SELECT '10.99999/members-bench-' || g, 'Paper ' || g, 2020,
       ARRAY(SELECT 'Author ' || g || ' ' || k FROM generate_series(1, $AUTHORS) k)
FROM generate_series(1, $PUBLICATIONS) g;
ANALYZE publication; ANALYZE publication_author;
CREATE TEMP TABLE bench_pub AS SELECT id FROM publication WHERE doi LIKE '10.99999/members-bench-%';

-- one lookup: a page of 10 publications' members, or their 10 first authors as Persons (what an include asks)
CREATE FUNCTION pg_temp.lookup_ms(view text, key text, ids bigint[]) RETURNS double precision LANGUAGE plpgsql AS \$\$
DECLARE t0 timestamptz; n bigint;
BEGIN
  t0 := clock_timestamp();
  EXECUTE format('SELECT count(*) FROM %s WHERE %s = ANY(\$1)', view, key) INTO n USING ids;
  RETURN extract(epoch FROM clock_timestamp() - t0) * 1000;
END \$\$;
CREATE TEMP TABLE sample (query text, view text, ms double precision);
DO \$\$
DECLARE pubs bigint[]; persons bigint[];
BEGIN
  FOR r IN 1..$ROUNDS LOOP
    SELECT array_agg(id) INTO pubs FROM (SELECT id FROM bench_pub ORDER BY random() LIMIT 10) x;
    SELECT array_agg(4503599627370496 + p * 1000) INTO persons FROM unnest(pubs) p;
    INSERT INTO sample VALUES ('members of 10 Documents', 'V28', pg_temp.lookup_ms('panosc_member', 'document_id', pubs)),
                              ('members of 10 Documents', 'V27', pg_temp.lookup_ms('v27_member', 'document_id', pubs)),
                              ('10 authors as Persons', 'V28', pg_temp.lookup_ms('panosc_person', 'id', persons)),
                              ('10 authors as Persons', 'V27', pg_temp.lookup_ms('v27_person', 'id', persons));
  END LOOP;
END \$\$;
SELECT '| lookup | V28 median / p99 ms | V27 (peer) median / p99 ms | V27/V28 at the median |';
SELECT '|---|---|---|---|';
SELECT format('| %s | %s / %s | %s / %s | %s |', query,
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE view = 'V28')::numeric, 3),
       round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) FILTER (WHERE view = 'V28')::numeric, 3),
       round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE view = 'V27')::numeric, 2),
       round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms) FILTER (WHERE view = 'V27')::numeric, 2),
       round((percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE view = 'V27')
            / percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) FILTER (WHERE view = 'V28'))::numeric, 2))
FROM sample GROUP BY query ORDER BY query;
ROLLBACK;
SQL
echo "$PUBLICATIONS publications of $AUTHORS authors added in a rolled-back transaction, $ROUNDS rounds; load average $(cut -d' ' -f1 /proc/loadavg) (2 cores); $(date -u +%Y-%m-%dT%H:%MZ)"
