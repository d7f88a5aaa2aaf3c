package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestAgentAsideDoesNotSpeak: "The firm, led by chief executive NAME,"
// and "His lawyers, led by NAME," speak as the firm and the lawyers, not
// as the agent after "by"; a document's maker ("The letter, written by
// NAME,") still speaks through it, and a name in apposition still wins.
func TestAgentAsideDoesNotSpeak(t *testing.T) {
	runChainCases(t, []chainCase{
		{"led by", "Losses\n\nShares in Harlow Mining fell on Monday. The mining company, led by new chief executive Tam Vell, said it hoped to return to profit.",
			[]string{"The mining company, led by new chief executive Tam Vell,"}, []int{0}, "mining company", claimtrail.SpeakerDescription},
		{"lawyers", "Trial\n\nThe singer Ann Dorsey was cleared on Friday. Her lawyers, led by Tam Vell, said the verdict was a relief.",
			[]string{"Her lawyers, led by Tam Vell,"}, []int{0}, "lawyers", claimtrail.SpeakerDescription},
		{"majority-owned", "Profits\n\nThe car maker, majority-owned by Japan's Harlow Motors, said profits fell.",
			[]string{"The car maker, majority-owned by Japan's Harlow Motors,"}, []int{0}, "car maker", claimtrail.SpeakerDescription},
		// near misses: a maker speaks through a document; an apposition
		{"compiled by", "Sales\n\nSales rose in May. The figures, compiled by the Harlow Institute, said demand was strong.",
			[]string{"The figures, compiled by the Harlow Institute,"}, []int{0}, "Harlow Institute", claimtrail.SpeakerOrganization},
		{"apposition", "Losses\n\nShares in Harlow Mining fell on Monday. Its chief executive, Tam Vell, said it hoped to return to profit.",
			[]string{"Its chief executive, Tam Vell,"}, []int{0}, "Tam Vell", claimtrail.SpeakerPerson},
	})
}

// TestWhoAfterAListOfNames: "Ann Vell, Tam Dorsey and Joe Pike, who
// have all said" is all three; a singular or past verb after "who" is
// the last one's, and names after a preposition ("an adviser to Ann Vell
// and Tam Dorsey, who") or "between" are no list of speakers.
func TestWhoAfterAListOfNames(t *testing.T) {
	runChainCases(t, []chainCase{
		{"list", "Vote\n\nThe vote was put off. Even Senators Ann Vell, Tam Dorsey and Joe Pike, who have all said the accuser must be heard, will vote on Monday.",
			[]string{"who"}, []int{0}, "Senators Ann Vell, Tam Dorsey and Joe Pike", claimtrail.SpeakerGroup},
		{"pair", "Vote\n\nThe plan was put off. Residents Mark Hollis and Jane Stowe, who both live nearby, said it was unfair.",
			[]string{"who"}, []int{0}, "Residents Mark Hollis and Jane Stowe", claimtrail.SpeakerGroup},
		// near misses
		{"singular verb", "Vote\n\nThe plan was opposed by Lord Oxley and Sir Alan Dunne, who is a former envoy and says it is unwise.",
			[]string{"who"}, []int{0}, "Alan Dunne", claimtrail.SpeakerPerson},
		{"past", "Museum\n\nThe ceremony featured celebrities like Ann Vell, Joe Pike and Tam Dorsey, who joked of the museum, \"I haven't seen it yet.\"",
			[]string{"who"}, []int{0}, "Tam Dorsey", claimtrail.SpeakerPerson},
		{"between", "Vote\n\nMany have drawn parallels between Ann Vell and Tam Dorsey, who in 1991 accused the judge of lying.",
			[]string{"who"}, []int{0}, "Tam Dorsey", claimtrail.SpeakerPerson},
	})
}

