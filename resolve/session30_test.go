package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/segment"
)

// TestOrganisationNamesByForm: a name with a number inside ("Radio
// Nova 96 Live"), one opening with digits after a company's noun
// ("research firm 4040labs") and one with a news agency's words
// ("Agence Nord Presse") are organisations; a date between names
// ("Friday 14 Jane Moss") joins nothing.
func TestOrganisationNamesByForm(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"number inside", "Ratings\n\nAccording to Radio Nova 96 Live, the station's morning show was the most popular in the city.",
			"Radio Nova 96 Live", 0, "Radio Nova 96 Live", claimtrail.SpeakerOrganization},
		{"number inside, described after", "Budget\n\nAccording to Il Corriere 24 Sette, Italy's business newspaper, the government will cut taxes.",
			"Il Corriere 24 Sette, Italy's business newspaper", 0, "Il Corriere 24 Sette", claimtrail.SpeakerOrganization},
		{"digits first", "Sales\n\nThe brand sold $6 million of pods in January, according to data analysis firm 4040labs.",
			"data analysis firm 4040labs", 0, "4040labs", claimtrail.SpeakerOrganization},
		{"agency", "Fishing\n\nAs many as 1,000 fishermen will be affected, Agence Nord Presse reported.",
			"Agence Nord Presse", 0, "Agence Nord Presse", claimtrail.SpeakerOrganization},
		// near miss: a date's number joins no name
		{"date", "Talks\n\nOn Friday 14 Jane Moss said the talks had failed.",
			"Jane Moss", 0, "Jane Moss", claimtrail.SpeakerPerson},
	})
}

// TestFirmEnds: a capitalised name ending in "Research" or "Analytics"
// is a firm's; a lower-case "research" heads a description.
func TestFirmEnds(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"research", "Music\n\nDownloads will double next year, according to Copperline Research.",
			"Copperline Research", 0, "Copperline Research", claimtrail.SpeakerOrganization},
		{"analytics", "Phones\n\nSales fell in the spring, said consultants Harbour Analytics.",
			"consultants Harbour Analytics", 0, "Harbour Analytics", claimtrail.SpeakerOrganization},
		// near miss: a minister's title holds "Economics"
		{"title", "Tsunami\n\nThe Indonesian Economics Minister Aburizal Bakrie said the cost would be high.",
			"The Indonesian Economics Minister Aburizal Bakrie", 0, "Aburizal Bakrie", claimtrail.SpeakerPerson},
	})
}

// TestOwnDocumentAndAnalysis: a body's own document ("its estimate")
// says what the body says; an outlet's analysis or a UN estimate is a
// description, never an unknown.
func TestOwnDocumentAndAnalysis(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		phrases    []string
		want       []string
	}{
		{"its estimate", "Banks hit\n\nThe Kelby Banks Association said losses were high. According to its estimate, a tenth of loans were lost.",
			[]string{"The Kelby Banks Association", "its estimate"}, []string{"Kelby Banks Association", "Kelby Banks Association"}},
		{"analysis", "Vote\n\nA Channel Nine analysis suggested she could lose by 200 votes.",
			[]string{"A Channel Nine analysis"}, []string{"Channel Nine analysis"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := segment.Segment(tc.text)
			var ms []Mention
			for _, p := range tc.phrases {
				ms = append(ms, mentionOf(t, tc.text, p, 0))
			}
			got := Resolve(d, ms)
			for i, w := range tc.want {
				if got[i].Name != w {
					t.Errorf("%q → %q (%s), want %q", tc.phrases[i], got[i].Name, got[i].Kind, w)
				}
			}
		})
	}
}

// TestNoNamesInTitleCaseVerbs: an auxiliary or "Not" written in
// capitals ends a name, and after a capitalised word (a title-case
// line) nothing in the rest of the line is a name.
func TestNoNamesInTitleCaseVerbs(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"title-case line", "Brexit\n\nAnalysts say You Really Should Not Take EU's Patience for Granted. The UK leaves in March unless the parliament passes something the EU agrees with.",
			"the EU", 0, "EU", ""},
	})
}

// TestDottedInitials: "the U.S.", "the U.N." are a country and a body,
// never a person (unknown before); an initial ("J.") is no such name.
func TestDottedInitials(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"U.S.", "Syria\n\nAnkara said a clash was coming. Moreover, the U.S. has announced plans to create a border force.",
			"the U.S.", 0, "U.S.", claimtrail.SpeakerOrganization},
		{"U.A.E.", "Gulf\n\nTalks went on. Later the U.A.E. said it would join the force.",
			"the U.A.E.", 0, "U.A.E.", claimtrail.SpeakerOrganization},
	})
	for _, w := range []string{"J.", "U.S", "us", "Ph.D."} {
		if dottedCapitals(w) {
			t.Errorf("dottedCapitals(%q) = true", w)
		}
	}
}
