package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestDefiniteChainToUnnamed: "the official" after "an official" (and
// after "the official" standing for it) is that unnamed official, not
// the official the article names elsewhere; "the official" right after a
// named one stays that person.
func TestDefiniteChainToUnnamed(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"a chain of definites", "Program\n\nIntelligence director Jane Morrow issued a statement on Thursday. A former agency official told reporters the program began in 2007. According to the official, the program is in its second phase. The official said the data center holds the material.",
			"The official", 0, "official", claimtrail.SpeakerDescription},
		// near miss: the only official before is named
		{"a named official", "Program\n\nThe official in charge, Jane Morrow, issued a statement on Thursday. The official said the data center holds the material.",
			"The official", 1, "Jane Morrow", claimtrail.SpeakerPerson},
	})
}

// TestRelayAsideNotSpeaker: an outlet that obtained or saw a document,
// set off by commas in the source, relays it and does not speak; a
// name in apposition still does.
func TestRelayAsideNotSpeaker(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"obtained by", "Memo\n\nThe memo, obtained by the Daily Ledger, says the banks were pressed to act.",
			"The memo, obtained by the Daily Ledger,", 0, "memo", claimtrail.SpeakerDescription},
		{"seen by", "Memo\n\nThe letter, seen by Reuters, says the banks were pressed to act.",
			"The letter, seen by Reuters,", 0, "letter", claimtrail.SpeakerDescription},
		// near miss: a name in apposition speaks
		{"a spokesman named", "Memo\n\nA spokesman, Tom Reyes, said the banks were pressed to act.",
			"A spokesman, Tom Reyes,", 0, "Tom Reyes", claimtrail.SpeakerPerson},
	})
}

// TestRelativeClauseSource: a source that is a whole relative clause
// ("who in 1991 accused ...") is whom "who" stands for when a name not
// governed by a preposition comes right before it; after "in Rome" the
// place is no speaker.
func TestRelativeClauseSource(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"after a name", "Hearing\n\nThe star witness was law professor Anita Hale, who in 1991 accused the nominee of misconduct.",
			"who in 1991", 0, "Anita Hale", claimtrail.SpeakerPerson},
		// near miss: a place before "who"
		{"after a place", "Meeting\n\nAn old friend he had not met in years, whom he saw in Rome, who is now a bishop, said hello.",
			"who is now a bishop,", 0, "who is now a bishop", claimtrail.SpeakerDescription},
	})
}

// TestTweetSignedByGivenName: a tweet signed with the given name alone
// ("— Kashana (@kashanacauley)") is the person the article named in
// full, whatever the given name.
func TestTweetSignedByGivenName(t *testing.T) {
	text := "Smear\n\nIn a damning tweet, writer Kashana Colvey summed up the smear campaign.\nHis apartment also contained an off duty cop.\nhttps://t.co/Nq5wDpmukq — Kashana (@kashanacolvey) September 13, 2018\n"
	runResolveCases(t, []resolveCase{
		{"signed tweet", text, "Kashana", 1, "Kashana Colvey", claimtrail.SpeakerPerson},
	})
}

// TestMotionSpeaks: a motion or an amendment speaks as a document does
// ("The council motion says ..."), a description, not an unknown.
func TestMotionSpeaks(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"a motion", "Council\n\nThe council motion says the visit would not be welcome in the borough.",
			"The council motion", 0, "council motion", claimtrail.SpeakerDescription},
		{"an amendment", "Vote\n\nThe amendment says the deal must be put to a second vote.",
			"The amendment", 0, "amendment", claimtrail.SpeakerDescription},
	})
}

// TestSeatDescription: "the MP for <seat>" is the subject of the sentence
// before when that is a person, else a description: never the seat as a
// person, nor a group of its "and".
func TestSeatDescription(t *testing.T) {
	runChainCases(t, []chainCase{
		{"the subject before", "Rivalry\n\nFormer welfare minister Frank Dobbin MP criticised the reported rivalry between the pair on Sunday.\n\n\"What sort of model does it give?\" the Labour MP for Birkenhead asked.",
			[]string{"Former welfare minister Frank Dobbin MP", "the Labour MP for Birkenhead"}, []int{0, 0}, "Frank Dobbin", claimtrail.SpeakerPerson},
		{"no one before", "Campaign\n\nThe campaign was long. The MP for Sittingbourne and Sheppey said voters were bored.",
			[]string{"The MP for Sittingbourne and Sheppey"}, []int{0}, "MP for Sittingbourne and Sheppey", claimtrail.SpeakerDescription},
	})
}