// TestIncludingAfterABodyOfMembers: "the all-party group, including
// Ann Vell and Tam Dorsey," speaks as the group, as "opponents of the
// bill, including ..." speak as the opponents.
func TestIncludingAfterABodyOfMembers(t *testing.T) {
	runChainCases(t, []chainCase{
		{"group", "Reform\n\nThe all-party group, including Tories Ann Vell and Sir Tam Dorsey, Labour's Joe Pike and Ed Wynn and Liberal Democrat Paul Tan, said the plan was fair.",
			[]string{"The all-party group, including Tories Ann Vell and Sir Tam Dorsey, Labour's Joe Pike and Ed Wynn and Liberal Democrat Paul Tan,"}, []int{0}, "all-party group", claimtrail.SpeakerDescription},
	})
}

// TestPronounAfterIntroduction: "He said:" right after a sentence that
// opens with a newcomer's full name and says what the person is ("Piers
// Vell is senior benefit officer at ..."), or "“...,” he remarks" after
// one whose subject is a newcomer an age introduces ("83-year-old Yuji
// Shimo plays golf"), is the newcomer, not the minister quoted before;
// with no role or age said the speaker quoted before stays.
func TestPronounAfterIntroduction(t *testing.T) {
	const before = "Strike\n\nCivil servants walked out on Friday. Chancellor Gordon Brown said the plans were fair. \"We have been generous,\" Mr Brown said.\n\n"
	runChainCases(t, []chainCase{
		{"role", before + "Piers Vell is senior benefit officer on the picket line in Cardiff. He said: \"Most people stayed at home.\"",
			[]string{"Chancellor Gordon Brown", "Mr Brown", "He"}, []int{0, 0, 0}, "Piers Vell", claimtrail.SpeakerPerson},
		{"age, quote first", before + "On the edge of the city, 83-year-old Yuji Shimo plays golf with friends.\n\n\"I think the food has improved,\" he remarks.",
			[]string{"Chancellor Gordon Brown", "Mr Brown", "he"}, []int{0, 0, 4}, "Yuji Shimo", claimtrail.SpeakerPerson},
		// near misses: no role; no age
		{"no role", before + "Piers Vell arrived at the picket line at noon. He said: \"Most people stayed at home.\"",
			[]string{"Chancellor Gordon Brown", "Mr Brown", "He"}, []int{0, 0, 0}, "Gordon Brown", claimtrail.SpeakerPerson},
		{"no age", before + "On the edge of the city, Yuji Shimo plays golf with friends.\n\n\"I think the food has improved,\" he remarks.",
			[]string{"Chancellor Gordon Brown", "Mr Brown", "he"}, []int{0, 0, 4}, "Gordon Brown", claimtrail.SpeakerPerson},
	})
}

// TestHeIsNoLoneWomansName: a lone word that is a woman's given name
// ("the former Chelsea chairman") is no "he"; the man named before is.
func TestHeIsNoLoneWomansName(t *testing.T) {
	runChainCases(t, []chainCase{
		{"club", "Takeover\n\nKen Vell has completed his takeover of Harlow United.\n\nThe 73-year-old former Chelsea chairman sealed the deal on Friday, and has bought a 50% stake in the club. He said: \"I'm delighted.\"",
			[]string{"He"}, []int{0}, "Ken Vell", claimtrail.SpeakerPerson},
	})
}

// TestFirstPersonBeforeAnAside: "I, gently calling to him, said" is the
// writer's "I" (no one the article names), never an organisation "I"; a
// name before an aside is still the name.
func TestFirstPersonBeforeAnAside(t *testing.T) {
	runChainCases(t, []chainCase{
		{"I", "The clerk\n\nThe clerk would not move. I, gently calling to him behind the screen, said his name.",
			[]string{"I, gently calling to him behind the screen,"}, []int{0}, "", claimtrail.SpeakerUnknown},
		{"name", "The clerk\n\nThe clerk would not move. Tam Vell, gently calling to him behind the screen, said his name.",
			[]string{"Tam Vell, gently calling to him behind the screen,"}, []int{0}, "Tam Vell", claimtrail.SpeakerPerson},
	})
}

