package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/segment"
)

// resolveCase is one source phrase (its nth occurrence) in a text and the
// speaker it must resolve to.
type resolveCase struct {
	name   string
	text   string
	phrase string
	nth    int
	want   string
	kind   claimtrail.SpeakerKind
}

func runResolveCases(t *testing.T, cases []resolveCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			d := segment.Segment(tc.text)
			got := Resolve(d, []Mention{mentionOf(t, tc.text, tc.phrase, tc.nth)})
			if got[0].Name != tc.want || tc.kind != "" && got[0].Kind != tc.kind {
				t.Errorf("%q → %q (%s), want %q (%s)", tc.phrase, got[0].Name, got[0].Kind, tc.want, tc.kind)
			}
		})
	}
}

// TestNameOpeners: a subordinator, preposition or participle opening the
// sentence is no part of the name after it.
func TestNameOpeners(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"once", "Jane Fetter runs the lab. Once Fetter arrived, she said the lab was ready.", "she", 0, "Jane Fetter", claimtrail.SpeakerPerson},
		{"although", "Although Dana Whitfield had doubts, she said the budget would hold.", "she", 0, "Dana Whitfield", claimtrail.SpeakerPerson},
		{"like", "Like Alice Moreno, Bob said the plan was sound. Moreno said so too.", "Moreno", 1, "Alice Moreno", claimtrail.SpeakerPerson},
		// near miss: a name that starts like a preposition keeps its word
		{"a given name is kept", "The plan was read out. Per Olsen said the plan was sound.", "Per Olsen", 0, "Per Olsen", claimtrail.SpeakerPerson},
	})
}

// TestOrgByForm: company suffixes, outlets and acronyms are
// organisations; a person's initials are not.
func TestOrgByForm(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"company suffix", "The claim was filed in May. Brightwater LLC said the claim had no merit.", "Brightwater LLC", 0, "Brightwater LLC", claimtrail.SpeakerOrganization},
		{"outlet", "The photos spread fast. Celebrity Online said the couple had split.", "Celebrity Online", 0, "Celebrity Online", claimtrail.SpeakerOrganization},
		{"acronym", "The board met on Friday. The NHRC said the rules would change.", "The NHRC", 0, "NHRC", claimtrail.SpeakerOrganization},
		// near misses: a person written by initials, and a plain surname
		{"a person's initials", "Richard M. Stallman (RMS) wrote the essay. RMS said the rules were unfair.", "RMS", 1, "RMS", claimtrail.SpeakerPerson},
		{"a surname", "Jane Fetter runs the lab. Fetter said the rules would change.", "Fetter", 1, "Jane Fetter", claimtrail.SpeakerPerson},
	})
}

// TestOfficeAcronym: an office in capitals before a name is no
// organisation speaking.
func TestOfficeAcronym(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"office", "Brightwater signed the deal. Brightwater's CTO, Brendan Eich, said the deal was fair.", "Brightwater's CTO, Brendan Eich,", 0, "Brendan Eich", claimtrail.SpeakerPerson},
	})
}

// TestSharedSurname: a bare surname shared by two persons is the one
// last written in full; a word written alone often is no surname of a
// longer name ending in it.
func TestSharedSurname(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"the one just named", "Tom Fetter farmed the land for forty years. His wife, Ann Fetter, kept the books. Fetter recalls that the harvest failed twice.", "Fetter", 2, "Ann Fetter", claimtrail.SpeakerPerson},
		{"the other one just named", "Ann Fetter kept the books. Her husband, Tom Fetter, farmed the land. Fetter recalls that the harvest failed twice.", "Fetter", 2, "Tom Fetter", claimtrail.SpeakerPerson},
		// near miss: one person of that surname
		{"one person", "Ann Fetter kept the books. The farm grew. Fetter recalls that the harvest failed twice.", "Fetter", 1, "Ann Fetter", claimtrail.SpeakerPerson},
		{"a name of its own", "Brightwell makes browsers. Brightwell sells them. Brightwell ships them. The Air Brightwell site hosts videos. Brightwell said sales rose.", "Brightwell", 4, "Brightwell", ""},
		// near miss: a surname then the full name
		{"surname then full name", "Halvorsen won. Erik Halvorsen spoke on Monday. Halvorsen said it was fine.", "Halvorsen", 2, "Erik Halvorsen", claimtrail.SpeakerPerson},
	})
}

// TestSharedSurnameMostNamed: between two persons of one surname, the one
// the passage keeps naming.
func TestSharedSurnameMostNamed(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"the one the passage is about", "Former President Bill Clinton spoke on Monday. Clinton said the apology was enough. Clinton made it in 1998. Clinton whispers to Hillary Clinton in a photo. Clinton told the host that he regretted nothing.", "Clinton", 5, "Bill Clinton", claimtrail.SpeakerPerson},
	})
}

// TestIndefinites: "Everybody" and "Dear Reader" are nobody the article
// names.
func TestIndefinites(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"everybody", "Growth cannot last. Everybody believes what they want to believe.", "Everybody", 0, "", claimtrail.SpeakerUnknown},
		{"dear reader", "Growth cannot last. Be grateful, Dear Reader, for you have seen the peak.", "Dear Reader", 0, "", claimtrail.SpeakerUnknown},
		// near miss: a name
		{"a name", "Growth cannot last. Everett Bodie believes the peak has passed.", "Everett Bodie", 0, "Everett Bodie", claimtrail.SpeakerPerson},
	})
}

// TestSheAfterSubject: "she" after a sentence whose subject is another
// woman is that woman's, not the one quoted earlier.
func TestSheAfterSubject(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
	}{
		{"the subject just before", "Jane Fetter, a doctor, said the patient recovered. Last spring a nurse, Mary Lindqvist, saw the scans first. She said she was stunned by what they showed.", "Mary Lindqvist"},
		// near miss: the subject just before is a man
		{"a man just before", "Jane Fetter, a doctor, said the patient recovered. Last spring a nurse, Tom Lindqvist, saw the scans first. She said she was stunned by what they showed.", "Jane Fetter"},
	} {
		d := segment.Segment(tc.text)
		got := Resolve(d, []Mention{mentionOf(t, tc.text, "Jane Fetter, a doctor,", 0), mentionOf(t, tc.text, "She", 0)})
		if got[1].Name != tc.want {
			t.Errorf("%s: She -> %q, want %q", tc.name, got[1].Name, tc.want)
		}
	}
}
