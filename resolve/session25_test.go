package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/segment"
)

// TestOnlyTitlesIsNoName: a part of a source made of an office's words
// in capitals ("Acting Detective Chief Superintendent") names no one;
// the name in apposition after it does.
func TestOnlyTitlesIsNoName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"rank then name", "Police raid firms\n\nThe head of the NHTCU, Acting Detective Chief Superintendent, Mick Deats, said the raids had worked.",
			"The head of the NHTCU, Acting Detective Chief Superintendent, Mick Deats,", 0, "Mick Deats", claimtrail.SpeakerPerson},
		{"rank alone", "Police raid firms\n\nThe head of the NHTCU, Acting Detective Chief Superintendent, said the raids had worked.",
			"The head of the NHTCU, Acting Detective Chief Superintendent,", 0, "head of the NHTCU", claimtrail.SpeakerDescription},
	})
}

// TestCommonNounOpener: a common noun (tagged NN) capitalised only
// because it opens its sentence ("Speculation suggests") is a
// description, no person; a proper noun opening a sentence stays a
// person, and so does a common noun in the headline that the body never
// writes in lower case (a company's name standing alone there).
func TestCommonNounOpener(t *testing.T) {
	cases := []struct {
		text, word, pos string
		want            claimtrail.SpeakerKind
	}{
		{"Bids for the exchange\n\nThe board met on Monday. Speculation suggests that a rival will bid.", "Speculation", "NN", claimtrail.SpeakerDescription},
		{"Bids for the exchange\n\nThe board met on Monday. Speculation suggests that a rival will bid.", "Speculation", "NNP", claimtrail.SpeakerPerson},
		{"Winemaker rejects offer\n\nThe winemaker turned down the bid on Monday.", "Winemaker", "NN", claimtrail.SpeakerDescription},
		{"Acmex rejects offer\n\nThe firm turned down the bid on Monday.", "Acmex", "NN", claimtrail.SpeakerPerson},
	}
	for _, tc := range cases {
		d := segment.Segment(tc.text)
		k := -1
		for i := range d.Tokens {
			if d.Tokens[i].Text == tc.word {
				d.Tokens[i].POS, k = tc.pos, i
			}
		}
		got := Resolve(d, []Mention{{Start: k, End: k + 1}})
		if got[0].Kind != tc.want {
			t.Errorf("%q (%s) in %q: %s, want %s", tc.word, tc.pos, tc.text, got[0].Kind, tc.want)
		}
	}
}

// TestHyphenatedTitles: a hyphenated office ("Director-General",
// "secretary-general") is a title, no part of the name after it, and a
// description by it finds the person seen with it.
func TestHyphenatedTitles(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"before a name", "Plague warning\n\nWHO Director-General Ana Ruiz Okoro told reporters the outbreak was under control.",
			"WHO Director-General Ana Ruiz Okoro", 0, "Ana Ruiz Okoro", claimtrail.SpeakerPerson},
	})
}

// TestAgentOfOwner: a spokesman or official of an owner named in
// capitals or with a possessive speaks for it, and is not the person the
// article named before: the organisation, or a description.
func TestAgentOfOwner(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"company's spokesman", "Sales fall\n\nSara Dale took over the chain last year. \"We have new clothing as part of Sara Dale's plan,\" said the M&S spokesman. Analysts agreed.",
			"the M&S spokesman", 0, "M&S", claimtrail.SpeakerOrganization},
		{"office's spokesman", "Cabinet report\n\nLord Pell said Mr Vane bypassed the Cabinet. The prime minister's official spokesman said the Cabinet was consulted.",
			"The prime minister's official spokesman", 0, "prime minister's official spokesman", claimtrail.SpeakerDescription},
	})
}
