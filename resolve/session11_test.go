package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestRelativeAfterDefiniteDescription: "The congressman, who said" is the
// congressman the article names; an indefinite one is someone new.
func TestRelativeAfterDefiniteDescription(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"definite", "Rep. Dale Okafor of Ohio spoke on Monday. The congressman, who described the vote as a farce, left early.", "who", 0, "Dale Okafor", claimtrail.SpeakerPerson},
		// near miss: an indefinite description names no one known
		{"indefinite", "Rep. Dale Okafor of Ohio spoke on Monday. A congressman, who described the vote as a farce, left early.", "who", 0, "congressman", claimtrail.SpeakerDescription},
	})
}
