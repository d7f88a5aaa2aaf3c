package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/segment"
)

// TestBodyByDescription: a one-word name that the article describes as a
// body (in apposition, after "the firm,", after a plural of its staff, or
// "a company called") is an organisation; a person's apposition or a
// plain surname is not.
func TestBodyByDescription(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"apposition after", "Profits\n\nBrandolux, the Danish furniture group at the centre of the row, said profits had doubled.",
			"Brandolux", 0, "Brandolux", claimtrail.SpeakerOrganization},
		{"apposition with a list head", "Games\n\nKestrova, a leading games developer and publisher, added that sales were strong. Kestrova said more was to come.",
			"Kestrova", 1, "Kestrova", claimtrail.SpeakerOrganization},
		{"the firm, name", "Listing\n\nThe firm, Quintaro, said that it hoped to sell shares.",
			"Quintaro", 0, "Quintaro", claimtrail.SpeakerOrganization},
		{"plural before", "Phones\n\nSales rose, according to technology analysts Veldmark. Veldmark said sales would slow.",
			"Veldmark", 1, "Veldmark", claimtrail.SpeakerOrganization},
		{"called", "Sites\n\nThe campaign used a company called Netorra. Netorra declined to comment.",
			"Netorra", 1, "Netorra", claimtrail.SpeakerOrganization},
		// near misses: a person's apposition, a possessive in it, a surname
		{"a person's apposition", "Talks\n\nFetterly, a former union organiser, said the talks had failed.",
			"Fetterly", 0, "Fetterly", claimtrail.SpeakerPerson},
		{"whose, not what", "Talks\n\nFetterly, the company's chief, said the talks had failed.",
			"Fetterly", 0, "Fetterly", claimtrail.SpeakerPerson},
		{"a surname", "Talks\n\nThe talks failed on Monday. Fetterly said the talks had failed.",
			"Fetterly", 0, "Fetterly", claimtrail.SpeakerPerson},
	})
}

// TestOfficeOfBody: a lower-case office "of" a name ("director of
// Kelvora") is held in the body the name is, and gives it no title that
// would make it a person; a capitalised office runs on into a name.
func TestOfficeOfBody(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"director of", "Spam\n\nAnti-fraud group Kelvora is warning about a new virus. Ann Dell, director of Kelvora, predicted a rise. Kelvora said the problem would grow.",
			"Kelvora", 2, "Kelvora", claimtrail.SpeakerOrganization},
		{"president of", "Sites\n\nMonitoring firm Trasko spotted the block. Ian Wood, president of Trasko, speculated about it. Trasko said the site was blocked.",
			"Trasko", 2, "Trasko", claimtrail.SpeakerOrganization},
		// near miss: a capitalised office runs on into the person's name
		{"capitalised office", "Parks\n\nDirector of Coastal Parks Mara Ellery said the beaches would reopen.",
			"Director of Coastal Parks Mara Ellery", 0, "Mara Ellery", claimtrail.SpeakerPerson},
	})
}

// TestPerfectItReport: "has said it" or "had announced that it" before
// an acting verb is a body's report of itself, as "said it" is; "it"
// as a dummy subject ("it was hard") is no such evidence.
func TestPerfectItReport(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"has said it", "Insurers\n\nLosses were high. Vantrell has said it sees no impact on profits.",
			"Vantrell", 0, "Vantrell", claimtrail.SpeakerOrganization},
		{"had announced that it", "Plants\n\nDemand fell. Vantrell had announced that it will close two plants.",
			"Vantrell", 0, "Vantrell", claimtrail.SpeakerOrganization},
		// near miss: a dummy "it"
		{"a dummy it", "Season\n\nThe season ended. Vantrell has said it was hard to lose the final.",
			"Vantrell", 0, "Vantrell", claimtrail.SpeakerPerson},
	})
}

