-- Synthetic catalogue rows straight into PostgreSQL, for the search benchmark (bench/catalogue/search.sh).
-- psql -v from=F -v to=T -f generate.sql : datasets number F .. T-1, in the real schema (db/ migrations), shaped as
-- SyntheticRecords (harvester, io.aperture.harvester.demo) shapes the records it sends through the ingest API, and written as IngestService writes
-- them: the same reference rows (instrument, technique, proposal, visit, sample, pids computed the same way), the
-- dataset row with its embargo copy, 13 parameters with unit as written and SI, 2–5 files, one technique link, one
-- embargo per visit (3 years after its last dataset; older ones already RELEASED under CC-BY-4.0, as the ingest's
-- late-harvest release does). Not written: the audit events of ingest and the full record JSON — `record` holds the
-- top-level fields only (the columns are what search reads).
-- The row triggers are switched off while generating, and one outbox row per dataset is queued at the end: that
-- is what the triggers would queue, minus the duplicates, and the indexer (OutboxIndexer) builds the index from it.
\set ON_ERROR_STOP 1
SELECT setseed(0.42) \gset

BEGIN;
INSERT INTO facility(code, name) VALUES ('DLS', 'Diamond Light Source') ON CONFLICT (code) DO NOTHING;

CREATE TEMP TABLE bl(ix int PRIMARY KEY, code text, iri text, label text, definition text) ON COMMIT DROP;
INSERT INTO bl VALUES
 (0,'i03','PaNET01164','macromolecular crystallography','NXmx'), (1,'i04','PaNET01164','macromolecular crystallography','NXmx'),
 (2,'i24','PaNET01164','macromolecular crystallography','NXmx'), (3,'i22','PaNET01124','small angle scattering','NXsas'),
 (4,'i13','PaNET01129','tomography','NXtomo'), (5,'i12','PaNET01129','tomography','NXtomo'),
 (6,'i11','PaNET01030','powder diffraction','NXxbase'), (7,'b18','PaNET01196','x-ray absorption spectroscopy','NXxas'),
 (8,'i18','PaNET01177','x-ray fluorescence','NXfluo'), (9,'i05','PaNET01089','angle resolved photoemission spectroscopy','NXarpes'),
 (10,'i07','PaNET01121','reflectometry','NXrefscan'), (11,'i08','PaNET01219','scanning transmission x-ray microscopy','NXstxm');

CREATE TEMP TABLE mat(ix int PRIMARY KEY, name text, formula text) ON COMMIT DROP;
INSERT INTO mat
SELECT (o - 1) / 2, max(e) FILTER (WHERE o % 2 = 1), nullif(max(e) FILTER (WHERE o % 2 = 0), '')
FROM unnest(ARRAY['lysozyme','','thaumatin','','insulin','','proteinase K','','thermolysin','','hen egg white lysozyme','',
 'glucose isomerase','','trypsin','','myoglobin','','ferritin','','silicon wafer','Si','lithium iron phosphate','LiFePO4',
 'titanium dioxide','TiO2','zinc oxide','ZnO','copper foil','Cu','iron oxide','Fe2O3','cerium oxide','CeO2',
 'silver behenate','C22H43AgO2','glassy carbon','C','graphene on SiC','C','bismuth selenide','Bi2Se3',
 'strontium titanate','SrTiO3','perovskite film','CH3NH3PbI3','lithium cobalt oxide','LiCoO2','nickel catalyst','Ni',
 'platinum nanoparticles','Pt','zeolite ZSM-5','','metal organic framework','','bone sample','','limestone core','CaCO3',
 'sandstone core','SiO2','polymer blend','','block copolymer','','cellulose fibres','','lipid bilayer','',
 'micelle solution','','steel weld','Fe','aluminium alloy','Al','battery cathode','','meteorite fragment',''])
 WITH ORDINALITY AS t(e, o)
GROUP BY (o - 1) / 2;

CREATE FUNCTION pg_temp.sha(parts text[]) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  -- sha256 of the parts joined by U+0000, as Pids does in Java (text cannot hold NUL, bytea can)
  SELECT encode(sha256(string_agg(convert_to(p, 'UTF8'), '\x00'::bytea ORDER BY o)), 'hex')
  FROM unnest(parts) WITH ORDINALITY AS t(p, o)
