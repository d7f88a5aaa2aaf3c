package attribute

// bestPair ranks sources for the best two contents of a cue. It took
// them with topK from a copy of every content candidate's score (the
// source rankings that follow write over buf.scores): about 270
// candidates a cue, most of them ruled out at -Inf, scanned and copied
// for two indices. rank already keeps the best and the second score as
// it goes; it keeps the runner-up's index beside them (spanBuf.second),
// the candidate topK(scores, 2) gives second: a later score ties the
// best only as the runner-up (the earlier of equal scores first, as
// topK), and an earlier runner-up keeps its place against a later equal
// one. Candidates rank rules out are below the second score when ruled
// out, so they are neither (TestTopTwo).

// topTwo returns the best content b and the runner-up of the last rank
// (-1: none), best first, with their scores.
func topTwo(b int, buf *spanBuf) (top [2]int, scores [2]float32) {
	top = [2]int{b, buf.second}
	scores[0] = buf.scores[b]
	if top[1] >= 0 {
		scores[1] = buf.scores[top[1]]
	}
	return top, scores
}
