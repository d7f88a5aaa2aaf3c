package eval

import (
	"context"
	"encoding/json"
	"errors"
	"math"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/shareddata"
	"github.com/claimtrail/claimtrail/polnear"
)

func TestJaccard(t *testing.T) {
	tests := []struct {
		a, b Span
		want float64
	}{
		{Span{0, 10}, Span{0, 10}, 1},
		{Span{0, 10}, Span{10, 20}, 0},
		{Span{0, 10}, Span{5, 15}, 5.0 / 15},
		{Span{0, 10}, Span{0, 5}, 0.5},
		{Span{0, 4}, Span{2, 3}, 0.25},
		{Span{3, 3}, Span{0, 10}, 0},
	}
	for _, tt := range tests {
		if got := Jaccard(tt.a, tt.b); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Jaccard(%v, %v) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := Jaccard(tt.b, tt.a); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Jaccard is not symmetric for %v, %v", tt.a, tt.b)
		}
	}
}

// spans builds a one-role DocSpans, normalized as the scorer expects.
func spans(r Role, ss ...Span) DocSpans {
	var d DocSpans
	d[r] = ss
	d.normalize()
	return d
}

func TestScoreDocument(t *testing.T) {
	tests := []struct {
		name        string
		gold, pred  []Span
		exact, over int
	}{
		{"both empty", nil, nil, 0, 0},
		{"nothing predicted", []Span{{0, 5}}, nil, 0, 0},
		{"nothing to find", nil, []Span{{0, 5}}, 0, 0},
		{"exact", []Span{{0, 5}, {10, 20}}, []Span{{10, 20}, {0, 5}}, 2, 2},
		{"off by one is overlap only", []Span{{0, 10}}, []Span{{0, 9}}, 0, 1},
		{"jaccard exactly 0.5 counts", []Span{{0, 10}}, []Span{{0, 5}}, 0, 1},
		{"jaccard below 0.5 does not", []Span{{0, 10}}, []Span{{0, 4}}, 0, 0},
		{"disjoint", []Span{{0, 10}}, []Span{{20, 30}}, 0, 0},
		{"two predictions, one gold: one-to-one", []Span{{0, 10}}, []Span{{0, 9}, {1, 10}}, 0, 1},
		{"one prediction, two golds: one-to-one", []Span{{0, 9}, {1, 10}}, []Span{{0, 10}}, 0, 1},
		// Greedy best-first would pair P(0,10) with G(0,10) (Jaccard 1)
		// and leave P(0,12) without a partner; the maximum matching pairs
		// P(0,10)–G(2,10) and P(0,12)–G(0,10).
		{"maximum matching beats greedy", []Span{{0, 10}, {2, 10}}, []Span{{0, 10}, {0, 16}}, 1, 2},
		{"duplicates count once", []Span{{0, 5}, {0, 5}}, []Span{{0, 5}, {0, 5}, {0, 5}}, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rc := ScoreDocument(spans(Cue, tt.gold...), spans(Cue, tt.pred...))
			c := rc[Cue]
			if c.Exact != tt.exact || c.Overlap != tt.over {
				t.Errorf("exact %d overlap %d, want %d %d", c.Exact, c.Overlap, tt.exact, tt.over)
			}
			if c.Overlap < c.Exact || c.Exact > min(c.Gold, c.Predicted) || c.Overlap > min(c.Gold, c.Predicted) {
				t.Errorf("inconsistent counts %+v", c)
			}
			if rc[Source] != (Counts{}) || rc[Content] != (Counts{}) {
				t.Errorf("other roles scored: %+v", rc)
			}
		})
	}
}

func TestPRF(t *testing.T) {
	c := Counts{Gold: 10, Predicted: 5, Exact: 4, Overlap: 5}
	e, o := c.ExactPRF(), c.OverlapPRF()
	if e.Precision != 0.8 || e.Recall != 0.4 || math.Abs(e.F1-2*0.8*0.4/1.2) > 1e-9 {
		t.Errorf("exact %+v", e)
	}
	if o.Precision != 1 || o.Recall != 0.5 {
		t.Errorf("overlap %+v", o)
	}
	if z := (Counts{}).ExactPRF(); z != (PRF{}) {
		t.Errorf("empty counts give %+v, want zeros", z)
	}
}

