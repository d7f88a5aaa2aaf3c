package attribute

import (
	"math"
	"testing"
)

// TestFillRuns: appendEnds and appendStarts (through fillEnds and
// fillStarts) write every field of each candidate, as the composite
// literal did, over a buffer whose spare capacity holds stale candidates
// (a pooled spanBuf's), and a run longer than an int16 counts its length
// from runLeft. It fails when a field is left from the stale candidate.
func TestFillRuns(t *testing.T) {
	stale := cand{r: Range{99, 98}, side: sideSplit, ends: 77, starts: 66, gap: Range{5, 6}}
	for _, n := range []int{1, 2, 150, math.MaxInt16 + 10} {
		buf := make([]cand, 1, n+1)
		spoil := func() []cand {
			for i := range buf[:cap(buf)] {
				buf[:cap(buf)][i] = stale
			}
			return buf[:1]
		}
		got := appendEnds(spoil(), 3, 4, 4+n-1, sideRight)
		if &got[0] != &buf[0] {
			t.Fatal("appendEnds did not fill the buffer's capacity")
		}
		for i, k := range got[1:] {
			want := cand{r: Range{3, 4 + i}, side: sideRight, ends: runLeft(n - i)}
			if k != want {
				t.Fatalf("ends, run of %d: candidate %d %+v, want %+v", n, i, k, want)
			}
		}
		got = appendStarts(spoil(), 2, 2+n, sideLeft)
		for i, k := range got[1:] {
			want := cand{r: Range{2 + i, 2 + n}, side: sideLeft, starts: runLeft(n - i)}
			if k != want {
				t.Fatalf("starts, run of %d: candidate %d %+v, want %+v", n, i, k, want)
			}
		}
	}
}
