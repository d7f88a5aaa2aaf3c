package trail

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// TestKeyTable: the key table answers as a map would, through keys in
// and out of order, removals and compactions.
func TestKeyTable(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	var kt keyTable
	want := map[int64]int32{}
	next := int64(0)
	for i := range 200_000 {
		var k int64
		switch r.IntN(10) {
		case 0, 1: // out of order
			k = r.Int64N(next + 1)
		default: // in order
			next += 1 + r.Int64N(3)
			k = next
		}
		if r.IntN(4) == 0 {
			kt.del(k)
			delete(want, k)
		} else {
			f := int32(i % 1000)
			kt.set(k, f)
			want[k] = f
		}
	}
	if kt.len() != len(want) {
		t.Fatalf("len %d, want %d", kt.len(), len(want))
	}
	for k, f := range want {
		if got, ok := kt.get(k); !ok || got != f {
			t.Fatalf("key %d: %d %v, want %d", k, got, ok, f)
		}
	}
	for k := range next + 1 {
		if _, ok := want[k]; !ok {
			if _, ok := kt.get(k); ok {
				t.Fatalf("removed key %d still there", k)
			}
		}
	}
	var keys []int64
	kt.each(func(k int64, f int32) {
		if want[k] != f {
			t.Fatalf("each: key %d form %d, want %d", k, f, want[k])
		}
		keys = append(keys, k)
	})
	slices.Sort(keys)
	if len(slices.Compact(keys)) != len(want) {
		t.Fatalf("each gave %d distinct keys, want %d", len(keys), len(want))
	}
}
