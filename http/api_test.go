package http

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/demo"
	"github.com/claimtrail/claimtrail/mock"
)

// demoStore is an in-memory store holding the demo articles with their
// hand annotation, so the tests do not depend on the extractor.
func demoStore(t testing.TB) *mock.Memory {
	t.Helper()
	arts, _, err := demo.Annotated()
	if err != nil {
		t.Fatal(err)
	}
	m := mock.NewMemory()
	for i := range arts {
		if _, err := m.PutArticle(context.Background(), &arts[i]); err != nil {
			t.Fatal(err)
		}
	}
	return m
}

// stores is what the endpoint tests run against: the in-memory double
// always, and real stores as they become available (see sqlite_test.go).
type storePair struct {
	store    claimtrail.Store
	clusters claimtrail.ClusterStore
}

var extraStores []func(t *testing.T) storePair

func eachStore(t *testing.T, fn func(t *testing.T, srv *httptest.Server)) {
	run := func(name string, sp storePair) {
		t.Run(name, func(t *testing.T) {
			s := New(sp.store, sp.clusters)
			ts := httptest.NewServer(s.Handler())
			defer ts.Close()
			fn(t, ts)
		})
	}
	m := demoStore(t)
	run("memory", storePair{m, m})
	for _, mk := range extraStores {
		run("sqlite", mk(t))
	}
}

func get(t *testing.T, url string, wantStatus int, into any) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != wantStatus {
		t.Fatalf("GET %s: status %d, want %d; body %s", url, resp.StatusCode, wantStatus, body)
	}
	if into != nil {
		if err := json.Unmarshal(body, into); err != nil {
			t.Fatalf("GET %s: %v in %s", url, err, body)
		}
	}
}

type listResp[T any] struct {
	Items []T     `json:"items"`
	Next  *string `json:"next"`
}

func TestAPIEndpoints(t *testing.T) {
	eachStore(t, func(t *testing.T, ts *httptest.Server) {
		var st claimtrail.Stats
		get(t, ts.URL+"/api/stats", 200, &st)
		if st.Articles != 12 || st.Attributions == 0 {
			t.Errorf("stats %+v", st)
		}

		var arts listResp[claimtrail.Article]
		get(t, ts.URL+"/api/articles?limit=100", 200, &arts)
		if len(arts.Items) != 12 || arts.Next != nil {
			t.Fatalf("articles: %d items, next %v", len(arts.Items), arts.Next)
		}
		var art claimtrail.Article
		get(t, ts.URL+"/api/articles/"+itoa(arts.Items[0].ID), 200, &art)
		if art.Text == "" || len(art.Attributions) == 0 {
			t.Errorf("article %d: no text or attributions", art.ID)
		}
		var byOutlet listResp[claimtrail.Article]
		get(t, ts.URL+"/api/articles?outlet=harbor+daily", 200, &byOutlet)
		if len(byOutlet.Items) != 1 || byOutlet.Items[0].Outlet != "Harbor Daily" {
			t.Errorf("outlet filter: %+v", byOutlet.Items)
		}

		var rows listResp[claimtrail.AttributionRow]
		get(t, ts.URL+"/api/attributions?speaker=Elena+Varga&channel=Twitter&limit=100", 200, &rows)
		if len(rows.Items) == 0 {
			t.Fatal("no Twitter statements by Varga")
		}
		for _, r := range rows.Items {
			if r.Speaker.Name != "Elena Varga" || r.Channel != "Twitter" {
				t.Errorf("filtered row %d: %s via %s", r.ID, r.Speaker.Name, r.Channel)
			}
		}
		get(t, ts.URL+"/api/attributions?marker=unsupported&since=2026-03-10&until=2026-03-10", 200, &rows)
		if len(rows.Items) != 1 || rows.Items[0].Outlet != "Tidewater Post" {
			t.Errorf("without-evidence on 10 March: %+v", rows.Items)
		}

		var sps listResp[claimtrail.SpeakerStat]
		get(t, ts.URL+"/api/speakers?name=varga", 200, &sps)
		if len(sps.Items) != 1 || sps.Items[0].Name != "Elena Varga" {
			t.Fatalf("speakers?name=varga: %+v", sps.Items)
		}
		var sp claimtrail.SpeakerStat
		get(t, ts.URL+"/api/speakers/"+itoa(sps.Items[0].ID), 200, &sp)
		if sp.Attributions < 10 || sp.Outlets < 8 {
			t.Errorf("Varga: %+v", sp)
		}

		var cs listResp[claimtrail.Cluster]
		get(t, ts.URL+"/api/clusters?min_articles=2", 200, &cs)
		if len(cs.Items) == 0 {
			t.Fatal("no clusters")
		}
		var c claimtrail.Cluster
		get(t, ts.URL+"/api/clusters/"+itoa(cs.Items[0].ID), 200, &c)
		if len(c.Members) < c.Articles {
			t.Errorf("cluster %d: %d members for %d articles", c.ID, len(c.Members), c.Articles)
		}
		// One speaker shape everywhere: the cluster's speaker (the
		// majority) and its speakers are {"id", "name", "kind"} objects.
		var raw struct {
			Speaker  map[string]any   `json:"speaker"`
			Speakers []map[string]any `json:"speakers"`
		}
		get(t, ts.URL+"/api/clusters/"+itoa(cs.Items[0].ID), 200, &raw)
		if raw.Speaker["kind"] == nil || raw.Speaker["name"] == nil || len(raw.Speakers) == 0 {
			t.Errorf("cluster speaker %v speakers %v, want speaker objects", raw.Speaker, raw.Speakers)
		}
		for _, sp := range raw.Speakers {
			if sp["id"] == nil || sp["name"] == nil || sp["kind"] == nil {
				t.Errorf("cluster speaker %v, want id, name and kind", sp)
			}
		}
		if name, _ := raw.Speaker["name"].(string); name != "" && !c.HasSpeaker(name) {
			t.Errorf("majority speaker %q not among the speakers %v", name, c.SpeakerNames())
		}

		var hits listResp[claimtrail.SearchHit]
		get(t, ts.URL+"/api/search?q=act+of+God", 200, &hits)
		if len(hits.Items) == 0 || !strings.Contains(strings.ToLower(hits.Items[0].Snippet), "god") {
			t.Errorf("search act of God: %+v", hits.Items)
		}

		var artHits listResp[map[string]any]
		get(t, ts.URL+"/api/search?q=ferry&in=articles", 200, &artHits)
		if len(artHits.Items) == 0 {
			t.Error("no article mentions the ferry")
		}
		for _, h := range artHits.Items {
			// Shaped like an article: its id and facts, no attribution fields.
			if h["id"] == nil || h["source"] == nil || h["title"] == nil || h["kind"] != nil || h["content"] != nil || h["speaker"] != nil {
				t.Errorf("article hit %v is not shaped like an article", h)
			}
		}

		var idx map[string]any
		get(t, ts.URL+"/api/", 200, &idx)
		var doc map[string]any
		get(t, ts.URL+"/api/openapi.json", 200, &doc)
		if doc["openapi"] == nil {
			t.Error("openapi.json has no openapi version")
		}
	})
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }

