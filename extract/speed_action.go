package extract

// actionLemma reports whether actionSense has a rule for a cue of verb
// lemma: for any other it says false whatever the content, so it stops
// before lower-casing and splitting the content (0.7% of the default
// mode's instructions on BBC articles did that for "say" and the like).
// TestActionLemma holds the list to actionSense's cases.
func actionLemma(lemma string) bool {
	switch lemma {
	case "appoint", "name", "add", "admit", "claim", "dismiss", "pass", "write", "order", "repeat":
		return true
	}
	return false
}
