package extract

import (
	"strings"
	"testing"
)

// TestFields: fieldCount and firstField say what strings.Fields says, on
// ASCII and Unicode spaces, invalid bytes and empty text, and
// wordsAtLeast(s, n) whether fieldCount(s) >= n.
func TestFields(t *testing.T) {
	pieces := []string{"a", "said", " ", "  ", "\t", "\n", "\u00a0", "\u2003", "\u0085", "é", "\xff", "\xe2\x80", "’", ",", "x y"}
	texts := []string{"", " ", "one", " lead and trail ", "\u00a0nbsp\u00a0words\u00a0"}
	seed := uint32(7)
	for range 5000 {
		var b strings.Builder
		for range 6 {
			seed = seed*1664525 + 1013904223
			b.WriteString(pieces[int(seed>>8)%len(pieces)])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if got, want := fieldCount(s), len(strings.Fields(s)); got != want {
			t.Fatalf("fieldCount(%q) = %d, want %d", s, got, want)
		}
		if got, want := firstField(s, "x"), strings.Fields(s + " x")[0]; got != want {
			t.Fatalf("firstField(%q) = %q, want %q", s, got, want)
		}
		for n := 1; n <= 8; n++ {
			if got, want := wordsAtLeast(s, n), fieldCount(s) >= n; got != want {
				t.Fatalf("wordsAtLeast(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}
