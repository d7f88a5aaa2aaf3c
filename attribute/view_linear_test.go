package attribute

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail/segment"
)

// TestQuoteTokensMatchWalk: the binary searches and the enclosing-quote
// stack of newView give what walking each quote's tokens and scanning
// back for its containers gave (the quadratic code they replace).
func TestQuoteTokensMatchWalk(t *testing.T) {
	pieces := []string{"word", "said", " ", " ", "\n\n", ".", ",", "\"", "'", "“", "”", "‘", "’", "„", "«", "»"}
	rng := rand.New(rand.NewPCG(3, 4))
	for iter := 0; iter < 2000; iter++ {
		var b strings.Builder
		for k := rng.IntN(80); k >= 0; k-- {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		d := segment.Segment(b.String())
		v := newView(d)
		for qi, q := range d.Quotes {
			first := 0
			for first < len(d.Tokens) && d.Tokens[first].Start < q.Start {
				first++
			}
			last := first
			for last < len(d.Tokens) && d.Tokens[last].End <= q.End {
				last++
			}
			outer := qi
			for k := qi - 1; k >= 0 && d.Quotes[outer].Depth > 0; k-- {
				if d.Quotes[k].Start <= d.Quotes[outer].Start && d.Quotes[outer].End <= d.Quotes[k].End {
					outer = k
				}
			}
			gf, gl := v.quoteTokens(qi)
			of, ol := v.outerQuote(qi)
			wf, wl := v.quoteTokens(outer)
			if gf != first || gl != last || of != wf || ol != wl {
				t.Fatalf("%q quote %d: tokens [%d,%d) outer [%d,%d), want [%d,%d) and [%d,%d)", b.String(), qi, gf, gl, of, ol, first, last, wf, wl)
			}
		}
	}
}
