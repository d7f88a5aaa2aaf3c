package claimtrail

import (
	"math/rand"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// isTitleCaseRef is isTitleCase as it was written over strings.Fields
// and a map: the allocation-free one must agree with it.
func isTitleCaseRef(s string) bool {
	small := map[string]bool{"a": true, "an": true, "the": true, "of": true, "and": true, "or": true, "in": true, "on": true, "at": true, "to": true, "for": true, "by": true, "with": true, "from": true}
	words, caps := 0, 0
	for _, w := range strings.Fields(s) {
		w = strings.TrimLeftFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" || small[strings.TrimRight(w, ",.:;!?")] {
			continue
		}
		words++
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) || unicode.IsDigit(r) {
			caps++
		}
	}
	return words > 0 && caps*10 >= words*7
}

func TestIsTitleCaseSameAsFields(t *testing.T) {
	pieces := []string{"a", "the", "The", "of,", "and.", "or!?", "From", "with", "Face", "Nation", "x", "É", "été", "42", "\"Quoted", "'", "--", " ", "  ", "\t", "\n", "\u00a0", "\u0085", "\u2003", "\xff", "\xe2\x80", "“The", "by:", "In", ",", "!", "Ab.", "ab"}
	rng := rand.New(rand.NewSource(1))
	for range 200000 {
		var b strings.Builder
		for range rng.Intn(12) {
			b.WriteString(pieces[rng.Intn(len(pieces))])
			if rng.Intn(3) > 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		if got, want := isTitleCase(s), isTitleCaseRef(s); got != want {
			t.Fatalf("isTitleCase(%q) = %v, want %v", s, got, want)
		}
	}
}

func FuzzIsTitleCase(f *testing.F) {
	f.Add("Face the Nation")
	f.Add("said \"Hello World\" to me")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isTitleCase(s), isTitleCaseRef(s); got != want {
			t.Fatalf("isTitleCase(%q) = %v, want %v", s, got, want)
		}
	})
}