$$;

INSERT INTO instrument(facility_id, pid, name, short_name)
SELECT f.id, 'DLS-' || upper(bl.code), upper(bl.code), upper(bl.code) FROM bl, facility f WHERE f.code = 'DLS'
ON CONFLICT DO NOTHING;
INSERT INTO technique(iri, label) SELECT DISTINCT 'http://purl.org/pan-science/PaNET/' || iri, label FROM bl
ON CONFLICT (iri) DO NOTHING;

-- one row per scan: the same arithmetic as SyntheticRecords.BENCHMARK.record(i)
CREATE TEMP TABLE scan ON COMMIT DROP AS
SELECT i, p, v, bl, yr, 'cm' || (20000 + p) AS proposal, 'cm' || (20000 + p) || '-' || v AS visit,
       (random() < 0.1) AS processed, (p * 13 + v) % 40 AS mat,
       make_timestamptz(yr::int, 1, 1, 0, 0, 0, 'UTC') + make_interval(days => ((p * 37 + v * 11) % CASE WHEN yr = 2026 THEN 300 ELSE 360 END)::int)
         + make_interval(secs => (i % 100) * 300 + floor(random() * 60)) AS t_start,
       20 + floor(random() * 240)::int AS dur
FROM (SELECT i, i / 400 AS p, ((i / 100) % 4 + 1)::int AS v, (((i / 400) * 7 + 3) % 12)::int AS bl, (2015 + ((i / 400) * 5) % 12)::int AS yr
      FROM generate_series(:from::bigint, :to::bigint - 1) AS i) s;

INSERT INTO proposal(facility_id, code, pid)
SELECT DISTINCT f.id, proposal, 'DLS-' || proposal FROM scan, facility f WHERE f.code = 'DLS' ON CONFLICT DO NOTHING;
INSERT INTO visit(proposal_id, code)
SELECT DISTINCT pr.id, s.visit FROM scan s JOIN proposal pr ON pr.code = s.proposal ON CONFLICT DO NOTHING;
INSERT INTO sample(pid, name, chemical_formula)
SELECT DISTINCT 'DLS-sample-' || left(pg_temp.sha(ARRAY[m.name || ' ' || chr(64 + s.v), coalesce(m.formula, '')]), 16),
       m.name || ' ' || chr(64 + s.v), m.formula
FROM scan s JOIN mat m ON m.ix = s.mat ON CONFLICT (pid) DO NOTHING;

ALTER TABLE dataset DISABLE TRIGGER dataset_outbox;
-- (the outbox triggers of the two child tables; V5 made them statement triggers)
ALTER TABLE parameter DISABLE TRIGGER parameter_outbox_insert;
ALTER TABLE dataset_technique DISABLE TRIGGER dataset_technique_outbox_insert;

CREATE TEMP TABLE gen ON COMMIT DROP AS
SELECT s.*, b.code AS beamline, b.iri, b.label, b.definition, m.name || ' ' || chr(64 + s.v) AS sample_name,
       '/dls/' || b.code || '/data/' || s.yr || '/' || s.visit || '/' || CASE WHEN s.processed THEN 'processing/' ELSE '' END
         || b.code || '-' || (100000 + s.i) || CASE WHEN s.processed THEN '-processed' ELSE '' END || '.nxs' AS path,
       s.t_start + make_interval(secs => s.dur) AS t_end,
       CASE b.label WHEN 'x-ray absorption spectroscopy' THEN 7 + random() * 2.5
                    WHEN 'angle resolved photoemission spectroscopy' THEN 0.02 + random() * 0.2
                    ELSE 6 + random() * 19 END AS kev,
       CASE b.label WHEN 'macromolecular crystallography' THEN 'rotation ' || (CASE WHEN random() < 0.25 THEN 360 ELSE 180 END) || ' deg'
                    WHEN 'small angle scattering' THEN 'SAXS/WAXS frames ' || (10 + floor(random() * 200))
                    WHEN 'tomography' THEN 'tomography ' || (900 + floor(random() * 3) * 900) || ' projections'
                    WHEN 'powder diffraction' THEN 'powder pattern MAC detectors'
                    WHEN 'x-ray absorption spectroscopy' THEN 'XANES edge scan'
                    WHEN 'x-ray fluorescence' THEN 'fluorescence map'
                    WHEN 'angle resolved photoemission spectroscopy' THEN 'ARPES Fermi surface map'
                    WHEN 'reflectometry' THEN 'reflectivity curve' ELSE 'STXM stack' END AS what,
       1 + floor(random() * 4)::int AS links, 20000 + floor(random() * 2000000)::bigint AS master_size
