package extract

import (
	"strings"
	"testing"
)

// TestInvertedHeadlineWithoutComma: a headline written "CLAIM says
// SOURCE" with no comma is the source's claim, read the right way round
// whether the model found it backwards or not at all; a headline whose
// words after "says" are a clause ("... says mayor should resign") or a
// pronoun is left alone.
func TestInvertedHeadlineWithoutComma(t *testing.T) {
	runBoundsCases(t, []boundsCase{
		{"a name", "Harbour tolls not needed says Okafor\n\nHarbour tolls are not needed to pay for the new quay, council leader Ada Okafor said on Monday.\n", "says",
			"Okafor", "Harbour tolls not needed"},
		{"a role", "Ferry service 'safe' says minister\n\nThe island's ferries are safe to use, according to the former transport minister Lin Moss.\n", "says",
			"minister", "Ferry service 'safe'"},
		{"an acronym", "Toll income still growing say RMT\n\nIncome from the bridge tolls rose again in May, the RMT union said on Friday.\n", "say",
			"RMT", "Toll income still growing"},
	})
	for _, text := range []string{
		"Council says mayor should resign\n\nThe council voted on Monday to ask the mayor to resign.\n",
		"Tolls will stay says he\n\nThe tolls will stay for now.\n",
	} {
		x := extractOrFail(t, text)
		for _, a := range x.Attributions {
			if a.Source != nil && a.Cue != nil && a.Source.Start > a.Cue.Start && a.Cue.End <= len([]rune(strings.SplitN(text, "\n", 2)[0])) {
				t.Errorf("%q: turned round, source %q content %+v", text, a.Source.Text, a.Content)
			}
		}
	}
}
