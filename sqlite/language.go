package sqlite

// The language of an article's text (claimtrail.Article.Language, an ISO
// 639-1 code, "" when unknown), so that a store can tell which articles
// were read by the English models and which by quote marks and language
// rules only.
func init() {
	registerMigration(migration{Version: 20, Name: "article language", SQL: `
		ALTER TABLE articles ADD COLUMN language TEXT NOT NULL DEFAULT '';
	`})
}
