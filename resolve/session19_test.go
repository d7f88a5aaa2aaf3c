package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/segment"
)

// TestItsAfterName: a one-word name written with "its" after its verb is
// an organisation, even when a "he" resolved before went to it; "his"
// after it is no such evidence.
func TestItsAfterName(t *testing.T) {
	for _, tc := range []struct {
		name, text string
		want       claimtrail.SpeakerKind
	}{
		{"its", "Tarvik has made a buzz, he says. Tarvik has cut its prices of hybrids again.", claimtrail.SpeakerOrganization},
		{"his", "Tarvik has made a buzz, he says. Tarvik has cut his prices of hybrids again.", claimtrail.SpeakerPerson},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := resolveAfterHe(t, tc.text, "Tarvik", 1); got.Name != "Tarvik" || got.Kind != tc.want {
				t.Errorf("Tarvik → %q (%s), want Tarvik (%s)", got.Name, got.Kind, tc.want)
			}
		})
	}
}

// TestTheBeforeName: a one-word name written after "the" at the end of a
// noun phrase ("the Bundesrat said") is a body; "the Vance years" (a
// name modifying a noun), "the Argentine" (a nationality) and "the PM"
// (an office) are no such evidence.
func TestTheBeforeName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"the body", "The budget was approved by the Bundesrat. Bundesrat has cut the budget again.", "Bundesrat", 1, "Bundesrat", claimtrail.SpeakerOrganization},
		{"office of a body", "The Treasury was blamed. Later the shadow chief secretary to the Treasury, Gordon Vale, said cuts were due.", "the shadow chief secretary to the Treasury, Gordon Vale,", 0, "Gordon Vale", claimtrail.SpeakerPerson},
		{"modifier", "Nothing changed in the Vance years. Vance has cut the budget again.", "Vance", 1, "Vance", claimtrail.SpeakerPerson},
	})
}

// TestOfficeOfName: a one-word name after an office and "of" ("chief
// operating officer of Tarvik") is an organisation's, also when a "he"
// went to it before.
func TestOfficeOfName(t *testing.T) {
	const text = "Tarvik has made a buzz, he says. Ken Muto, chief operating officer of Tarvik, spoke first. Tarvik has cut the price again."
	if got := resolveAfterHe(t, text, "Tarvik", 2); got.Name != "Tarvik" || got.Kind != claimtrail.SpeakerOrganization {
		t.Errorf("Tarvik → %q (%s), want an organisation", got.Name, got.Kind)
	}
}

// resolveAfterHe resolves the first "he" of text and then the nth
// occurrence of phrase, as the extractor resolves sources in text order
// (the "he" may give the name a gender first), and returns the second.
func resolveAfterHe(t *testing.T, text, phrase string, nth int) Speaker {
	t.Helper()
	got := Resolve(segment.Segment(text), []Mention{mentionOf(t, text, "he", 0), mentionOf(t, text, phrase, nth)})
	return got[1]
}

// TestMediaAndPossessorMonth: "media" can speak ("Turkish authorities
// and media have said"), and a capitalised word with "'s" is a possessor
// even when it is also a modal or a month ("May's supporters").
func TestMediaAndPossessorMonth(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"media", "The envoy had urged patience. Greek authorities and media have said the tapes show he was killed.", "Greek authorities and media", 0, "Greek authorities and media", claimtrail.SpeakerGroup},
		{"possessor", "Theresa May faces a vote. May's supporters have argued that her way is the only way.", "May's supporters", 0, "May's supporters", claimtrail.SpeakerDescription},
	})
}

// TestPluralBeforeWho: "who" after a plural noun for people is said by
// those people ("former Obama administration officials who said"), not
// by a name inside their phrase.
func TestPluralBeforeWho(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"officials", "The claims were rejected by former Vance administration officials who said the talks were open.", "who", 0, "former Vance administration officials", claimtrail.SpeakerGroup},
		{"supporters", "The result was cheered by some Rovers supporters who said the referee was fair.", "who", 0, "some Rovers supporters", claimtrail.SpeakerGroup},
	})
}

