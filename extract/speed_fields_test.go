package extract

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// TestWordsOver: wordsOver(s, n) is len(strings.Fields(s)) > n, on
// ASCII and Unicode spaces, invalid bytes and every n around the count.
func TestWordsOver(t *testing.T) {
	pieces := []string{"a", "Bc", " ", "\t", "\n", "\v", "\f", "\r", "\u00a0", "\u2003", "\u0085", "é", "\xff", "’", ","}
	rng := rand.New(rand.NewPCG(15, 16))
	texts := []string{"", " ", "one", " one two  three ", "a\u00a0b", "a\u200bb"}
	for range 3000 {
		var b strings.Builder
		for range rng.IntN(16) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		count := len(strings.Fields(s))
		for n := max(count-2, 0); n <= count+2; n++ {
			if got := wordsOver(s, n); got != (count > n) {
				t.Fatalf("wordsOver(%q, %d) = %v with %d words", s, n, got, count)
			}
		}
	}
}

// TestLeadingFields: leadingFields(nil, s, n) is the first n of
// strings.Fields(s), and lower-casing them gives the first n of
// lowerFields(s), over texts of ASCII and Unicode spaces (U+0085, U+00A0,
// U+2028, U+3000), invalid bytes, capitals and runes whose lower case has
// another length (U+0130, U+212A), and random mixes of them. It fails
// when a word is cut at a non-ASCII rune or the last word is dropped.
func TestLeadingFields(t *testing.T) {
	parts := []string{"it", "It", "THEM", " ", "  ", "\t", "\n", "\u0085", "\u00a0", "\u2028", "\u3000", "\xff", "\xe2\x80",
		"\u0130", "\u212A", "during", "DURING", "é", "Ölçek", "x"}
	texts := []string{"", " ", "it", "it during the session", "  It  DURING  the ", "it\u00a0during\u3000x", "\xffit\xff during"}
	rng := rand.New(rand.NewPCG(36, 8))
	for range 5000 {
		var b strings.Builder
		for range rng.IntN(9) {
			b.WriteString(parts[rng.IntN(len(parts))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		all, low := strings.Fields(s), strings.Fields(strings.ToLower(s))
		for n := 0; n <= 4; n++ {
			got := leadingFields(nil, s, n)
			if want := all[:min(n, len(all))]; !slices.Equal(got, want) {
				t.Fatalf("leadingFields(%q, %d) = %q, want %q", s, n, got, want)
			}
			for i := range got {
				got[i] = strings.ToLower(got[i])
			}
			if want := low[:min(n, len(low))]; !slices.Equal(got, want) {
				t.Fatalf("lower-cased leadingFields(%q, %d) = %q, want %q", s, n, got, want)
			}
		}
	}
}
