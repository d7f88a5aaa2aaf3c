package sqlite

// The core schema, migration 1. Conventions:
//   - times are TEXT in timeLayout (UTC, fixed width), NULL when unknown;
//   - spans are code-point offsets into articles.text, end exclusive, with
//     their text repeated (see claimtrail.Span);
//   - everything extracted from an article hangs off it with ON DELETE
//     CASCADE, so replacing an article's attributions is one DELETE;
//   - the FTS5 tables are kept in step by triggers on delete and update, so
//     code that deletes articles or attributions, moves attributions to
//     another speaker or renames speakers (trail's speaker merging) needs
//     no extra step to keep search right. New rows are indexed by PutBatch
//     itself, once per batch and not by insert triggers: a trigger makes
//     every insert a multi-row statement with a statement savepoint, and
//     FTS5 flushes its pending index to disk at each savepoint, which cost
//     more than extracting the article. Attributions and articles are
//     therefore inserted only through PutBatch.
func init() {
	registerMigration(migration{Version: 1, Name: "core", SQL: `
CREATE TABLE articles (
	id INTEGER PRIMARY KEY,
	source TEXT NOT NULL,
	-- identity: url when known, else the text hash (see PutArticle)
	url TEXT,
	outlet TEXT NOT NULL DEFAULT '',
	published TEXT,
	title TEXT NOT NULL DEFAULT '',
	author TEXT NOT NULL DEFAULT '',
	text TEXT NOT NULL,
	hash TEXT NOT NULL,
	extractor_version TEXT NOT NULL DEFAULT '',
	ingested_at TEXT NOT NULL,
	updated_at TEXT NOT NULL
);
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_hash ON articles(hash);
CREATE INDEX articles_source ON articles(source);
CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE);
CREATE INDEX articles_published ON articles(published, id);
CREATE INDEX articles_extractor_version ON articles(extractor_version);

-- One row per canonical speaker name in the store. Cross-article merging
-- (trail) moves attributions to the surviving speaker, adds the merged
-- name as an alias of it and deletes the merged row; PutArticle then
-- resolves that name through speaker_aliases, so the merge sticks.
CREATE TABLE speakers (
	id INTEGER PRIMARY KEY,
	name TEXT NOT NULL COLLATE NOCASE UNIQUE,
	kind TEXT NOT NULL DEFAULT 'unknown',
	external_id TEXT NOT NULL DEFAULT ''
);
CREATE TABLE speaker_aliases (
	speaker_id INTEGER NOT NULL REFERENCES speakers(id) ON DELETE CASCADE,
	alias TEXT NOT NULL COLLATE NOCASE,
	PRIMARY KEY (speaker_id, alias)
) WITHOUT ROWID;
CREATE INDEX speaker_aliases_alias ON speaker_aliases(alias);

CREATE TABLE attributions (
	id INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	-- position in the article's list as extracted
	ord INTEGER NOT NULL,
	kind TEXT NOT NULL,
	source_start INTEGER, source_end INTEGER, source_text TEXT,
	cue_start INTEGER, cue_end INTEGER, cue_text TEXT,
	-- the content pieces joined (claimtrail.Attribution.ContentText), for
	-- listings and search; the pieces are in content_spans
	content TEXT NOT NULL,
	speaker_id INTEGER REFERENCES speakers(id) ON DELETE SET NULL,
	channel TEXT NOT NULL DEFAULT '',
	confidence REAL NOT NULL DEFAULT 0,
	-- JSON array of strings
	flags TEXT NOT NULL DEFAULT '[]',
	-- the article's published time, or '~' (after any time) when unknown:
	-- the listing order (sort_key, id), copied here so that pages are
	-- read from an index instead of sorting every attribution
	sort_key TEXT NOT NULL,
	-- the quote's trail (set by clustering; no foreign key because the
	-- cluster tables come in a later migration)
	cluster_id INTEGER
);
CREATE INDEX attributions_article ON attributions(article_id, ord);
CREATE INDEX attributions_order ON attributions(sort_key, id);
CREATE INDEX attributions_speaker ON attributions(speaker_id, sort_key, id);
CREATE INDEX attributions_cluster ON attributions(cluster_id) WHERE cluster_id IS NOT NULL;

CREATE TABLE content_spans (
	attribution_id INTEGER NOT NULL REFERENCES attributions(id) ON DELETE CASCADE,
	ord INTEGER NOT NULL,
	span_start INTEGER NOT NULL,
	span_end INTEGER NOT NULL,
	text TEXT NOT NULL,
	PRIMARY KEY (attribution_id, ord)
) WITHOUT ROWID;

-- attribution_id NULL: an article-level marker ("reportedly lasted").
CREATE TABLE markers (
	id INTEGER PRIMARY KEY,
	article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	attribution_id INTEGER REFERENCES attributions(id) ON DELETE CASCADE,
	type TEXT NOT NULL,
	span_start INTEGER NOT NULL,
	span_end INTEGER NOT NULL,
	text TEXT NOT NULL
);
CREATE INDEX markers_attribution ON markers(attribution_id, type);
CREATE INDEX markers_article ON markers(article_id);

-- "according to" relays of an attribution, in order.
CREATE TABLE according_to (
	attribution_id INTEGER NOT NULL REFERENCES attributions(id) ON DELETE CASCADE,
	ord INTEGER NOT NULL,
	relay TEXT NOT NULL,
	PRIMARY KEY (attribution_id, ord)
) WITHOUT ROWID;

-- The current failure of each source; a later success removes it.
CREATE TABLE ingest_errors (
	id INTEGER PRIMARY KEY,
	source TEXT NOT NULL UNIQUE,
	reason TEXT NOT NULL,
	time TEXT NOT NULL
);
CREATE INDEX ingest_errors_time ON ingest_errors(time, id);

-- Full-text search over quotes: the content with the speaker's name, so
-- that "Trump wall" finds Trump's quotes about a wall. rowid is
-- attributions.id.
CREATE VIRTUAL TABLE quotes_fts USING fts5(
	content, speaker,
	tokenize = 'porter unicode61 remove_diacritics 2'
);
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

-- Full-text search over articles, reading title and text from articles
-- (external content: the text is not stored twice).
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, text,
	content = 'articles', content_rowid = 'id',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.id, old.title, old.text);
	INSERT INTO articles_fts(rowid, title, text) VALUES (new.id, new.title, new.text);
END;
`})
}
