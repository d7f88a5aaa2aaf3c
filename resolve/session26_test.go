package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/segment"
)

// TestLeaderNotTalkedAbout: "the Tory leader" after a sentence whose
// subject is one titled person and whose prepositional phrase names
// another ("under Mr Vane") is the subject; a name after "from" may be
// who talks and stays first.
func TestLeaderNotTalkedAbout(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"under", "Asylum row\n\nMr Kell has attacked the cost of the asylum system under Mr Vane. The Tory leader said councils had spent more than ever.",
			"The Tory leader", 0, "Kell", claimtrail.SpeakerPerson},
		{"from", "ID cards\n\nMr Kell has vowed to press on with the cards despite a call to pause from Mr Vane. The Lib Dem leader said the resignation was a chance to think again.",
			"The Lib Dem leader", 0, "Vane", claimtrail.SpeakerPerson},
	})
}

// TestAgentIsNotWhomItSpeaksFor: "the aide" or "the spokesman" is
// someone written as such, not the person they speak for nor another
// name nearby; a name written with "PAC" is an organisation's.
func TestAgentIsNotWhomItSpeaksFor(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"aide", "Ad war\n\nThe video was posted by the conservative super PAC America Rising. A spokesperson for Mr Kell fired back. \"He is a farmer,\" the aide said.",
			"the aide", 0, "aide", claimtrail.SpeakerDescription},
		{"PAC", "Ad war\n\nThe conservative super PAC America Rising said the video was genuine.",
			"The conservative super PAC America Rising", 0, "PAC America Rising", claimtrail.SpeakerOrganization},
	})
}

// TestMisterIsNoKnight: "Mr Vane" is not the knight "Sir Ian Vane" named
// more often; another Vane is.
func TestMisterIsNoKnight(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"knight", "Terror warning\n\nSir Ian Vane said the threat was real. Tony Vane defended the bill on Sunday. Sir Ian told the BBC the police were ready. Sir Ian said more. But Mr Vane insisted the bill was needed.",
			"Mr Vane", 0, "Tony Vane", claimtrail.SpeakerPerson},
	})
}

// TestRunOfNamesIsNoOne: a list of names whose separators the page lost
// is no one person, so "the president" does not take all of them for
// his name (one of them shares his surname); a
// long name with an office and a place stays one.
func TestRunOfNamesIsNoOne(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"list", "President Vane orders inquiry\n\nPresident Vane ordered an inquiry on Friday.\n“It will be short,” the president said in a statement.\nWho should be the next envoy?\n* John Bolton Richard Kell Dina Lowe Heather Marsh Ivanka Vane\n",
			"the president", 0, "Vane", claimtrail.SpeakerPerson},
	})
	r := pooledResolver(t, segment.Segment("Row\n\nRepresentative Trey Gowdy of South Carolina said she ought to answer."))
	if r.runOfNames(1, 7) {
		t.Errorf("a name with an office and a place read as a list")
	}
}

// TestPluralPeopleAreNoPerson: a capitalised run ending in people in the
// plural ("Tory MPs") is a group, and no "he" goes to it.
func TestPluralPeopleAreNoPerson(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"group", "Brexit vote\n\nTory MPs dismiss the plan.", "Tory MPs", 0, "Tory MPs", claimtrail.SpeakerGroup},
		{"no he", "Party plans\n\nMr Kell set out his plans on Monday. The Liberal Democrats want a new tax. He was also happy to offer a pledge that he would make no deals.",
			"He", 0, "Kell", claimtrail.SpeakerPerson},
	})
}

// TestAuthorIsWhoWrites: the author after "by" and a work is whom "he"
// goes on with, not the person in the work's title; what someone
// obtained "by" is no work of theirs.
func TestAuthorIsWhoWrites(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"book", "Rift row\n\nGordon Kell and Tony Blane met on Monday. The latest speculation about relations between the two came after the publication of a new book, Kell's Britain by Robert Vane. In it he alleges that the premier broke a promise.",
			"he", 3, "Robert Vane", claimtrail.SpeakerPerson},
	})
}

// TestWhichIsABody: "which" of a name nothing marks as a person's is a
// body's.
func TestWhichIsABody(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"body", "House prices\n\nThe figures follow data from property website Homeview which suggested owners must cut prices.",
			"which", 0, "Homeview", claimtrail.SpeakerOrganization},
	})
}

// TestPlaceEndsADescription: a place after "in" or "of" taken for the
// source ends a longer description and names no speaker; a place alone
// that speaks for its government stays.
func TestPlaceEndsADescription(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"in", "Abuse\n\nThe networks must go, as Jo Vell, a professor at the seminary in Detroit, recently wrote.",
			"Detroit", 0, "", claimtrail.SpeakerUnknown},
		{"alone", "Talks\n\nChina said the talks would go on.", "China", 0, "China", claimtrail.SpeakerOrganization},
	})
}

// TestAgentOfBroughtOut: the agent of a participle of saying after "by"
// ("This point was brought out by Pope Pius XII ... when he said") acts:
// no name talked about; an agent of another participle ("killed by") is.
func TestAgentOfBroughtOut(t *testing.T) {
	cases := []struct {
		text, verb, particle, name string
		want                       bool
	}{
		{"Penalty\n\nThis point was brought out by Pope Pius XII in 1954.", "brought", "out", "Pope", true},
		{"Penalty\n\nThis point was stated by Pope Pius XII in 1954.", "stated", "", "Pope", true},
		{"Penalty\n\nThe man was killed by Pope Pius XII in 1954.", "killed", "", "Pope", false},
	}
	for _, tc := range cases {
		d := segment.Segment(tc.text)
		name := -1
		for i := range d.Tokens {
			switch d.Tokens[i].Text {
			case tc.verb:
				d.Tokens[i].POS = "VBN"
			case tc.particle:
				d.Tokens[i].POS = "RP"
			case tc.name:
				name = i
			}
		}
		if got := pooledResolver(t, d).passiveAgent(name); got != tc.want {
			t.Errorf("%q: agent %v, want %v", tc.text, got, tc.want)
		}
	}
}

// TestChildrenAreNotTheParent: "Malia and Sasha Vell's appearance" names
// two children; a later "President Vell" is someone else, not Sasha.
func TestChildrenAreNotTheParent(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"children", "Turkey row\n\nA staffer criticized Malia and Sasha Vell's appearance at the ceremony. The daughters join President Vell at the ceremony every year. Before the pardon, the president remarked that it was puzzling.",
			"the president", 0, "Vell", claimtrail.SpeakerPerson},
	})
}
