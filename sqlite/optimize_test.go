package sqlite

import (
	"context"
	"fmt"
	"testing"

	"github.com/claimtrail/claimtrail"
)

// TestOptimizeSearch: after the merge the quote index holds one segment
// (each article written is one before) and search finds what it found
// before.
func TestOptimizeSearch(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	for i := range 3 {
		text := fmt.Sprintf("Story %d. The mayor said the bridge will be rebuilt by May %d.", i, i+1)
		a := article(t, fmt.Sprintf("https://a.example/%d", i), "A", "", text,
			quote{speaker: "Jane Doe", source: "The mayor", cue: "said", content: fmt.Sprintf("the bridge will be rebuilt by May %d", i+1)})
		if _, err := s.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
	}
	segments := func() int {
		t.Helper()
		var n int
		// the segments the index's structure table lists
		if err := s.rw.QueryRowContext(ctx, `SELECT count(DISTINCT segid) FROM quotes_fts_idx`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	if n := segments(); n < 2 {
		t.Fatalf("%d segments before the merge, want one per article written", n)
	}
	if err := s.OptimizeSearch(ctx); err != nil {
		t.Fatal(err)
	}
	if n := segments(); n != 1 {
		t.Errorf("%d segments after the merge, want 1", n)
	}
	hits, err := s.Search(ctx, "bridge", claimtrail.AttributionFilter{})
	if err != nil || len(hits) != 3 {
		t.Errorf("search after the merge: %d hits, %v; want 3", len(hits), err)
	}
}

// TestReleaseCaches: the idle readers (and their page caches) are
// closed, the pool keeps its size, readers opened after are kept idle
// again, and the writer's page cache is SQLite's default.
func TestReleaseCaches(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	// Hold two readers at once so that the pool has two to keep idle.
	rows1, err := s.ro.QueryContext(ctx, `SELECT 1 UNION ALL SELECT 2`)
	if err != nil {
		t.Fatal(err)
	}
	rows2, err := s.ro.QueryContext(ctx, `SELECT 1 UNION ALL SELECT 2`)
	if err != nil {
		t.Fatal(err)
	}
	rows1.Close()
	rows2.Close()
	if idle := s.ro.Stats().Idle; idle != 2 {
		t.Fatalf("%d idle readers before, want 2", idle)
	}
	if err := s.ReleaseCaches(ctx); err != nil {
		t.Fatal(err)
	}
	var pages int
	if err := s.rw.QueryRowContext(ctx, `PRAGMA cache_size`).Scan(&pages); err != nil || pages != -2000 {
		t.Errorf("writer's cache_size %d (%v), want -2000", pages, err)
	}
	if st := s.ro.Stats(); st.Idle != 0 || st.OpenConnections != 0 || st.MaxOpenConnections != readers() {
		t.Fatalf("after: %d idle, %d open, pool of %d; want 0, 0, %d", st.Idle, st.OpenConnections, st.MaxOpenConnections, readers())
	}
	if err := s.Ping(ctx); err != nil {
		t.Fatal(err)
	}
	if idle := s.ro.Stats().Idle; idle != 1 {
		t.Errorf("%d idle readers after a read, want 1 (kept again)", idle)
	}
}
