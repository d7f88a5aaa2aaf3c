package extract

import (
	"unicode"
	"unicode/utf8"
)

// fieldSpace marks the ASCII bytes strings.Fields splits at.
var fieldSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// wordsOver reports whether s has more than n words as strings.Fields
// splits it, reading no further than the word past n (wordsAtLeast(s,
// n+1) with ASCII told from a table, not unicode.IsSpace): a rule that
// takes short contents only asks it before it splits the content.
func wordsOver(s string, n int) bool {
	words, in := 0, false
	for i := 0; i < len(s); {
		c := s[i]
		space, size := false, 1
		if c < utf8.RuneSelf {
			space = fieldSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if !space && !in {
			if words++; words > n {
				return true
			}
		}
		in = !space
		i += size
	}
	return false
}

// leadingFields appends to dst the first n of strings.Fields(s), reading
// no further: pronounContent looks at a content's first three words only,
// and lower-casing and splitting the whole content for them (lowerFields,
// a miss of its cache for most contents) cost 0.3% of the default mode's
// instructions on BBC politics. Lower-casing a word at a time gives the
// same words as splitting the lower-cased text (no rune lower-cases to a
// space or from one: TestLeadingFields).
func leadingFields(dst []string, s string, n int) []string {
	start := -1
	for i := 0; i < len(s) && n > 0; {
		c := s[i]
		space, size := false, 1
		if c < utf8.RuneSelf {
			space = fieldSpace[c]
		} else {
			var r rune
			r, size = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		switch {
		case space && start >= 0:
			dst, n, start = append(dst, s[start:i]), n-1, -1
		case !space && start < 0:
			start = i
		}
		i += size
	}
	if start >= 0 && n > 0 {
		dst = append(dst, s[start:])
	}
	return dst
}
