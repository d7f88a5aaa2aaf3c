package resolve

import (
	"strings"
	"testing"
)

// TestPlainLower: plainLower never says so of a word isCap calls a
// name, over words built from every mix of the bytes that matter (lower
// and upper case, a digit, an apostrophe, a non-ASCII letter) up to six
// long, and says so of the usual lower-case words.
func TestPlainLower(t *testing.T) {
	for _, tc := range []struct {
		w    string
		want bool
	}{
		{"the", true}, {"said", true}, {"government", true}, {"of", true},
		{"a", false}, {"", false}, {"The", false}, {"diGenova", false}, {"deBlasio", false},
		{"eBay", false}, {"iPhone", false}, {"don't", true}, {"é", false}, {"x1", false},
	} {
		if got := plainLower(tc.w); got != tc.want {
			t.Errorf("plainLower(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
	pieces := []string{"a", "z", "A", "Z", "G", "1", "'", "-", "é", "É"}
	var walk func(w string, depth int)
	n := 0
	walk = func(w string, depth int) {
		if plainLower(w) {
			n++
			if isCap(w) {
				t.Fatalf("plainLower(%q) but isCap(%q)", w, w)
			}
		}
		if depth == 6 {
			return
		}
		for _, p := range pieces {
			walk(w+p, depth+1)
		}
	}
	walk("", 0)
	if n == 0 {
		t.Fatal("no plain lower-case word generated")
	}
}

// TestUpperAlready: upperAlready(s) is strings.ToUpper(s) == s, ASCII or
// not, with invalid bytes and runes that upper-case to themselves.
func TestUpperAlready(t *testing.T) {
	words := []string{"", "EADS", "Eads", "eads", "BBC's", "A.", "3M", "ÉCOLE", "École", "STRASSE", "STRAßE", "ÜBER", "über",
		"\xff", "AB\xff", "ǅ", "ǄA", "Ǆ", "ΣΟΦΙΑ", "Σοφια", "İSTANBUL", "ﬁ", "!!", "U.S.", "\u00b5", "ΜΠ"}
	for _, w := range words {
		if got, want := upperAlready(w), strings.ToUpper(w) == w; got != want {
			t.Errorf("upperAlready(%q) = %v, want %v", w, got, want)
		}
	}
	// every rune of the Latin, Greek and Cyrillic blocks, alone and
	// after a capital
	for r := rune(0); r < 0x530; r++ {
		for _, w := range []string{string(r), "A" + string(r)} {
			if got, want := upperAlready(w), strings.ToUpper(w) == w; got != want {
				t.Fatalf("upperAlready(%q) = %v, want %v", w, got, want)
			}
		}
	}
}
