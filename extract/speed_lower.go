package extract

import "strings"

// lowerUpTo is strings.ToLower(s) when that may be n bytes long or
// shorter, else s itself: for a switch on the lower-cased text against
// words of n bytes or fewer, which s cannot be either way. Lower-casing
// shortens a text to a third of its bytes at the most (U+212A, the
// Kelvin sign, three bytes, is "k"), so a text of more than 3n bytes is
// not lower-cased at all: rules that ask whether a whole content is one
// word ("it", "which") lower-cased every content for it, 0.35% of the
// default mode's instructions on BBC articles.
func lowerUpTo(s string, n int) string {
	if len(s) > 3*n {
		return s
	}
	return strings.ToLower(s)
}

// lowerIs is strings.ToLower(s) == w for a word w of lower-case ASCII
// letters other than "i" and "k" (and other ASCII bytes): no rune past
// ASCII lower-cases to such a letter (only U+0130 and U+212A lower-case to
// ASCII, to "i" and "k"), so s must be w's bytes in either case, and
// strings.EqualFold of two strings of that length tells it without
// building the lower-cased copy. endAtNextReport asked ToLower of every
// token of every content for a "but", 0.3% of the default mode's
// instructions on BBC politics.
func lowerIs(s, w string) bool {
	return len(s) == len(w) && strings.EqualFold(s, w)
}

// lowerHasSuffix is strings.HasSuffix(strings.ToLower(s), w) for a word w
// as lowerIs takes (lower-case ASCII letters other than "i" and "k"): the
// lower-cased text ends in w's ASCII bytes just when s's last len(w)
// bytes are those letters in either case (no other rune lower-cases to
// them, and an ASCII byte is never part of another rune, valid or not).
// norSource lower-cased the 200 bytes before every source for a "nor",
// 0.8% of the default mode's instructions on BBC politics with the
// collector's share of the copies.
func lowerHasSuffix(s, w string) bool {
	return len(s) >= len(w) && lowerIs(s[len(s)-len(w):], w)
}
