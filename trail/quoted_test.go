package trail

import (
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail/internal/cputime"
)

// TestQuotedTextLinear holds QuotedText (and the clustering of such a
// quote) linear in the number of quote marks: one long quote followed by
// many short ones took time quadratic in their number. The time for n
// marks is compared with that for n/8 in the same process; linear gives
// about 8x, quadratic 64x. CPU time, not wall-clock time, and the two
// sizes run alternately, so that a busy machine moves both alike.
func TestQuotedTextLinear(t *testing.T) {
	build := func(n int) string {
		return "“" + strings.Repeat("word ", n) + "” " + strings.Repeat("“a” ", n)
	}
	run := func(n int) func() {
		s := build(n)
		return func() {
			ix := NewIndex(nil)
			ix.Add(Quote{ID: 1, Text: s})
			ix.Add(Quote{ID: 2, Text: s[:len(s)/2]})
			ix.Clusters(1)
		}
	}
	small, large := cputime.MinPair(5, run(2500), run(20000))
	ratio := float64(large) / float64(max(small, time.Microsecond))
	t.Logf("2,500 marks %v, 20,000 marks %v (x%.1f)", small, large, ratio)
	if ratio > 32 {
		t.Errorf("8x the quote marks took %.1fx the time: not linear", ratio)
	}
	if got := QuotedText(build(5)); got != "word word word word word " {
		t.Errorf("QuotedText kept %q, want the longest part", got)
	}
}
