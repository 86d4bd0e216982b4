-- A later scan moves its visit's embargo end; the visit's other datasets carry the older end until the visit has
-- settled (no move for aperture.embargo.visit-sync-quiet), when SettledVisitSync copies the end to them all at once.
-- Copying on every move would rewrite and reindex every earlier scan of a running beamtime at each new scan.
ALTER TABLE embargo ADD COLUMN end_moved_at TIMESTAMPTZ;
CREATE INDEX embargo_end_moved_at ON embargo (end_moved_at) WHERE end_moved_at IS NOT NULL;

-- Visits whose end already moved before this migration: their earlier datasets are synced at the next run.
UPDATE embargo e SET end_moved_at = now()
WHERE e.visit_id IS NOT NULL AND EXISTS (
    SELECT 1 FROM dataset d
    WHERE d.visit_id = e.visit_id AND d.embargo_end IS DISTINCT FROM e.current_end
      AND NOT EXISTS (SELECT 1 FROM embargo o WHERE o.dataset_id = d.id));
