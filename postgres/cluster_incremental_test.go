package postgres

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/pgtest"
	"github.com/claimtrail/claimtrail/trail"
)

// clusterState lists the clusters (id, quotes, articles, text), each
// quote's cluster and each member piece's cluster.
func clusterState(t *testing.T, s *Store) string {
	t.Helper()
	var out []string
	err := s.each(context.Background(), `SELECT 'c', id, quotes, articles, text FROM clusters
		UNION ALL SELECT 'q', id, coalesce(cluster_id, 0), 0, '' FROM attributions WHERE kind IN ('direct', 'mixed')
		UNION ALL SELECT 'm', attribution_id, cluster_id, piece, text FROM cluster_members
		ORDER BY 1, 2, 4`, nil, func(row pgx.Row) error {
		var what, text string
		var id, q, a int64
		if err := row.Scan(&what, &id, &q, &a, &text); err != nil {
			return err
		}
		out = append(out, fmt.Sprintf("%s %d %d %d %s", what, id, q, a, text))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(out, "\n")
}

// TestClusterNewQuotesEqualsFull clusters batches incrementally and
// checks that a full update then changes nothing, and that a store
// whose clusters another process updated falls back to a full update.
func TestClusterNewQuotesEqualsFull(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DB(t)
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	arts := genArticles(t, 48)
	incremental := 0
	for i := 0; i < 40; i += 8 {
		if _, err := s.PutBatch(ctx, claimtrail.Batch{Articles: arts[i : i+8]}); err != nil {
			t.Fatal(err)
		}
		u, err := s.RefreshNewQuotes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if u.Incremental {
			incremental++
		}
	}
	if incremental != 4 {
		t.Errorf("%d batches clustered incrementally, want all but the first (4)", incremental)
	}
	inc := clusterState(t, s)
	shared := 0
	for _, l := range strings.Split(inc, "\n") {
		var id, q, a int64
		if n, _ := fmt.Sscanf(l, "c %d %d %d", &id, &q, &a); n == 3 && a > 1 {
			shared++
		}
	}
	if shared == 0 {
		t.Fatalf("no cluster spans two articles: the test clusters nothing worth checking\n%s", inc)
	}
	u, err := s.UpdateClusters(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if full := clusterState(t, s); u.Moved != 0 || u.Written != 0 || u.Deleted != 0 || full != inc {
		t.Errorf("a full update after incremental ones changed things: %+v\nincremental:\n%s\nfull:\n%s", u, inc, full)
	}
	if pending, err := s.ClustersPending(ctx); err != nil || pending {
		t.Errorf("pending after incremental updates: %v %v", pending, err)
	}

	// Another process clusters the next batch: this one's graph is stale.
	other, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer other.Close()
	if _, err := other.PutBatch(ctx, claimtrail.Batch{Articles: arts[40:44]}); err != nil {
		t.Fatal(err)
	}
	if _, err := other.RefreshClusters(ctx); err != nil {
		t.Fatal(err)
	}
	if _, err := s.PutBatch(ctx, claimtrail.Batch{Articles: arts[44:]}); err != nil {
		t.Fatal(err)
	}
	u, err = s.ClusterNewQuotes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if u.Incremental {
		t.Error("clustered incrementally over clusters another process changed")
	}
	if u, err = s.UpdateClusters(ctx, nil); err != nil || u.Moved != 0 || u.Written != 0 {
		t.Errorf("full update after the fallback: %+v, %v", u, err)
	}
}

// TestClusterNewQuotesAfterReplace: an article replaced since the index
// was built took quotes away (the trigger of migration 0130 counts it),
// so the next step is a full one; incremental steps count the clusters
// as count(*) does.
func TestClusterNewQuotesAfterReplace(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, pgtest.DB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	arts := genArticles(t, 24)
	for i, want := range []bool{false, true, true} {
		if _, err := s.PutBatch(ctx, claimtrail.Batch{Articles: arts[i*8 : i*8+8]}); err != nil {
			t.Fatal(err)
		}
		u, err := s.ClusterNewQuotes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if u.Incremental != want {
			t.Errorf("batch %d: incremental %v, want %v", i, u.Incremental, want)
		}
		var n int
		if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM clusters`).Scan(&n); err != nil || n != u.Clusters {
			t.Errorf("batch %d: %d clusters reported, %d stored (%v)", i, u.Clusters, n, err)
		}
	}
	a := *arts[3]
	a.Text += " "
	if _, err := s.PutBatch(ctx, claimtrail.Batch{Articles: []*claimtrail.Article{&a}}); err != nil {
		t.Fatal(err)
	}
	u, err := s.ClusterNewQuotes(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if u.Incremental {
		t.Error("clustered incrementally over a replaced article")
	}
	if u, err := s.UpdateClusters(ctx, nil); err != nil || u.Moved != 0 || u.Written != 0 || u.Deleted != 0 {
		t.Errorf("full update after the fallback: %+v, %v", u, err)
	}
}

// TestClusterLinksLog: the phrase graph is the last row of each form in
// cluster_links, a row without a parent removes its form, and a log that
// outgrew the live graph is rewritten to it.
func TestClusterLinksLog(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, pgtest.DB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.pool.Exec(ctx, `INSERT INTO cluster_meta (key, value) VALUES ('version', $1)`, trail.Version); err != nil {
		t.Fatal(err)
	}
	write := func(fn func(b *pgx.Batch)) {
		t.Helper()
		err := s.tx(ctx, func(tx pgx.Tx) error {
			var b pgx.Batch
			fn(&b)
			return tx.SendBatch(ctx, &b).Close()
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	stored := func() ([]trail.Link, int) {
		t.Helper()
		var links []trail.Link
		var rows int
		err := s.tx(ctx, func(tx pgx.Tx) error {
			stale, err := linksStale(ctx, tx)
			if err != nil || stale {
				return cmp.Or(err, errors.New("stale links"))
			}
			if _, err = eachSavedLink(ctx, tx, func(l trail.Link) { links = append(links, l) }); err == nil {
				rows, err = linkRows(ctx, tx)
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return links, rows
	}
	a, b, c := trail.Link{Form: "a b c"}, trail.Link{Form: "b c", Parent: "a b c", Sim: 0.5}, trail.Link{Form: "c d"}
	write(func(q *pgx.Batch) { queueAppendLinks(q, []trail.Link{a, b, c}, nil) })
	b2 := trail.Link{Form: "b c", Parent: "c d", Sim: 0.25}
	write(func(q *pgx.Batch) { queueAppendLinks(q, []trail.Link{b2}, []string{"a b c"}) })
	if got, _ := stored(); !reflect.DeepEqual(got, []trail.Link{b2, c}) {
		t.Errorf("links %+v, want %+v", got, []trail.Link{b2, c})
	}
	write(func(q *pgx.Batch) { queueAppendLinks(q, []trail.Link{a}, nil) })
	got, rows := stored()
	if !reflect.DeepEqual(got, []trail.Link{a, b2, c}) || rows != 6 {
		t.Errorf("links %+v in %d rows, want %+v in 6", got, rows, []trail.Link{a, b2, c})
	}
	c2 := trail.Link{Form: "c d", Parent: "a b c", Sim: 0.75}
	write(func(q *pgx.Batch) {
		queueStoreLinks(q, []trail.Link{c2}, nil, rows, 3, func() []trail.Link { return []trail.Link{a, b2, c2} })
	})
	if _, rows := stored(); rows != 7 {
		t.Errorf("%d rows after appending one, want 7", rows)
	}
	write(func(q *pgx.Batch) {
		queueStoreLinks(q, nil, []string{"b c"}, 20_000, 2, func() []trail.Link { return []trail.Link{a, c2} })
	})
	if got, rows := stored(); !reflect.DeepEqual(got, []trail.Link{a, c2}) || rows != 2 {
		t.Errorf("after a rewrite: links %+v in %d rows, want %+v in 2", got, rows, []trail.Link{a, c2})
	}
}

// TestFullUpdateStoredSummaries: a full update reads the stored
// summaries a page at a time as it reaches their clusters and the
// stored ids at the end (not a map of every stored cluster): a stored
// summary that differs is written again, one equal is not, and a stored
// cluster that is not live is deleted.
func TestFullUpdateStoredSummaries(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, pgtest.DB(t))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.PutBatch(ctx, claimtrail.Batch{Articles: genArticles(t, 16)}); err != nil {
		t.Fatal(err)
	}
	first, err := s.UpdateClusters(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if first.Clusters < 2 {
		t.Fatalf("%d clusters: too few to check", first.Clusters)
	}
	want := clusterState(t, s)
	const ghost = 987654321 // no live cluster has this id
	for _, q := range []string{
		`UPDATE clusters SET text = 'changed behind the store' WHERE id = (SELECT max(id) FROM clusters)`,
		`INSERT INTO clusters (id, text, speakers, first_seen, first_outlet, articles, outlets, quotes, possible_misattribution, marker_counts)
			SELECT 987654321, text, speakers, first_seen, first_outlet, articles, outlets, quotes, possible_misattribution, marker_counts
			FROM clusters ORDER BY id LIMIT 1`,
	} {
		if _, err := s.pool.Exec(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	u, err := s.UpdateClusters(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if u.Written != 1 || u.Deleted != 1 || u.Moved != 0 || u.Clusters != first.Clusters {
		t.Errorf("full update over one changed summary and one cluster not live: %+v, want 1 written, 1 deleted, %d clusters", u, first.Clusters)
	}
	if got := clusterState(t, s); got != want {
		t.Errorf("clusters after the update:\n%s\nwant:\n%s", got, want)
	}
	var n int
	if err := s.pool.QueryRow(ctx, `SELECT count(*) FROM clusters WHERE id = $1`, ghost).Scan(&n); err != nil || n != 0 {
		t.Errorf("the cluster not live is still stored (%d rows, %v)", n, err)
	}
}

// TestReleaseCaches: a store whose caches were released (a one-shot
// run) clusters as one that keeps its phrase graph, frees the graph's
// search structures, and keeps no graph for the next batch, which then
// runs a full update. It fails when the release changes a cluster or
// the graph is kept.
func TestReleaseCaches(t *testing.T) {
	ctx := context.Background()
	var states []string
	for _, release := range []bool{false, true} {
		arts := genArticles(t, 24) // a batch stored is changed (ids)
		s, err := Open(ctx, pgtest.DB(t))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := s.PutBatch(ctx, claimtrail.Batch{Articles: arts[:16]}); err != nil {
			t.Fatal(err)
		}
		if _, err := s.UpdateClusters(ctx, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := s.PutBatch(ctx, claimtrail.Batch{Articles: arts[16:]}); err != nil {
			t.Fatal(err)
		}
		if release {
			if err := s.ReleaseCaches(ctx); err != nil {
				t.Fatal(err)
			}
		}
		u, err := s.ClusterNewQuotes(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if u.Incremental == release || (s.cc.ix == nil) != release {
			t.Fatalf("released %v: incremental %v, graph kept %v", release, u.Incremental, s.cc.ix != nil)
		}
		states = append(states, clusterState(t, s))
	}
	if states[0] != states[1] {
		t.Errorf("clusters differ after a release:\nkept:\n%s\nreleased:\n%s", states[0], states[1])
	}
}

// TestLiveClusters: the live clusters are sorted by id, one entry per
// id with the newer member.
func TestLiveClusters(t *testing.T) {
	for _, c := range []struct {
		ids, keys         []int64
		wantIDs, wantKeys []int64
	}{
		{nil, nil, []int64{}, []int64{}},
		{[]int64{3, 1, 2}, []int64{30, 10, 20}, []int64{1, 2, 3}, []int64{10, 20, 30}},
		{[]int64{5, -1, 5, 5}, []int64{7, 4, 9, 8}, []int64{-1, 5}, []int64{4, 9}},
	} {
		ids, keys := trail.UniqueClusters(slices.Clone(c.ids), slices.Clone(c.keys))
		if !slices.Equal(ids, c.wantIDs) || !slices.Equal(keys, c.wantKeys) {
			t.Errorf("UniqueClusters(%v, %v) = %v, %v, want %v, %v", c.ids, c.keys, ids, keys, c.wantIDs, c.wantKeys)
		}
	}
}
