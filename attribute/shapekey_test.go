package attribute

import (
	"testing"

	"github.com/claimtrail/claimtrail/segment"
)

// TestShapeKeyWrittenOut: shapeKey, with pairShape written out, gives
// the key pairShape's values make, for every span of a made-up text.
func TestShapeKeyWrittenOut(t *testing.T) {
	text := "The mayor said: \"We will not pay twice.\" Critics, who met on Monday, disagreed.\n\n" +
		"\"It is,\" she added, \"a 'fair' deal. And 'wow.' \"We are done.\" Officials, citing rules, said the tolls would rise."
	v := newView(segment.Segment(text))
	n := len(v.lw)
	for role := roleContent; role <= roleSource; role++ {
		for side := 1; side <= numSides; side++ {
			for s := range n {
				for e := s + 1; e <= n; e++ {
					exact, partial, cross := v.pairShape(s, e)
					k := (role-1)*numSides + side - 1
					k = k*10 + bucket(e-s)
					k = k*3 + exact
					k = k*3 + cross
					k = k*2 + partial
					k = k*3 + count3(v.verbsBefore[e]-v.verbsBefore[s])
					k = k*3 + count3(v.commasBefore[e]-v.commasBefore[s])
					if got := v.shapeKey(role, side, s, e); got != k {
						t.Fatalf("shapeKey(%d, %d, %d, %d) = %d, want %d", role, side, s, e, got, k)
					}
				}
			}
		}
	}
}
