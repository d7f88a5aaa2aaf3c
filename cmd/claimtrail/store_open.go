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
// whichever --db names.
type appStore interface {
	claimtrail.IngestStore
	claimtrail.ClusterStore
	CountStale(ctx context.Context, version string) (int, error)
	ClustersStale(ctx context.Context) (bool, error)
	UpdateClusters(ctx context.Context, aliases *trail.Aliases) (sqlite.ClusterUpdate, error)
}

var _ appStore = (*sqlite.Store)(nil)

// pgStore adapts the PostgreSQL store's cluster update result.
type pgStore struct{ *postgres.Store }

func (p pgStore) UpdateClusters(ctx context.Context, aliases *trail.Aliases) (sqlite.ClusterUpdate, error) {
	u, err := p.Store.UpdateClusters(ctx, aliases)
	return sqlite.ClusterUpdate(u), err
}

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
		st, err := postgres.Open(ctx, g.DB)
		if err != nil {
			return nil, err
		}
		return pgStore{st}, nil
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
