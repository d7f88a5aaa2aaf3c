package http

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/demo"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/mock"
)

func post(t *testing.T, url, token, contentType, body string) (int, map[string]any) {
	t.Helper()
	req, _ := http.NewRequest("POST", url, strings.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	var out map[string]any
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatalf("POST %s: %v in %s", url, err, b)
	}
	return resp.StatusCode, out
}

// nopExtractor finds nothing; ingest tests check what is stored, not
// what is extracted.
type nopExtractor struct{}

func (nopExtractor) Version() string { return "nop" }
func (nopExtractor) Extract(ctx context.Context, text string) (*claimtrail.Extraction, error) {
	return &claimtrail.Extraction{}, nil
}

// serviceIngest wires the server to an ingest service, as cmd/claimtrail
// does.
func serviceIngest(svc *ingest.Service) IngestFunc {
	return func(ctx context.Context, body io.Reader, report func(IngestResult)) error {
		_, err := svc.IngestReader(ctx, "api", "application/json", body, func(r ingest.Result) {
			res := IngestResult{Index: r.Index, Source: r.Source, ID: r.ID, Outcome: string(r.Outcome)}
			if r.Err != nil {
				res.Error = ingest.Reason(r.Source, r.Err)
			}
			report(res)
		})
		return err
	}
}

func ingestServer(t *testing.T, token string) (*httptest.Server, *mock.Memory) {
	m := mock.NewMemory()
	s := New(m, m)
	s.Token = token
	s.MaxIngestBytes = 64 << 10
	svc := &ingest.Service{Store: m, Extractor: nopExtractor{}, Options: ingest.Options{MaxBytes: 20 << 10}, Workers: 2, NoFinish: true, NoErrorRecords: true}
	s.Ingest = serviceIngest(svc)
	ts := httptest.NewServer(s.Handler())
	t.Cleanup(ts.Close)
	return ts, m
}

func TestIngestAuth(t *testing.T) {
	ts, _ := ingestServer(t, "s3cret")
	article := `{"url":"https://x.example/1","text":"The mayor said the bridge fell."}`
	tests := []struct {
		name   string
		header string
		status int
	}{
		{"no token", "", 401},
		{"wrong token", "Bearer nope", 401},
		{"token prefix", "Bearer s3cre", 401},
		{"basic auth", "Basic czNjcmV0", 401},
		{"right token", "Bearer s3cret", 200},
		{"scheme case", "bearer s3cret", 200},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			req, _ := http.NewRequest("POST", ts.URL+"/api/ingest", strings.NewReader(article))
			if tt.header != "" {
				req.Header.Set("Authorization", tt.header)
			}
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			resp.Body.Close()
			if resp.StatusCode != tt.status {
				t.Errorf("status %d, want %d", resp.StatusCode, tt.status)
			}
			if tt.status == 401 && !strings.Contains(resp.Header.Get("WWW-Authenticate"), "Bearer") {
				t.Error("401 without a Bearer challenge")
			}
		})
	}
}

func TestIngestDisabledByDefault(t *testing.T) {
	m := mock.NewMemory()
	ts := httptest.NewServer(New(m, m).Handler())
	defer ts.Close()
	status, body := post(t, ts.URL+"/api/ingest", "anything", "application/json", `{"text":"x"}`)
	if status != 403 || !strings.Contains(body["error"].(map[string]any)["message"].(string), "--allow-ingest") {
		t.Errorf("status %d body %v", status, body)
	}
	if st, _ := m.Stats(context.Background()); st.Articles != 0 {
		t.Error("a read-only server stored an article")
	}
}

