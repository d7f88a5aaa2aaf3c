package segment

import (
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/internal/cputime"
)

// TestFindQuotesLinear: quote finding must stay linear in the marks, on
// the adversarial shapes of issue 11 (a run of unclosed marks made it
// quadratic). The branch that made it linear also compared it with the
// old quadratic code; that reference was dropped when the quote rules for
// real news changed what findQuotes returns (odd marks, reopened quotes).
func TestFindQuotesLinear(t *testing.T) {
	if testing.Short() {
		t.Skip("timing test")
	}
	noMarks := strings.NewReplacer("“", "(", "”", ")", "‘", "[", "’", "]")
	shapes := map[string]func(k int) string{
		"open":    func(k int) string { return strings.Repeat("“word ", k) },
		"close":   func(k int) string { return strings.Repeat("word” ", k) },
		"nested":  func(k int) string { return strings.Repeat("“a ‘b ", k/2) + strings.Repeat("c’ d” ", k/2) },
		"singles": func(k int) string { return strings.Repeat("‘word ", k/2) + strings.Repeat("” ", k/2) },
		"paras":   func(k int) string { return strings.Repeat("“word word\n\n", k/2) },
	}
	for name, mk := range shapes {
		text := mk(100000)
		plain := noMarks.Replace(text) // the same tokens, no quote marks
		tp, ts := cputime.MinPair(5, func() { Segment(plain) }, func() { Segment(text) })
		ratio := float64(ts) / float64(tp)
		t.Logf("%s: %.1fx", name, ratio)
		// Marks cost a few times a plain token (1.1-3x quiet, 7.2x once on
		// a busy CI run); the quadratic code this guards against took
		// seconds per 25k marks, hundreds of times the plain pass.
		if ratio > 20 {
			t.Errorf("%s: %d bytes took %.1fx the time without quote marks (%v, %v)", name, len(text), ratio, ts, tp)
		}
	}
}
