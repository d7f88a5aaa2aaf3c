package cputime

import "testing"

// TestMeasureGrows: more work takes more CPU time, and never a negative
// amount.
func TestMeasureGrows(t *testing.T) {
	spin := func(n int) func() {
		return func() {
			x := 0
			for i := 0; i < n; i++ {
				x += i ^ (x >> 3)
			}
			sink = x
		}
	}
	small := Min(3, spin(1<<20))
	large := Min(3, spin(1<<26))
	if small < 0 || large <= small {
		t.Errorf("CPU time of 64x the work: %v vs %v", large, small)
	}
}

var sink int
