-- Search and speaker pages at millions of attributions (issue 10).
--
-- 1. The quote vector stored: search is search_content || search_speaker
--    kept by PostgreSQL (a generated column, so a speaker rename or merge
--    that sets search_speaker updates it too). Concatenating two
--    tsvectors per row cost about 10 us, paid for every row a search
--    rechecked or ranked (measured on 1M quotes: 20,000 rows filtered in
--    233 ms against 27 ms on one stored vector).
ALTER TABLE attributions ADD COLUMN search tsvector GENERATED ALWAYS AS (search_content || search_speaker) STORED;
DROP INDEX attributions_search;
CREATE INDEX attributions_search ON attributions USING gin (search);

-- 2. Per-speaker summaries kept on write, as sqlite migration 31: counts
--    per (speaker, article) with the article's date and outlet (the
--    outlet a delete subtracts from, whatever the article row says by
--    then), per (speaker, outlet) and per (speaker, channel). A speaker's
--    attributions, articles, outlets, first and last date, top outlets
--    and channels are read from these instead of aggregating the
--    speaker's attributions per request. Statement triggers with
--    transition tables add and subtract whole statements at once (a
--    COPY-based bulk load, a replaced article's DELETE); moving
--    attributions to another speaker (trail's merging) goes row by row.
CREATE TABLE speaker_articles (
	speaker_id bigint NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
	article_id bigint NOT NULL,
	published timestamptz,
	outlet text NOT NULL,
	attributions integer NOT NULL,
	PRIMARY KEY (speaker_id, article_id)
);
CREATE INDEX speaker_articles_published ON speaker_articles (speaker_id, published) WHERE published IS NOT NULL;
CREATE TABLE speaker_outlets (
	speaker_id bigint NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
	outlet text NOT NULL,
	attributions integer NOT NULL,
	PRIMARY KEY (speaker_id, outlet)
);
CREATE TABLE speaker_channels (
	speaker_id bigint NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
	channel text COLLATE "C" NOT NULL,
	attributions integer NOT NULL,
	PRIMARY KEY (speaker_id, channel)
);
INSERT INTO speaker_articles (speaker_id, article_id, published, outlet, attributions)
	SELECT a.speaker_id, a.article_id, ar.published, ar.outlet, count(*)
	FROM attributions a JOIN articles ar ON ar.id = a.article_id
	WHERE a.speaker_id IS NOT NULL GROUP BY a.speaker_id, a.article_id, ar.published, ar.outlet;
INSERT INTO speaker_outlets (speaker_id, outlet, attributions)
	SELECT speaker_id, outlet, sum(attributions) FROM speaker_articles GROUP BY speaker_id, outlet;
INSERT INTO speaker_channels (speaker_id, channel, attributions)
	SELECT speaker_id, channel, count(*) FROM attributions WHERE speaker_id IS NOT NULL GROUP BY speaker_id, channel;

CREATE FUNCTION speaker_stats_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO speaker_articles AS s (speaker_id, article_id, published, outlet, attributions)
		SELECT n.speaker_id, n.article_id, ar.published, ar.outlet, count(*)
		FROM new_rows n JOIN articles ar ON ar.id = n.article_id
		WHERE n.speaker_id IS NOT NULL GROUP BY n.speaker_id, n.article_id, ar.published, ar.outlet
		ON CONFLICT (speaker_id, article_id) DO UPDATE SET attributions = s.attributions + excluded.attributions;
	INSERT INTO speaker_outlets AS s (speaker_id, outlet, attributions)
		SELECT n.speaker_id, ar.outlet, count(*)
		FROM new_rows n JOIN articles ar ON ar.id = n.article_id
		WHERE n.speaker_id IS NOT NULL GROUP BY n.speaker_id, ar.outlet
		ON CONFLICT (speaker_id, outlet) DO UPDATE SET attributions = s.attributions + excluded.attributions;
	INSERT INTO speaker_channels AS s (speaker_id, channel, attributions)
		SELECT n.speaker_id, n.channel, count(*) FROM new_rows n
		WHERE n.speaker_id IS NOT NULL GROUP BY n.speaker_id, n.channel
		ON CONFLICT (speaker_id, channel) DO UPDATE SET attributions = s.attributions + excluded.attributions;
	RETURN NULL;
END $$;

CREATE FUNCTION speaker_stats_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	WITH d AS (
		SELECT o.speaker_id, sa.outlet, count(*) AS n
		FROM old_rows o JOIN speaker_articles sa ON sa.speaker_id = o.speaker_id AND sa.article_id = o.article_id
		GROUP BY o.speaker_id, sa.outlet
	)
	UPDATE speaker_outlets s SET attributions = s.attributions - d.n FROM d
		WHERE s.speaker_id = d.speaker_id AND s.outlet = d.outlet;
	DELETE FROM speaker_outlets s USING (SELECT DISTINCT speaker_id FROM old_rows) o
		WHERE s.speaker_id = o.speaker_id AND s.attributions <= 0;
	WITH d AS (
		SELECT speaker_id, channel, count(*) AS n FROM old_rows WHERE speaker_id IS NOT NULL GROUP BY speaker_id, channel
	)
	UPDATE speaker_channels s SET attributions = s.attributions - d.n FROM d
		WHERE s.speaker_id = d.speaker_id AND s.channel = d.channel;
	DELETE FROM speaker_channels s USING (SELECT DISTINCT speaker_id FROM old_rows) o
		WHERE s.speaker_id = o.speaker_id AND s.attributions <= 0;
	WITH d AS (
		SELECT speaker_id, article_id, count(*) AS n FROM old_rows WHERE speaker_id IS NOT NULL GROUP BY speaker_id, article_id
	)
	UPDATE speaker_articles s SET attributions = s.attributions - d.n FROM d
		WHERE s.speaker_id = d.speaker_id AND s.article_id = d.article_id;
	DELETE FROM speaker_articles s USING (SELECT DISTINCT speaker_id, article_id FROM old_rows) o
		WHERE s.speaker_id = o.speaker_id AND s.article_id = o.article_id AND s.attributions <= 0;
	RETURN NULL;
END $$;

CREATE FUNCTION speaker_stats_move() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
	o text;
BEGIN
	IF OLD.speaker_id IS NOT NULL THEN
		SELECT outlet INTO o FROM speaker_articles WHERE speaker_id = OLD.speaker_id AND article_id = OLD.article_id;
		UPDATE speaker_outlets SET attributions = attributions - 1 WHERE speaker_id = OLD.speaker_id AND outlet = o;
		DELETE FROM speaker_outlets WHERE speaker_id = OLD.speaker_id AND outlet = o AND attributions <= 0;
		UPDATE speaker_channels SET attributions = attributions - 1 WHERE speaker_id = OLD.speaker_id AND channel = OLD.channel;
		DELETE FROM speaker_channels WHERE speaker_id = OLD.speaker_id AND channel = OLD.channel AND attributions <= 0;
		UPDATE speaker_articles SET attributions = attributions - 1 WHERE speaker_id = OLD.speaker_id AND article_id = OLD.article_id;
		DELETE FROM speaker_articles WHERE speaker_id = OLD.speaker_id AND article_id = OLD.article_id AND attributions <= 0;
	END IF;
	IF NEW.speaker_id IS NOT NULL THEN
		INSERT INTO speaker_articles AS s (speaker_id, article_id, published, outlet, attributions)
			SELECT NEW.speaker_id, ar.id, ar.published, ar.outlet, 1 FROM articles ar WHERE ar.id = NEW.article_id
			ON CONFLICT (speaker_id, article_id) DO UPDATE SET attributions = s.attributions + 1;
		INSERT INTO speaker_outlets AS s (speaker_id, outlet, attributions)
			SELECT NEW.speaker_id, ar.outlet, 1 FROM articles ar WHERE ar.id = NEW.article_id
			ON CONFLICT (speaker_id, outlet) DO UPDATE SET attributions = s.attributions + 1;
		INSERT INTO speaker_channels AS s (speaker_id, channel, attributions) VALUES (NEW.speaker_id, NEW.channel, 1)
			ON CONFLICT (speaker_id, channel) DO UPDATE SET attributions = s.attributions + 1;
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER attributions_speaker_insert AFTER INSERT ON attributions
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION speaker_stats_insert();
CREATE TRIGGER attributions_speaker_delete AFTER DELETE ON attributions
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION speaker_stats_delete();
CREATE TRIGGER attributions_speaker_move AFTER UPDATE OF speaker_id ON attributions
	FOR EACH ROW WHEN (OLD.speaker_id IS DISTINCT FROM NEW.speaker_id) EXECUTE FUNCTION speaker_stats_move();
