package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// fieldCount is len(strings.Fields(s)) without building the slice: the
// rules count the words of every content.
func fieldCount(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		c := s[i]
		space, size := false, 1
		if c < utf8.RuneSelf {
			space = c == ' ' || '\t' <= c && c <= '\r'
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			in = false
		} else if !in {
			in = true
			n++
		}
		i += size
	}
	return n
}

// firstField is strings.Fields(s)[0], or or when s has no field.
func firstField(s, or string) string {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		s = s[:i]
	}
	if s == "" {
		return or
	}
	return s
}
