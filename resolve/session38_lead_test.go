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

// TestJoinedAcrossAside: two persons' full names joined by "and" after an
// aside ("Rep. Tam Vell (R-Iowa) and Rep. Ann Dorsey (R-Minn.)", "Former
// PM Tam Vell, and former PM Ann Dorsey,") speak together; names after a
// relative clause that names who is in a group are no speakers.
func TestJoinedAcrossAside(t *testing.T) {
	runChainCases(t, []chainCase{
		{"brackets", "Vote\n\nRep. Tam Vell (R-Iowa) and Rep. Ann Dorsey (R-Minn.) said Thursday the bill was bad.",
			[]string{"Rep. Tam Vell (R-Iowa) and Rep. Ann Dorsey (R-Minn.)"}, []int{0}, "Tam Vell and Ann Dorsey", claimtrail.SpeakerGroup},
		{"commas", "Vote\n\nFormer prime minister Tam Vell, and former prime minister Ann Dorsey, have called for a new vote.",
			[]string{"Former prime minister Tam Vell, and former prime minister Ann Dorsey,"}, []int{0}, "Tam Vell and Ann Dorsey", claimtrail.SpeakerGroup},
		{"three", "Vote\n\nJeff Vell (D-Ore.), Ann Dorsey (D-Ohio) and Joe Pike (D-N.J.) all said the claims were grounds for a case.",
			[]string{"Jeff Vell (D-Ore.), Ann Dorsey (D-Ohio) and Joe Pike (D-N.J.)"}, []int{0}, "Jeff Vell, Ann Dorsey and Joe Pike", claimtrail.SpeakerGroup},
		// near miss
		{"relative clause", "Vote\n\nLabour's Ann Dorsey MP, who leads the group that includes former ministers Joe Pike, Tam Vell, and Nick Boles, said the plan was bad.",
			[]string{"Labour's Ann Dorsey MP, who leads the group that includes former ministers Joe Pike, Tam Vell, and Nick Boles,"}, []int{0}, "Ann Dorsey", claimtrail.SpeakerPerson},
	})
}

// TestNameWithItsInitials: a name the article shortens to its initials
// in brackets ("Quarto Games (QG)") is a body's, not a person's; a
// person's name before a party's letters ("Ann Vell (Lab)") stays a
// person's.
func TestNameWithItsInitials(t *testing.T) {
	runChainCases(t, []chainCase{
		{"initials", "Deal\n\nQuarto Games (QG) makes the best-selling football game. Quarto Games said it would buy 19.9% of the firm.",
			[]string{"Quarto Games"}, []int{1}, "Quarto Games", claimtrail.SpeakerOrganization},
		// near miss
		{"party letters", "Deal\n\nTam Vell (Lab) runs the best-selling football club. Tam Vell said he would buy 19.9% of the firm.",
			[]string{"Tam Vell"}, []int{1}, "Tam Vell", claimtrail.SpeakerPerson},
	})
}

// TestSingularHeadOfJoinedNames: "The star of Rain Man and Tootsie" is one
// person described by the works after "of", not a group of them; "Fans of
// Rain Man and Tootsie" are still a group.
func TestSingularHeadOfJoinedNames(t *testing.T) {
	runChainCases(t, []chainCase{
		{"star of", "Film\n\nThe star of Rain Man and Tootsie said the film culture was poor.",
			[]string{"The star of Rain Man and Tootsie"}, []int{0}, "star of Rain Man and Tootsie", claimtrail.SpeakerDescription},
		// near miss
		{"fans of", "Film\n\nFans of Rain Man and Tootsie said the film culture was poor.",
			[]string{"Fans of Rain Man and Tootsie"}, []int{0}, "Fans of Rain Man and Tootsie", claimtrail.SpeakerGroup},
	})
}