func discardLogger() *slog.Logger { return slog.New(slog.DiscardHandler) }

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestAPIPaginationVisitsEveryRowOnce(t *testing.T) {
	eachStore(t, func(t *testing.T, ts *httptest.Server) {
		var st claimtrail.Stats
		get(t, ts.URL+"/api/stats", 200, &st)
		seen := map[int64]bool{}
		url := ts.URL + "/api/attributions?limit=7"
		pages := 0
		for {
			var page listResp[claimtrail.AttributionRow]
			get(t, url, 200, &page)
			pages++
			if len(page.Items) > 7 {
				t.Fatalf("page of %d rows, limit 7", len(page.Items))
			}
			for _, r := range page.Items {
				if seen[r.ID] {
					t.Fatalf("row %d on two pages", r.ID)
				}
				seen[r.ID] = true
			}
			if page.Next == nil {
				break
			}
			url = ts.URL + "/api/attributions?limit=7&after=" + *page.Next
		}
		if len(seen) != st.Attributions || pages < 2 {
			t.Errorf("saw %d of %d rows in %d pages", len(seen), st.Attributions, pages)
		}
	})
}

func TestAPIBadParameters(t *testing.T) {
	m := demoStore(t)
	ts := httptest.NewServer(New(m, m).Handler())
	defer ts.Close()
	tests := []struct {
		url    string
		status int
		code   string
		says   string // the message must mention this
	}{
		{"/api/attributions?limit=0", 400, "invalid", "limit"},
		{"/api/attributions?limit=100000", 400, "invalid", "limit"},
		{"/api/attributions?limit=ten", 400, "invalid", "limit"},
		{"/api/attributions?since=yesterday", 400, "invalid", "since"},
		{"/api/attributions?since=2026-03-12&until=2026-03-10", 400, "invalid", "before"},
		{"/api/attributions?kind=shouted", 400, "invalid", "direct, indirect, mixed"},
		{"/api/attributions?marker=lies", 400, "invalid", "marker"},
		{"/api/attributions?speeker=Varga", 400, "invalid", "speeker"},
		{"/api/attributions?speaker_id=-3", 400, "invalid", "speaker_id"},
		{"/api/attributions?after=garbage", 400, "invalid", "cursor"},
		{"/api/articles/abc", 400, "invalid", "article id"},
		{"/api/articles/999999", 404, "not_found", "999999"},
		{"/api/speakers/999999", 404, "not_found", "999999"},
		{"/api/clusters/999999", 404, "not_found", "999999"},
		{"/api/clusters?min_articles=x", 400, "invalid", "min_articles"},
		{"/api/search", 400, "invalid", "q is required"},
		{"/api/search?q=bridge&after=x", 400, "invalid", "page"},
		{"/api/search?q=bridge&in=tweets", 400, "invalid", "quotes, articles"},
		{"/api/nothing-here", 404, "not_found", "openapi"},
		{"/api/stats?x=1", 400, "invalid", "unknown parameter"},
	}
	for _, tt := range tests {
		t.Run(tt.url, func(t *testing.T) {
			var body apiError
			get(t, ts.URL+tt.url, tt.status, &body)
			if body.Error.Code != tt.code || !strings.Contains(body.Error.Message, tt.says) {
				t.Errorf("error %+v, want code %s and a message mentioning %q", body.Error, tt.code, tt.says)
			}
		})
	}
}

