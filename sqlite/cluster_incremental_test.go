package sqlite

import (
	"context"
	"fmt"
	"testing"

	"github.com/claimtrail/claimtrail/trail"
)

// TestClusterNewQuotesEqualsFull ingests in batches, clustering each
// with ClusterNewQuotes (the first falls back to a full update, the rest
// are incremental), and checks that a full update afterwards finds
// nothing to change: the same assignments, summaries and phrase graph;
// with the new clusters' ids left in the recent part of the id index
// (migration 112), with them merged into the settled part after every
// batch, and in a store too small for the recent part, each cluster
// found by its id throughout.
func TestClusterNewQuotesEqualsFull(t *testing.T) {
	for _, tc := range []struct {
		name                  string
		settleMin, recentFrom int
		recent                bool // some batch leaves ids in the recent part
	}{
		{"recent", 1 << 30, 0, true},
		{"settled every batch", 0, 0, false},
		{"small store", 1 << 30, 1 << 30, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			defer func(m, r int) { settleMin, recentFrom = m, r }(settleMin, recentFrom)
			settleMin, recentFrom = tc.settleMin, tc.recentFrom
			clusterNewQuotesEqualsFull(t, tc.recent)
		})
	}
}

func clusterNewQuotesEqualsFull(t *testing.T, wantRecent bool) {
	ctx := context.Background()
	s := openTest(t)
	quotes := []string{
		bridgeQuote,
		"rebuild every crumbling bridge in Ohio by next spring",
		"The harbour will reopen by next spring, the mayor promised",
		"The lithium mine in Alberta will double its output within ten years",
		"We will rebuild every crumbling bridge in Ohio by next spring, and the railway too, and the ports",
		"the lithium mine in Alberta will double its output",
		"the harbour will reopen by next spring",
		"The harbour will not reopen by next spring, the mayor promised",
	}
	incremental, mostRecent := 0, 0
	for i, q := range quotes {
		a := trailArticle(t, fmt.Sprintf("https://n.example/%d", i), fmt.Sprintf("O%d", i%3), i+1, "Ann Lee", q, i%2 == 0)
		if _, err := s.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		gen0, _ := readGeneration(ctx, s.ro)
		u, err := s.ClusterNewQuotes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if gen, _ := readGeneration(ctx, s.ro); gen != gen0+1 {
			t.Errorf("batch %d: generation %d -> %d, want one step", i, gen0, gen)
		}
		if u.Incremental {
			incremental++
		}
		// The count kept by triggers is the count of rows.
		var n int
		if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM clusters`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if u.Clusters != n {
			t.Errorf("batch %d: update reports %d clusters, the store holds %d", i, u.Clusters, n)
		}
		var recent int
		if err := s.ro.QueryRowContext(ctx, `SELECT count(*) FROM clusters WHERE settled = 0`).Scan(&recent); err != nil {
			t.Fatal(err)
		}
		if !wantRecent && recent != 0 {
			t.Errorf("batch %d: %d recent cluster ids, want none", i, recent)
		}
		mostRecent = max(mostRecent, recent)
		var ids []int64
		if err := s.each(ctx, `SELECT id FROM clusters`, nil, func(sc scanner) error {
			var id int64
			ids = append(ids, id)
			return sc.Scan(&ids[len(ids)-1])
		}); err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			if c, err := s.Cluster(ctx, id); err != nil || c.ID != id {
				t.Errorf("batch %d: cluster %d: %+v, %v", i, id, c, err)
			}
		}
	}
	if wantRecent && mostRecent == 0 {
		t.Error("no batch left a cluster id in the recent part")
	}
	if incremental != len(quotes)-1 {
		t.Errorf("%d batches clustered incrementally, want all but the first (%d)", incremental, len(quotes)-1)
	}
	inc := clusterList(t, s)
	forms := formList(t, s)
	u, err := s.UpdateClusters(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if u.Moved != 0 || u.Written != 0 || u.Deleted != 0 {
		t.Errorf("a full update after incremental ones changed things: %+v\nincremental:\n%s\nfull:\n%s", u, inc, clusterList(t, s))
	}
	if f := formList(t, s); f != forms {
		t.Errorf("phrase graph differs:\nincremental:\n%s\nfull:\n%s", forms, f)
	}
	if stale, err := s.ClustersStale(ctx); err != nil || stale {
		t.Errorf("stale after incremental updates: %v %v", stale, err)
	}
}

func clusterList(t *testing.T, s *Store) string {
	t.Helper()
	var out string
	err := s.each(context.Background(), `SELECT id, quotes, articles, text FROM clusters ORDER BY id`, nil, func(sc scanner) error {
		var id int64
		var q, a int
		var text string
		if err := sc.Scan(&id, &q, &a, &text); err != nil {
			return err
		}
		out += fmt.Sprintf("%d %d %d %q\n", id, q, a, text)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func formList(t *testing.T, s *Store) string {
	t.Helper()
	var out string
	for _, l := range storedLinks(t, s) {
		out += fmt.Sprintf("%q <- %q %.3f\n", l.Parent, l.Form, l.Sim)
	}
	return out
}

// storedLinks is the stored phrase graph (the last row of each form in
// cluster_links), in form order.
func storedLinks(t *testing.T, s *Store) []trail.Link {
	t.Helper()
	ctx := context.Background()
	stale, err := linksStale(ctx, s.ro)
	if err != nil {
		t.Fatal(err)
	}
	if stale {
		return nil // of no use, as UpdateClusters reads it
	}
	var links []trail.Link
	if _, err := eachSavedLink(ctx, s.ro, func(l trail.Link) { links = append(links, l) }); err != nil {
		t.Fatal(err)
	}
	return links
}

// TestClusterNewQuotesAfterReplace: an article replaced since the last
// update took quotes away, so the next batch is clustered in full.
func TestClusterNewQuotesAfterReplace(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, err := s.PutArticle(ctx, trailArticle(t, "https://r.example/1", "A", 1, "Ann Lee", bridgeQuote, false)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ClusterNewQuotes(ctx); err != nil {
		t.Fatal(err)
	}
	a := trailArticle(t, "https://r.example/1", "A", 1, "Ann Lee", "The harbour will reopen by next spring, the mayor promised", false)
	a.Text += " "
	if _, err := s.PutArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	u, err := s.ClusterNewQuotes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if u.Incremental {
		t.Error("clustered incrementally over a replaced article")
	}
	if stale, err := s.ClustersStale(ctx); err != nil || stale {
		t.Errorf("stale: %v %v", stale, err)
	}
}

// TestRefreshNewQuotes: the batch refresh HTTP ingest uses clusters new
// quotes incrementally, clears the pending record, and leaves nothing for
// a full update to change.
func TestRefreshNewQuotes(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	quotes := []string{
		bridgeQuote,
		"rebuild every crumbling bridge in Ohio by next spring",
		"The harbour will reopen by next spring, the mayor promised",
		"the harbour will reopen by next spring",
	}
	incremental := 0
	for i, q := range quotes {
		a := trailArticle(t, fmt.Sprintf("https://r.example/%d", i), fmt.Sprintf("O%d", i%2), i+1, "Ann Lee", q, i%2 == 0)
		if _, err := s.PutArticle(ctx, a); err != nil {
			t.Fatal(err)
		}
		u, err := s.RefreshNewQuotes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if u.Incremental {
			incremental++
		}
		if pending, err := s.ClustersPending(ctx); err != nil || pending {
			t.Errorf("batch %d: still pending after RefreshNewQuotes (%v)", i, err)
		}
	}
	if incremental == 0 {
		t.Error("no batch was clustered incrementally")
	}
	before := clusterList(t, s)
	u, err := s.UpdateClusters(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if u.Moved != 0 || u.Written != 0 || u.Deleted != 0 {
		t.Errorf("a full update changed things: %+v\nbefore:\n%s\nafter:\n%s", u, before, clusterList(t, s))
	}
}

// TestReleaseCachesKeepsNoIndex: after ReleaseCaches a cluster update
// keeps no index for later batches (a one-shot run's last update must
// not hold it), the one kept before is dropped, and the next batch
// still clusters, from the store.
func TestReleaseCachesKeepsNoIndex(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	if _, err := s.PutArticle(ctx, trailArticle(t, "https://r.example/1", "A", 1, "Ann Lee", bridgeQuote, false)); err != nil {
		t.Fatal(err)
	}
	if _, err := s.UpdateClusters(ctx, nil); err != nil {
		t.Fatal(err)
	}
	if s.clusterCache().ix == nil {
		t.Fatal("no index kept before ReleaseCaches")
	}
	if err := s.ReleaseCaches(ctx); err != nil {
		t.Fatal(err)
	}
	if s.clusterCache().ix != nil {
		t.Error("index still kept after ReleaseCaches")
	}
	if _, err := s.PutArticle(ctx, trailArticle(t, "https://r.example/2", "B", 2, "Ann Lee", bridgeQuote, false)); err != nil {
		t.Fatal(err)
	}
	u, err := s.ClusterNewQuotes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if u.Incremental || u.Quotes != 2 || s.clusterCache().ix != nil {
		t.Errorf("batch after ReleaseCaches: %+v, index kept %v; want a full update of 2 quotes keeping none", u, s.clusterCache().ix != nil)
	}
	if stale, err := s.ClustersStale(ctx); err != nil || stale {
		t.Errorf("stale: %v %v", stale, err)
	}
}
