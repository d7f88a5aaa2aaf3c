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

// TestExampleLabelNamesNoOne: a how-to page's "Example:" before a quote
// is no person, so a quote standing alone after it is nobody's.
func TestExampleLabelNamesNoOne(t *testing.T) {
	const page = "Words\n\nUse the word only when you mean it. Example: “That was so funny I cried.” Which is possible.\n\nDon't overdo it.\n\n“I was so tired I slept for a week,” we get your point."
	runChainCases(t, []chainCase{
		{"a quote after the label", page, []string{"Example"}, []int{0}, "", claimtrail.SpeakerUnknown},
	})
}
