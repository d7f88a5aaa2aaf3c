package postgres

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/sqlite"
)

// TestCompareStores compares two existing stores filled from the same
// sources, one SQLite file and one PostgreSQL database, named by
// CLAIMTRAIL_COMPARE_SQLITE and CLAIMTRAIL_COMPARE_POSTGRES (skipped
// without them): the stats, and every cluster with its members, each
// member compared by article source, span, text, speaker and markers
// (attribution and article ids depend on the order articles were stored
// in, which several workers do not fix).
//
//	CLAIMTRAIL_COMPARE_SQLITE=bbc.db CLAIMTRAIL_COMPARE_POSTGRES=postgres://... \
//	  go test ./postgres -run TestCompareStores -v
func TestCompareStores(t *testing.T) {
	litePath, dsn := os.Getenv("CLAIMTRAIL_COMPARE_SQLITE"), os.Getenv("CLAIMTRAIL_COMPARE_POSTGRES")
	if litePath == "" || dsn == "" {
		t.Skip("set CLAIMTRAIL_COMPARE_SQLITE and CLAIMTRAIL_COMPARE_POSTGRES to compare two stores")
	}
	ctx := context.Background()
	// Either may be a SQLite file or a PostgreSQL DSN, to compare two
	// runs on one kind of store.
	open := func(db string) storeUnderTest {
		var s storeUnderTest
		var err error
		if IsDSN(db) {
			s, err = Open(ctx, db)
		} else {
			s, err = sqlite.Open(ctx, db)
		}
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	lite, pg := open(litePath), open(dsn)
	ls, _ := lite.Stats(ctx)
	ps, err := pg.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	ls.Bytes, ps.Bytes = 0, 0
	if ls != ps {
		t.Errorf("stats differ: sqlite %+v, postgres %+v", ls, ps)
	}
	t.Logf("stats %+v", ps)
	type member struct {
		Source     string
		Start, End int
		Text       string
		Speaker    string
		Markers    []claimtrail.Marker
		Diff       []claimtrail.WordDiff
	}
	// Clusters are keyed by their members: trail gives a "trivial" quote
	// ("he said.") a cluster of its own whose id hashes the attribution
	// id, which depends on the order articles were stored in; every other
	// cluster id is a hash of its text and must be equal too.
	type cluster struct {
		id   int64
		json string
	}
	all := func(s storeUnderTest) map[string]cluster {
		out := map[string]cluster{}
		for after := ""; ; {
			page, next, err := s.Clusters(ctx, claimtrail.ClusterFilter{Limit: 1000, After: after})
			if err != nil {
				t.Fatal(err)
			}
			for _, c := range page {
				full, err := s.Cluster(ctx, c.ID)
				if err != nil {
					t.Fatal(err)
				}
				ms := make([]member, len(full.Members))
				for i, m := range full.Members {
					ms[i] = member{m.Source, m.Start, m.End, m.Text, m.Speaker, m.Markers, m.Diff}
				}
				key, _ := json.Marshal(ms)
				full.Members = nil
				id := full.ID
				full.ID = 0
				// speaker ids, like article ids, follow the order of storing
				full.Speaker.ID = 0
				for i := range full.Speakers {
					full.Speakers[i].ID = 0
				}
				b, _ := json.Marshal(full)
				out[string(key)] = cluster{id, string(b)}
			}
			if next == "" {
				return out
			}
			after = next
		}
	}
	lc, pc := all(lite), all(pg)
	if len(lc) != len(pc) {
		t.Errorf("%d clusters in sqlite, %d in postgres", len(lc), len(pc))
	}
	diff, otherID := 0, 0
	for key, l := range lc {
		p, ok := pc[key]
		switch {
		case !ok || p.json != l.json:
			if diff++; diff <= 5 {
				t.Errorf("cluster %d (members %.300s) differs:\nsqlite:   %.600s\npostgres: %.600s", l.id, key, l.json, p.json)
			}
		case p.id != l.id:
			otherID++
			if len(key) > 0 && !strings.Contains(key, "},{") && otherID <= 3 {
				t.Logf("one-quote cluster with another id (%d, %d): %.300s", l.id, p.id, key)
			}
		}
	}
	t.Logf("%d clusters compared: %d differ, %d equal but for the id", len(lc), diff, otherID)
}
