package trail

import (
	"math"
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
