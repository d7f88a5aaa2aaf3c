package sqlite

import (
	"encoding/json"
	"fmt"
)

// Migrations for a store of millions of attributions (issue 10):
//
//   - 30 rebuilds the quote index with FTS5 prefix indexes of 3 and 4
//     characters, so that a prefix query ("gove*") reads one doclist
//     instead of merging the doclists of every word it covers (package
//     query refuses prefixes shorter than 3 letters; longer ones merge
//     the few words sharing them);
//   - 31 adds per-speaker summaries kept on write, so that a speaker's
//     page reads a few index rows instead of aggregating all of the
//     speaker's attributions per request.
//
// The summaries are three tables of counts: per (speaker, article) with
// the article's date and outlet, per (speaker, outlet) and per (speaker,
// channel). From them a speaker's attributions (a sum), articles and
// outlets (counts), first and last date (index ends), top outlets and
// channels are read without touching the attributions. They are exact
// under every write: new attributions are added per batch by
// addSpeakerStats (as the full-text index is, and for the same reason:
// an insert trigger would cost a statement savepoint per row); deleting
// attributions (replacing an article, deleting one) and moving them to
// another speaker (trail's speaker merging) subtract through triggers.
// The (speaker, article) row keeps the article's outlet so that a delete
// subtracts from the outlet the attribution was counted under even when
// the article row has changed or is gone.
func init() {
	registerMigration(migration{Version: 30, Name: "quote prefix index", SQL: `
DROP TRIGGER attributions_fts_delete;
DROP TRIGGER attributions_fts_update;
DROP TRIGGER speakers_fts_rename;
DROP TABLE quotes_fts;
CREATE VIRTUAL TABLE quotes_fts USING fts5(
	content, speaker,
	tokenize = 'porter unicode61 remove_diacritics 2',
	prefix = '3 4'
);
INSERT INTO quotes_fts (rowid, content, speaker)
	SELECT a.id, a.content, coalesce(sp.name, '') FROM attributions a LEFT JOIN speakers sp ON sp.id = a.speaker_id;
INSERT INTO quotes_fts (quotes_fts) VALUES ('optimize');
CREATE TRIGGER attributions_fts_delete AFTER DELETE ON attributions BEGIN
	DELETE FROM quotes_fts WHERE rowid = old.id;
END;
CREATE TRIGGER attributions_fts_update AFTER UPDATE OF content, speaker_id ON attributions BEGIN
	DELETE FROM quotes_fts WHERE rowid = old.id;
	INSERT INTO quotes_fts(rowid, content, speaker)
	VALUES (new.id, new.content, coalesce((SELECT name FROM speakers WHERE id = new.speaker_id), ''));
END;
CREATE TRIGGER speakers_fts_rename AFTER UPDATE OF name ON speakers BEGIN
	UPDATE quotes_fts SET speaker = new.name
	WHERE rowid IN (SELECT id FROM attributions WHERE speaker_id = new.id);
END;
`})
	registerMigration(migration{Version: 31, Name: "speaker summaries", SQL: `
CREATE TABLE speaker_articles (
	speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
	article_id INTEGER NOT NULL,
	published TEXT,
	outlet TEXT NOT NULL,
	attributions INTEGER NOT NULL,
	PRIMARY KEY (speaker_id, article_id)
) WITHOUT ROWID;
CREATE INDEX speaker_articles_published ON speaker_articles(speaker_id, published) WHERE published IS NOT NULL;
CREATE TABLE speaker_outlets (
	speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
	outlet TEXT NOT NULL,
	attributions INTEGER NOT NULL,
	PRIMARY KEY (speaker_id, outlet)
) WITHOUT ROWID;
CREATE TABLE speaker_channels (
	speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
	channel TEXT NOT NULL,
	attributions INTEGER NOT NULL,
	PRIMARY KEY (speaker_id, channel)
) WITHOUT ROWID;
INSERT INTO speaker_articles (speaker_id, article_id, published, outlet, attributions)
	SELECT a.speaker_id, a.article_id, ar.published, ar.outlet, count(*)
	FROM attributions a JOIN articles ar ON ar.id = a.article_id
	WHERE a.speaker_id IS NOT NULL GROUP BY a.speaker_id, a.article_id;
INSERT INTO speaker_outlets (speaker_id, outlet, attributions)
	SELECT speaker_id, outlet, sum(attributions) FROM speaker_articles GROUP BY speaker_id, outlet;
INSERT INTO speaker_channels (speaker_id, channel, attributions)
	SELECT speaker_id, channel, count(*) FROM attributions WHERE speaker_id IS NOT NULL GROUP BY speaker_id, channel;
CREATE TRIGGER attributions_speaker_remove AFTER DELETE ON attributions WHEN old.speaker_id IS NOT NULL BEGIN
` + speakerStatsRemove + `
END;
CREATE TRIGGER attributions_speaker_move_from AFTER UPDATE OF speaker_id ON attributions
WHEN old.speaker_id IS NOT NULL AND old.speaker_id IS NOT new.speaker_id BEGIN
` + speakerStatsRemove + `
END;
CREATE TRIGGER attributions_speaker_move_to AFTER UPDATE OF speaker_id ON attributions
WHEN new.speaker_id IS NOT NULL AND old.speaker_id IS NOT new.speaker_id BEGIN
	INSERT INTO speaker_articles (speaker_id, article_id, published, outlet, attributions)
		SELECT new.speaker_id, ar.id, ar.published, ar.outlet, 1 FROM articles ar WHERE ar.id = new.article_id
		ON CONFLICT DO UPDATE SET attributions = attributions + 1;
	INSERT INTO speaker_outlets (speaker_id, outlet, attributions)
		SELECT new.speaker_id, ar.outlet, 1 FROM articles ar WHERE ar.id = new.article_id
		ON CONFLICT DO UPDATE SET attributions = attributions + 1;
	INSERT INTO speaker_channels (speaker_id, channel, attributions) VALUES (new.speaker_id, new.channel, 1)
		ON CONFLICT DO UPDATE SET attributions = attributions + 1;
END;
`})
}

