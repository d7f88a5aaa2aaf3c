package main

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/postgres"
	"github.com/claimtrail/claimtrail/sqlite"
	"github.com/claimtrail/claimtrail/trail"
)

// appStore is what the commands use of a store: both the sqlite file and
// a PostgreSQL database provide it, so every command answers the same
// whichever --db names. Features only the sqlite store has (relations,
// paged speaker listings) are reached by type assertion.
type appStore interface {
	claimtrail.IngestStore
	claimtrail.ClusterStore
	claimtrail.ClusterMaintainer
	claimtrail.PagedSearcher
	ClustersStale(ctx context.Context) (bool, error)
	UpdateClusters(ctx context.Context, aliases *trail.Aliases) (claimtrail.ClusterUpdate, error)
	RefreshClustersWith(ctx context.Context, aliases *trail.Aliases) (claimtrail.ClusterUpdate, error)
	MergeSpeakers(ctx context.Context, aliases *trail.Aliases) (int, error)
	Ping(ctx context.Context) error
}

var (
	_ appStore = (*sqlite.Store)(nil)
	_ appStore = (*postgres.Store)(nil)
)

// dbPath is --db as a file path: ~ expanded (a DSN is returned as is).
func dbPath(db string) string {
	if postgres.IsDSN(db) {
		return db
	}
	if strings.HasPrefix(db, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, db[2:])
		}
	}
	return db
}

// openAnyStore opens the store --db names: a postgres:// DSN or a SQLite file,
// created when missing.
func openAnyStore(ctx context.Context, g *Globals) (appStore, error) {
	if postgres.IsDSN(g.DB) {
		return postgres.Open(ctx, g.DB)
	}
	return sqlite.Open(ctx, dbPath(g.DB))
}

// openStore opens the --db store for reading; unlike ingest it refuses to
// create a new SQLite file, so that a mistyped path says so instead of
// showing an empty store.
func openStore(ctx context.Context, g *Globals) (appStore, error) {
	if !postgres.IsDSN(g.DB) {
		if _, err := os.Stat(dbPath(g.DB)); errors.Is(err, fs.ErrNotExist) {
			return nil, claimtrail.Errorf(claimtrail.ENOTFOUND, "no store at %s (run claimtrail ingest first, or pass --db)", g.DB)
		}
	}
	return openAnyStore(ctx, g)
}
