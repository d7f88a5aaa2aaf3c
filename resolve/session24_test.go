package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestItAfterName: a name without a given name reported with "it" as the
// agent of a verb ("said it has lowered prices", "said on Friday that it
// now owns") is an organisation, a plural-looking one too; "it" as a
// dummy subject ("said it was hard", "said it seemed unfair") is no such
// evidence.
func TestItAfterName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"it has", "Prices fell. Corvane Foods said it has lowered prices on fruit.", "Corvane Foods", 0, "Corvane Foods", claimtrail.SpeakerOrganization},
		{"that it now", "Prices fell. Tarvik Brand said on Friday that it now owns 8% of the firm.", "Tarvik Brand", 0, "Tarvik Brand", claimtrail.SpeakerOrganization},
		{"it was", "Prices fell. Keld Ostra said it was hard to watch.", "Keld Ostra", 0, "Keld Ostra", claimtrail.SpeakerPerson},
		{"it seemed", "Prices fell. Keld Ostra said it seemed unfair to the growers.", "Keld Ostra", 0, "Keld Ostra", claimtrail.SpeakerPerson},
		{"it would be", "Prices fell. Keld Ostra said it would be wrong to cut more.", "Keld Ostra", 0, "Keld Ostra", claimtrail.SpeakerPerson},
	})
}

// TestDescriptionBeforeGivenName: an office in capitals, a party's word
// or a noun for a person before a given name and a surname describes
// the person and is no part of the name; a given name the list knows
// ("Leo", "Viktor", "Yulia") lets "she" and "he" find its bearer.
func TestDescriptionBeforeGivenName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"office", "Talks went on. Irish PM Leo Varadkar said the deal was fair.", "Irish PM Leo Varadkar", 0, "Leo Varadkar", claimtrail.SpeakerPerson},
		{"party", "Talks went on. Lib Dem Norman Baker said the deal was a mess.", "Lib Dem Norman Baker", 0, "Norman Baker", claimtrail.SpeakerPerson},
		{"person noun", "Talks went on. Italian Historian Marco Tosatti said the letter was real.", "Italian Historian Marco Tosatti", 0, "Marco Tosatti", claimtrail.SpeakerPerson},
		{"she", "Prime Minister Yulia Tymoshenko spoke in Kiev. Later she said the firms would be sold.", "she", 1, "Yulia Tymoshenko", claimtrail.SpeakerPerson},
		{"given name", "Talks went on. Hungarian PM Viktor Orban said the fence would stay.", "Hungarian PM Viktor Orban", 0, "Viktor Orban", claimtrail.SpeakerPerson},
	})
}

// TestSubjectBeforeIt: a sentence-opening "it" left unresolved goes with
// the name that opens the sentence before as the subject of its verb, an
// organisation; a person's name there, or an adverb opening an inverted
// sentence, is no such name.
func TestSubjectBeforeIt(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"company", "Fuel costs rose. Kestrel has been hit by rising fuel costs. It has said it needs to cut jobs.", "It", 0, "Kestrel", claimtrail.SpeakerOrganization},
		{"person", "Fuel costs rose. Vera Lund has been hit by rising fuel costs. It has said it needs to cut jobs.", "It", 0, "", claimtrail.SpeakerUnknown},
		{"inverted", "Fuel costs rose. Never has there been such a rise. It has said it needs to cut jobs.", "It", 0, "", claimtrail.SpeakerUnknown},
	})
}

// TestSurveyedPeople: a source naming a survey's people ("Many of those
// questioned", "Some of those surveyed") is a description, not an
// unknown.
func TestSurveyedPeople(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"those questioned", "The poll was small. Many of those questioned said they used a landline.", "Many of those questioned", 0, "Many of those questioned", claimtrail.SpeakerDescription},
		{"those surveyed", "The poll was small. Some of those surveyed said they shy away from new gadgets.", "Some of those surveyed", 0, "Some of those surveyed", claimtrail.SpeakerDescription},
	})
}

// TestPlaceFirstName: a place and one more word, with no given name, is
// an institution there ("Scotland Yard said"); a place that is also a
// given name ("Rio Ferdinand") and a plural ("North Koreans") are not.
func TestPlaceFirstName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"institution", "Police were called. Scotland Yard said the march had been peaceful.", "Scotland Yard", 0, "Scotland Yard", claimtrail.SpeakerOrganization},
		{"given name", "The club lost. Rio Ferdinand said the team had been unlucky.", "Rio Ferdinand", 0, "Rio Ferdinand", claimtrail.SpeakerPerson},
	})
}

// TestSeatBeforeMP: "the Manchester Central MP" names a seat, not a
// person; in apposition after "and" a person's name takes it ("and
// Tony Lloyd, the Manchester Central MP, has pledged"); a name with a
// given name before "MP" stays ("the European Research Group's Jacob
// Rees-Mogg MP").
func TestSeatBeforeMP(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"apposition after and", "They signed a motion, and Tony Lloyd, the Manchester Central MP, has pledged to act.", "the Manchester Central MP,", 0, "Tony Lloyd", claimtrail.SpeakerPerson},
		{"seat alone", "Nobody was named. The East Midlands MEP, who quit the party, wants a new group.", "The East Midlands MEP, who quit the party,", 0, "", claimtrail.SpeakerUnknown},
		{"name before MP", "The vote was close. The group's Jacob Rees-Mogg MP said it would fail.", "The group's Jacob Rees-Mogg MP", 0, "Jacob Rees-Mogg", claimtrail.SpeakerPerson},
	})
}
