package attribute

import "testing"

// The cue tagger skips only tags that never start a cue; verbs and nouns
// of saying, and untagged tokens (the fast mode), must still be scored.
func TestNeverStartsCue(t *testing.T) {
	for _, tc := range []struct {
		pos  string
		skip bool
	}{
		{"VBD", false}, {"VBZ", false}, {"VBG", false}, {"NN", false}, {"NNS", false},
		{"RB", false}, {"MD", false}, {"TO", false}, {":", false}, {"", false},
		{".", true}, {",", true}, {"DT", true}, {"NNP", true}, {"PRP", true}, {"``", true},
	} {
		if got := neverStartsCue(tc.pos); got != tc.skip {
			t.Errorf("neverStartsCue(%q) = %v, want %v", tc.pos, got, tc.skip)
		}
	}
}
