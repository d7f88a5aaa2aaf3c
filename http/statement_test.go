package http

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/sqlite"
)

// relationsStore extracts the invented relations fixture (a statement,
// its correction, a contradiction) into a SQLite store.
func relationsStore(t *testing.T) *sqlite.Store {
	t.Helper()
	ctx := context.Background()
	ex, err := extract.New()
	if err != nil {
		t.Skipf("extractor does not load: %v", err)
	}
	st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "rel.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f, err := os.Open("../testdata/relations/levy.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		var in struct{ URL, Outlet, Published, Title, Text string }
		if err := json.Unmarshal(sc.Bytes(), &in); err != nil {
			t.Fatal(err)
		}
		pub, _ := time.Parse(time.RFC3339, in.Published)
		x, err := ex.Extract(ctx, in.Text)
		if err != nil {
			t.Fatal(err)
		}
		a := &claimtrail.Article{Source: in.URL, URL: in.URL, Outlet: in.Outlet, Published: pub, Title: in.Title, Text: in.Text,
			Attributions: x.Attributions, Markers: x.Markers, ExtractorVersion: ex.Version()}
		if _, err := st.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := st.UpdateClusters(ctx, nil); err != nil {
		t.Fatal(err)
	}
	return st
}

func TestStatementPageAndRelationsAPI(t *testing.T) {
	st := relationsStore(t)
	srv := httptest.NewServer(New(st, st).Handler())
	defer srv.Close()
	get := func(path string) (int, string) {
		resp, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	code, body := get("/api/relations?type=corrects")
	if code != http.StatusOK {
		t.Fatalf("/api/relations: %d %s", code, body)
	}
	var out struct{ Relations []claimtrail.Relation }
	if err := json.Unmarshal([]byte(body), &out); err != nil || len(out.Relations) != 1 {
		t.Fatalf("want one correction (%v): %s", err, body)
	}
	corr := out.Relations[0]
	if code, body := get("/api/relations?type=denies"); code != http.StatusBadRequest {
		t.Errorf("unknown type: %d %s", code, body)
	}
	// The corrected statement's page shows its first appearance, its
	// spread and the correction on one time axis, in time order.
	code, body = get("/statements/" + strconv.FormatInt(corr.To.Cluster, 10))
	if code != http.StatusOK {
		t.Fatalf("statement page: %d", code)
	}
	first := strings.Index(body, "first appearance")
	quoted := strings.Index(body, "quoted by Coast Tribune")
	corrected := strings.Index(body, "corrects it")
	if first < 0 || quoted < 0 || corrected < 0 || !(first < quoted && quoted < corrected) {
		t.Errorf("timeline out of order or incomplete (first %d, quoted %d, corrected %d):\n%s", first, quoted, corrected, body)
	}
	if !strings.Contains(body, "misspoke") {
		t.Error("the correction's evidence is not shown")
	}
	if code, _ := get("/statements/999999"); code != http.StatusNotFound {
		t.Errorf("unknown statement: %d, want 404", code)
	}
}
