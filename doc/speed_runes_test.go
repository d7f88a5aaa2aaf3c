package doc

import (
	"testing"
	"unicode/utf8"
)

// TestRunesASCIIPrefix holds At, with its table after the ASCII prefix,
// to a table of every byte built as before (the code points the decoder
// counts before each byte), at every offset from before the text to past
// its end: texts all ASCII, none, and ASCII before and after other runes
// and invalid bytes.
func TestRunesASCIIPrefix(t *testing.T) {
	for _, text := range []string{
		"", "a", "plain ASCII text.",
		"The £5 fee", "“quoted” at the start", "ends with é",
		"ascii, then \xff invalid, then ascii", "two 😀 and € then plain text",
		"x\xe2\x80", "é",
	} {
		full := make([]int, len(text)+1)
		n := 0
		for i := 0; i < len(text); {
			_, size := utf8.DecodeRuneInString(text[i:])
			for k := range size {
				full[i+k] = n
			}
			i += size
			n++
		}
		full[len(text)] = n
		r := NewRunes(text)
		for b := -3; b <= len(text)+3; b++ {
			want := full[min(max(b, 0), len(text))]
			if got := r.At(b); got != want {
				t.Errorf("%q: At(%d) = %d, want %d", text, b, got, want)
			}
		}
		if a := asciiPrefix(text); r.ascii != a || len(r.index) != len(text)-a {
			t.Errorf("%q: ASCII prefix %d and a table of %d, want %d and %d", text, r.ascii, len(r.index), a, len(text)-a)
		}
	}
}
