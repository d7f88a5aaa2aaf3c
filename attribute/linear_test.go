package attribute

import (
	"math/rand/v2"
	"os"
	"testing"
)

// TestLineTableScores: a one-class table scored through its lines gives
// the scores the blocks and q give, and the shipped model's span rankers
// fit in lines (else they silently fall back to the slower layout).
func TestLineTableScores(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, density := range []int{2, 8, 20} {
		m := newLinear(12, 1)
		for i := range m.W {
			if rng.IntN(100) < density {
				m.W[i] = float32(rng.NormFloat64() * 3)
			}
		}
		m.pack()
		p := m.packed
		if p.lineTable() == nil {
			t.Fatalf("density %d%%: no line table", density)
		}
		feats := make([]uint64, 0, 40)
		for iter := 0; iter < 2000; iter++ {
			feats = feats[:0]
			for k := rng.IntN(40); k >= 0; k-- {
				feats = append(feats, rng.Uint64())
			}
			got := m.score(feats)
			var a int32
			for _, f := range feats {
				if i, ok := p.row(f&m.mask, 1); ok {
					a += int32(p.q[i])
				}
			}
			if want := float32(a) * p.scale; got != want {
				t.Fatalf("density %d%%: score %v through lines, %v through blocks", density, got, want)
			}
		}
	}
	// a line with more rows than it holds: no line table
	m := newLinear(8, 1)
	for i := 0; i <= lineRows; i++ {
		m.W[i] = 1
	}
	m.pack()
	if m.packed.lineTable() != nil {
		t.Errorf("%d rows in one line gave a line table", lineRows+1)
	}

	f, err := os.Open("../extract/models/attribution.model.gz")
	if err != nil {
		t.Skip(err)
	}
	defer f.Close()
	sm, err := ReadModel(f)
	if err != nil {
		t.Fatal(err)
	}
	for name, l := range map[string]*linear{"content": sm.content, "source": sm.source} {
		if l.packed.lineTable() == nil {
			t.Errorf("the default model's %s table does not fit in lines", name)
		}
	}
}