func TestPredictedSpans(t *testing.T) {
	text := "“Yes,” said Zoë, “I did.”  \nShe left."
	sp := func(s, e int) claimtrail.Span { return claimtrail.Span{Start: s, End: e} }
	tests := []struct {
		name string
		attr claimtrail.Attribution
		want DocSpans
	}{
		{
			name: "split quote is one envelope, whitespace trimmed",
			attr: claimtrail.Attribution{Source: ptr(sp(11, 15)), Cue: ptr(sp(6, 11)), Content: []claimtrail.Span{sp(0, 6), sp(16, 27)}},
			want: DocSpans{{{12, 15}}, {{7, 11}}, {{0, 25}}},
		},
		{
			name: "no source, no cue",
			attr: claimtrail.Attribution{Content: []claimtrail.Span{sp(28, 37)}},
			want: DocSpans{nil, nil, {{28, 37}}},
		},
		{
			name: "only whitespace is dropped, past the end is clamped",
			attr: claimtrail.Attribution{Cue: ptr(sp(25, 27)), Content: []claimtrail.Span{sp(28, 99)}},
			want: DocSpans{nil, nil, {{28, 37}}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := PredictedSpans(text, []claimtrail.Attribution{tt.attr})
			for r := range got {
				if !equalSpans(got[r], tt.want[r]) {
					t.Errorf("%s: got %v, want %v", Role(r), got[r], tt.want[r])
				}
			}
		})
	}
}

func ptr[T any](v T) *T { return &v }

func equalSpans(a, b []Span) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

const testSplit = "../polnear/testdata/split"

func TestGoldSpans(t *testing.T) {
	doc, err := polnear.ReadDocument(testSplit, "gazette_2020-01-02_demo-article")
	if err != nil {
		t.Fatal(err)
	}
	g := GoldSpans(doc)
	// Sources: Zoë Smith, She, The mayor (E4 has none).
	if want := []Span{{20, 29}, {45, 48}, {75, 84}}; !equalSpans(g[Source], want) {
		t.Errorf("sources %v, want %v", g[Source], want)
	}
	// Contents: the split quote's envelope (0-42, also E2's Content2,
	// counted once), E2's own quote, the that-clause, the no-source one.
	if want := []Span{{0, 42}, {56, 74}, {94, 114}, {128, 147}}; !equalSpans(g[Content], want) {
		t.Errorf("contents %v, want %v", g[Content], want)
	}
	if len(g[Cue]) != 4 {
		t.Errorf("cues %v, want 4", g[Cue])
	}
}

// oracle is an extractor that returns a split's gold attributions, with
// discontinuous contents as several pieces, as the real extractor does
// for a quote split by its cue.
type oracle struct {
	byText map[string]*polnear.Document
	// drop removes the first n attributions of each document.
	drop int
	fail bool
	boom bool
}

func (o *oracle) Version() string { return "oracle" }

func (o *oracle) Extract(ctx context.Context, text string) (*claimtrail.Extraction, error) {
	if o.fail {
		return nil, errors.New("no luck")
	}
	if o.boom {
		panic("boom")
	}
	doc := o.byText[text]
	out := &claimtrail.Extraction{}
	conv := func(s *polnear.Span) *claimtrail.Span {
		if s == nil {
			return nil
		}
		return &claimtrail.Span{Start: s.Start, End: s.End, Text: s.Text}
	}
	for i, a := range doc.Attributions {
		if i < o.drop {
			continue
		}
		ca := claimtrail.Attribution{Source: conv(a.Source), Cue: conv(a.Cue)}
		if a.Content != nil {
			for _, f := range a.Content.Fragments {
				ca.Content = append(ca.Content, claimtrail.Span{Start: f.Start, End: f.End, Text: f.Text})
			}
		}
		out.Attributions = append(out.Attributions, ca)
	}
	return out, nil
}

func newOracle(t *testing.T) *oracle {
	docs, err := polnear.ReadDir(testSplit)
	if err != nil {
		t.Fatal(err)
	}
	o := &oracle{byText: map[string]*polnear.Document{}}
	for i := range docs {
		o.byText[docs[i].Text] = &docs[i]
	}
	return o
}

