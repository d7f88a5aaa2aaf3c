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

// TestPartyMemberIsNoName: "the Senate’s top Democrat" is one person
// described by party, and no "he" goes back to a person named "Tory".
func TestPartyMemberIsNoName(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"described by party", "Candidates clashed on Monday while the Senate’s top Democrat said he objected to the plan.", "the Senate’s top Democrat", 0, "Senate’s top Democrat", claimtrail.SpeakerDescription},
		{"with a noun after it", "Another senior Tory MP said the plan was dead.", "Another senior Tory MP", 0, "Another senior Tory MP", claimtrail.SpeakerDescription},
		{"no pronoun goes back to it", "Harriet Okoye chairs the committee. A senior Tory attacked the plan on Monday. She said it would fail.", "She", 0, "Harriet Okoye", claimtrail.SpeakerPerson},
		// near miss: the party's name for the party itself
		{"the party", "The Tories said the plan was dead.", "The Tories", 0, "Tories", claimtrail.SpeakerGroup},
	})
}

// TestPronounAfterAndIsTheSubject: "Mr. Hanley’s wife, ..., had it moved,
// and she asked" is the wife's, not a woman's name from paragraphs back
// nor a place read as one.
func TestPronounAfterAndIsTheSubject(t *testing.T) {
	const story = "Dora Fisk chaired the inquiry. The money paid for a stay at the Martha’s Vineyard Holistic Retreat, the report said. " +
		"A year later, Mr. Hanley’s wife, knowing the painting was bought with campaign money, had it moved, and she asked a staff member to sell it."
	runResolveCases(t, []resolveCase{
		{"the subject", story, "she", 0, "Mr. Hanley’s wife", claimtrail.SpeakerDescription},
		// near miss: a pronoun of the other gender is not the wife
		{"other gender", "Paul Fisk chaired the inquiry. A year later, Mr. Hanley’s wife had it moved, and he asked a staff member to sell it.", "he", 1, "Paul Fisk", claimtrail.SpeakerPerson},
	})
}

// TestRelativeAfterPlural: "who" after a plural noun is the noun phrase
// it ends, not the words before its preposition.
func TestRelativeAfterPlural(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"past a preposition", "That was the point of contention for Democratic lawmakers who complained about the reading.", "who", 0, "Democratic lawmakers", claimtrail.SpeakerGroup},
		{"adjectives kept", "The plan drew fire from many angry farmers who said it came too late.", "who", 0, "many angry farmers", claimtrail.SpeakerGroup},
	})
}
