package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestAgeDescription: "the 64-year-old" stands for the person just named.
func TestAgeDescription(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"the person just named", "Marta Quiroga won the final on Sunday. The 29-year-old said the wind had made it hard.", "The 29-year-old", 0, "Marta Quiroga", claimtrail.SpeakerPerson},
		{"with a noun after a name", "Veteran actor Dermot Ashby attacked modern films on Tuesday. The 67-year-old also said he had lost his spark.", "The 67-year-old", 0, "Dermot Ashby", claimtrail.SpeakerPerson},
		// near misses: an indefinite age is someone new, and a group of ages is no one
		{"indefinite", "Marta Quiroga won the final on Sunday. A 12-year-old said the match was thrilling.", "A 12-year-old", 0, "", ""},
		{"not an age", "Marta Quiroga won the final on Sunday. The 29-year-olds said the match was thrilling.", "The 29-year-olds", 0, "", ""},
	})
}

func TestAgeNoun(t *testing.T) {
	for w, want := range map[string]bool{"64-year-old": true, "7-year-old": true, "year-old": false, "-year-old": false, "six-year-old": false, "64-year-olds": false, "64-years-old": false} {
		if got := ageNoun(w); got != want {
			t.Errorf("ageNoun(%q) = %v, want %v", w, got, want)
		}
	}
}
