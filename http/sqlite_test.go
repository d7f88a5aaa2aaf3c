package http

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/claimtrail/claimtrail/demo"
	"github.com/claimtrail/claimtrail/sqlite"
)

// The endpoint tests also run against the real SQLite store, filled with
// the hand-annotated demo articles and clustered by package trail.
func init() {
	extraStores = append(extraStores, func(t *testing.T) storePair {
		ctx := context.Background()
		st, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "test.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { st.Close() })
		arts, _, err := demo.Annotated()
		if err != nil {
			t.Fatal(err)
		}
		for i := range arts {
			if _, err := st.PutArticle(ctx, &arts[i]); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := st.UpdateClusters(ctx, nil); err != nil {
			t.Fatal(err)
		}
		return storePair{st, st}
	})
}