// TestAgeAndKinDescriptions: "the mother-of-nine", "the 64-year-old" and
// "the MEP" are the person just named.
func TestAgeAndKinDescriptions(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"kin", "Kathleen Varga defended her son at the hearing. Describing him as kind, the mother-of-nine said she feared for him.", "the mother-of-nine", 0, "Kathleen Varga", claimtrail.SpeakerPerson},
		{"age", "Producer Phil Stanton is free on bail. The 64-year-old has denied the killing.", "The 64-year-old", 0, "Phil Stanton", claimtrail.SpeakerPerson},
		{"post-nominal", "Ex-chat show host Roland Kemp-Vale has quit the party. The MEP said he was ashamed to have joined it.", "The MEP", 0, "Roland Kemp-Vale", claimtrail.SpeakerPerson},
	})
}

// TestThePair: "the pair" after two people named together ("Varga and
// Hale") is both of them.
func TestThePair(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"pair", "On Monday Anna Varga and Lena Hale missed a test. The pair said they had been in a crash.", "The pair", 0, "Anna Varga and Lena Hale", claimtrail.SpeakerGroup},
	})
}

// TestTheyAfterCollective: "they" after "In contrast, Steinle's family
// has ..." goes on with the family (a singular noun for several people,
// after a short opening phrase).
func TestTheyAfterCollective(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"family", "In contrast, Varga's family has expressed mixed views on the law. They have both condemned the mayor.", "They", 0, "Varga's family", claimtrail.SpeakerGroup},
	})
}

// TestCompanyNameWithAnd: a source that is the end of a company's name
// after "and" ("Iron and | Steel Co. said") is the whole name.
func TestCompanyNameWithAnd(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"and", "Shares fell. China's Hanjiang Iron and Steel Co. said it was delaying a share sale.", "Steel Co.", 0, "Hanjiang Iron and Steel Co.", claimtrail.SpeakerOrganization},
	})
}

// TestBodyInTitleCaseHeadline: a headline in title case collects no
// names; its source ending in a body's word is that body.
func TestBodyInTitleCaseHeadline(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"headline", "White House Asked Ex-President to Urge Vale to Quit Senate Race\n\nThe White House asked the former president to talk to Rep. Joe Vale.", "White House", 0, "White House", claimtrail.SpeakerOrganization},
		// near miss: a person described by party before the body's word
		{"person", "Top Ranking Republican In U.S. House Calls For New Vote\n\nOne of the highest-profile Republicans in the House said so on Monday.", "Top Ranking Republican In U.S. House", 0, "Top Ranking Republican In U.S. House", claimtrail.SpeakerDescription},
	})
}

// TestWhichAfterName: "X, which operates ..., told" is an organisation,
// whatever the name looks like.
func TestWhichAfterName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"which", "Users were warned. Lisa Openzone, which operates most hotspots in the city, told reporters it was safe.", "Lisa Openzone, which operates most hotspots in the city,", 0, "Lisa Openzone", claimtrail.SpeakerOrganization},
	})
}

// TestWebAddressFirstWord: a name opening with a web address ("Arduino.cc
// IDE") is a site's thing, not a person.
func TestWebAddressFirstWord(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"site's thing", "The boards shipped in May. Meanwhile the recently released Tarvo.cc IDE now reports that the boards are uncertified.", "the recently released Tarvo.cc IDE", 0, "Tarvo.cc IDE", claimtrail.SpeakerOrganization},
	})
}

// TestRoleBeforeNameOfPlace: "economist Gary Thayer of AG Edwards &
// Sons" is Thayer, as "Gary Thayer of ..." is.
func TestRoleBeforeNameOfPlace(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"role", "Jobs data lifted stocks, said economist Gary Vale of Hart Edwards & Sons on Monday.", "economist Gary Vale of Hart Edwards & Sons", 0, "Gary Vale", claimtrail.SpeakerPerson},
	})
}

// TestExecutiveBody: "the Scottish Executive" and "Radio 4" are bodies;
// "Chief Executive Martin Vale" is a person.
func TestExecutiveBody(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"body", "The ban was debated. The Welsh Executive said ministers would be told.", "The Welsh Executive", 0, "Welsh Executive", claimtrail.SpeakerOrganization},
		{"person", "Shares rose. Chief Executive Martin Vale said sales were strong.", "Chief Executive Martin Vale", 0, "Martin Vale", claimtrail.SpeakerPerson},
		{"station", "The show was cut. Radio 4 said the programme would not return.", "Radio 4", 0, "Radio 4", claimtrail.SpeakerOrganization},
	})
}
