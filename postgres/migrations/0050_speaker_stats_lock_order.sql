-- The per-speaker summaries' insert trigger (migration 0003) upserts its
-- rows in key order, so that two writers whose batches name the same
-- speakers lock the summary rows in one order and wait for each other
-- instead of deadlocking (each deadlock costs deadlock_timeout, a
-- second, and a retried batch): BBC through one queue worker at
-- concurrency 2 hit 21. The write path inserts a batch's attributions
-- in one statement, so the trigger takes all its locks in one sweep.
CREATE OR REPLACE FUNCTION speaker_stats_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO speaker_articles AS s (speaker_id, article_id, published, outlet, attributions)
		SELECT n.speaker_id, n.article_id, ar.published, ar.outlet, count(*)
		FROM new_rows n JOIN articles ar ON ar.id = n.article_id
		WHERE n.speaker_id IS NOT NULL GROUP BY n.speaker_id, n.article_id, ar.published, ar.outlet
		ORDER BY n.speaker_id, n.article_id
		ON CONFLICT (speaker_id, article_id) DO UPDATE SET attributions = s.attributions + excluded.attributions;
	INSERT INTO speaker_outlets AS s (speaker_id, outlet, attributions)
		SELECT n.speaker_id, ar.outlet, count(*)
		FROM new_rows n JOIN articles ar ON ar.id = n.article_id
		WHERE n.speaker_id IS NOT NULL GROUP BY n.speaker_id, ar.outlet
		ORDER BY n.speaker_id, ar.outlet
		ON CONFLICT (speaker_id, outlet) DO UPDATE SET attributions = s.attributions + excluded.attributions;
	INSERT INTO speaker_channels AS s (speaker_id, channel, attributions)
		SELECT n.speaker_id, n.channel, count(*) FROM new_rows n
		WHERE n.speaker_id IS NOT NULL GROUP BY n.speaker_id, n.channel
		ORDER BY n.speaker_id, n.channel
		ON CONFLICT (speaker_id, channel) DO UPDATE SET attributions = s.attributions + excluded.attributions;
	RETURN NULL;
END $$;