// TestAPIErrorMapping checks each claimtrail error code's status through a
// store double that fails on demand; internal details must not leak.
func TestAPIErrorMapping(t *testing.T) {
	tests := []struct {
		err    error
		status int
		code   string
	}{
		{claimtrail.Errorf(claimtrail.EINVALID, "bad filter"), 400, "invalid"},
		{claimtrail.Errorf(claimtrail.ENOTFOUND, "gone"), 404, "not_found"},
		{claimtrail.Errorf(claimtrail.ETOOLARGE, "huge"), 413, "too_large"},
		{errors.New("disk on fire at /var/secret"), 500, "internal"},
	}
	for _, tt := range tests {
		st := &mock.Store{AttributionsFn: func(ctx context.Context, f claimtrail.AttributionFilter) ([]claimtrail.AttributionRow, string, error) {
			return nil, "", tt.err
		}}
		s := New(st, st)
		s.Logger = discardLogger()
		ts := httptest.NewServer(s.Handler())
		var body apiError
		get(t, ts.URL+"/api/attributions", tt.status, &body)
		ts.Close()
		if body.Error.Code != tt.code || strings.Contains(body.Error.Message, "secret") {
			t.Errorf("%v: got %+v", tt.err, body.Error)
		}
	}
}

// TestOpenAPICoversRoutes checks that every API route in the router is a
// path of the hand-written OpenAPI document with the same method, and
// that the document lists no route the server lacks.
func TestOpenAPICoversRoutes(t *testing.T) {
	var doc struct {
		OpenAPI string                               `json:"openapi"`
		Paths   map[string]map[string]map[string]any `json:"paths"`
	}
	b, err := assetsFS.ReadFile("assets/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi version %q", doc.OpenAPI)
	}
	m := mock.NewMemory()
	s := New(m, m)
	inRouter := map[string]bool{}
	for _, r := range s.Routes() {
		if !strings.HasPrefix(r.Pattern, "/api/") {
			continue
		}
		path := strings.TrimSuffix(r.Pattern, "{$}")
		inRouter[strings.ToLower(r.Method)+" "+path] = true
		if _, ok := doc.Paths[path][strings.ToLower(r.Method)]; !ok {
			t.Errorf("route %s %s is not in openapi.json", r.Method, path)
		}
	}
	param := regexp.MustCompile(`\{(\w+)\}`)
	for path, ops := range doc.Paths {
		for method, op := range ops {
			if !inRouter[method+" "+path] {
				t.Errorf("openapi.json lists %s %s, which the server does not route", method, path)
			}
			for _, p := range param.FindAllStringSubmatch(path, -1) {
				if !strings.Contains(string(must(json.Marshal(op["parameters"]))), `"name":"`+p[1]+`"`) {
					t.Errorf("%s %s: path parameter %s undocumented", method, path, p[1])
				}
			}
		}
	}
}

func TestSecurityHeadersAndBodyLimit(t *testing.T) {
	m := demoStore(t)
	s := New(m, m)
	s.MaxBodyBytes = 10
	ts := httptest.NewServer(s.Handler())
	defer ts.Close()
	resp, err := http.Get(ts.URL + "/api/stats")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("X-Content-Type-Options") != "nosniff" || !strings.Contains(resp.Header.Get("Content-Security-Policy"), "default-src 'self'") {
		t.Errorf("missing security headers: %v", resp.Header)
	}
	if ct := resp.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		t.Errorf("content type %q", ct)
	}
}
