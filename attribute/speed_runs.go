package attribute

import "math"

// Most candidates of a cue are ruled out by rank's bound (their start and
// end parts with the largest pair part of their side stay below the
// second best so far), in runs that share a side and a start (right of
// the cue) or a side and an end (left of it). rank took each candidate
// of such a run through a loop that read its side, start and end to tell
// whether it still belonged to the run. The runs that appendEnds and
// appendStarts make carry their length (cand.ends, cand.starts), so
// pruneEnds and pruneStarts walk the ends or starts themselves, with the
// same memos and the same test on the same float32 values as rank's loop:
// the scores are the same. rank's loop then goes on from where they
// stopped, and tests the candidate that stopped them again (the same test,
// with the part now memoised).

// runLeft is a run's candidates from one on, within cand's int16 (a
// longer run is taken in parts: rank's loop goes on after the first).
func runLeft(n int) int16 { return int16(min(n, math.MaxInt16)) }

// pruneEnds rules out the candidates after k = cands[i] in k's run of
// ends while st (k's start part) plus the end part plus the bound b stays
// below second, as rank's loop does, and returns the index of the last
// one ruled out (i when none). sb is where the side's end memo starts.
func (v *view) pruneEnds(lm *linear, buf *spanBuf, role int, c Range, side int, cw uint64, k *cand, i, sb int, st, b, second float32) int {
	end, endGen, gen, scores := buf.end, buf.endGen, buf.gen, buf.scores
	negInf := float32(math.Inf(-1))
	j, e := i, k.r.End
	for last := i + int(k.ends) - 1; j < last; j++ {
		e++
		ej := sb + e
		if endGen[ej] != gen {
			end[ej], endGen[ej] = v.endScore(lm, buf, role, c, side, e, cw), gen
		}
		if !(st+end[ej]+b < second) {
			break
		}
		scores[j+1] = negInf
	}
	return j
}

// pruneStarts is pruneEnds for k's run of starts, with en k's end part;
// sb is where the side's start memo starts.
func (v *view) pruneStarts(lm *linear, buf *spanBuf, role int, c Range, side int, cw uint64, k *cand, i, sb int, en, b, second float32) int {
	start, startGen, gen, scores := buf.start, buf.startGen, buf.gen, buf.scores
	negInf := float32(math.Inf(-1))
	j, s := i, k.r.Start
	for last := i + int(k.starts) - 1; j < last; j++ {
		s++
		sj := sb + s
		if startGen[sj] != gen {
			start[sj], startGen[sj] = v.startScore(lm, buf, role, c, side, s, cw), gen
		}
		if !(start[sj]+en+b < second) {
			break
		}
		scores[j+1] = negInf
	}
	return j
}
