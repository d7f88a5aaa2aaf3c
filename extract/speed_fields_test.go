package extract

import (
	"math/rand/v2"
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
