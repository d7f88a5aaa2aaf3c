package postgres

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/gen"
	"github.com/claimtrail/claimtrail/internal/pgtest"
)

// genArticles makes n synthetic articles from an invented corpus.
func genArticles(t *testing.T, n int) []*claimtrail.Article {
	t.Helper()
	dir := t.TempDir()
	names := []string{"Anna Berg", "Olof Strand", "Maria Lindqvist", "Jonas Ekholm", "Sara Holm", "Erik Dahl", "Lina Sjöberg", "Per Nyberg", "Karin Falk", "Nils Ahlberg", "Ulla Björk"}
	var b strings.Builder
	for i := range 150 {
		fmt.Fprintf(&b, "On day %d %s told the council that the bridge plan number %d would cost more than expected. The harbour vote was delayed again.\n", i, names[i%len(names)], i)
	}
	if err := os.WriteFile(filepath.Join(dir, "a.txt"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	c, err := gen.Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	g := gen.New(c, gen.Options{PerArticle: 4})
	out := make([]*claimtrail.Article, n)
	for i := range out {
		out[i] = g.Article(i)
	}
	return out
}

// TestBulkLoadSameAsPutBatch: a store filled by BulkLoad reads the same
// as one filled by PutBatch with the same articles, and a second load of
// a stored article fails.
func TestBulkLoadSameAsPutBatch(t *testing.T) {
	ctx := context.Background()
	var stores [2]*Store
	for i := range stores {
		s, err := Open(ctx, pgtest.DB(t))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		stores[i] = s
	}
	if err := stores[0].BulkLoad(ctx, genArticles(t, 30)); err != nil {
		t.Fatal(err)
	}
	if err := stores[0].VacuumAnalyze(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := stores[1].PutBatch(ctx, claimtrail.Batch{Articles: genArticles(t, 30)}); err != nil {
		t.Fatal(err)
	}
	var views [2]string
	for i, s := range stores {
		st, err := s.Stats(ctx)
		if err != nil {
			t.Fatal(err)
		}
		st.Bytes = 0
		views[i] = fmt.Sprintf("%+v", st)
		for _, q := range []string{"bridge", `"harbour vote"`, "counc*", "Berg"} {
			hits, err := s.Search(ctx, q, claimtrail.AttributionFilter{Limit: 1000})
			if err != nil {
				t.Fatal(err)
			}
			views[i] += fmt.Sprintf(" %s:%d", q, len(hits))
		}
	}
	if views[0] != views[1] {
		t.Errorf("bulk load %s\nput batch %s", views[0], views[1])
	}
	if !strings.Contains(views[0], "Attributions:120") || strings.Contains(views[0], "bridge:0") {
		t.Errorf("bulk load stored %s", views[0])
	}
	if err := stores[0].BulkLoad(ctx, genArticles(t, 1)); err == nil {
		t.Error("loading a stored article again succeeded")
	}
}