// TestFirmNameWithAnd: "Emmanuel Vell of Harlow and Sterling" is the
// person of a firm whose name holds an "and", no group; before a second
// party ("... and Councillor Brendan Dorsey") the first person stays, as
// before the rule.
func TestFirmNameWithAnd(t *testing.T) {
	runChainCases(t, []chainCase{
		{"firm", "Oil\n\nThe company has paid nothing since 2003, according to its Paris lawyer, Emmanuel Vell of Harlow and Sterling.",
			[]string{"its Paris lawyer, Emmanuel Vell of Harlow and Sterling"}, []int{0}, "Emmanuel Vell", claimtrail.SpeakerPerson},
		// near miss
		{"two parties", "Oil\n\nEmmanuel Vell of Harlow Trust and Councillor Brendan Dorsey said the plan had failed.",
			[]string{"Emmanuel Vell of Harlow Trust and Councillor Brendan Dorsey"}, []int{0}, "Emmanuel Vell", claimtrail.SpeakerPerson},
	})
}

// TestDocumentWrittenByTwo: "The letter, written by former spy chief Sir
// Richard Vell and former defence chief Lord Dorsey, and obtained first
// by Sky News," is its two makers, not a group named "written by ...".
func TestDocumentWrittenByTwo(t *testing.T) {
	runChainCases(t, []chainCase{
		{"written by", "Deal\n\nThe letter, written by former spy chief Sir Richard Vell and former defence chief Lord Dorsey, and obtained first by Sky News, claims the deal is bad.",
			[]string{"The letter, written by former spy chief Sir Richard Vell and former defence chief Lord Dorsey, and obtained first by Sky News,"}, []int{0},
			"former spy chief Sir Richard Vell and former defence chief Lord Dorsey", claimtrail.SpeakerGroup},
	})
}

// TestPronounAfterDash: "Former Arkansas Rep. Asa Vell, who led the
// review, appeared to ease off ... -- he said it's important" is the
// sentence's subject, not the speaker of the paragraph before; a subject
// of the other gender is not meant.
func TestPronounAfterDash(t *testing.T) {
	const before = "Guns\n\nGroup chief Wayne Dorsey in December called for armed officers to be installed in every school.\n\n"
	runChainCases(t, []chainCase{
		{"dash", before + "Former Arkansas Rep. Asa Vell, who led the review, appeared to ease off slightly on the call -- he said it's \"important\" for every school to have one.",
			[]string{"Group chief Wayne Dorsey", "he"}, []int{0, 2}, "Asa Vell", claimtrail.SpeakerPerson},
		// near miss: the subject is a woman
		{"other gender", before + "Former Arkansas Rep. Mary Vell, who led the review, appeared to ease off slightly on the call -- he said it's \"important\" for every school to have one.",
			[]string{"Group chief Wayne Dorsey", "he"}, []int{0, 2}, "Wayne Dorsey", claimtrail.SpeakerPerson},
	})
}

// TestPronounAfterNewcomerWithRole: "One dissenting opinion came from
// Brian Vell, vice-president of research at analysts Harlow. He said:" is
// the newcomer, the one person that sentence names, with a role after a
// comma; with two persons named there it is left to salience.
func TestPronounAfterNewcomerWithRole(t *testing.T) {
	const before = "Mac mini\n\nThe machine went on sale on Tuesday. \"It is a fine machine,\" said analyst Ian Dorsey of Harlow Research.\n\n"
	runChainCases(t, []chainCase{
		{"one person", before + "One dissenting opinion came from Brian Vell, vice-president of research at analysts Harlow. He said: \"I don't think it changes the world.\"",
			[]string{"analyst Ian Dorsey of Harlow Research", "He"}, []int{0, 0}, "Brian Vell", claimtrail.SpeakerPerson},
		// near miss: two persons in the sentence
		{"two persons", before + "One dissenting opinion came from Brian Vell, vice-president of research at analysts Harlow, and Ian Dorsey. He said: \"I don't think it changes the world.\"",
			[]string{"analyst Ian Dorsey of Harlow Research", "He"}, []int{0, 0}, "Ian Dorsey", claimtrail.SpeakerPerson},
	})
}
