package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestPrepositionOpensRun: a preposition that opens the sentence is no
// part of the capitalised run after it ("Under EU rules" names the EU,
// not a person "Under EU").
func TestPrepositionOpensRun(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"under", "The board met on Monday. Under Harlow Vale rules, members vote twice a year. Harlow Vale said the vote would go ahead.", "Harlow Vale", 1, "Harlow Vale", ""},
		{"over", "Over Brenna Coyle's objections, the plan passed. Coyle said she would appeal.", "she", 0, "Brenna Coyle", claimtrail.SpeakerPerson},
	})
}

// TestRoleForEmployer: "spokesman for X" names X as whom the spokesman
// serves: X is no spokesman, and a two-word X without a given name is an
// organisation, which "he" does not refer to.
func TestRoleForEmployer(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"he is the spokesman", `"Every unit is tested," said Carl Oduya, spokesman for Vantor Kleen. Vantor Kleen makes such devices. "We test each twice," he said.`, "he", 0, "Carl Oduya", claimtrail.SpeakerPerson},
		{"employer is an organisation", "Carl Oduya, spokesman for Vantor Kleen, said the units were safe. Vantor Kleen said so too.", "Vantor Kleen", 1, "Vantor Kleen", claimtrail.SpeakerOrganization},
		// near misses: a capitalised office runs on to the name; a given
		// name inside the run makes it a person's
		{"capitalised office", "Deputy Advisor for Strategy Laura Marren said the talks went well. Marren said more talks would follow.", "Marren", 1, "Laura Marren", claimtrail.SpeakerPerson},
		{"person served", "A spokesman for Dana Whitfield said she was resting. Whitfield said she was well.", "she", 1, "Dana Whitfield", claimtrail.SpeakerPerson},
	})
}

// TestPersonWithPlaceOrOrg: a person's full name after an organisation's
// name and title, or before where the person is, is the speaker.
func TestPersonWithPlaceOrOrg(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"place after the name", "U.S. District Judge Laura Corvell in Denver said the rules were unclear.", "U.S. District Judge Laura Corvell in Denver", 0, "Laura Corvell", claimtrail.SpeakerPerson},
		{"outlet after the name", "Peter Haldane on the website Rally Post wrote that the count was wrong.", "Peter Haldane on the website Rally Post", 0, "Peter Haldane", claimtrail.SpeakerPerson},
		{"organisation before the title", "Bank of Arden deputy governor Laura Pike said rates would hold.", "Bank of Arden deputy governor Laura Pike", 0, "Laura Pike", claimtrail.SpeakerPerson},
		// near miss: a party's members are no person
		{"members of a party", "Conservative Democrats in the Senate said the bill would fail.", "Conservative Democrats in the Senate", 0, "Conservative Democrats in the Senate", claimtrail.SpeakerGroup},
	})
}

// TestOfficeThenName: a name in apposition after an office in capitals
// is the speaker ("The Health Secretary, Tom Pell MSP,"); a duration
// after the speaker is no part of it ("The minister for months").
func TestOfficeThenName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"office, name", "Budget.\n\nThe Health Secretary, Tom Pell MSP, said the plan was fair.", "The Health Secretary, Tom Pell MSP,", 0, "Tom Pell", claimtrail.SpeakerPerson},
		{"title, name", "Budget.\n\nScottish Finance Minister, Laura Brack, said the plan was fair.", "Scottish Finance Minister, Laura Brack,", 0, "Laura Brack", claimtrail.SpeakerPerson},
		{"duration", "Health Minister Laura Brack said on Monday the plan was fair. The minister for months has defended the plan.", "The minister for months", 0, "Laura Brack", claimtrail.SpeakerPerson},
	})
}

// TestNationalityBeforeName: a nationality before a full name is no part
// of it; an organisation's name keeps it.
func TestNationalityBeforeName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"person", "The paper said Australian Lynden Crost told the leader to focus on seats. Mr Crost said he had not.", "Mr Crost", 0, "Lynden Crost", claimtrail.SpeakerPerson},
		{"organisation", "British Medical Association said the plan was unsafe.", "British Medical Association", 0, "British Medical Association", claimtrail.SpeakerOrganization},
	})
}

// TestParticleWrittenOn: a surname with its particle written on
// ("diGenova") is a name; a brand's one letter ("eBay") makes none.
func TestParticleWrittenOn(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"particle", "Former prosecutor Joseph diLorenzo spoke on Monday. Besides, diLorenzo said, the claim is not a federal matter.", "diLorenzo", 1, "Joseph diLorenzo", claimtrail.SpeakerPerson},
	})
	for _, tc := range []struct {
		w    string
		want bool
	}{{"diGenova", true}, {"deBlasio", true}, {"vanDerBeek", true}, {"eBay", false}, {"iPhone", false}, {"abcD", false}, {"said", false}, {"Smith", true}, {"Ólafsson", true}, {"élan", false}} {
		if got := isCap(tc.w); got != tc.want {
			t.Errorf("isCap(%q) = %v, want %v", tc.w, got, tc.want)
		}
	}
}

// TestShoutedWordsNoName: a run of words in capitals (a headline or quote
// written in capitals) is no one's name; the name inside it is found.
func TestShoutedWordsNoName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"headline", "Dan Vance spoke on Monday about the probe and the budget.\n\nVANCE TELLS KELL TO PUT AN END TO THE PROBE AS HE CLAIMS BIAS in the office, said the paper on its front page.", "VANCE", 0, "Dan Vance", claimtrail.SpeakerPerson},
	})
}

// TestGroupNouns: "the trio", "the side" can speak as a description.
func TestGroupNouns(t *testing.T) {
	for _, w := range []string{"trio", "duo", "side", "team"} {
		if !canSpeak(w) {
			t.Errorf("canSpeak(%q) = false", w)
		}
	}
}

// TestCounselTitle: "Special Counsel" is a title before the name.
func TestCounselTitle(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"special counsel", "Special Counsel Robert Hale has submitted his report. Hale said the inquiry was over.", "Hale", 1, "Robert Hale", claimtrail.SpeakerPerson},
	})
}
