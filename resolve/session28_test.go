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
