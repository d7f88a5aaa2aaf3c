-- The quotes' words in id order (issue 10): a row per (lexeme, quote) of
-- the stored quote vector (search, migration 0003), kept by triggers.
-- The GIN index finds a word's matches but not the newest first, so
-- gathering a common word's 1,001 newest matches walked some 30,000 rows
-- of 1M (or read the word's whole posting list through a bitmap); this
-- index's range for one word, read backwards, holds them as its last
-- 1,001 entries (an index-only scan of a few pages), and a prefix's
-- words are one range of it. Searches of one word or prefix without
-- filters read it (postgres/search.go gatherTerms); everything else reads
-- the GIN index as before. About 20 rows and 70 bytes of index per quote.
CREATE TABLE attribution_terms (
	term text COLLATE "C" NOT NULL,
	id bigint NOT NULL
);
INSERT INTO attribution_terms (term, id)
	SELECT t.term, a.id FROM attributions a, unnest(tsvector_to_array(a.search)) t(term);
-- built after the rows, sorted: a third smaller than one grown row by row
ALTER TABLE attribution_terms ADD PRIMARY KEY (term, id);

CREATE FUNCTION attribution_terms_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO attribution_terms (term, id)
		SELECT t.term, n.id FROM new_rows n, unnest(tsvector_to_array(n.search)) t(term);
	RETURN NULL;
END $$;

CREATE FUNCTION attribution_terms_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM attribution_terms x USING old_rows o, unnest(tsvector_to_array(o.search)) t(term)
		WHERE x.term = t.term AND x.id = o.id;
	RETURN NULL;
END $$;

-- A speaker renamed or merged changes search_speaker, and so search:
-- only the words that differ change (renaming a speaker of 4,083 quotes
-- in 1M took 6.5 s rewriting every word's row, 2.1 s this way, 0.5 s
-- without the table).
CREATE FUNCTION attribution_terms_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.id <> NEW.id THEN
		DELETE FROM attribution_terms x USING unnest(tsvector_to_array(OLD.search)) t(term)
			WHERE x.term = t.term AND x.id = OLD.id;
		INSERT INTO attribution_terms (term, id)
			SELECT t.term, NEW.id FROM unnest(tsvector_to_array(NEW.search)) t(term);
		RETURN NULL;
	END IF;
	DELETE FROM attribution_terms x USING (SELECT unnest(tsvector_to_array(OLD.search))
			EXCEPT SELECT unnest(tsvector_to_array(NEW.search))) t(term)
		WHERE x.term = t.term AND x.id = OLD.id;
	INSERT INTO attribution_terms (term, id)
		SELECT t.term, NEW.id FROM (SELECT unnest(tsvector_to_array(NEW.search))
			EXCEPT SELECT unnest(tsvector_to_array(OLD.search))) t(term);
	RETURN NULL;
END $$;

CREATE TRIGGER attributions_terms_insert AFTER INSERT ON attributions
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attribution_terms_insert();
CREATE TRIGGER attributions_terms_delete AFTER DELETE ON attributions
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION attribution_terms_delete();
CREATE TRIGGER attributions_terms_update AFTER UPDATE ON attributions
	FOR EACH ROW WHEN (OLD.search IS DISTINCT FROM NEW.search OR OLD.id <> NEW.id) EXECUTE FUNCTION attribution_terms_update();
