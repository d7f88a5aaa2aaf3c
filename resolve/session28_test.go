package resolve

import (
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestOutletIsNoOneSalient: a name the article writes after a word for an
// outlet ("the Danish tabloid Ekstra Bladet") is not whom "the minister"
// or "he" stands for; a name written after a word for a person's job
// still is.
func TestOutletIsNoOneSalient(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"tabloid", "Gangs\n\nPolice told the Danish tabloid Ekstra Bladet that the gang was growing. The minister said that the plan would fail.",
			"The minister", 0, "minister", claimtrail.SpeakerDescription},
		{"newspaper he", "Gangs\n\nPolice told the newspaper Ekstra Bladet that the gang was growing. He said that the plan would fail.",
			"He", 0, "", ""},
		{"producer", "Awards night\n\nThe show's producer Arne Vold told a press conference the host was ready. He said that the plan would work.",
			"He", 0, "Arne Vold", claimtrail.SpeakerPerson},
	})
}

// TestGivenNameOpeningSentence: a given name alone that opens a sentence
// ("Jane, who runs the website, compiles ...") is whom a following "she
// said" stands for, before titles of works named earlier.
func TestGivenNameOpeningSentence(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"jane", "Gaming\n\nSome people bought a copy of World of Warcraft in the first days. The stories can be found on one blog, Daily Grind. Jane, who runs the website, compiles a chronicle of stories. \"I am convinced that many people play too much,\" she said.",
			"she", 0, "Jane", claimtrail.SpeakerPerson},
	})
}

// TestNationalityWithAge: "the 24-year-old Swiss" is the person just
// named, as "the Swiss" is; a nationality nobody named stands for is an
// explicit unknown, never a person called "Brazilian".
func TestNationalityWithAge(t *testing.T) {
	runResolveCases(t, []resolveCase{
		{"aged", "Tennis\n\nRoger Keller beat Tim Hale in the final on Sunday. The 24-year-old Swiss said he was happy with the win.",
			"The 24-year-old Swiss", 0, "Roger Keller", claimtrail.SpeakerPerson},
		{"plain", "Tennis\n\nRoger Keller beat Tim Hale in the final on Sunday. The Swiss said he was happy with the win.",
			"The Swiss", 0, "Roger Keller", claimtrail.SpeakerPerson},
		{"nobody", "Football\n\nThe club was involved in a row after the match on Sunday. The Brazilian confirmed tempers had flared.",
			"The Brazilian", 0, "", claimtrail.SpeakerUnknown},
	})
}
