package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/demo"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/internal/pgtest"
	"github.com/claimtrail/claimtrail/sqlite"
)

func TestMain(m *testing.M) { pgtest.Main(m) }

func openTest(t *testing.T) *Store {
	t.Helper()
	dsn := pgtest.DB(t)
	s, err := Open(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestOpenTwiceMigratesOnce(t *testing.T) {
	ctx := context.Background()
	dsn := pgtest.DB(t)
	var wg sync.WaitGroup
	errs := make([]error, 3)
	for i := range errs {
		wg.Go(func() {
			s, err := Open(ctx, dsn)
			if err == nil {
				s.Close()
			}
			errs[i] = err
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	s, err := Open(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ms, _ := loadMigrations()
	v, err := s.SchemaVersion(ctx)
	if err != nil || v != ms[len(ms)-1].Version {
		t.Fatalf("schema version %d, %v; want %d", v, err, ms[len(ms)-1].Version)
	}
}

// corpus is the invented corpus both stores ingest in the equality test:
// the demo's sample articles and the fixtures, extracted, plus edge cases
// (an article without URL or date, an update of one URL, an invalid one).
func corpus(t *testing.T) [][]*claimtrail.Article {
	t.Helper()
	ex, err := extract.New()
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	extractAll := func(arts []*claimtrail.Article) {
		for _, a := range arts {
			x, err := ex.Extract(ctx, a.Text)
			if err != nil {
				t.Fatal(err)
			}
			if a.Title == "" {
				a.Title = x.Title
			}
			a.Attributions, a.Markers, a.ExtractorVersion = x.Attributions, x.Markers, ex.Version()
		}
	}
	samples, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	var first, second []*claimtrail.Article
	for i := range samples {
		a := samples[i]
		if i%2 == 0 {
			first = append(first, &a)
		} else {
			second = append(second, &a)
		}
	}
	files, _ := filepath.Glob("../testdata/articles/*.txt")
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		second = append(second, &claimtrail.Article{Source: f, Text: string(b)})
	}
	// The first demo article again, rewritten: an update at its URL.
	upd := *first[0]
	upd.Text = strings.Replace(upd.Text, "Sunday", "Sunday night", 1)
	second = append(second, &upd)
	extractAll(first)
	extractAll(second)
	bad := &claimtrail.Article{Source: "bad.txt", Text: "Short text.", Attributions: []claimtrail.Attribution{{
		Kind: claimtrail.KindDirect, Content: []claimtrail.Span{{Start: 3, End: 99, Text: "nope"}}}}}
	second = append(second, bad)
	return [][]*claimtrail.Article{first, second}
}

// clone deep-copies articles so that each store gets its own.
func clone(t *testing.T, batch []*claimtrail.Article) []*claimtrail.Article {
	b, err := json.Marshal(batch)
	if err != nil {
		t.Fatal(err)
	}
	var out []*claimtrail.Article
	if err := json.Unmarshal(b, &out); err != nil {
		t.Fatal(err)
	}
	return out
}

// storeUnderTest is what the equality test reads from both stores.
type storeUnderTest interface {
	claimtrail.IngestStore
	claimtrail.ClusterStore
}

// dump reads everything a user can see through the store interfaces, as
// JSON; speaker ids are left out (sqlite reuses freed rowids, PostgreSQL
// sequences never do) and so is the store's size in bytes.
func dump(t *testing.T, s storeUnderTest) map[string]string {
	t.Helper()
	ctx := context.Background()
	out := map[string]string{}
	js := func(v any) string {
		b, err := json.MarshalIndent(v, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	st.Bytes = 0
	out["stats"] = js(st)
	clusters, _, err := s.Clusters(ctx, claimtrail.ClusterFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for i := range clusters {
		clusters[i].SetSpeakerIDs(nil) // ids are each store's own
	}
	out["clusters"] = js(clusters)
	for _, c := range clusters {
		full, err := s.Cluster(ctx, c.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i := range full.Members {
			full.Members[i].SpeakerID = 0
		}
		full.SetSpeakerIDs(nil) // ids are each store's own
		out[fmt.Sprintf("cluster %d", c.ID)] = js(full)
	}
	for after, page := "", 0; ; page++ {
		rows, next, err := s.Attributions(ctx, claimtrail.AttributionFilter{Limit: 7, After: after})
		if err != nil {
			t.Fatal(err)
		}
		for i := range rows {
			rows[i].Speaker.ID = 0
		}
		out[fmt.Sprintf("attributions page %d", page)] = js(rows) + "\nnext " + next
		if next == "" {
			break
		}
		after = next
	}
	arts, _, err := s.Articles(ctx, claimtrail.ArticleFilter{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	out["articles"] = js(arts)
	for _, a := range arts {
		full, err := s.Article(ctx, a.ID)
		if err != nil {
			t.Fatal(err)
		}
		for i := range full.Attributions {
			full.Attributions[i].Speaker.ID = 0
		}
		out[fmt.Sprintf("article %d", a.ID)] = js(full)
	}
	speakers, err := s.Speakers(ctx, "", 1000)
	if err != nil {
		t.Fatal(err)
	}
	for i := range speakers {
		speakers[i].ID = 0
	}
	out["speakers"] = js(speakers)
	for _, f := range []claimtrail.AttributionFilter{
		{Speaker: speakers[0].Name}, {Kind: claimtrail.KindDirect}, {Outlet: "HARBOR DAILY"},
		{Marker: claimtrail.MarkerUnsupported}, {Since: time.Date(2026, 3, 10, 0, 0, 0, 0, time.UTC)},
	} {
		rows, _, err := s.Attributions(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		ids := make([]int64, len(rows))
		for i, r := range rows {
			ids[i] = r.ID
		}
		out[fmt.Sprintf("filter %+v", f)] = js(ids)
	}
	errs, err := s.Errors(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	for i := range errs {
		errs[i].Time, errs[i].ID = time.Time{}, 0
	}
	out["errors"] = js(errs)
	return out
}

// TestSameAsSQLite ingests one invented corpus into both stores in the
// same batches and compares everything a user can read: stats, clusters
// with their members, attributions page by page with cursors, articles,
// speakers, filters and errors.
func TestSameAsSQLite(t *testing.T) {
	ctx := context.Background()
	pg := openTest(t)
	lite, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	batches := corpus(t)
	for i, b := range batches {
		for name, s := range map[string]storeUnderTest{"sqlite": lite, "postgres": pg} {
			res, err := s.PutBatch(ctx, claimtrail.Batch{Articles: clone(t, b)})
			if err != nil {
				t.Fatalf("%s batch %d: %v", name, i, err)
			}
			if name == "postgres" {
				// Results agree too (the invalid article is refused).
				if res[len(res)-1].Err == nil && i == 1 {
					t.Errorf("invalid article accepted")
				}
			}
		}
		if _, err := lite.UpdateClusters(ctx, nil); err != nil {
			t.Fatal(err)
		}
		if _, err := pg.UpdateClusters(ctx, nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, s := range []interface {
		ClustersStale(context.Context) (bool, error)
	}{lite, pg} {
		if stale, err := s.ClustersStale(ctx); err != nil || stale {
			t.Fatalf("clusters stale after update: %v %v", stale, err)
		}
	}
	want, got := dump(t, lite), dump(t, pg)
	if len(want) < 20 {
		t.Fatalf("only %d items dumped: corpus too small", len(want))
	}
	var st claimtrail.Stats
	json.Unmarshal([]byte(got["stats"]), &st)
	if st.Clusters == 0 || st.Articles < 15 || st.Errors != 1 {
		t.Fatalf("corpus does not exercise the stores: %+v", st)
	}
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if got[k] != want[k] {
			t.Errorf("%s differs:\nsqlite:   %s\npostgres: %s", k, clip(want[k]), clip(got[k]))
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("%s only in postgres", k)
		}
	}
	// Search: the same matches (order and snippets may differ).
	ids := func(s claimtrail.Store, q string) []int64 {
		hits, err := s.Search(ctx, q, claimtrail.AttributionFilter{Limit: 1000})
		if err != nil {
			t.Fatalf("search %q: %v", q, err)
		}
		var out []int64
		for _, h := range hits {
			out = append(out, h.ID)
		}
		slices.Sort(out)
		return out
	}
	for _, q := range []string{"bridge", `"act of God"`, "inspect*", "bridge -storm", "mayor OR board", "bridge NOT storm", "Varga", "harbour"} {
		l, p := ids(lite, q), ids(pg, q)
		if strings.Contains(q, "-") {
			// sqlite reads -word as the word: -storm must give what
			// NOT storm gives.
			if want := ids(lite, "bridge NOT storm"); len(p) == 0 || !slices.Equal(p, want) {
				t.Errorf("search %q: %v, want sqlite's bridge NOT storm %v", q, p, want)
			}
			continue
		}
		if !slices.Equal(l, p) {
			t.Errorf("search %q: sqlite %v, postgres %v", q, l, p)
		}
	}
}

func clip(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "…"
	}
	return s
}
