-- The listing order among clusters of two articles or more with the
-- same article count is now newest first seen first (to the second,
-- undated last), then id; it was id alone (sqlite migration 113, where
-- a batch of 1,000 quotes at 1M quotes wrote about 490 of its 1,390
-- pages to random places of this index: a cluster whose count changed
-- moved by its hashed id; the clusters that gain articles are mostly
-- recent ones, which now sit together near the top of their count's
-- group). Clusters of one article stay listed by id, as in sqlite, so
-- the first seen is in the key for the others only. The second is
-- taken in UTC: date_trunc of a timestamptz depends on the session's
-- time zone, and an index expression must not.
DROP INDEX clusters_order;
CREATE INDEX clusters_order ON clusters (articles DESC,
	(CASE WHEN articles > 1 THEN date_trunc('second', first_seen AT TIME ZONE 'UTC') END) DESC NULLS LAST, id);
