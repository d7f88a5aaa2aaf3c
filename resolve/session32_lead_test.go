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
