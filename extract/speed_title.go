package extract

import (
	"unicode"
	"unicode/utf8"
)

// titleOfWork counts the words of a quote that open with a capital
// after any quote marks. It split every quote no cue claimed, however
// long, before it looked at the count (wordsOver now refuses a quote of
// more than 25 words first), and for each word trimmed the marks with
// strings.TrimLeft of a cutset of multi-byte runes and made a slice of
// the rest's runes to read the first.

// upperAfterMarks reports whether w, past the quote marks it opens with,
// starts with an upper-case letter: w != "" && unicode.IsUpper([]rune(w)[0])
// after w = strings.TrimLeft(w, "\"“‘'«„").
func upperAfterMarks(w string) bool {
	for len(w) > 0 {
		r, size := utf8.DecodeRuneInString(w)
		switch r {
		case '"', '“', '‘', '\'', '«', '„':
			w = w[size:]
			continue
		}
		return unicode.IsUpper(r)
	}
	return false
}
