package extract

import (
	"testing"

	"github.com/claimtrail/claimtrail/segment"
)

// TestTitleAlone: a quote no cue claims that is a title (title case with
// its small words low, or right after the noun of a work) is not speech;
// one opening with a pronoun, or in sentence case, is.
func TestTitleAlone(t *testing.T) {
	cases := []struct {
		text string
		want bool
	}{
		{"Nobody listened. “The Death of the Shop on the High Street.” That was the chapter.", true},
		{"I wrote about it in my book, in the chapter “how we lost the shop on the high street.” Nobody listened.", true},
		{"The crowd chanted. “It’s ‘Showtime at the Harbour.’” The band played on.", false},
		{"I wrote about it in my book, in the chapter, “how we lost the shop on the high street.” Nobody listened.", false},
		{"The crowd chanted. “we will not be moved from this square today.” The police waited.", false},
	}
	for _, tc := range cases {
		d := segment.Segment(tc.text)
		if len(d.Quotes) == 0 {
			t.Fatalf("%q: no quote found", tc.text)
		}
		q := d.Quotes[0]
		if got := titleOfWork(d.Text, q) || titleAlone(d.Text, q); got != tc.want {
			t.Errorf("%q: title %v, want %v", tc.text, got, tc.want)
		}
	}
}
