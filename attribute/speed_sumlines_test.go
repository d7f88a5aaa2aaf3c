package attribute

import (
	"math/rand/v2"
	"testing"
)

// TestSumLines: sumQ (sumLines) is the sum of the q of its features'
// rows as packed.row finds them, over random features of a model whose
// bitmap words hold up to 64 rows (past the 12 a line keeps: its rows
// from q) and of the shipped rankers, features of every row of every
// line among them, present and absent, with high bits set that the mask
// drops. It fails when a row past a line's q, or an absent one, is read
// from the line.
func TestSumLines(t *testing.T) {
	check := func(name string, m *linear) {
		p := m.packed
		rng := rand.New(rand.NewPCG(9, 10))
		past, present := 0, 0
		for range 20000 {
			feats := make([]uint64, rng.IntN(16))
			var want int32
			for k := range feats {
				f := rng.Uint64()
				feats[k] = f
				if i, ok := p.row(f&m.mask, 1); ok {
					want += int32(p.q[i])
					present++
					l := p.lines[(f&m.mask)>>6]
					if j := bitsBelow(l.present, f&63); j >= len(l.q) {
						past++
					}
				}
			}
			if got := m.sumQ(feats); got != want {
				t.Fatalf("%s: sumQ(%x) = %d, want %d", name, feats, got, want)
			}
		}
		if present == 0 {
			t.Fatalf("%s: no feature of a present row", name)
		}
		t.Logf("%s: %d features of present rows, %d past their line's q", name, present, past)
	}
	m, _ := sparseRandomModel(7, 8)
	check("random", m)
	shipped := shippedModel(t)
	check("content", shipped.content)
	check("source", shipped.source)
	if m.sumQ(nil) != 0 || (&linear{packed: &packed{}}).sumQ([]uint64{1, 2}) != 0 {
		t.Fatal("sumQ of no features or of a model without lines is not 0")
	}
}

// bitsBelow counts the bits of x below bit b.
func bitsBelow(x, b uint64) int {
	n := 0
	for k := range b {
		n += int(x >> k & 1)
	}
	return n
}