FROM scan s JOIN bl b ON b.ix = s.bl JOIN mat m ON m.ix = s.mat;

INSERT INTO dataset(pid, facility_id, source_path, entry_name, kind, title, collection_start, collection_end, produced_at,
                    instrument_id, visit_id, proposal_id, sample_id, definition, program_name, program_version, scan_number,
                    embargo_end, access_state, size_bytes, file_count, record_hash, record, created_at, updated_at)
SELECT 'DLS-' || left(pg_temp.sha(ARRAY['DLS', g.path, 'entry']), 20), f.id, g.path, 'entry',
       CASE WHEN g.processed THEN 'PROCESSED' ELSE 'RAW' END,
       CASE WHEN g.processed THEN 'Reduced: ' ELSE '' END || g.sample_name || ' ' || g.what || ' scan ' || (100000 + g.i),
       g.t_start, g.t_end, g.t_end, ins.id, vi.id, pr.id, sa.id, g.definition,
       CASE WHEN g.processed THEN (ARRAY['xia2','savu','dawn'])[1 + floor(random() * 3)::int] ELSE 'GDA' END,
       CASE WHEN g.processed THEN '1.' || floor(random() * 20) ELSE '9.' || (20 + (g.yr - 2015) * 2) || '.0' END,
       (100000 + g.i)::text, g.t_end, 'EMBARGOED',
       g.master_size + g.links * 5000000000, 1 + g.links,
       encode(sha256(convert_to(g.path, 'UTF8')), 'hex'),
       jsonb_build_object('formatVersion', 1, 'facility', 'DLS', 'source', jsonb_build_object('path', g.path, 'entry', 'entry'),
           'identity', jsonb_build_object('visit', g.visit, 'proposal', g.proposal, 'beamline', g.beamline),
           'kind', CASE WHEN g.processed THEN 'PROCESSED' ELSE 'RAW' END, 'producedAt', g.t_end,
           'instrument', jsonb_build_object('name', upper(g.beamline)), 'sample', jsonb_build_object('name', g.sample_name),
           'techniques', jsonb_build_array(jsonb_build_object('iri', 'http://purl.org/pan-science/PaNET/' || g.iri, 'label', g.label))),
       now(), now()
FROM gen g
JOIN facility f ON f.code = 'DLS'
JOIN instrument ins ON ins.facility_id = f.id AND ins.name = upper(g.beamline)
JOIN proposal pr ON pr.facility_id = f.id AND pr.code = g.proposal
JOIN visit vi ON vi.proposal_id = pr.id AND vi.code = g.visit
JOIN sample sa ON sa.pid = 'DLS-sample-' || left(pg_temp.sha(ARRAY[g.sample_name, coalesce((SELECT formula FROM mat WHERE ix = g.mat), '')]), 16);

CREATE TEMP TABLE new_ds ON COMMIT DROP AS
SELECT d.id, g.* FROM gen g JOIN dataset d ON d.source_path = g.path AND d.entry_name = 'entry';

INSERT INTO dataset_technique(dataset_id, technique_id)
SELECT n.id, t.id FROM new_ds n JOIN technique t ON t.iri = 'http://purl.org/pan-science/PaNET/' || n.iri;

