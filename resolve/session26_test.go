package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestLeaderNotTalkedAbout: "the Tory leader" after a sentence whose
// subject is one titled person and whose prepositional phrase names
// another ("under Mr Vane") is the subject; a name after "from" may be
// who talks and stays first.
func TestLeaderNotTalkedAbout(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"under", "Asylum row\n\nMr Kell has attacked the cost of the asylum system under Mr Vane. The Tory leader said councils had spent more than ever.",
			"The Tory leader", 0, "Kell", claimtrail.SpeakerPerson},
		{"from", "ID cards\n\nMr Kell has vowed to press on with the cards despite a call to pause from Mr Vane. The Lib Dem leader said the resignation was a chance to think again.",
			"The Lib Dem leader", 0, "Vane", claimtrail.SpeakerPerson},
	})
}
