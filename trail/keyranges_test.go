package trail

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestKeyRanges: the ranges cover every key once, in order, never split
// an attribution's pieces, and their bounds (lo, hi] hold their keys and
// run from math.MinInt64 to math.MaxInt64.
func TestKeyRanges(t *testing.T) {
	var keys []int64
	for id := int64(1); id <= 40; id++ {
		for piece := 0; piece < int(id%3)+1; piece++ {
			keys = append(keys, MemberKey(id, piece))
		}
	}
	for _, page := range []int{1, 2, 5, 7, 1000} {
		var got []int64
		last := int64(math.MinInt64)
		err := KeyRanges(keys, page, func(lo, hi int64, ks []int64) error {
			if lo != last {
				t.Errorf("page %d: range starts at %d, want %d", page, lo, last)
			}
			for _, k := range ks {
				if id, _ := SplitKey(k); id <= lo || id > hi {
					t.Errorf("page %d: key of attribution %d outside (%d, %d]", page, id, lo, hi)
				}
			}
			got = append(got, ks...)
			last = hi
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		if last != math.MaxInt64 || len(got) != len(keys) {
			t.Errorf("page %d: ended at %d with %d keys, want math.MaxInt64 and %d", page, last, len(got), len(keys))
		}
		for i := range got {
			if got[i] != keys[i] {
				t.Fatalf("page %d: key %d is %d, want %d", page, i, got[i], keys[i])
			}
		}
	}
}

// TestIndexKeyRanges: the index's KeyRanges, walking its key table,
// gives the ranges, bounds and keys of KeyRanges over the same keys in
// a slice, for pages that cut inside, at and past an attribution's
// pieces, and for an empty index.
func TestIndexKeyRanges(t *testing.T) {
	type rng struct {
		lo, hi int64
		keys   []int64
	}
	walk := func(ranges func(page int, fn func(lo, hi int64, keys []int64) error) error, page int) []rng {
		var out []rng
		if err := ranges(page, func(lo, hi int64, keys []int64) error {
			out = append(out, rng{lo, hi, slices.Clone(keys)})
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		return out
	}
	r := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{0, 1, 7, 500} {
		var kt keyTable
		var keys []int64
		id := int64(0)
		for range n {
			id += 1 + r.Int64N(4)
			for piece := range 1 + r.IntN(3) {
				keys = append(keys, MemberKey(id, piece))
			}
		}
		for _, i := range r.Perm(len(keys)) { // out of order too
			kt.set(keys[i], 1)
		}
		ix := &Index{byQuote: kt}
		for _, page := range []int{1, 2, 3, 10, 1000} {
			want := walk(func(page int, fn func(lo, hi int64, keys []int64) error) error {
				return KeyRanges(keys, page, fn)
			}, page)
			got := walk(ix.KeyRanges, page)
			if len(got) != len(want) {
				t.Fatalf("%d attributions, page %d: %d ranges, want %d", n, page, len(got), len(want))
			}
			for i := range want {
				if got[i].lo != want[i].lo || got[i].hi != want[i].hi || !slices.Equal(got[i].keys, want[i].keys) {
					t.Fatalf("%d attributions, page %d: range %d is (%d, %d] %v, want (%d, %d] %v",
						n, page, i, got[i].lo, got[i].hi, got[i].keys, want[i].lo, want[i].hi, want[i].keys)
				}
			}
		}
	}
}
