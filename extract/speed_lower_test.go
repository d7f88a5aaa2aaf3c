package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// TestLowerUpTo: a word of n bytes or fewer equals lowerUpTo(s, n) just
// when it equals strings.ToLower(s), for texts around the bound, of
// capitals, of letters that lower-case to fewer bytes (the Kelvin sign)
// or more (U+0130), and for every rune that lower-cases to ASCII; and no
// rune lower-cases to less than a third of its bytes.
func TestLowerUpTo(t *testing.T) {
	words := []string{"it", "which", "themselves", "k", "kk", "i", "something"}
	texts := []string{"", "It", "WHICH", "Themselves", "\u212A", "\u212A\u212A", "\u0130", "It is", "which he said",
		strings.Repeat("\u212A", 10), strings.Repeat("\u212A", 11), strings.Repeat("K", 31), "THEMSELVES, they said", "İt"}
	for r := rune(0); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		l := strings.ToLower(string(r))
		if 3*len(l) < utf8.RuneLen(r) {
			t.Fatalf("%U lower-cases to %q, less than a third of its bytes", r, l)
		}
		if len(l) == 1 && r >= utf8.RuneSelf {
			texts = append(texts, string(r), strings.Repeat(string(r), 3), "i"+string(r))
		}
	}
	for _, s := range texts {
		for _, w := range words {
			n := len(w)
			if got, want := lowerUpTo(s, n) == w, strings.ToLower(s) == w; got != want {
				t.Errorf("lowerUpTo(%q, %d) == %q is %v, ToLower says %v", s, n, w, got, want)
			}
		}
	}
}

// TestLowerIs: lowerIs(s, w) is strings.ToLower(s) == w for the words it
// is asked of, over texts in every case, texts with the runes that
// lower-case to ASCII (U+0130, U+212A) or that fold to an ASCII letter
// (U+017F), and the tokens of a BBC-like sentence; and no rune past ASCII
// lower-cases to an ASCII byte but "i" and "k" (what lowerIs relies on).
// It fails when case is not ignored.
func TestLowerIs(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= utf8.MaxRune; r++ {
		for _, c := range []byte(strings.ToLower(string(r))) {
			if c < utf8.RuneSelf && c != 'i' && c != 'k' {
				t.Fatalf("%U lower-cases to %q", r, strings.ToLower(string(r)))
			}
		}
	}
	words := []string{"but", ",", "and", "we"}
	texts := []string{"", "but", "But", "BUT", "bUt", "buts", "bu", "Butler", "\u0130", "\u212A", "\u017F", "b\u017Ft",
		"And", "AND", "an", "We", "WE", "w", ",", ";", "but,", "Bút"}
	texts = append(texts, strings.Fields("But the Prime Minister said , and WE know it ; BUT not Butter")...)
	for _, w := range words {
		for _, s := range texts {
			if got, want := lowerIs(s, w), strings.ToLower(s) == w; got != want {
				t.Errorf("lowerIs(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	}
}

// TestLowerHasSuffix: lowerHasSuffix(s, w) is
// strings.HasSuffix(strings.ToLower(s), w) over texts ending in the word
// in every case, after non-ASCII letters and invalid bytes, and in runes
// that lower-case or fold to ASCII. It fails when case is not ignored or
// the suffix is taken a byte off.
func TestLowerHasSuffix(t *testing.T) {
	words := []string{"nor", "or", "r", "but"}
	texts := []string{"", "r", "R", "or", "nor", "Nor", "NOR", "nOr", "Neither him, nor", "NEITHER HIM, NOR", "nor ",
		"honor", "HONOR", "minor", "NoR\xff", "\xffnor", "\xc3nor", "\xe2\x84nor", "éNOR", "\u0130nor", "no\u212Ar",
		"\u017Fnor", "n\u00d3r", "\u212Anor", "BUT", "rebut", "REBUT", "b\u00dat", "b\u017Ft", "tut", "ut"}
	for _, w := range words {
		for _, s := range texts {
			if got, want := lowerHasSuffix(s, w), strings.HasSuffix(strings.ToLower(s), w); got != want {
				t.Errorf("lowerHasSuffix(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	}
}
