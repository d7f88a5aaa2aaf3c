-- Cluster members are verbatim pieces of attributions (see sqlite
-- migration 104): attributions.cluster_id is the cluster of the first
-- piece, this table the membership, with each piece's place and words.
CREATE TABLE cluster_members (
	attribution_id bigint NOT NULL REFERENCES attributions(id) ON DELETE CASCADE,
	piece integer NOT NULL,
	cluster_id bigint NOT NULL,
	span_start integer NOT NULL,
	span_end integer NOT NULL,
	text text NOT NULL,
	PRIMARY KEY (attribution_id, piece)
);
CREATE INDEX cluster_members_cluster ON cluster_members (cluster_id);
