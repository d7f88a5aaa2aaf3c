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
