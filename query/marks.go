package query

import (
	"strings"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// Match delimiters in the stores' snippet output (FTS5 snippet() and
// highlight(), PostgreSQL ts_headline): control characters that decoded
// article text does not contain.
const (
	MatchOpen  = "\x01"
	MatchClose = "\x02"
)

// SplitMarks removes the match delimiters from s and returns the matched
// spans as code-point offsets into the result. It copies the text
// between delimiters whole (they are single bytes, never inside a UTF-8
// sequence) and counts code points per piece: it runs twice for every
// hit of a search. Both stores ask their engines (FTS5 snippet(),
// ts_headline) to wrap matches in MatchOpen and MatchClose.
func SplitMarks(s string) (string, []claimtrail.Span) {
	spans := []claimtrail.Span{}
	if !utf8.ValidString(s) {
		s = string([]rune(s)) // an invalid byte reads as U+FFFD, as ranging over s does
	}
	if !strings.ContainsAny(s, MatchOpen+MatchClose) {
		return s, spans
	}
	var b strings.Builder
	b.Grow(len(s))
	pos, start, startByte := 0, -1, 0
	for len(s) > 0 {
		i := strings.IndexAny(s, MatchOpen+MatchClose)
		if i < 0 {
			i = len(s)
		}
		piece := s[:i]
		b.WriteString(piece)
		pos += utf8.RuneCountInString(piece)
		if i == len(s) {
			break
		}
		switch s[i : i+1] {
		case MatchOpen:
			start, startByte = pos, b.Len()
		case MatchClose:
			if start >= 0 {
				spans = append(spans, claimtrail.Span{Start: start, End: pos, Text: b.String()[startByte:]})
			}
			start = -1
		}
		s = s[i+1:]
	}
	return b.String(), spans
}
