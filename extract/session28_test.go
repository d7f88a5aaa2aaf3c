package extract

import (
	"context"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// extractOf runs the default extractor on text.
func extractOf(t *testing.T, text string) []claimtrail.Attribution {
	t.Helper()
	e, err := defaultExtractor()
	if err != nil {
		t.Fatal(err)
	}
	x, err := e.Extract(context.Background(), text)
	if err != nil {
		t.Fatal(err)
	}
	return x.Attributions
}

// contentPieces joins an attribution's content pieces with " | ".
func contentPieces(a claimtrail.Attribution) string {
	var parts []string
	for _, c := range a.Content {
		parts = append(parts, c.Text)
	}
	return strings.Join(parts, " | ")
}

// TestInvertedCueBeforeQuote: "X, writes Y, “...”" is Y's claim about X
// (the subject and the quote its content), with or without the model
// leaving Y out of the content; a short adverbial before the cue stays
// out of the claim; a name with its apposition before "said" stays the
// speaker.
func TestInvertedCueBeforeQuote(t *testing.T) {
	for _, tc := range []struct {
		text, cue, speaker, content string
	}{
		{"Church matters\n\nFrancis, writes Royal, “has little use for established procedures, precedents, even legal structures within the Church.”\n",
			"writes", "Royal", "Francis | “has little use for established procedures, precedents, even legal structures within the Church.”"},
		{"Prices\n\nThe economy, says Ms Lopez, “is not what it was ten years ago.” Ms Lopez runs a shop in the town.\n",
			"says", "Lopez", "The economy | “is not what it was ten years ago.”"},
		{"Spam\n\nFor instance, said Mr Hogan, filtering out messages that contain a web link can stop about 75% of spam.\n",
			"said", "Hogan", "filtering out messages that contain a web link can stop about 75% of spam"},
		{"Film prizes\n\nAlain Terzian, president of the academy, said the changes, which come into force next year, were overdue.\n",
			"said", "Alain Terzian", "the changes, which come into force next year, were overdue"},
	} {
		var got []string
		found := false
		for _, a := range extractOf(t, tc.text) {
			if a.Cue == nil || a.Cue.Text != tc.cue {
				continue
			}
			got = append(got, a.Speaker.Name+": "+contentPieces(a))
			found = found || strings.HasSuffix(a.Speaker.Name, tc.speaker) && contentPieces(a) == tc.content
		}
		if !found {
			t.Errorf("%q: got %q, want %s: %q", tc.text, got, tc.speaker, tc.content)
		}
	}
}
