-- Values a writer rounded to -0 are stored as 0 (ingest does so since this version): the search engine orders -0.0
-- below +0.0, so a range ending at 0 missed them. Only rows that really hold -0 are rewritten (their datasets are
-- queued for reindexing by the row trigger); -0 = 0 in SQL, hence the text comparison.
UPDATE parameter SET numeric_value = 0 WHERE numeric_value = 0 AND numeric_value::text = '-0';
UPDATE parameter SET si_value = 0 WHERE si_value = 0 AND si_value::text = '-0';
