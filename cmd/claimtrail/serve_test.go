package main

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/sqlite"
)

// sameInput is JSONL that exercises every rule on which HTTP and CLI
// ingest used to differ: field variants, a javascript: link, an
// unreadable date, a broken line, an article without URL, an empty one.
const sameInput = `{"url":"https://p.example/bridge","outlet":"Port Daily","published":"2026-03-01T10:00:00Z","title":"Bridge","text":"The bridge will reopen in May, Mayor Ana Reyes said on Tuesday. \"We have checked every bolt,\" she told reporters."}
{"link":"https://p.example/ferry","site_name":"Port Daily","date":"2026-03-02","headline":"Ferry","body":"Ferry captain Bo Lind said the crossings were safe. \"Nobody was ever at risk,\" Lind said."}
{"url":"javascript:alert(1)","title":"Link","text":"Council member Cy Holm said the budget was balanced, according to a statement."}
{"url":"https://p.example/dates","published":"the day after tomorrow","text":"\"We will not raise taxes,\" Governor Dee Falk wrote on Twitter."}
{"url": this line is broken
{"title":"No URL","text":"Engineer Eva Berg said the cracks were small. \"We will fix them now,\" Berg said."}
{"url":"https://p.example/empty","text":"   "}
`

// articleView is what must be equal whichever way an article came in.
type articleView struct {
	URL, Outlet, Title, Text string
	Published                string
	Attributions             []claimtrail.Attribution
}

func viewsOf(t *testing.T, st *sqlite.Store) map[string]articleView {
	t.Helper()
	ctx := context.Background()
	arts, _, err := st.Articles(ctx, claimtrail.ArticleFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]articleView{}
	for _, a := range arts {
		full, err := st.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i := range full.Attributions {
			at := &full.Attributions[i]
			at.ID, at.ArticleID, at.Speaker.ID, at.ClusterID = 0, 0, 0, 0
		}
		out[full.Hash] = articleView{full.URL, full.Outlet, full.Title, full.Text, full.Published.String(), full.Attributions}
	}
	return out
}

// TestHTTPIngestEqualsCLI (issue 11 #6): the same JSONL through POST
// /api/ingest and through claimtrail ingest stores the same articles,
// attributions, speakers and clusters.
func TestHTTPIngestEqualsCLI(t *testing.T) {
	dir := t.TempDir()
	input := filepath.Join(dir, "same.jsonl")
	if err := os.WriteFile(input, []byte(sameInput), 0o644); err != nil {
		t.Fatal(err)
	}
	cliDB := filepath.Join(dir, "cli.db")
	out, _, _ := runCLI(t, "ingest", "--db", cliDB, input) // fails: two bad items
	if !strings.Contains(out, "ingested 5, unchanged 0, updated 0, failed 2") {
		t.Fatalf("CLI ingest: %q", out)
	}

	st, err := sqlite.Open(context.Background(), filepath.Join(dir, "http.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	ex, err := newExtractor()
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	srv := newServer(st, logger)
	srv.Token = "tok"
	srv.Ingest = serviceIngest(&ingest.Service{Store: st, Extractor: ex, NoFinish: true, NoErrorRecords: true}, logger)
	srv.IngestDone = func(ctx context.Context) error { _, err := st.RefreshClusters(ctx); return err }
	srv.Health = st.Ping
	ts := httptest.NewServer(srv.Handler())
	defer ts.Close()
	req, _ := http.NewRequest("POST", ts.URL+"/api/ingest", strings.NewReader(sameInput))
	req.Header.Set("Authorization", "Bearer tok")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var body struct {
		Inserted, Failed int
		Results          []struct{ Source, Outcome, Error string }
	}
	json.NewDecoder(resp.Body).Decode(&body)
	resp.Body.Close()
	if resp.StatusCode != 200 || body.Inserted != 5 || body.Failed != 2 {
		t.Fatalf("HTTP ingest: %d %+v", resp.StatusCode, body)
	}

	cli := openDB(t, cliDB)
	want, got := viewsOf(t, cli), viewsOf(t, st)
	if len(want) != 5 || len(got) != len(want) {
		t.Fatalf("%d articles by CLI, %d by HTTP; want 5 each", len(want), len(got))
	}
	for hash, w := range want {
		g, ok := got[hash]
		wj, _ := json.Marshal(w)
		gj, _ := json.Marshal(g)
		if !ok || string(wj) != string(gj) {
			t.Errorf("article %s differs:\nCLI  %s\nHTTP %s", w.URL, wj, gj)
		}
		if strings.Contains(w.URL, "javascript") {
			t.Errorf("stored url %q", w.URL)
		}
	}
	ws, _ := cli.Stats(context.Background())
	gs, _ := st.Stats(context.Background())
	ws.Errors, ws.Bytes, gs.Errors, gs.Bytes = 0, 0, 0, 0 // HTTP reports failures to the client, not the errors table
	if ws != gs {
		t.Errorf("stats: CLI %+v, HTTP %+v", ws, gs)
	}

	// The operating endpoints.
	for _, tc := range []struct{ path, want string }{
		{"/healthz", `"status":"ok"`},
		{"/metrics", `claimtrail_ingest_items_total{outcome="inserted"}`},
		{"/metrics", `claimtrail_http_request_duration_seconds_count{route="POST /api/ingest",code="2xx"} 1`},
		{"/metrics", `# TYPE claimtrail_extraction_duration_seconds histogram`},
		{"/metrics", `claimtrail_queue_depth 0`},
	} {
		resp, err := http.Get(ts.URL + tc.path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !strings.Contains(string(b), tc.want) {
			t.Errorf("GET %s: %d, want %q in\n%.2000s", tc.path, resp.StatusCode, tc.want, b)
		}
	}
	st.Close()
	resp, err = http.Get(ts.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("healthz with the store closed: %d, want 503", resp.StatusCode)
	}
}
