package attribute

// appendEnds and appendStarts write the content candidates of a cue,
// about 3,800 an article. They built each from a composite literal: the
// compiler zeroed the candidate's five words, then stored its fields, and
// reloaded three of the loop's values from the stack each time, about 25
// instructions a candidate (go tool objdump). fillEnds and fillStarts copy
// one candidate held in registers and step its end or start and its run's
// length: the same candidates (TestAppendRuns, TestFillRuns).

// fillEnds sets run[k] to first with its end k further on and ends the
// length of the run left from it (runLeft).
func fillEnds(run []cand, first cand) {
	k := first
	for i := range run {
		k.ends = runLeft(len(run) - i)
		run[i] = k
		k.r.End++
	}
}

// fillStarts is fillEnds for a run of starts.
func fillStarts(run []cand, first cand) {
	k := first
	for i := range run {
		k.starts = runLeft(len(run) - i)
		run[i] = k
		k.r.Start++
	}
}
