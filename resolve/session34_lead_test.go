package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestListOfNames: a source that lists names, "A, B and C", is all of
// them, also with "the" before a name, "&" or "of" inside one, a title
// before one or a plural phrase closing the list.
func TestListOfNames(t *testing.T) {
	runChainCases(t, []chainCase{
		{"the and &", "Presses\n\nIn recent months the Dunmore Media Group, Trellis Print and the Daily Post & General Trust have all announced new plants.",
			[]string{"the Dunmore Media Group, Trellis Print and the Daily Post & General Trust"}, []int{0},
			"Dunmore Media Group, Trellis Print and the Daily Post & General Trust", claimtrail.SpeakerGroup},
		{"a plural phrase last", "Search\n\nThe market is crowded as Qoogle, Vexa, Yandel and many smaller firms tout their programs.",
			[]string{"Qoogle, Vexa, Yandel and many smaller firms"}, []int{0},
			"Qoogle, Vexa, Yandel and many smaller firms", claimtrail.SpeakerGroup},
	})
}