// TestShareNamedByGroup: a survey's share of a group is a group speaker
// (written in words, as a hyphenated fraction, "an average of"), never
// an unknown; a share of no group written takes the group of the share
// just before (both resolved in text order), never "33%", else it is
// unknown.
func TestShareNamedByGroup(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"words", "Phones\n\nFifty percent of Drovians said size mattered most.",
			"Fifty percent of Drovians", 0, "Fifty percent of Drovians", claimtrail.SpeakerGroup},
		{"compound fraction", "Poll\n\nThree-quarters of respondents (73%) said politicians lied too often.",
			"Three-quarters of respondents (73%)", 0, "Three-quarters of respondents (73%)", claimtrail.SpeakerGroup},
		{"an average of", "Poll\n\nAn average of 44% of respondents in each country said the economy was worse.",
			"An average of 44% of respondents in each country", 0, "average of 44% of respondents in each country", claimtrail.SpeakerGroup},
		// near miss: a share of nothing written nearby
		{"of nothing", "Poll\n\nThe vote is in June. The remaining 33% said they did not know.",
			"The remaining 33%", 0, "", claimtrail.SpeakerUnknown},
	})
	for _, tc := range []struct{ name, text, first, bare, want string }{
		{"the remaining share", "Search\n\n84% of net users say they use search engines. The remaining 33% said they did not.",
			"84% of net users", "The remaining 33%", "net users"},
		{"a bare share", "Cards\n\nNearly two thirds - 65% - of the 1,000 people interviewed said they used chip and pin. Only 34% said they had new cards.",
			"Nearly two thirds - 65% - of the 1,000 people interviewed", "Only 34%", "1,000 people interviewed"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := segment.Segment(tc.text)
			got := Resolve(d, []Mention{mentionOf(t, tc.text, tc.first, 0), mentionOf(t, tc.text, tc.bare, 0)})
			if got[1].Name != tc.want || got[1].Kind != claimtrail.SpeakerGroup {
				t.Errorf("%q → %q (%s), want %q (group)", tc.bare, got[1].Name, got[1].Kind, tc.want)
			}
		})
	}
}

// TestNicknameInName: a nickname in quote marks inside a name is no part
// of it: the name is the given name and the surname outside the marks,
// and a later "he" goes on with that person; a quoted phrase after a word
// that is no given name joins nothing.
func TestNicknameInName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"double marks", "Label\n\nKevin \"Big K\" Marlowe said the label would grow. Marlowe added that sales were up.",
			"Marlowe", 1, "Kevin Marlowe", claimtrail.SpeakerPerson},
		{"curly single marks", "Band\n\nRosa ‘The Rock’ Delgado told reporters she was leaving.",
			"Rosa ‘The Rock’ Delgado", 0, "Rosa Delgado", claimtrail.SpeakerPerson},
		{"a long nickname", "Talks\n\nDonald “Art of the Sale” Brandt was at the talks. Brandt said the talks were over.",
			"Brandt", 1, "Donald Brandt", claimtrail.SpeakerPerson},
		{"He goes on", "Label\n\nThe rapper joins the label. Marco \"MJ\" Tellan, chairman of the label, said: \"Sales are up.\" He added that the rapper was the best.",
			"He", 0, "Marco Tellan", claimtrail.SpeakerPerson},
		// near miss: no given name before the marks
		{"no given name", "Budget\n\nCritics of “Project Fear” Osborne said the budget was wrong. Osborne said it was right.",
			"Osborne", 1, "Osborne", claimtrail.SpeakerPerson},
	})
}

// TestPlayerByPosition: "the Wasps wing", "the prop" after a player is
// named is that player, though "wing" and "prop" are no words for
// people; a position with no player named before stays unresolved.
func TestPlayerByPosition(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"team and position", "Try row\n\nEngland's Tom Brackley has claimed he was denied a try.\n\nThe Harlow wing insisted he grounded the ball.",
			"The Harlow wing", 0, "Tom Brackley", claimtrail.SpeakerPerson},
		{"position alone", "Front row\n\nIvor Pugh says the forwards are ready.\n\nThe prop said the pack would hold.",
			"The prop", 0, "Ivor Pugh", claimtrail.SpeakerPerson},
		// near miss: nobody named before
		{"nobody named", "Front row\n\nThe forwards are ready.\n\nThe prop said the pack would hold.",
			"The prop", 0, "", claimtrail.SpeakerUnknown},
	})
}

// TestShortFormOfBody: a short form in parentheses after an
// organisation's name ("Orvant Motors (Orvamo)") names the same body; a
// person's initials after a person's name stay a person's.
func TestShortFormOfBody(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"motors", "Recall\n\nThe carmaker Orvant Motors (Orvamo) is recalling cars. Orvamo said no one was hurt.",
			"Orvamo", 1, "Orvamo", claimtrail.SpeakerOrganization},
		{"commission", "Copper\n\nOutput rose, the Velsa Copper Commission (Velcoco) reported. Velcoco expects prices to fall.",
			"Velcoco", 1, "Velcoco", claimtrail.SpeakerOrganization},
		// near miss: a person's initials
		{"initials", "Essay\n\nRichard M. Stallman (RMS) wrote the essay. RMS said the rules were unfair.",
			"RMS", 1, "RMS", claimtrail.SpeakerPerson},
	})
}