func TestIngestFormats(t *testing.T) {
	ts, m := ingestServer(t, "tok")
	var before, after claimtrail.Stats
	get(t, ts.URL+"/api/stats", 200, &before) // now cached
	// The bundled demo JSONL goes in whole; a second time nothing changes.
	status, body := post(t, ts.URL+"/api/ingest", "tok", "application/x-ndjson", string(demo.JSONL()))
	if status != 200 || body["inserted"].(float64) != 12 {
		t.Fatalf("demo JSONL: %d %v", status, body)
	}
	get(t, ts.URL+"/api/stats", 200, &after)
	if before.Articles != 0 || after.Articles != 12 {
		t.Errorf("stats before and after ingest: %d, %d articles (a stale cache?)", before.Articles, after.Articles)
	}
	status, body = post(t, ts.URL+"/api/ingest", "tok", "application/x-ndjson", string(demo.JSONL()))
	if status != 200 || body["unchanged"].(float64) != 12 {
		t.Fatalf("demo JSONL again: %d %v", status, body)
	}
	// One object with variant field names, and an array.
	status, body = post(t, ts.URL+"/api/ingest", "tok", "application/json",
		`{"link":"https://y.example/a","site_name":"Y News","date":"2026-03-14","headline":"H","body":"Text here."}`)
	if status != 200 || body["inserted"].(float64) != 1 {
		t.Fatalf("single object: %d %v", status, body)
	}
	a, err := m.ArticleBySource(context.Background(), "https://y.example/a")
	if err != nil || a.Outlet != "Y News" || a.Title != "H" || a.Published.Day() != 14 {
		t.Errorf("variant fields: %+v, %v", a, err)
	}
	// A bad article is reported and the good ones still stored; an
	// unreadable date leaves the article undated, as claimtrail ingest
	// does.
	status, body = post(t, ts.URL+"/api/ingest", "tok", "application/json",
		`[{"url":"https://z.example/1","text":"Fine."},{"url":"https://z.example/2"},{"url":"https://z.example/3","text":"x","published":"last tuesday"}]`)
	if status != 200 || body["inserted"].(float64) != 2 || body["failed"].(float64) != 1 {
		t.Errorf("mixed array: %d %v", status, body)
	}
	if a, err := m.ArticleBySource(context.Background(), "https://z.example/3"); err != nil || !a.Published.IsZero() {
		t.Errorf("unreadable date: %+v, %v; want stored undated", a, err)
	}
	// JSONL with one broken line: that line fails, the others are stored.
	status, body = post(t, ts.URL+"/api/ingest", "tok", "application/x-ndjson",
		"{\"url\":\"https://j.example/1\",\"text\":\"One.\"}\n{\"url\": broken\n{\"url\":\"https://j.example/2\",\"text\":\"Two.\"}\n")
	if status != 200 || body["inserted"].(float64) != 2 || body["failed"].(float64) != 1 {
		t.Errorf("JSONL with a broken line: %d %v", status, body)
	}
	// A javascript: link is dropped, never stored or served.
	status, body = post(t, ts.URL+"/api/ingest", "tok", "application/json",
		`{"url":"javascript:alert(1)","title":"JS","text":"A javascript link."}`)
	if status != 200 || body["inserted"].(float64) != 1 {
		t.Fatalf("javascript url: %d %v", status, body)
	}
	arts, _, _ := m.Articles(context.Background(), claimtrail.ArticleFilter{Limit: 100})
	for _, a := range arts {
		if strings.Contains(strings.ToLower(a.URL), "javascript") {
			t.Errorf("stored url %q", a.URL)
		}
	}
	tests := []struct {
		name, body string
		status     int
	}{
		{"not JSON", "this is not json", 400},
		{"empty", "", 400},
		{"a number", "42", 400},
		{"all fail", `{"url":"https://q.example/"}`, 422},
		{"body too large", `{"text":"` + strings.Repeat("a", 70<<10) + `"}`, 413},
		{"article too large", `{"text":"` + strings.Repeat("a", 30<<10) + `"}`, 422},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, body := post(t, ts.URL+"/api/ingest", "tok", "application/json", tt.body)
			if status != tt.status {
				t.Errorf("status %d, want %d: %v", status, tt.status, body)
			}
		})
	}
}

// stuckExtractor ignores cancellation and never finishes on its own.
type stuckExtractor struct{ release chan struct{} }

func (stuckExtractor) Version() string { return "stuck" }
func (e stuckExtractor) Extract(ctx context.Context, text string) (*claimtrail.Extraction, error) {
	<-e.release
	return &claimtrail.Extraction{}, nil
}

// TestIngestDeadlineEnforced (issue 11 #2): an ingest whose extraction
// ignores cancellation answers 503 at the request deadline instead of
// holding the request (and a store slot) until extraction ends.
func TestIngestDeadlineEnforced(t *testing.T) {
	m := mock.NewMemory()
	s := New(m, m)
	s.Token = "tok"
	s.RequestTimeout = 300 * time.Millisecond
	ex := stuckExtractor{release: make(chan struct{})}
	defer close(ex.release)
	s.Ingest = serviceIngest(&ingest.Service{Store: m, Extractor: ex, Workers: 1, NoFinish: true, NoErrorRecords: true})
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	start := time.Now()
	status, body := post(t, ts.URL+"/api/ingest", "tok", "application/json", `{"url":"https://s.example/1","text":"Stuck said so."}`)
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("answered after %s, want about the 300 ms deadline", d)
	}
	if status != http.StatusServiceUnavailable {
		t.Errorf("status %d body %v, want 503", status, body)
	}
	// Reads still work meanwhile.
	var stats claimtrail.Stats
	get(t, ts.URL+"/api/stats", 200, &stats)
}