func TestPolNeAR(t *testing.T) {
	ctx := context.Background()
	t.Run("perfect extractor", func(t *testing.T) {
		rep, err := PolNeAR(ctx, testSplit, newOracle(t), 3)
		if err != nil {
			t.Fatal(err)
		}
		if rep.Documents != 1 || rep.GoldAttributions != 4 || len(rep.Failures) != 0 {
			t.Fatalf("report %+v", rep)
		}
		for _, r := range Roles {
			c := rep.Total[r]
			// E2's Content2 (the split quote again) is not predicted, but
			// it duplicates E1's content, so recall is still full.
			if c.ExactPRF().F1 != 1 || c.OverlapPRF().F1 != 1 {
				t.Errorf("%s: %+v, want F1 = 1", r, c)
			}
		}
		if len(rep.Publishers) != 1 || rep.Publishers[0].Publisher != "gazette" || rep.Publishers[0].Counts != rep.Total {
			t.Errorf("publishers %+v", rep.Publishers)
		}
		var b strings.Builder
		if err := rep.WriteText(&b); err != nil || !strings.Contains(b.String(), "100.0") {
			t.Errorf("text report (%v):\n%s", err, b.String())
		}
	})
	t.Run("half the attributions", func(t *testing.T) {
		o := newOracle(t)
		o.drop = 2
		rep, err := PolNeAR(ctx, testSplit, o, 0)
		if err != nil {
			t.Fatal(err)
		}
		// Dropped E1 and E2: sources Zoë Smith and She, two cues, two
		// contents (the split quote and E2's quote).
		for _, r := range Roles {
			c := rep.Total[r]
			if c.ExactPRF().Precision != 1 || c.Exact != c.Predicted || c.Gold-c.Exact != 2 {
				t.Errorf("%s: %+v", r, c)
			}
		}
	})
	for _, tt := range []struct {
		name string
		o    *oracle
	}{{"extractor error", &oracle{fail: true}}, {"extractor panic", &oracle{boom: true}}} {
		t.Run(tt.name, func(t *testing.T) {
			rep, err := PolNeAR(ctx, testSplit, tt.o, 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(rep.Failures) != 1 || rep.Total[Content].Gold != 4 || rep.Total[Content].Predicted != 0 {
				t.Errorf("failures %v totals %+v", rep.Failures, rep.Total)
			}
		})
	}
	t.Run("not a split", func(t *testing.T) {
		if _, err := PolNeAR(ctx, "testdata", newOracle(t), 1); err == nil {
			t.Error("want an error")
		}
	})
}

// nothing is the extractor as first stubbed: it finds nothing.
type nothing struct{}

func (nothing) Version() string { return "nothing" }
func (nothing) Extract(context.Context, string) (*claimtrail.Extraction, error) {
	return &claimtrail.Extraction{}, nil
}

// TestPolNeARSharedDev scores an extractor that finds nothing on the real
// dev split: every score is 0 and every gold span is counted, and an
// oracle returning the gold scores 100.
func TestPolNeARSharedDev(t *testing.T) {
	dir := shareddata.Dir(t, "polnear", "dev")
	rep, err := PolNeAR(context.Background(), dir, nothing{}, 0)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("dev: %d documents, %d gold attributions, gold spans source %d cue %d content %d, scored in %v",
		rep.Documents, rep.GoldAttributions, rep.Total[Source].Gold, rep.Total[Cue].Gold, rep.Total[Content].Gold, time.Duration(rep.Elapsed))
	if rep.Documents != 84 || len(rep.Publishers) != 7 {
		t.Errorf("%d documents, %d publishers", rep.Documents, len(rep.Publishers))
	}
	for _, r := range Roles {
		c := rep.Total[r]
		if c.Gold < 1000 || c.Predicted != 0 || c.ExactPRF() != (PRF{}) || c.OverlapPRF() != (PRF{}) {
			t.Errorf("%s: %+v", r, c)
		}
	}

	docs, err := polnear.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	o := &oracle{byText: map[string]*polnear.Document{}}
	for i := range docs {
		o.byText[docs[i].Text] = &docs[i]
	}
	rep, err = PolNeAR(context.Background(), dir, o, 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range Roles {
		c := rep.Total[r]
		// The oracle does not predict Content2 arguments, so content
		// recall may fall just short of 1.
		if c.ExactPRF().Precision != 1 || c.ExactPRF().Recall < 0.97 || c.Overlap < c.Exact {
			t.Errorf("oracle %s: %+v", r, c)
		}
		t.Logf("oracle %s: %+v", r, c)
	}
}

func TestRoleCountsJSON(t *testing.T) {
	rc := RoleCounts{{Gold: 4, Predicted: 2, Exact: 1, Overlap: 2}, {Gold: 1}, {Predicted: 3}}
	b, err := json.Marshal(rc)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"source":{"gold":4,"predicted":2,"exact":1,"overlap":2,"exact_prf":{"precision":0.5,"recall":0.25`) {
		t.Errorf("JSON %s", b)
	}
	var back RoleCounts
	if err := json.Unmarshal(b, &back); err != nil || back != rc {
		t.Errorf("round trip gave %+v (%v), want %+v", back, err, rc)
	}
}
