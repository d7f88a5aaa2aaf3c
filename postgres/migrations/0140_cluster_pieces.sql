-- The details of the index's members (trail.Detail), as in sqlite
-- migration 109: the in-memory index holds only what matching reads of a
-- member, and the clusters' summaries and member rows read the rest from
-- here. One row per piece (trail.Split), written when the piece is
-- placed; match_text is the words it is matched on (trail.Quote.MatchText),
-- NULL when they are its text. A full update rewrites the table.
CREATE TABLE cluster_pieces (
	attribution_id bigint NOT NULL REFERENCES attributions(id) ON DELETE CASCADE,
	piece integer NOT NULL,
	span_start integer NOT NULL,
	span_end integer NOT NULL,
	text text NOT NULL,
	match_text text,
	PRIMARY KEY (attribution_id, piece)
);
-- An index kept by a running process has its details in memory: make it
-- rebuild (and fill the table).
UPDATE cluster_meta SET value = (value::bigint + 1)::text WHERE key = 'generation';
