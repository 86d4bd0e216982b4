-- The home page lists the latest releases (PublicHoldings.recentReleases: released_at DESC, id DESC, public only) on
-- every visit: read in release order from this index and stop after a page, instead of sorting every released row.
CREATE INDEX dataset_released_at_idx ON dataset(released_at DESC, id DESC) WHERE released_at IS NOT NULL;