-- 13 parameters, as SyntheticRecords writes them (unit as written, SI value and unit)
INSERT INTO parameter(dataset_id, name, numeric_value, text_value, unit, si_value, si_unit, unit_known)
SELECT n.id, x.name, x.val, x.txt, x.unit, x.si, x.si_unit, x.known
FROM new_ds n, LATERAL (VALUES
  ('/entry/instrument/beam/incident_wavelength', 12.398419843320026 / n.kev, NULL, 'angstrom', 12.398419843320026 / n.kev * 1e-10, 'm', true),
  ('/entry/instrument/monochromator/energy', n.kev, NULL, 'keV', n.kev * 1.602176634e-16, 'J', true),
  ('/entry/instrument/source/energy', 3.0, NULL, 'GeV', 3.0 * 1.602176634e-10, 'J', true),
  ('/entry/instrument/source/current', 280 + (n.i % 220) / 10.0, NULL, 'mA', (280 + (n.i % 220) / 10.0) / 1000, 'A', true),
  ('/entry/instrument/detector/distance', 120 + (n.i * 7919 % 680000) / 1000.0, NULL, 'mm', (120 + (n.i * 7919 % 680000) / 1000.0) / 1000, 'm', true),
  ('/entry/instrument/detector/count_time', 1 + n.i % 1000, NULL, 'ms', (1 + n.i % 1000) / 1000.0, 's', true),
  ('/entry/sample/temperature', CASE WHEN n.label = 'macromolecular crystallography' THEN 100 + (n.i % 200) / 100.0 ELSE 15 + n.i % 80 END, NULL,
      CASE WHEN n.label = 'macromolecular crystallography' THEN 'K' ELSE 'celsius' END,
      CASE WHEN n.label = 'macromolecular crystallography' THEN 100 + (n.i % 200) / 100.0 ELSE 288.15 + n.i % 80 END, 'K', true),
  ('/entry/sample/transformations/omega@offset', (n.i * 37 % 3600) / 10.0, NULL, 'deg', radians((n.i * 37 % 3600) / 10.0), 'rad', true),
  ('/entry/sample/pressure', (n.i * 13 % 1013), NULL, 'mbar', (n.i * 13 % 1013) * 100.0, 'Pa', true),
  ('/entry/instrument/detector/x_pixel_size', CASE WHEN n.i % 2 = 0 THEN 75 ELSE 172 END, NULL, 'pixels', NULL, NULL, false),
  ('/entry/definition', NULL, n.definition, NULL, NULL, NULL, true),
  ('/entry/start_time', NULL, to_char(n.t_start AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), NULL, NULL, NULL, true),
  ('/entry/end_time', NULL, to_char(n.t_end AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), NULL, NULL, NULL, true)
) AS x(name, val, txt, unit, si, si_unit, known);

INSERT INTO datafile(dataset_id, path, role, size_bytes, modified_at, missing)
SELECT n.id, n.path, 'MASTER', n.master_size, n.t_end + interval '5 seconds', false FROM new_ds n
UNION ALL
SELECT n.id, regexp_replace(n.path, '(-processed)?\.nxs$', '') || '-data_' || lpad(k::text, 6, '0') || '.h5', 'EXTERNAL_LINK',
       5000000000, n.t_end, false
FROM new_ds n, generate_series(1, n.links) AS k;

-- the embargo unit is the visit: 3 years after its last dataset (aperture.embargo.period P3Y)
INSERT INTO embargo(visit_id, original_end, current_end, status, released_at)
SELECT visit_id, max(produced_at) + interval '3 years', max(produced_at) + interval '3 years',
       CASE WHEN max(produced_at) + interval '3 years' <= now() THEN 'RELEASED' ELSE 'EMBARGOED' END,
       CASE WHEN max(produced_at) + interval '3 years' <= now() THEN now() END
FROM dataset WHERE id IN (SELECT id FROM new_ds) GROUP BY visit_id
ON CONFLICT (visit_id) DO NOTHING;
UPDATE dataset d SET embargo_end = e.current_end, access_state = e.status, released_at = e.released_at,
       license = CASE WHEN e.status = 'RELEASED' THEN 'CC-BY-4.0' END
FROM embargo e WHERE e.visit_id = d.visit_id AND d.id IN (SELECT id FROM new_ds);

ALTER TABLE dataset ENABLE TRIGGER dataset_outbox;
-- (the outbox triggers of the two child tables; V5 made them statement triggers)
ALTER TABLE parameter ENABLE TRIGGER parameter_outbox_insert;
ALTER TABLE dataset_technique ENABLE TRIGGER dataset_technique_outbox_insert;

INSERT INTO search_outbox(dataset_id) SELECT id FROM new_ds ORDER BY id;
COMMIT;
