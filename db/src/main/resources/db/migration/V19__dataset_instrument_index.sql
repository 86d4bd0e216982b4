-- Datasets by instrument (issue #12, docs/performance.md): an instrument is visible on the PaNOSC API when one of its
-- datasets is public (EXISTS over dataset by instrument and access state), and /Instruments/{pid} attaches its
-- datasets. Without this index each such probe scans the dataset table; for a page of parents the planner then hashes
-- every public dataset instead (the federated mix's instrument include went from 70 ms to 2.1 s at 1 M datasets).
CREATE INDEX dataset_instrument_idx ON dataset(instrument_id, access_state);
