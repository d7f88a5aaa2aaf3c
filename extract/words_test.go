package extract

import (
	"context"
	"testing"
)

// TestWordsOf: "In X's words," and "In the words of X," give the quotation
// after them to X; "In other words," and a phrase of a prayer do not.
func TestWordsOf(t *testing.T) {
	e := newExtractor(t)
	for _, tc := range []struct{ name, para, speaker, cue string }{
		{"possessive", `In Dr. Kovacs's words, "Could the moment the brain believes it has enough evidence be tied to awareness?"`, "Anna Kovacs", "In Dr. Kovacs's words"},
		{"words of, apposition", `In the words of Tom Reyes, a co-author of the study: "It was a surprise to all of us."`, "Tom Reyes", "In the words of"},
		{"in other words", `In other words, "the brain decides before we know it."`, "", ""},
		{"a prayer", `In the words of a prayer: "Give us this day our daily bread."`, "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			text := "Brain study\n\nThe study was led by Anna Kovacs and Tom Reyes, who spoke to reporters on Monday.\n\n" + tc.para + "\n\n“It is a fine result,” said Lee Park, who was not involved.\n"
			x, err := e.Extract(context.Background(), text)
			if err != nil {
				t.Fatal(err)
			}
			got := false
			for _, a := range x.Attributions {
				if a.Cue != nil && a.Cue.Text == tc.cue {
					got = true
					if a.Speaker.Name != tc.speaker {
						t.Errorf("speaker %q, want %q", a.Speaker.Name, tc.speaker)
					}
				}
				if tc.cue == "" && a.Cue != nil && len(a.Cue.Text) > 3 && a.Cue.Text[:3] == "In " {
					t.Errorf("cue %q made from %q", a.Cue.Text, tc.para)
				}
			}
			if tc.cue != "" && !got {
				t.Errorf("no attribution with cue %q", tc.cue)
			}
		})
	}
}
