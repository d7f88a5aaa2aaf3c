package extract

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
)

func TestVerbLemma(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"said", "say", true},
		{"says", "say", true},
		{"claims", "claim", true},
		{"argued", "argue", true},
		{"denies", "deny", true},
		{"planned", "plan", true},
		{"admitting", "admit", true},
		{"told", "tell", true},
		{"believes", "believe", true},
		{"walked", "walked", false}, // no communication or cognition sense
		{"the", "the", false},
	} {
		got, ok := verbLemma(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("verbLemma(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// TestEmbeddedStatementModel: the shipped model loads, drops something
// (a threshold above 0) and writes back to the same bytes.
func TestEmbeddedStatementModel(t *testing.T) {
	m, err := loadStatementModel()
	if err != nil {
		t.Fatal(err)
	}
	if m.Threshold <= 0 || m.Threshold >= 1 {
		t.Errorf("threshold %v, want in (0,1)", m.Threshold)
	}
	if len(m.weights) < 100 {
		t.Errorf("%d weights, want a trained model", len(m.weights))
	}
	if !bytes.Equal(m.Bytes(), statementModelBytes) {
		t.Error("the embedded model does not write back to its own bytes")
	}
}

func TestReadStatementModelErrors(t *testing.T) {
	for _, tc := range []struct{ name, in, want string }{
		{"empty", "", "empty"},
		{"header", "some other file\n", "header"},
		{"no tab", statementHeader + "\n0.5 bias\n", "no tab"},
		{"weight", statementHeader + "\nheavy\tbias\n", "weight"},
		{"threshold", statementHeader + "\nthreshold\thigh\n", "threshold"},
	} {
		_, err := readStatementModel([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: error %v, want one mentioning %q", tc.name, err, tc.want)
		}
	}
}

// ferryText is an invented article: speech, and actions or knowledge a
// statement-like cue could be read from.
const ferryText = `Ferry fares to rise as council backs budget

Councillor Ben Ardo, who knows a thing or two about boats, voted against the budget.
The Harbor council backed a budget on Tuesday.
"We cannot keep the boats running on goodwill," said Mara Tellen, the council's treasurer.
Tellen said the increase would be reviewed next year.
A spokesman for Tidewater Ferries said the company welcomed the decision.
`

func extractWith(t *testing.T, ctx context.Context, text string) []claimtrail.Attribution {
	t.Helper()
	// the statement model judges what PolNeAR would: the stances view
	e := newExtractor(t).WithStances(true)
	x, err := e.Extract(ctx, text)
	if err != nil {
		t.Fatal(err)
	}
	return x.Attributions
}

func cueTexts(atts []claimtrail.Attribution) []string {
	var out []string
	for _, a := range atts {
		if a.Cue != nil {
			out = append(out, a.Cue.Text)
		}
	}
	return out
}

// TestStatementFilter: with the embedded model, backing a budget is no
// statement and saying is; a model that rejects everything still keeps the
// verbatim quote of a named person and drops the rest.
func TestStatementFilter(t *testing.T) {
	all := []claimtrail.Attribution{}
	ctx := withStatementCollector(context.Background(), func(c statementCandidate) { all = append(all, c.Att) })
	if got := extractWith(t, ctx, ferryText); len(got) != len(all) {
		t.Fatalf("collecting: %d attributions out, %d judged; the collector must keep all", len(got), len(all))
	}
	if !strings.Contains(strings.Join(cueTexts(all), "|"), "backed") {
		t.Fatalf("cues %q: the fixture no longer tempts the extractor with \"backed\"", cueTexts(all))
	}
	kept := cueTexts(extractWith(t, context.Background(), ferryText))
	for _, tc := range []struct {
		cue  string
		keep bool
	}{
		{"backed", false},
		{"said", true},
	} {
		has := false
		for _, c := range kept {
			has = has || c == tc.cue
		}
		if has != tc.keep {
			t.Errorf("cue %q kept=%v, want %v (kept %q)", tc.cue, has, tc.keep, kept)
		}
	}

	never := &StatementModel{weights: map[string]float64{"bias": -50}, Threshold: 0.5}
	got := extractWith(t, WithStatementModel(context.Background(), never), ferryText)
	if len(got) != 1 || got[0].Speaker.Name != "Mara Tellen" || len(got[0].Quotes) == 0 {
		t.Errorf("a model rejecting all kept %d attributions (%q), want only Mara Tellen's quote", len(got), cueTexts(got))
	}
}
