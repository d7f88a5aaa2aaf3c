-- Quote clusters (see package sqlite, migrations 100-103, for the model).
CREATE TABLE clusters (
	id bigint PRIMARY KEY,
	text text NOT NULL,
	-- JSON array of canonical speaker names
	speakers text NOT NULL DEFAULT '[]',
	first_seen timestamptz,
	first_outlet text NOT NULL DEFAULT '',
	articles integer NOT NULL,
	outlets integer NOT NULL,
	quotes integer NOT NULL,
	possible_misattribution boolean NOT NULL DEFAULT false,
	-- JSON object: marker type -> number of outlets
	marker_counts text NOT NULL DEFAULT '{}'
);
CREATE INDEX clusters_order ON clusters (articles DESC, id);

CREATE TABLE cluster_meta (
	key text PRIMARY KEY,
	value text NOT NULL
);

-- Forms are bytea: trail separates their words with NUL, which text
-- cannot hold; bytea sorts byte by byte as SQLite's text does.
-- A form can be longer than a btree entry may be, so the key is its hash.
CREATE TABLE cluster_forms (
	form_key bytea PRIMARY KEY GENERATED ALWAYS AS (sha256(form)) STORED,
	form bytea NOT NULL,
	parent bytea NOT NULL DEFAULT '',
	sim double precision NOT NULL DEFAULT 0
);

CREATE TABLE cluster_redirects (
	id bigint PRIMARY KEY,
	target bigint NOT NULL
);
