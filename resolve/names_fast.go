package resolve

import (
	"unicode"
	"unicode/utf8"
)

// plainLower reports a word that isCap is sure to call no name: two
// lower-case ASCII letters or more, and no "diGenova" (a capital third
// or fourth). It is small enough to be inlined, so that collectNames,
// which asks isCap of every token of an article, tells most words
// ("the", "said") without a call.
func plainLower(s string) bool {
	// (c-'a' < 26: c is in a-z, bytes below 'a' wrapping round)
	return len(s) >= 2 && s[0]-'a' < 26 && s[1]-'a' < 26 && (len(s) < 5 || s[2]-'a' < 26 && s[3]-'A' >= 26)
}

// upperAlready is strings.ToUpper(s) == s without building the upper-cased
// string (addName asked it of a run's first word, mostly a capitalised
// name: an allocation each). An invalid byte is no upper-case letter:
// strings.ToUpper writes U+FFFD for it, so its result differs from s.
func upperAlready(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'a' <= c && c <= 'z' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unicode.ToUpper(r) != r {
			return false
		}
		i += size
	}
	return true
}
