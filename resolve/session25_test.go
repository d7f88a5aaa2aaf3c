package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
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
