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
		for i := range cs {
			cs[i] = candidate{node: &node{key: fmt.Sprintf("form %d.%d", r.IntN(1<<30), i)},
				rare: r.IntN(3), shared: r.IntN(4), words: 4 + r.IntN(3), weight: float64(r.IntN(3))}
		}
		k := 1 + r.IntN(n)
		want := slices.Clone(cs)
		slices.SortFunc(want, compareCandidates)
		got := slices.Clone(cs)
		selectBest(got, k)
		keys := func(cs []candidate) []string {
			var out []string
			for _, c := range cs {
				out = append(out, c.node.key)
			}
			slices.Sort(out)
			return out
		}
		if !slices.Equal(keys(got[:k]), keys(want[:k])) {
			t.Fatalf("round %d (%d candidates, best %d): selectBest kept another set than sorting", round, n, k)
		}
	}
}
