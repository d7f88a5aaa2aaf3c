package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/sqlite"
)

// queryStore writes a store with known attributions (no extractor
// involved) and returns its path.
func queryStore(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "q.db")
	st, err := sqlite.Open(context.Background(), db)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	span := func(text, s string) *claimtrail.Span {
		i := strings.Index(text, s)
		if i < 0 {
			t.Fatalf("%q not in %q", s, text)
		}
		start := len([]rune(text[:i]))
		return &claimtrail.Span{Start: start, End: start + len([]rune(s)), Text: s}
	}
	mk := func(url, outlet, published, text string, quotes ...[5]string) *claimtrail.Article {
		a := &claimtrail.Article{Source: url, URL: url, Outlet: outlet, Title: "About " + outlet, Text: text, ExtractorVersion: "test"}
		if published != "" {
			a.Published, _ = time.Parse(time.RFC3339, published)
		}
		for _, q := range quotes { // speaker, source, cue, content, kind
			at := claimtrail.Attribution{Kind: claimtrail.Kind(q[4]), Source: span(text, q[1]), Cue: span(text, q[2]),
				Content: []claimtrail.Span{*span(text, q[3])}, Speaker: claimtrail.Speaker{Name: q[0], Kind: claimtrail.SpeakerPerson}, Confidence: 0.8}
			if strings.Contains(text, "without evidence") {
				at.Markers = []claimtrail.Marker{{Type: claimtrail.MarkerUnsupported, Span: *span(text, "without evidence")}}
			}
			if strings.Contains(text, "on Twitter") {
				at.Channel = "Twitter"
			}
			a.Attributions = append(a.Attributions, at)
		}
		return a
	}
	t1 := `Mayor Rita Solberg said "the bridge will reopen in June" on Monday.`
	t2 := `Rita Solberg wrote on Twitter that the bridge would reopen in June.`
	t3 := `Tomas Ekdal claimed without evidence that "the budget is empty".`
	_, err = st.PutBatch(context.Background(), claimtrail.Batch{
		Articles: []*claimtrail.Article{
			mk("https://ledger.example/1", "Lakeside Ledger", "2024-03-01T09:00:00Z", t1, [5]string{"Rita Solberg", "Mayor Rita Solberg", "said", `"the bridge will reopen in June"`, "direct"}),
			mk("https://harbor.example/2", "Harbor Daily", "2024-03-02T09:00:00Z", t2, [5]string{"Rita Solberg", "Rita Solberg", "wrote", "the bridge would reopen in June", "indirect"}),
			mk("https://harbor.example/3", "Harbor Daily", "2024-03-03T09:00:00Z", t3, [5]string{"Tomas Ekdal", "Tomas Ekdal", "claimed", `"the budget is empty"`, "direct"}),
		},
		Errors: []claimtrail.IngestError{{Source: "broken.warc", Reason: "truncated WARC"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return db
}

func TestStatsJSONShape(t *testing.T) {
	db := queryStore(t)
	out, _, err := runCLI(t, "stats", "--db", db, "--output", "json")
	if err != nil {
		t.Fatal(err)
	}
	var obj map[string]any
	if err := json.Unmarshal([]byte(out), &obj); err != nil {
		t.Fatalf("not one JSON object: %v\n%s", err, out)
	}
	want := map[string]float64{"articles": 3, "attributions": 3, "speakers": 2, "errors": 1}
	for k, v := range want {
		if obj[k] != v {
			t.Errorf("%s = %v, want %v", k, obj[k], v)
		}
	}
	out, _, _ = runCLI(t, "stats", "--db", db, "--output", "table")
	if !strings.Contains(out, "articles:") || !strings.Contains(out, "attributions:") {
		t.Errorf("table stats: %q", out)
	}
}

func TestErrorsJSONShape(t *testing.T) {
	db := queryStore(t)
	out, _, err := runCLI(t, "errors", "--db", db, "--output", "json")
	if err != nil {
		t.Fatal(err)
	}
	var list []struct {
		Source, Reason string
		Time           time.Time
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil {
		t.Fatalf("not a JSON list: %v\n%s", err, out)
	}
	if len(list) != 1 || list[0].Source != "broken.warc" || list[0].Reason != "truncated WARC" || list[0].Time.IsZero() {
		t.Errorf("errors %+v", list)
	}
}

func TestQuotesCommand(t *testing.T) {
	db := queryStore(t)
	tests := []struct {
		args []string
		want []string // contents in order
	}{
		{nil, []string{`"the bridge will reopen in June"`, "the bridge would reopen in June", `"the budget is empty"`}},
		{[]string{"--speaker", "rita solberg"}, []string{`"the bridge will reopen in June"`, "the bridge would reopen in June"}},
		{[]string{"--outlet", "Harbor Daily", "--kind", "direct"}, []string{`"the budget is empty"`}},
		{[]string{"--since", "2024-03-02"}, []string{"the bridge would reopen in June", `"the budget is empty"`}},
		{[]string{"--until", "2024-03-02"}, []string{`"the bridge will reopen in June"`, "the bridge would reopen in June"}},
		{[]string{"--until", "2024-03"}, []string{`"the bridge will reopen in June"`, "the bridge would reopen in June", `"the budget is empty"`}},
		{[]string{"--marker", "unsupported"}, []string{`"the budget is empty"`}},
		{[]string{"--channel", "twitter"}, []string{"the bridge would reopen in June"}},
		{[]string{"--article", "https://ledger.example/1"}, []string{`"the bridge will reopen in June"`}},
		{[]string{"--limit", "1"}, []string{`"the bridge will reopen in June"`}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, errOut, err := runCLI(t, append([]string{"quotes", "--db", db}, tt.args...)...)
			if err != nil {
				t.Fatalf("%v: %s", err, errOut)
			}
			var got []string
			for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
				if line == "" {
					continue
				}
				var row claimtrail.AttributionRow
				if err := json.Unmarshal([]byte(line), &row); err != nil {
					t.Fatalf("not JSONL (the default off a terminal): %v\n%s", err, out)
				}
				got = append(got, row.ContentText())
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
	for _, bad := range [][]string{{"--kind", "shouted"}, {"--since", "yesterday"}, {"--limit", "5000"}, {"--after", "%%%"}} {
		_, _, err := runCLI(t, append([]string{"quotes", "--db", db}, bad...)...)
		if claimtrail.ErrorCode(err) != claimtrail.EINVALID {
			t.Errorf("quotes %v: %v, want EINVALID (exit 2)", bad, err)
		}
	}
	if _, _, err := runCLI(t, "quotes", "--db", filepath.Join(t.TempDir(), "missing.db")); claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND {
		t.Errorf("missing store: %v, want not found", err)
	}
}

func TestQuotesOutputFormats(t *testing.T) {
	db := queryStore(t)
	out, _, err := runCLI(t, "quotes", "--db", db, "--output", "json")
	if err != nil {
		t.Fatal(err)
	}
	var rows []claimtrail.AttributionRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil || len(rows) != 3 {
		t.Fatalf("json: %d rows, %v", len(rows), err)
	}
	if rows[0].Outlet != "Lakeside Ledger" || rows[0].Speaker.Name != "Rita Solberg" || rows[0].URL == "" {
		t.Errorf("json row %+v", rows[0])
	}
	out, _, _ = runCLI(t, "quotes", "--db", db, "--output", "csv")
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if err != nil || len(recs) != 4 || recs[0][0] != "id" {
		t.Fatalf("csv: %v %v", recs, err)
	}
	out, _, _ = runCLI(t, "quotes", "--db", db, "--output", "table")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || !strings.HasPrefix(lines[0], "ID") || !strings.Contains(lines[1], "Rita Solberg") {
		t.Errorf("table:\n%s", out)
	}
	out, _, _ = runCLI(t, "quotes", "--db", db, "--output", "json", "--speaker", "Nobody")
	if strings.TrimSpace(out) != "[]" {
		t.Errorf("empty json listing is %q, want []", out)
	}
}

func TestQuotesPagesThroughAll(t *testing.T) {
	db := queryStore(t)
	st := openDB(t, db)
	var ids []int64
	after := ""
	for range 10 {
		rows, next, err := st.Attributions(context.Background(), claimtrail.AttributionFilter{Limit: 2, After: after})
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range rows {
			ids = append(ids, r.ID)
		}
		if next == "" {
			break
		}
		after = next
	}
	out, _, err := runCLI(t, "quotes", "--db", db, "--limit", "2", "--after", after, "--output", "json")
	if err != nil {
		t.Fatal(err)
	}
	var last []claimtrail.AttributionRow
	json.Unmarshal([]byte(out), &last)
	if len(ids) != 3 || len(last) != 1 || last[0].ID != ids[2] {
		t.Errorf("pages %v, last page via CLI %+v", ids, last)
	}
}

func TestSearchCommand(t *testing.T) {
	db := queryStore(t)
	out, _, err := runCLI(t, "search", "--db", db, "--output", "json", "reopen", "june")
	if err != nil {
		t.Fatal(err)
	}
	var hits []claimtrail.SearchHit
	if err := json.Unmarshal([]byte(out), &hits); err != nil {
		t.Fatal(err)
	}
	if len(hits) != 2 {
		t.Fatalf("%d hits, want 2: %s", len(hits), out)
	}
	for _, h := range hits {
		if h.Speaker.Name != "Rita Solberg" || !strings.Contains(h.MarkedSnippet("[", "]"), "[reopen]") || len(h.Matches) == 0 || strings.Contains(h.Snippet, "[") {
			t.Errorf("hit %+v: want the speaker and a highlighted snippet", h)
		}
	}
	out, _, _ = runCLI(t, "search", "--db", db, "--output", "table", "budget")
	if !strings.Contains(out, "Tomas Ekdal") || !strings.Contains(out, "[budget]") {
		t.Errorf("table search:\n%s", out)
	}
	out, _, _ = runCLI(t, "search", "--db", db, "--output", "json", "--articles", "mayor")
	var arts []map[string]any
	json.Unmarshal([]byte(out), &arts)
	if len(arts) != 1 || arts[0]["url"] != "https://ledger.example/1" || arts[0]["id"] == nil {
		t.Errorf("article search: %s", out)
	}
	for _, key := range []string{"kind", "content", "speaker", "source_text"} {
		if len(arts) == 1 && arts[0][key] != nil {
			t.Errorf("article hit has attribution field %q: %s", key, out)
		}
	}
	if _, _, err := runCLI(t, "search", "--db", db, "!!!"); claimtrail.ErrorCode(err) != claimtrail.EINVALID {
		t.Errorf("empty query: %v", err)
	}
}

func TestSpeakersShowExport(t *testing.T) {
	db := queryStore(t)
	out, _, err := runCLI(t, "speakers", "--db", db, "--output", "json")
	if err != nil {
		t.Fatal(err)
	}
	var sp []claimtrail.SpeakerStat
	json.Unmarshal([]byte(out), &sp)
	if len(sp) != 2 || sp[0].Name != "Rita Solberg" || sp[0].Attributions != 2 || sp[0].Outlets != 2 {
		t.Errorf("speakers: %s", out)
	}
	out, _, _ = runCLI(t, "speakers", "--db", db, "--output", "json", "ekdal")
	json.Unmarshal([]byte(out), &sp)
	if len(sp) != 1 || sp[0].Name != "Tomas Ekdal" {
		t.Errorf("speakers ekdal: %s", out)
	}

	out, _, err = runCLI(t, "show", "--db", db, "--output", "json", "https://harbor.example/3")
	if err != nil {
		t.Fatal(err)
	}
	var a claimtrail.Article
	if err := json.Unmarshal([]byte(out), &a); err != nil || len(a.Attributions) != 1 || a.Attributions[0].Markers[0].Type != claimtrail.MarkerUnsupported {
		t.Errorf("show json: %v %s", err, out)
	}
	out, _, _ = runCLI(t, "show", "--db", db, "--output", "table", "1")
	if !strings.Contains(out, "Mayor Rita Solberg said") || !strings.Contains(out, "[1] Rita Solberg — direct") {
		t.Errorf("show table:\n%s", out)
	}
	if _, _, err := runCLI(t, "show", "--db", db, "nope"); claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND {
		t.Errorf("show nope: %v", err)
	}

	out, _, err = runCLI(t, "export", "--db", db)
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(out, "\n"); n != 3 {
		t.Errorf("export jsonl: %d lines", n)
	}
	file := filepath.Join(t.TempDir(), "q.csv")
	if _, _, err := runCLI(t, "export", "--db", db, "--format", "csv", "-O", file, "--speaker", "Rita Solberg"); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(file)
	recs, err := csv.NewReader(bytes.NewReader(b)).ReadAll()
	if err != nil || len(recs) != 3 {
		t.Fatalf("csv export: %d records, %v", len(recs), err)
	}
	col := slices.Index(recs[0], "content_spans")
	if col < 0 || recs[1][col] == "" {
		t.Errorf("csv export lacks content spans: %v", recs)
	}
}

// TestHelpHasExamples: every store command explains itself with an
// example.
func TestHelpHasExamples(t *testing.T) {
	for _, cmd := range []string{"ingest", "reindex", "quotes", "search", "speakers", "show", "stats", "errors", "export"} {
		var c cli
		var out bytes.Buffer
		exited := false
		parser, err := newTestParser(&c, &out, &exited)
		if err != nil {
			t.Fatal(err)
		}
		parser.Parse([]string{cmd, "--help"})
		if !exited || !strings.Contains(out.String(), "Example") || !strings.Contains(out.String(), "claimtrail "+cmd) {
			t.Errorf("%s --help lacks an example:\n%s", cmd, out.String())
		}
	}
}
