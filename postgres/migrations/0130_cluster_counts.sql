-- ClusterNewQuotes read two facts per step with count(*) over a whole
-- table, a cost growing with the store: whether a clustered quote was
-- removed since its index was built (the count of cluster_members
-- against the index), and the number of clusters. Both are kept in
-- cluster_meta instead (as in sqlite migration 106): 'members_removed'
-- counts the statements that removed members (an article replaced or
-- deleted, whose members go by cascade; a process whose index was built
-- before the last such removal rebuilds it), and 'clusters' the clusters.
CREATE FUNCTION cluster_members_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF EXISTS (SELECT 1 FROM gone) THEN
		INSERT INTO cluster_meta (key, value) VALUES ('members_removed', '1')
			ON CONFLICT (key) DO UPDATE SET value = (cluster_meta.value::bigint + 1)::text;
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER cluster_members_removed AFTER DELETE ON cluster_members
	REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION cluster_members_removed();

CREATE FUNCTION clusters_counted() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	n bigint;
BEGIN
	IF TG_OP = 'INSERT' THEN
		SELECT count(*) INTO n FROM added;
	ELSE
		SELECT -count(*) INTO n FROM gone;
	END IF;
	IF n <> 0 THEN
		UPDATE cluster_meta SET value = (value::bigint + n)::text WHERE key = 'clusters';
	END IF;
	RETURN NULL;
END $$;
CREATE TRIGGER clusters_added AFTER INSERT ON clusters
	REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION clusters_counted();
CREATE TRIGGER clusters_removed AFTER DELETE ON clusters
	REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION clusters_counted();
INSERT INTO cluster_meta (key, value) VALUES ('clusters', (SELECT count(*) FROM clusters)::text)
	ON CONFLICT (key) DO UPDATE SET value = excluded.value;
