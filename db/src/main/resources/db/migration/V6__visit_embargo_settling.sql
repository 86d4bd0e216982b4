-- A later scan moves its visit's embargo end; the visit's other datasets carry the older end until the visit has
-- settled (no move for aperture.embargo.visit-sync-quiet), when SettledVisitSync copies the end to them all at once.
-- Copying on every move would rewrite and reindex every earlier scan of a running beamtime at each new scan.
ALTER TABLE embargo ADD COLUMN end_moved_at TIMESTAMPTZ;
CREATE INDEX embargo_end_moved_at ON embargo (end_moved_at) WHERE end_moved_at IS NOT NULL;
