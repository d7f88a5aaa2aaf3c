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
