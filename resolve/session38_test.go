package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestTitledSurnameNotBody: a headline's lone surname that is also a
// word for companies ("Post", read as a newspaper's) is no body a later
// "Dr Post" names when the article names a person of that surname in
// full: the titled name is that person's. Near miss: the word without a
// person's title ("The Post said") stays the body's.
func TestTitledSurnameNotBody(t *testing.T) {
	const opening = "Post hits back at critics\n\nRail union chief Anna Post was speaking after the vote on Monday. "
	runChainCases(t, []chainCase{
		{"a titled surname", opening + "Dr Post told reporters the plan was flawed.",
			[]string{"Dr Post"}, []int{0}, "Anna Post", claimtrail.SpeakerPerson},
		// near miss: no person's title
		{"no title", opening + "The Post said the plan was flawed.",
			[]string{"The Post"}, []int{0}, "Post", claimtrail.SpeakerOrganization},
	})
}
