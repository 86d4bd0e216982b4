-- The embargo end for which the "extension window is open" notice went out: an approved extension moves the end,
-- and the window of the new end gets its own notice.
ALTER TABLE embargo ADD COLUMN window_notified_end TIMESTAMPTZ;