// speakerStatsRemove subtracts the attribution old from its speaker's
// summaries (the body of the delete and move triggers).
const speakerStatsRemove = `
	UPDATE speaker_outlets SET attributions = attributions - 1
		WHERE speaker_id = old.speaker_id
		AND outlet = (SELECT outlet FROM speaker_articles WHERE speaker_id = old.speaker_id AND article_id = old.article_id);
	DELETE FROM speaker_outlets WHERE speaker_id = old.speaker_id AND attributions <= 0;
	UPDATE speaker_channels SET attributions = attributions - 1 WHERE speaker_id = old.speaker_id AND channel = old.channel;
	DELETE FROM speaker_channels WHERE speaker_id = old.speaker_id AND channel = old.channel AND attributions <= 0;
	UPDATE speaker_articles SET attributions = attributions - 1 WHERE speaker_id = old.speaker_id AND article_id = old.article_id;
	DELETE FROM speaker_articles WHERE speaker_id = old.speaker_id AND article_id = old.article_id AND attributions <= 0;`

// addSpeakerStats adds the attributions this transaction inserted and
// has not counted yet to their speakers' summaries: three grouped
// statements for the whole batch. It runs before the batch's quotes are
// indexed, and before any of the batch's attributions are deleted (a
// replaced article), so that the delete trigger subtracts only what was
// added.
func (w *txWriter) addSpeakerStats() error {
	if w.statted >= len(w.newAttributions) {
		return nil
	}
	ids, _ := json.Marshal(w.newAttributions[w.statted:])
	const from = ` FROM attributions a JOIN articles ar ON ar.id = a.article_id
		WHERE a.id IN (SELECT value FROM json_each(?)) AND a.speaker_id IS NOT NULL`
	for _, q := range []string{
		`INSERT INTO speaker_articles (speaker_id, article_id, published, outlet, attributions)
			SELECT a.speaker_id, a.article_id, ar.published, ar.outlet, count(*)` + from + ` GROUP BY a.speaker_id, a.article_id
			ON CONFLICT DO UPDATE SET attributions = attributions + excluded.attributions`,
		`INSERT INTO speaker_outlets (speaker_id, outlet, attributions)
			SELECT a.speaker_id, ar.outlet, count(*)` + from + ` GROUP BY a.speaker_id, ar.outlet
			ON CONFLICT DO UPDATE SET attributions = attributions + excluded.attributions`,
		`INSERT INTO speaker_channels (speaker_id, channel, attributions)
			SELECT a.speaker_id, a.channel, count(*)` + from + ` GROUP BY a.speaker_id, a.channel
			ON CONFLICT DO UPDATE SET attributions = attributions + excluded.attributions`,
	} {
		if _, err := w.tx.ExecContext(w.ctx, q, string(ids)); err != nil {
			return fmt.Errorf("speaker summaries: %w", err)
		}
	}
	w.statted = len(w.newAttributions)
	return nil
}
