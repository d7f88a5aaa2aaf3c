package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/trail"
)

// TestMigrationClusterSeq takes a clustered store back to the schema
// before migrations 107, 108 and 112 (clusters and members keyed by the
// public id, the phrase graph keyed by the form),
// opens it again and checks that the migration gives back the same
// clusters: the same summaries and members through the API, nothing for
// an update to move or rewrite, and seqs in the order of each cluster's
// newest member.
func TestMigrationClusterSeq(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "seq.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	for i, a := range []*claimtrail.Article{
		trailArticle(t, "https://herald.example/1", "Herald", 3, "Donald Trump", bridgeQuote, false),
		trailArticle(t, "https://courier.example/1", "Courier", 2, "Mr. Trump", bridgeQuote+".", true),
		trailArticle(t, "https://post.example/1", "Post", 4, "Elena Reyes", "The budget for the river defences will double next year and nobody will pay twice", false),
		trailArticle(t, "https://times.example/1", "Times", 5, "Elena Reyes", "the budget for the river defences will double next year", false),
		trailArticle(t, "https://gazette.example/1", "Gazette", 6, "Ana Diaz", "Nobody told us about the closure of the ferry until the boats had gone", false),
		trailArticle(t, "https://herald.example/2", "Herald", 7, "Donald Trump", "every crumbling bridge in Ohio by next spring", false),
	} {
		if _, err := s.PutArticle(ctx, a); err != nil {
			t.Fatalf("article %d: %v", i, err)
		}
	}
	if _, err := s.UpdateClusters(ctx, nil); err != nil {
		t.Fatal(err)
	}
	before, beforeLinks := clusterViews(t, s), storedLinks(t, s)
	if len(before) < 3 {
		t.Fatalf("only %d clusters", len(before))
	}
	// Back to the schema of migration 106.
	_, err = s.rw.ExecContext(ctx, `
CREATE TABLE clusters_old (
	id INTEGER PRIMARY KEY, text TEXT NOT NULL, speakers TEXT NOT NULL DEFAULT '[]', first_seen TEXT,
	first_outlet TEXT NOT NULL DEFAULT '', articles INTEGER NOT NULL, outlets INTEGER NOT NULL, quotes INTEGER NOT NULL,
	possible_misattribution INTEGER NOT NULL DEFAULT 0, marker_counts TEXT NOT NULL DEFAULT '{}');
INSERT INTO clusters_old SELECT id, text, speakers, first_seen, first_outlet, articles, outlets, quotes, possible_misattribution, marker_counts FROM clusters;
CREATE TABLE cluster_members_old (
	attribution_id INTEGER NOT NULL REFERENCES attributions(id) ON DELETE CASCADE, piece INTEGER NOT NULL,
	cluster_id INTEGER NOT NULL, span_start INTEGER NOT NULL, span_end INTEGER NOT NULL, text TEXT NOT NULL,
	PRIMARY KEY (attribution_id, piece)) WITHOUT ROWID;
INSERT INTO cluster_members_old SELECT m.attribution_id, m.piece, c.id, m.span_start, m.span_end, m.text
	FROM cluster_members m JOIN clusters c ON c.seq = m.cluster_seq;
DROP TABLE clusters;
DROP TABLE cluster_members;
ALTER TABLE clusters_old RENAME TO clusters;
ALTER TABLE cluster_members_old RENAME TO cluster_members;
CREATE INDEX clusters_order ON clusters(articles DESC, id);
CREATE INDEX cluster_members_cluster ON cluster_members(cluster_id);
CREATE INDEX attributions_cluster ON attributions(cluster_id) WHERE cluster_id IS NOT NULL;
CREATE TABLE cluster_forms (form TEXT PRIMARY KEY, parent TEXT NOT NULL DEFAULT '', sim REAL NOT NULL DEFAULT 0) WITHOUT ROWID;
INSERT INTO cluster_forms SELECT form, parent, sim FROM cluster_links;
DROP TABLE cluster_links;
DELETE FROM schema_migrations WHERE version IN (107, 108, 112);`)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	if s, err = Open(ctx, path); err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if v, err := s.SchemaVersion(ctx); err != nil || v < 107 {
		t.Fatalf("schema version %d, %v", v, err)
	}
	if after := clusterViews(t, s); !reflect.DeepEqual(before, after) {
		t.Errorf("clusters after the migration differ:\n%+v\nwant\n%+v", after, before)
	}
	if after := storedLinks(t, s); !reflect.DeepEqual(beforeLinks, after) || len(after) == 0 {
		t.Errorf("phrase graph after the migration differs:\n%+v\nwant\n%+v", after, beforeLinks)
	}
	stale, err := s.ClustersStale(ctx)
	if err != nil || stale {
		t.Errorf("stale after the migration: %v, %v", stale, err)
	}
	u, err := s.UpdateClusters(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if u.Moved != 0 || u.Written != 0 || u.Deleted != 0 {
		t.Errorf("update after the migration changed clusters: %+v", u)
	}
	// Seqs follow the newest member.
	rows, err := s.ro.QueryContext(ctx, `SELECT c.seq, max(m.attribution_id) FROM clusters c JOIN cluster_members m ON m.cluster_seq = c.seq GROUP BY c.seq ORDER BY c.seq`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	last := int64(-1)
	for rows.Next() {
		var seq, newest int64
		if err := rows.Scan(&seq, &newest); err != nil {
			t.Fatal(err)
		}
		if newest < last {
			t.Errorf("cluster seq %d has newest member %d, before %d", seq, newest, last)
		}
		last = newest
	}
}

// clusterViews is every cluster as the API gives it, with its members,
// and the clusters and attributions counted by Stats.
func clusterViews(t *testing.T, s *Store) []claimtrail.Cluster {
	t.Helper()
	ctx := context.Background()
	list, _, err := s.Clusters(ctx, claimtrail.ClusterFilter{Limit: 100})
	if err != nil {
		t.Fatal(err)
	}
	var out []claimtrail.Cluster
	for _, c := range list {
		full, err := s.Cluster(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, *full)
		rows, _, err := s.Attributions(ctx, claimtrail.AttributionFilter{ClusterID: c.ID, Limit: 100})
		if err != nil {
			t.Fatal(err)
		}
		if len(rows) == 0 {
			t.Errorf("no attributions in cluster %d", c.ID)
		}
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	out = append(out, claimtrail.Cluster{Quotes: st.Clusters})
	return out
}

// TestClusterLinksLog: the phrase graph is the last row of each form in
// cluster_links, a row without a parent removes its form, and a log that
// outgrew the live graph is rewritten to it.
func TestClusterLinksLog(t *testing.T) {
	ctx := context.Background()
	s := openTest(t)
	write := func(fn func(tx *sql.Tx) error) {
		t.Helper()
		if err := s.write(ctx, fn); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := s.rw.ExecContext(ctx, `INSERT INTO cluster_meta (key, value) VALUES ('version', ?)`, trail.Version); err != nil {
		t.Fatal(err)
	}
	a, b, c := trail.Link{Form: "a b c"}, trail.Link{Form: "b c", Parent: "a b c", Sim: 0.5}, trail.Link{Form: "c d"}
	write(func(tx *sql.Tx) error { return appendLinks(ctx, tx, []trail.Link{a, b, c}, nil) })
	b2 := trail.Link{Form: "b c", Parent: "c d", Sim: 0.25}
	write(func(tx *sql.Tx) error { return appendLinks(ctx, tx, []trail.Link{b2}, []string{"a b c"}) })
	if got, want := storedLinks(t, s), []trail.Link{b2, c}; !reflect.DeepEqual(got, want) {
		t.Errorf("links %+v, want %+v", got, want)
	}
	write(func(tx *sql.Tx) error { return appendLinks(ctx, tx, []trail.Link{a}, nil) })
	if got, want := storedLinks(t, s), []trail.Link{a, b2, c}; !reflect.DeepEqual(got, want) {
		t.Errorf("links after adding a removed form again %+v, want %+v", got, want)
	}
	rows, err := linkRows(ctx, s.ro)
	if err != nil || rows != 6 {
		t.Fatalf("%d rows (%v), want 6", rows, err)
	}
	// An update changing one link appends it; one whose log would
	// outgrow the graph rewrites it.
	c2 := trail.Link{Form: "c d", Parent: "a b c", Sim: 0.75}
	write(func(tx *sql.Tx) error {
		return storeLinks(ctx, tx, []trail.Link{c2}, nil, rows, 3, func() []trail.Link { return []trail.Link{a, b2, c2} })
	})
	if rows, _ := linkRows(ctx, s.ro); rows != 7 {
		t.Errorf("%d rows after appending one, want 7", rows)
	}
	write(func(tx *sql.Tx) error {
		return storeLinks(ctx, tx, nil, []string{"b c"}, 20_000, 2, func() []trail.Link { return []trail.Link{a, c2} })
	})
	if rows, _ := linkRows(ctx, s.ro); rows != 2 {
		t.Errorf("%d rows after a rewrite, want 2", rows)
	}
	if got, want := storedLinks(t, s), []trail.Link{a, c2}; !reflect.DeepEqual(got, want) {
		t.Errorf("links after the rewrite %+v, want %+v", got, want)
	}
}
