-- The pending record of the cross-article step (claimtrail.ClusterMaintainer):
-- every batch that inserts or replaces an article adds a row in its own
-- transaction; the step deletes the rows up to the highest it saw before
-- it started. Rows rather than one counter, so that concurrent batches
-- never wait on each other for it.
CREATE TABLE cluster_pending (
	id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY
);
