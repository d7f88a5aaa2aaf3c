-- Adjacent words of the quotes (issue 10): a row per (lexeme, next
-- lexeme, quote) of the stored quote vector (search), kept by triggers
-- as attribution_terms is (migration 0005). A phrase of common words
-- ("said that") was gathered through the GIN index, which finds the
-- quotes holding both words, and then each one's vector was read from
-- the table to check that they are adjacent: for two common words
-- seldom adjacent, thousands of rows read for a page. A two-word phrase
-- is a range of this index, its newest matches the last entries (an
-- index-only scan of a few pages), as a word's are in attribution_terms
-- (postgres/search.go gatherPhrase). "Adjacent" is what to_tsquery's <->
-- reads from the vector: the second lexeme at a position one past the
-- first's, so the pairs are taken from the positions (a hyphenated
-- word's parts, the speaker's name after the content).
-- Not STRICT: a strict SQL function is not inlined, and planned anew at
-- each call (a speaker's rename, a row at a time, took 3-5 s for 2,500
-- quotes of 1M; 1.0-1.6 s inlined, 0.4-0.8 s without this table).
CREATE FUNCTION tsvector_bigrams(v tsvector) RETURNS TABLE (first text, second text)
	LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
	WITH w AS (SELECT u.lexeme, p FROM unnest(v) u, unnest(u.positions) p)
	SELECT DISTINCT x.lexeme, y.lexeme FROM w x JOIN w y ON y.p = x.p + 1
$$;

CREATE TABLE attribution_bigrams (
	first text COLLATE "C" NOT NULL,
	second text COLLATE "C" NOT NULL,
	id bigint NOT NULL
);
INSERT INTO attribution_bigrams (first, second, id)
	SELECT b.first, b.second, a.id FROM attributions a, tsvector_bigrams(a.search) b;
-- built after the rows, sorted (as attribution_terms)
ALTER TABLE attribution_bigrams ADD PRIMARY KEY (first, second, id);

CREATE FUNCTION attribution_bigrams_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	INSERT INTO attribution_bigrams (first, second, id)
		SELECT b.first, b.second, n.id FROM new_rows n, tsvector_bigrams(n.search) b;
	RETURN NULL;
END $$;

CREATE FUNCTION attribution_bigrams_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	DELETE FROM attribution_bigrams x USING old_rows o, tsvector_bigrams(o.search) b
		WHERE x.first = b.first AND x.second = b.second AND x.id = o.id;
	RETURN NULL;
END $$;

-- A speaker renamed or merged changes search: only the pairs that
-- differ change (as attribution_terms_update).
CREATE FUNCTION attribution_bigrams_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	IF OLD.id <> NEW.id THEN
		DELETE FROM attribution_bigrams x USING tsvector_bigrams(OLD.search) b
			WHERE x.first = b.first AND x.second = b.second AND x.id = OLD.id;
		INSERT INTO attribution_bigrams (first, second, id)
			SELECT b.first, b.second, NEW.id FROM tsvector_bigrams(NEW.search) b;
		RETURN NULL;
	END IF;
	DELETE FROM attribution_bigrams x USING (SELECT * FROM tsvector_bigrams(OLD.search)
			EXCEPT SELECT * FROM tsvector_bigrams(NEW.search)) b
		WHERE x.first = b.first AND x.second = b.second AND x.id = OLD.id;
	INSERT INTO attribution_bigrams (first, second, id)
		SELECT b.first, b.second, NEW.id FROM (SELECT * FROM tsvector_bigrams(NEW.search)
			EXCEPT SELECT * FROM tsvector_bigrams(OLD.search)) b;
	RETURN NULL;
END $$;

CREATE TRIGGER attributions_bigrams_insert AFTER INSERT ON attributions
	REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION attribution_bigrams_insert();
CREATE TRIGGER attributions_bigrams_delete AFTER DELETE ON attributions
	REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION attribution_bigrams_delete();
CREATE TRIGGER attributions_bigrams_update AFTER UPDATE ON attributions
	FOR EACH ROW WHEN (OLD.search IS DISTINCT FROM NEW.search OR OLD.id <> NEW.id) EXECUTE FUNCTION attribution_bigrams_update();
