package attribute

import (
	"math/rand/v2"
	"testing"
)

// TestCueMemo: a cueMemo slot holds pairBound's bound, the same float,
// and the q of pairCueFeat of each length bucket, for both rankers'
// models, every role and side and cue words enough to share slots (600
// words, ten roles and sides each, in 2,048 slots, asked in turn several
// times, so that slots are taken over and filled again). It fails when a
// slot is read for another word or the bound is summed otherwise. (TestRankBound checks rank,
// which reads the bounds and q from the memo, against full scoring.)
func TestCueMemo(t *testing.T) {
	m := shippedModel(t)
	rng := rand.New(rand.NewPCG(3, 4))
	words := []uint64{strHash("said"), strHash("told"), strHash("according"), strHash("says")}
	for range 596 {
		words = append(words, rng.Uint64())
	}
	var cm cueMemo
	checked := 0
	// a word's roles and sides asked one after another, so that two of
	// them sharing a slot meet there
	for round := range 3 {
		for k, cw := range words {
			if (k+round)%3 == 0 {
				continue // not every word every round
			}
			for _, role := range []int{roleContent, roleSource} {
				lm := m.content
				if role == roleSource {
					lm = m.source
				}
				if lm.packed == nil || lm.packed.id == 0 {
					t.Fatalf("role %d: the shipped model has no packed id", role)
				}
				for side := 1; side <= numSides; side++ {
					s := cm.get(lm, role, side, cw)
					if want := pairBound(lm, role, side, cw); s.bound != want {
						t.Fatalf("role %d side %d word %d: bound %v, want %v", role, side, k, s.bound, want)
					}
					for nb := range numBuckets {
						if want := lm.packed.sum1(lm, pairCueFeat(role, side, nb, cw)); s.q[nb] != want {
							t.Fatalf("role %d side %d word %d bucket %d: q %d, want %d", role, side, k, nb, s.q[nb], want)
						}
					}
					checked++
				}
			}
		}
	}
	if checked == 0 {
		t.Fatal("nothing checked")
	}
}
