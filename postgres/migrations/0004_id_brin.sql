-- Search windows of ids read through bitmaps (issue 10): a BRIN index on
-- the id, ANDed by the planner with the GIN bitmap of a search, limits a
-- window's reads to the matches inside it. Rows are stored in about id
-- order (appended as they are ingested), so a range of 16 pages covers a
-- narrow range of ids; where it does not (rows rewritten elsewhere), the
-- window reads more pages, never wrong rows (the id is rechecked). A few
-- hundred kilobytes for 1M attributions.
CREATE INDEX attributions_id_brin ON attributions USING brin (id) WITH (pages_per_range = 16);
CREATE INDEX articles_id_brin ON articles USING brin (id) WITH (pages_per_range = 16);
