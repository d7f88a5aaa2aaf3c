package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestGenStoreAndBenchAPI makes a small synthetic store from an invented
// corpus and measures its API: every request answers, both routes are
// measured, and the store holds the attributions asked for.
func TestGenStoreAndBenchAPI(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	os.MkdirAll(corpus, 0o755)
	names := []string{"Anna Berg", "Olof Strand", "Maria Lindqvist", "Jonas Ekholm", "Sara Holm", "Erik Dahl", "Lina Sjöberg", "Per Nyberg", "Karin Falk", "Nils Ahlberg", "Ulla Björk"}
	var b strings.Builder
	for i := range 200 {
		fmt.Fprintf(&b, "On day %d %s told the council that the harbour plan number %d would cost more than expected. The ferry vote was delayed again.\n", i, names[i%len(names)], i)
	}
	os.WriteFile(filepath.Join(corpus, "a.txt"), []byte(b.String()), 0o644)
	db := filepath.Join(dir, "gen.db")
	out, errOut, err := runCLI(t, "--db", db, "gen-store", "--attributions", "400", "--per-article", "4", "--corpus", corpus, "--batch", "30")
	if err != nil || !strings.Contains(out, "stored 100 articles, 400 attributions") {
		t.Fatalf("gen-store: %v\n%s%s", err, out, errOut)
	}
	if got := statsJSON(t, db); !strings.Contains(got, `"attributions":400`) {
		t.Errorf("stats %s", got)
	}
	out, errOut, err = runCLI(t, "--db", db, "bench-api", "--clients", "4", "--duration", "1s", "--output", "json")
	if err != nil {
		t.Fatalf("bench-api: %v\n%s%s", err, out, errOut)
	}
	var rep struct {
		Routes []apiLatency `json:"routes"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("bench-api output %q: %v", out, err)
	}
	seen := map[string]bool{}
	for _, r := range rep.Routes {
		seen[r.Route] = true
		if r.Requests == 0 || r.Errors != 0 || r.P50ms > r.P99ms {
			t.Errorf("route %+v", r)
		}
	}
	if !seen["search"] || !seen["speaker"] {
		t.Errorf("routes measured: %v", seen)
	}
	jsonl := filepath.Join(dir, "gen.jsonl")
	if out, errOut, err := runCLI(t, "gen-store", "--attributions", "40", "--per-article", "4", "--corpus", corpus, "--jsonl", jsonl); err != nil {
		t.Fatalf("gen-store --jsonl: %v\n%s%s", err, out, errOut)
	}
	data, _ := os.ReadFile(jsonl)
	if n := strings.Count(string(data), "\n"); n != 10 {
		t.Errorf("%d JSONL lines, want 10", n)
	}
}
