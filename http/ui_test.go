package http

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/demo"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/sqlite"
)

// extractedDemo is the demo as `claimtrail demo` builds it: the samples
// run through the extractor into SQLite, then clustered.
func extractedDemo(t *testing.T) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	ex, err := extract.New()
	if err != nil {
		t.Skipf("extractor does not load: %v", err)
	}
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	arts, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	for i := range arts {
		a := &arts[i]
		x, err := ex.Extract(ctx, a.Text)
		if err != nil {
			t.Fatalf("extract %s: %v", a.Source, err)
		}
		a.Attributions, a.Markers, a.ExtractorVersion = x.Attributions, x.Markers, ex.Version()
		if _, err := st.PutArticle(ctx, a); err != nil {
			t.Fatalf("store %s: %v", a.Source, err)
		}
	}
	if _, err := st.UpdateClusters(ctx, nil); err != nil {
		t.Fatal(err)
	}
	return st
}

var hrefRE = regexp.MustCompile(`href="(/[^"#]*)(#[^"]*)?"`)

// TestUICrawl follows every internal link from the overview, as a reader
// clicking everything would, and checks that each page answers 200 and
// that every in-page anchor it links to exists.
func TestUICrawl(t *testing.T) {
	crawl := func(t *testing.T, store claimtrail.Store, clusters claimtrail.ClusterStore) {
		srv := httptest.NewServer(New(store, clusters).Handler())
		defer srv.Close()
		seen := map[string]bool{"/": true}
		queue := []string{"/", "/search?q=bridge", "/search?speaker=Elena+Varga"}
		kinds := map[string]int{}
		for len(queue) > 0 && len(seen) < 500 {
			path := queue[0]
			queue = queue[1:]
			resp, err := http.Get(srv.URL + path)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				t.Errorf("GET %s: %d", path, resp.StatusCode)
				continue
			}
			section, _, _ := strings.Cut(strings.TrimPrefix(path, "/"), "?")
			section, _, _ = strings.Cut(section, "/")
			kinds[section]++
			page := string(body)
			for _, m := range hrefRE.FindAllStringSubmatch(page, -1) {
				link := strings.ReplaceAll(m[1], "&amp;", "&")
				if m[1] == "" && m[2] != "" { // same-page anchor
					if !strings.Contains(page, `id="`+m[2][1:]+`"`) {
						t.Errorf("%s links to missing anchor %s", path, m[2])
					}
					continue
				}
				if strings.HasPrefix(link, "/api/") || strings.HasPrefix(link, "/assets/") || seen[link] {
					continue
				}
				seen[link] = true
				queue = append(queue, link)
			}
		}
		for _, k := range []string{"articles", "speakers", "clusters", "search"} {
			if kinds[k] == 0 {
				t.Errorf("crawl reached no %s page (%v)", k, kinds)
			}
		}
		t.Logf("crawled %d pages: %v", len(seen), kinds)
	}
	m := demoStore(t)
	t.Run("memory", func(t *testing.T) { crawl(t, m, m) })
	for _, mk := range extraStores {
		sp := mk(t)
		t.Run("sqlite", func(t *testing.T) { crawl(t, sp.store, sp.clusters) })
	}
	t.Run("extracted", func(t *testing.T) {
		if testing.Short() {
			t.Skip("runs the extractor")
		}
		st := extractedDemo(t)
		crawl(t, st, st)
	})
}

func TestUIErrorsAndBadInput(t *testing.T) {
	m := demoStore(t)
	srv := httptest.NewServer(New(m, m).Handler())
	defer srv.Close()
	tests := []struct {
		path   string
		status int
		says   string
	}{
		{"/articles/9999", 404, "not found"},
		{"/articles/x", 400, "positive integer"},
		{"/speakers/0", 400, "positive integer"},
		{"/clusters/424242", 404, "not found"},
		{"/nowhere", 404, "no page"},
		{"/search?since=someday", 400, "since"},
		{"/search?marker=bogus", 400, "marker"},
		{"/search?q=%3Cscript%3Ealert(1)%3C/script%3E", 200, "&lt;script&gt;"},
	}
	for _, tt := range tests {
		resp, err := http.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != tt.status || !strings.Contains(strings.ToLower(string(body)), strings.ToLower(tt.says)) {
			t.Errorf("GET %s: %d, want %d with %q", tt.path, resp.StatusCode, tt.status, tt.says)
		}
		if strings.Contains(string(body), "<script>alert") {
			t.Errorf("GET %s: unescaped input in the page", tt.path)
		}
	}
}
