package attribute

import (
	"slices"
	"testing"
)

// TestAppendRuns: appendEnds and appendStarts append what an append a
// candidate did, in the same order, after what out held, empty runs too,
// each candidate with the length of its run from it on.
func TestAppendRuns(t *testing.T) {
	prefix := []cand{{r: Range{7, 9}, side: sideWrap, gap: Range{1, 2}}}
	for _, tc := range []struct{ s, a, b int }{{3, 4, 10}, {3, 4, 4}, {3, 5, 4}, {0, 1, 150}, {5, 0, 5}, {5, 5, 5}, {6, 2, 5}} {
		var want []cand
		want = append(want, prefix...)
		for e := tc.a; e <= tc.b; e++ {
			want = append(want, cand{r: Range{tc.s, e}, side: sideRight, ends: int16(tc.b - e + 1)})
		}
		got := appendEnds(append([]cand(nil), prefix...), tc.s, tc.a, tc.b, sideRight)
		if !slices.Equal(got, want) {
			t.Errorf("appendEnds(%d, %d, %d) = %v, want %v", tc.s, tc.a, tc.b, got, want)
		}
		// starts from a up to e = b
		want = append(want[:0], prefix...)
		for s := tc.a; s < tc.b; s++ {
			want = append(want, cand{r: Range{s, tc.b}, side: sideLeft, starts: int16(tc.b - s)})
		}
		got = appendStarts(append([]cand(nil), prefix...), tc.a, tc.b, sideLeft)
		if !slices.Equal(got, want) {
			t.Errorf("appendStarts(%d, %d) = %v, want %v", tc.a, tc.b, got, want)
		}
	}
}
