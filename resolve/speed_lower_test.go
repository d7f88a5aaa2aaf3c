package resolve

import (
	"strings"
	"testing"
)

// TestLower: lower is strings.ToLower for ASCII and other text, and a
// string it made stays as it was while later ones are made (they share
// r.lowBuf, which grows by new allocations).
func TestLower(t *testing.T) {
	tests := []string{
		"", "said", "Said", "BBC", "McDonald's", "U.S.", "x-Ray 42",
		"Ärzte", "ÉCOLE", "İstanbul", "Zürich", "don’t", "AbC\u00a0Def",
		strings.Repeat("Long", 400), // over lowBuf's first 1,024 bytes
	}
	r := &resolver{}
	var got []string
	for round := 0; round < 3; round++ {
		for _, s := range tests {
			got = append(got, r.lower(s))
		}
	}
	for i, g := range got {
		if want := strings.ToLower(tests[i%len(tests)]); g != want {
			t.Errorf("lower(%.20q) = %.20q, want %.20q", tests[i%len(tests)], g, want)
		}
	}
}

// TestCountFields: countFields is len(strings.Fields(s)), spaces of
// other scripts and bytes of broken UTF-8 included.
func TestCountFields(t *testing.T) {
	tests := []string{
		"", " ", "Tony Blair", "  Tony\tBlair \n", "a b c d e", "Jean-Claude Juncker",
		"Ана\u00a0Петрова", "x\u2003y\u3000z", "é è", "\xff \xfe", "end ", " start", "\r\n\v\f",
	}
	for _, s := range tests {
		if got, want := countFields(s), len(strings.Fields(s)); got != want {
			t.Errorf("countFields(%q) = %d, want %d", s, got, want)
		}
	}
}
