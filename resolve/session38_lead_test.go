package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestWhoAfterATimeSpan: "who" right after a plural that counts time
// ("not seen for over twenty years, who") is no group "twenty years";
// after a plural of people ("three farmers, who") it is still the group.
func TestWhoAfterATimeSpan(t *testing.T) {
	runChainCases(t, []chainCase{
		{"years", "Book\n\nThe next day he met an archbishop he had not seen for over twenty years, who said the book was good.",
			[]string{"who"}, []int{0}, "", ""},
		// near miss
		{"farmers", "Book\n\nThe next day the mayor spoke to the local farmers, who said the road was bad.",
			[]string{"who"}, []int{0}, "local farmers", claimtrail.SpeakerGroup},
	})
}

// TestNameAfterPossessiveModifies: a name between "their"/"his" and a
// noun ("to keep alive their Grand Slam hopes") is no person "He" may
// be; a person named on their own elsewhere still is.
func TestNameAfterPossessiveModifies(t *testing.T) {
	runChainCases(t, []chainCase{
		{"their Grand Slam hopes", "Rugby\n\nIreland fly-half Ronan Gara hailed the win. The Munster number 10 kicked 14 points to help keep alive their Grand Slam hopes. He told reporters he was pleased.",
			[]string{"He"}, []int{0}, "Ronan Gara", claimtrail.SpeakerPerson},
		// near miss
		{"named alone elsewhere", "Rugby\n\nThe fly-half Tam Vell kicked 14 points for Ireland. Fans sang their Tam Vell song. He told reporters he was pleased.",
			[]string{"He"}, []int{0}, "Tam Vell", claimtrail.SpeakerPerson},
	})
}
