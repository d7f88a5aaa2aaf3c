package attribute

import "testing"

// TestFlagMemo: every input in range has a slot of its own, and an input
// out of range (a negative bucket, a shape shapeOf does not give) none,
// so that it goes to the hashed memo. It fails when two inputs share a
// slot. (TestStartEndScoresAsScore holds the scores read through the
// memo to score.)
func TestFlagMemo(t *testing.T) {
	var fm flagMemo
	seen := map[*flagSum]string{}
	claim := func(s *flagSum, what string) {
		if s == nil {
			t.Fatalf("%s: no slot", what)
		}
		if other, ok := seen[s]; ok {
			t.Fatalf("%s: the slot of %s", what, other)
		}
		seen[s] = what
	}
	for side := 1; side <= numSides; side++ {
		for nb := range numBuckets {
			for qo := range 2 {
				claim(fm.start(side, nb, qo), "start")
			}
			for atEnd := range 4 {
				for qc := range 2 {
					for _, sh := range []byte{'X', 'x', 'd', 'q', 'p'} {
						claim(fm.end(side, nb, atEnd, qc, int(sh)), "end")
					}
				}
			}
		}
	}
	for _, tc := range []struct {
		name string
		slot *flagSum
	}{
		{"start, bucket -1", fm.start(sideLeft, -1, 0)},
		{"start, bucket 10", fm.start(sideLeft, numBuckets, 0)},
		{"start, side 0", fm.start(0, 1, 0)},
		{"end, bucket -2", fm.end(sideLeft, -2, 0, 0, 'x')},
		{"end, shape 'z'", fm.end(sideLeft, 1, 0, 0, 'z')},
		{"end, shape past a byte", fm.end(sideLeft, 1, 0, 0, 'x'+256)},
		{"end, sentence-end kind 4", fm.end(sideLeft, 1, 4, 0, 'x')},
	} {
		if tc.slot != nil {
			t.Errorf("%s: a slot", tc.name)
		}
	}
}
