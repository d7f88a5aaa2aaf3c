package extract

import (
	"strings"
	"testing"
)

// TestQuoteBeforeNameAndApposition: "“...,” NAME, a DESCRIPTION, wrote on
// the forum" gives the quote to the name, not to a name inside the
// description ("an Evolution user") nor to the article's main speaker;
// a description without a name before it stays the source.
func TestQuoteBeforeNameAndApposition(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"apposition, wrote on", "Forums\n\nAnn Vell runs the lab, she says.\n\n“It made me ill for a week,” Dr. Tam, a Harlow user, wrote on the site’s forums after taking the pills that had been cut with a filler, and later tested by the lab. “I was laid up in bed.”\n", "wrote",
			"Dr. Tam, a Harlow user,", "“It made me ill for a week,”"},
		{"apposition, short clause", "Forums\n\nAnn Vell runs the lab, she says.\n\n“It made me ill for a week,” Dr. Tam, a Harlow user, wrote on the site’s forums. “I was laid up in bed.”\n", "wrote on",
			"Dr. Tam, a Harlow user", "“It made me ill for a week,” / “I was laid up in bed.”"},
		// near miss: a description alone
		{"description alone", "Forums\n\nAnn Vell runs the lab, she says.\n\n“It made me ill for a week,” one Harlow user wrote on the site’s forums. “I was laid up in bed.”\n", "wrote on",
			"one Harlow user", "“It made me ill for a week,” / “I was laid up in bed.”"},
	})
}

// TestPerfectPassiveIsNoReport: "X had been expected to win" says what
// others expected of X, as "X was expected to" does; X's own "had
// expected" stays a report.
func TestPerfectPassiveIsNoReport(t *testing.T) {
	for _, text := range []string{
		"Auction\n\nThe sale went ahead. Vellgaz had been expected to win the auction but failed to get finance.\n",
		"Injury\n\nThe winger is hurt. Tam Reed has been expected to be out for six weeks.\n",
	} {
		for _, a := range extractOrFail(t, text).Attributions {
			if a.Cue != nil && strings.Contains(a.Cue.Text, "expected") {
				t.Errorf("%q: printed %+v", text, a)
			}
		}
	}
	x := extractOrFail(t, "Auction\n\nThe sale went ahead. Vellgaz had expected to win the auction, its chief said.\n")
	attributionWith(t, x, "with cue had expected", hasCue("had expected"))
}
