package syntax

import "testing"

// TestLexASCIIMatchesRunes: the ASCII fast path must give the hashes and
// flags of the general one, or models trained with one misread words
// tagged with the other.
func TestLexASCIIMatchesRunes(t *testing.T) {
	for _, w := range []string{"a", "I", "the", "Said", "WALLACE", "U.S.", "2,000", "9/11", "1990s",
		"well-known", "don't", "x86", "$", "--", "e-mail", "McConnell", "ABCdef", "3.5", "Jr."} {
		if got, want := lexASCII(w), lexRunes(w); got != want {
			t.Errorf("%q: lexASCII %+v, lexRunes %+v", w, got, want)
		}
	}
}
