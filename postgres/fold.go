package postgres

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// fold prepares text for to_tsvector the way FTS5's unicode61 tokenizer
// with remove_diacritics sees it in the sqlite store: letters lose their
// diacritics and everything that is not a letter or digit separates
// words. PostgreSQL's own parser would otherwise read "U.S." as one
// token, "e-mail" as three and "don't" as two, and search would match
// other words than sqlite's.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := true
	for _, r := range norm.NFD.String(s) {
		switch {
		case unicode.Is(unicode.Mn, r):
			// a combining mark: dropped, the base letter stays
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(r)
			space = false
		default:
			if !space {
				b.WriteByte(' ')
				space = true
			}
		}
	}
	return strings.TrimRight(b.String(), " ")
}

// words splits s into the folded words fold would index.
func words(s string) []string { return strings.Fields(fold(s)) }
