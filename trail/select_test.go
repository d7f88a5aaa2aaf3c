package trail

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestSelectBest holds selectBest to what sorting by compareCandidates
// and cutting would keep, on candidates with many ties in every key but
// the form's.
func TestSelectBest(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for round := range 300 {
		n := 1 + r.IntN(400)
		cs := make([]candidate, n)
		ix := NewIndex(nil)
		for i := range cs {
			f, _ := ix.place(Quote{ID: int64(i), Text: fmt.Sprintf("form w%d w%d", r.IntN(1<<30), i)})
			cs[i] = candidate{node: f, rare: r.IntN(3), shared: r.IntN(4), words: 4 + r.IntN(3), weight: float64(r.IntN(3))}
		}
		k := 1 + r.IntN(n)
		want := slices.Clone(cs)
		slices.SortFunc(want, ix.compareCandidates)
		got := slices.Clone(cs)
		ix.selectBest(got, k)
		keys := func(cs []candidate) []string {
			var out []string
			for _, c := range cs {
				out = append(out, ix.keyOf(c.node))
			}
			slices.Sort(out)
			return out
		}
		if !slices.Equal(keys(got[:k]), keys(want[:k])) {
			t.Fatalf("round %d (%d candidates, best %d): selectBest kept another set than sorting", round, n, k)
		}
	}
}
