package trail

import "testing"

// TestEmbeddedPhrase: a phrase quoted alone with a lower-case first word
// is the reporter's pick inside their own sentence; a quote standing
// alone that opens a sentence, and a phrase with a cue of its own, are
// not.
func TestEmbeddedPhrase(t *testing.T) {
	cases := []struct {
		name  string
		q     Quote
		first int
		want  bool
	}{
		{"phrase alone", Quote{Alone: true, Pieces: []string{"based on the Bible."}}, 0, true},
		{"phrase after a mark", Quote{Alone: true, Pieces: []string{"“… the lowest in years”"}}, 0, true},
		{"sentence alone", Quote{Alone: true, Pieces: []string{"We will not back down."}}, 0, false},
		{"phrase with a cue", Quote{Pieces: []string{"a disgrace"}}, 0, false},
		{"a later piece", Quote{Alone: true, Pieces: []string{"We said", "and more"}}, 1, false},
	}
	for _, tc := range cases {
		if got := embeddedPhrase([]Quote{tc.q}, run{q: 0, first: tc.first, end: len(tc.q.Pieces)}); got != tc.want {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
