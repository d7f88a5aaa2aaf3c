package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestBodyInitialsBeforeRoleAndName: "Body (INITIALS) chief NAME" is the
// named person, as "Body chief NAME" is; initials before no role and
// name ("(HFA) officials") and a party-and-state aside before "and"
// leave the body or the group.
func TestBodyInitialsBeforeRoleAndName(t *testing.T) {
	runChainCases(t, []chainCase{
		{"chief", "Medals\n\nWorld Rowing Integrity Agency (WRIA) chief Tam Vell says the rules are clear.",
			[]string{"World Rowing Integrity Agency (WRIA) chief Tam Vell"}, []int{0}, "Tam Vell", claimtrail.SpeakerPerson},
		{"chairman", "Cup\n\nHarlow Rugby Football Union (HRFU) chairman Ann Dorsey has called for more games.",
			[]string{"Harlow Rugby Football Union (HRFU) chairman Ann Dorsey"}, []int{0}, "Ann Dorsey", claimtrail.SpeakerPerson},
		// near miss: no role and name after the initials
		{"officials", "Raids\n\nHarlow Food Authority (HFA) officials announced the raids on Monday.",
			[]string{"Harlow Food Authority (HFA) officials"}, []int{0}, "Harlow Food Authority", claimtrail.SpeakerOrganization},
	})
}

// TestWhoAfterDescriptionsOfAName: "who" after a description in
// apposition to a name, through a second description ("Tam Vell - a
// former Harlow historian, and a leading expert on spycraft, who") is the
// person; a description with no name before it stays a description.
func TestWhoAfterDescriptionsOfAName(t *testing.T) {
	runChainCases(t, []chainCase{
		{"two descriptions", "Spy case\n\nThe case has been backed by Tam Vell - a former Harlow historian, and a leading expert on spycraft, who has confirmed the papers were real.",
			[]string{"who"}, []int{0}, "Tam Vell", claimtrail.SpeakerPerson},
		// near miss: no name
		{"no name", "Spy case\n\nThe case has been backed by a leading expert on spycraft, who has confirmed the papers were real.",
			[]string{"who"}, []int{0}, "a leading expert on spycraft", claimtrail.SpeakerDescription},
	})
}

// TestBodyByTheNounItsNameEndsIn: "the federation", "the union" after
// the one body named with that last word is the body; with two such
// bodies, or none, it stays a description; and "the company" is never a
// federation.
func TestBodyByTheNounItsNameEndsIn(t *testing.T) {
	runChainCases(t, []chainCase{
		{"federation", "Powers\n\nThe Harlow Police Federation has said it opposes the plan. The powers were extended on Thursday. The federation said officers lacked training.",
			[]string{"The Harlow Police Federation", "The federation"}, []int{0, 0}, "Harlow Police Federation", claimtrail.SpeakerOrganization},
		{"union", "Strike\n\nThe Transport Workers Union called a strike on Monday. The union said talks had failed.",
			[]string{"The Transport Workers Union", "The union"}, []int{0, 0}, "Transport Workers Union", claimtrail.SpeakerOrganization},
		// near misses: two unions; a company is no federation
		{"two unions", "Strike\n\nThe Transport Workers Union and the Harlow Teachers Union called strikes on Monday. The union said talks had failed.",
			[]string{"The Transport Workers Union and the Harlow Teachers Union", "The union"}, []int{0, 0}, "union", claimtrail.SpeakerDescription},
		// (session 39: the company named with "Shares in" before is the
		// body "the company" goes on with, see TestBodyCandidateByEvidence;
		// never the federation)
		{"company", "Powers\n\nThe Harlow Police Federation has said it opposes the plan. Shares in Vell Motors fell. The company said sales were weak.",
			[]string{"The Harlow Police Federation", "The company"}, []int{0, 0}, "Vell Motors", claimtrail.SpeakerOrganization},
	})
}

// TestManyOfThemIsTheGroupBefore: "Many of them said" opening the
// sentence after a plural subject is a part of that group; with no
// plural subject before it stays unknown.
func TestManyOfThemIsTheGroupBefore(t *testing.T) {
	runChainCases(t, []chainCase{
		{"many of them", "Martial law\n\nThe ministry suspended three commanders and requested travel bans for them. Military officers and government officials described a chaotic night. Many of them said they learned about the order from the TV address.",
			[]string{"Military officers and government officials", "Many of them"}, []int{0, 0}, "Military officers and government officials", claimtrail.SpeakerGroup},
		// near miss: no plural subject before
		{"no group", "Martial law\n\nThe order came at night. Many of them said they learned about the order from the TV address.",
			[]string{"Many of them"}, []int{0}, "", claimtrail.SpeakerUnknown},
	})
}

