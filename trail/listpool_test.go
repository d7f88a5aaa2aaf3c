package trail

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestListPool: lists set, grown past their block, changed in place,
// shrunk and dropped keep their forms, whatever else the pool holds,
// and a freed block or number serves the next list. It checks the pool
// against plain slices through random steps.
func TestListPool(t *testing.T) {
	for _, most := range []int{3, 5, 64, 300, poolChunk + 10} {
		t.Run(fmt.Sprint(most), func(t *testing.T) {
			r := rand.New(rand.NewPCG(uint64(most), 7))
			var lp listPool
			want := map[int][]int32{}
			steps := 3000
			if most > poolChunk {
				steps = 40
			}
			for step := range steps {
				var ids []int
				for i := range want {
					ids = append(ids, i)
				}
				slices.Sort(ids)
				switch op := r.IntN(4); {
				case op == 0 || len(ids) == 0: // a new list
					l := make([]int32, 3+r.IntN(most-2))
					for i := range l {
						l[i] = int32(r.IntN(1 << 20))
					}
					i := lp.set(-1, l)
					if _, taken := want[i]; taken {
						t.Fatalf("step %d: number %d given twice", step, i)
					}
					want[i] = slices.Clone(l)
				case op == 1: // append, past the block or not
					i := ids[r.IntN(len(ids))]
					if len(want[i]) >= most {
						continue
					}
					l := append(lp.get(i), int32(step))
					lp.set(i, l)
					want[i] = append(want[i], int32(step))
				case op == 2: // change in place (a full list's insert)
					i := ids[r.IntN(len(ids))]
					l := lp.get(i)
					k := r.IntN(len(l))
					copy(l[k+1:], l[k:len(l)-1])
					l[k] = int32(-step)
					w := want[i]
					copy(w[k+1:], w[k:len(w)-1])
					w[k] = int32(-step)
				default: // delete one; drop at two (the map holds those)
					i := ids[r.IntN(len(ids))]
					k := r.IntN(len(want[i]))
					if len(want[i]) == 3 {
						lp.drop(i)
						delete(want, i)
						continue
					}
					lp.set(i, slices.Delete(lp.get(i), k, k+1))
					want[i] = slices.Delete(want[i], k, k+1)
				}
				for i, w := range want {
					if got := lp.get(i); !slices.Equal(got, w) {
						t.Fatalf("step %d: list %d is %v, want %v", step, i, got, w)
					}
				}
			}
		})
	}
}
