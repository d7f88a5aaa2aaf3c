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

// TestIntroducedUnnamedAcrossAnEmail: a description the article
// introduced without a name ("A professor at Wellmouth College") stays a
// description when used bare again after a long quoted email, not the
// student the story names most.
func TestIntroducedUnnamedAcrossAnEmail(t *testing.T) {
	const text = "Student fails essay over Australia\n\nA professor at Wellmouth College failed one of her student's essays because the professor thought Australia is not a country, according to a report in the Courier.\nAnn Lorrimer, 28, had to compare a norm in the US and another country. She chose Australia.\nThe professor, according to the Courier, failed Lorrimer because of a map.\nWhen Lorrimer complained, the professor said they would look again.\nIn another email exchange, Lorrimer correctly asserted that Australia is a country:\nAustralia is both a country and a continent, and I provided a resource in my first email that makes this clear to anyone who reads it with care and attention today.\nAustralia is both a country and a continent, and I provided a resource in my first email that makes this clear to anyone who reads it with care and attention today.\nAustralia is both a country and a continent, and I provided a resource in my first email that makes this clear to anyone who reads it with care and attention today.\nAustralia is both a country and a continent, and I provided a resource in my first email that makes this clear to anyone who reads it with care and attention today.\nAustralia is both a country and a continent, and I provided a resource in my first email that makes this clear to anyone who reads it with care and attention today.\nAustralia is both a country and a continent, and I provided a resource in my first email that makes this clear to anyone who reads it with care and attention today.\nAustralia is both a country and a continent, and I provided a resource in my first email that makes this clear to anyone who reads it with care and attention today.\nAustralia is both a country and a continent, and I provided a resource in my first email that makes this clear to anyone who reads it with care and attention today.\nAustralia is both a country and a continent, and I provided a resource in my first email that makes this clear to anyone who reads it with care and attention today.\nAustralia is both a country and a continent, and I provided a resource in my first email that makes this clear to anyone who reads it with care and attention today.\nAustralia is both a country and a continent, and I provided a resource in my first email that makes this clear to anyone who reads it with care and attention today.\nAustralia is both a country and a continent, and I provided a resource in my first email that makes this clear to anyone who reads it with care and attention today.\nLorrimer sent the link again.\nThe professor said they would take Lorrimer's concerns into account.\n"
	runChainCases(t, []chainCase{
		{"after an email", text, []string{"The professor"}, []int{1}, "professor", claimtrail.SpeakerDescription},
	})
}
