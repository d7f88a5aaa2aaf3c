package trail

import (
	"math"
	"testing"
)

// TestMatchAbove holds matchAbove to match wherever better can tell
// them apart: for every pair of a form and a candidate the search keeps
// for it (synthetic set: cuts, variants, elisions and stock phrases
// with speakers; news-like quotes of a Zipf vocabulary), and for parents
// so far of several similarities (speech link, overlaps, the least cut,
// the pair's own similarity and the values beside it), matchAbove
// finds every match of at least that similarity with the same
// similarity, and none that match does not.
func TestMatchAbove(t *testing.T) {
	for _, tt := range []struct {
		name   string
		quotes []Quote
	}{
		{"synthetic", func() []Quote {
			var qs []Quote
			for _, q := range synthSet(3, 300, 150) {
				qs = append(qs, q.Quote)
			}
			return qs
		}()},
		{"news-like", func() []Quote {
			g := newQuoteGen(7)
			var qs []Quote
			for range 3000 {
				qs = append(qs, g.quote())
			}
			return qs
		}()},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ix := NewIndex(nil)
			for _, q := range tt.quotes {
				ix.Add(q)
			}
			pairs, matched, pruned := 0, 0, 0
			for _, n := range ix.forms() {
				if !matchable(n) || shortForm(n) {
					continue
				}
				// worthMatching's buffer is reused: copy it.
				cs := append([]candidate(nil), ix.worthMatching(n)...)
				for _, c := range cs {
					short, long := n, c.node
					if !ix.outranks(long, short) {
						short, long = long, short
					}
					s, ok := ix.match(short, long, c.bound)
					pairs++
					if ok {
						matched++
					}
					for _, th := range []float64{speechDiscount, 0.02, 0.2, overlapDiscount, MinSimilarity, 0.9, 1,
						s, math.Nextafter(s, 0), math.Nextafter(s, 2)} {
						a, aok := ix.matchAbove(short, long, c.bound, n, th)
						switch {
						case ok && s >= th && (!aok || a != s):
							t.Fatalf("%q in %q: match %v, matchAbove of a parent at %v: %v %v", ix.keyOf(short), ix.keyOf(long), s, th, a, aok)
						case aok && (!ok || a != s):
							t.Fatalf("%q in %q: matchAbove of a parent at %v: %v, match %v %v", ix.keyOf(short), ix.keyOf(long), th, a, s, ok)
						case ok && !aok:
							pruned++
						}
					}
				}
			}
			t.Logf("%d pairs, %d matched, %d matches below a parent ruled out", pairs, matched, pruned)
			if matched == 0 || pruned == 0 {
				t.Fatal("no matches, or none ruled out: the test does not reach matchAbove's bounds")
			}
		})
	}
}
