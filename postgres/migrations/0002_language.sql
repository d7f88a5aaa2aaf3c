-- The language of an article's text (claimtrail.Article.Language, ISO
-- 639-1, '' when unknown), as sqlite migration 20.
ALTER TABLE articles ADD COLUMN language text NOT NULL DEFAULT '';
