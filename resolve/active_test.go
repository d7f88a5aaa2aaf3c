package resolve

import (
	"math/rand"
	"testing"
)

// TestActiveSet: last(i) is the greatest active index <= i, as a scan
// back finds it, while slots are activated in any order.
func TestActiveSet(t *testing.T) {
	rng := rand.New(rand.NewSource(1))
	for _, n := range []int{0, 1, 2, 3, 7, 8, 9, 100} {
		ms := make([]nameMention, n)
		for i := range ms {
			ms[i].ent = -1
			if rng.Intn(3) == 0 {
				ms[i].ent = 0
			}
		}
		var s activeSet
		s.reset(ms)
		for step := 0; step <= n; step++ {
			for i := -1; i < n; i++ {
				want := i
				for want >= 0 && ms[want].ent < 0 {
					want--
				}
				got := -1
				if i >= 0 {
					got = s.last(i)
				}
				if got != want {
					t.Fatalf("n=%d step %d: last(%d) = %d, want %d", n, step, i, got, want)
				}
			}
			if n > 0 {
				if j := rng.Intn(n); ms[j].ent < 0 {
					ms[j].ent = 0
					s.add(j)
				}
			}
		}
	}
}
