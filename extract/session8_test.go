package extract

import (
	"os"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestThingSource: a thing that shows something says nothing; people the
// resolver describes, counts of people and documents still speak.
func TestThingSource(t *testing.T) {
	article, err := os.ReadFile("testdata/harbour.txt")
	if err != nil {
		t.Fatal(err)
	}
	text := string(article)
	runExtractCases(t, []extractCase{
		{"footage", text, "waves had broken over the wall", false, "", ""},
		// near misses
		{"an office", text, "it would be free to use", true, "harbour office", claimtrail.SpeakerDescription},
		{"critics", text, "the cost will double", true, "Critics", claimtrail.SpeakerDescription},
		{"records", text, "the pier was last repaired", true, "-", ""},
		{"a count of people", text, "the fees were too high", true, "-", ""},
	})
}