// TestToOpensNoName: "To Dr Vell, the solution ..." opens the sentence
// with a preposition; "he says" after it is Dr Vell, named in full
// before, not a person "To Dr Vell".
func TestToOpensNoName(t *testing.T) {
	runChainCases(t, []chainCase{
		{"to", "The net\n\nBrian Vell, one of the net's founders, spoke in London. To Dr Vell, the solution comes out of technology and behaviour. People have to be educated, he says.",
			[]string{"he"}, []int{3}, "Brian Vell", claimtrail.SpeakerPerson},
	})
}

// TestNameAfterOfficeWithLowerCaseWords: "Director of television Tam
// Vell" and "Candidate for the party's presidential nomination Ann Reed"
// are the named persons; an apposition or a place before the last name
// ("Mr Vell from Harlow Banking Research") leaves the person named first.
func TestNameAfterOfficeWithLowerCaseWords(t *testing.T) {
	runChainCases(t, []chainCase{
		{"director of", "TV\n\nDirector of television Tam Vell said the show would stay.",
			[]string{"Director of television Tam Vell"}, []int{0}, "Tam Vell", claimtrail.SpeakerPerson},
		{"candidate for", "Race\n\nCandidate for the Democrat presidential nomination Ann Reed said she would run.",
			[]string{"Candidate for the Democrat presidential nomination Ann Reed"}, []int{0}, "Ann Reed", claimtrail.SpeakerPerson},
		// near miss: a place after the name
		{"from", "Banks\n\nTam Vell runs a research firm. Mr Vell from Harlow Banking Research said few machines were at risk.",
			[]string{"Mr Vell from Harlow Banking Research"}, []int{0}, "Tam Vell", claimtrail.SpeakerPerson},
	})
}

// TestLetterToIsNotItsRecipient: "several letters to Congress saying"
// and "a letter to Harlow Air" are the letters, not Congress or the
// airline; "a spokesman to" is no document and is left as before.
func TestLetterToIsNotItsRecipient(t *testing.T) {
	runChainCases(t, []chainCase{
		{"letters to", "Budget\n\nThe letter quotes the Harlow Conference of Bishops, which wrote several letters to Congress saying the budget was unjust.",
			[]string{"several letters to Congress"}, []int{0}, "several letters to Congress", claimtrail.SpeakerDescription},
		{"a letter to", "Jets\n\nThe airline cancelled its order. A letter to Harlow Air said it no longer wants the jets.",
			[]string{"A letter to Harlow Air"}, []int{0}, "letter to Harlow Air", claimtrail.SpeakerDescription},
	})
}

// TestItAfterABodyInAnUntaggedSentence: "it" after a sentence the tagger
// skipped, whose subject is a body with a past tense or an auxiliary
// after it ("the Harlow Rural Alliance failed in its attempt ... But it
// says"), is that body.
func TestItAfterABodyInAnUntaggedSentence(t *testing.T) {
	runChainCases(t, []chainCase{
		{"failed", "Hunting\n\nAt the Court of Appeal on Wednesday, the Harlow Rural Alliance failed in its attempt to have the act ruled invalid. But it says the ban is unenforceable.",
			[]string{"it"}, []int{1}, "Harlow Rural Alliance", claimtrail.SpeakerOrganization},
	})
}

// TestPluralVerbMakesABody: a lone name written with a plural verb
// ("Harwick have gradually lost ground") is a team or a firm; after "and"
// or a modal ("would Vell have said") it says nothing.
func TestPluralVerbMakesABody(t *testing.T) {
	runChainCases(t, []chainCase{
		{"have", "Transfer\n\nHarwick have gradually lost the initiative this season. Harwick said the bid was flattering.",
			[]string{"Harwick"}, []int{1}, "Harwick", claimtrail.SpeakerOrganization},
		// near miss: a modal before "have"
		{"would have", "Letters\n\nWhat would St. Tam Vellard have said about the plan? Vellard said the plan was wrong.",
			[]string{"Vellard"}, []int{1}, "St. Tam Vellard", claimtrail.SpeakerPerson},
	})
}
