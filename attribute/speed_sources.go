package attribute

import "slices"

// sourceCands lists about 60 candidates a source ranking, 480,000 over
// BBC politics. It walked every end up to maxSourceLen past each start
// and skipped, one by one, the ends past the twelfth that do not meet
// the cue (long sources only right next to it), and appended each
// candidate through a composite literal. It now takes the first twelve
// ends, then the rest only for the start right after the cue, else only
// the two ends at the cue, in the same order, and writes each run of ends
// once grown (TestSourceCandsStopAtOverlap holds the list to testing
// every span).

// appendSources appends the source candidates [s, e) for e from e0 to e1
// inclusive, left of cue c when they end at its start or before, else
// right of it.
func appendSources(out []cand, c Range, s, e0, e1 int) []cand {
	if e1 < e0 {
		return out
	}
	n := len(out)
	out = slices.Grow(out, e1-e0+1)[:n+e1-e0+1]
	k := cand{r: Range{s, e0}, side: sideLeft}
	for i := range out[n:] {
		if k.r.End > c.Start {
			k.side = sideRight
		}
		out[n+i] = k
		k.r.End++
	}
	return out
}
