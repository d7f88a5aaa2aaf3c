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
