package postgres

import (
	"context"
	"embed"
	"fmt"
	"io/fs"
	"path"
	"slices"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
)

// Migrations are the files migrations/NNNN_name.sql, applied in version
// order on Open, each in its own transaction together with its row in
// schema_migrations, so that a crash leaves the schema at a whole
// version. Versions 1-99 are the core store, 100 and up the clustering
// tables, as in package sqlite. Never change a released file: add one.
//
//go:embed migrations/*.sql
var migrationFiles embed.FS

type migration struct {
	Version int
	Name    string
	SQL     string
}

// loadMigrations reads the embedded files; a badly named or duplicated
// file is a programming error that every test finds.
func loadMigrations() ([]migration, error) {
	entries, err := fs.ReadDir(migrationFiles, "migrations")
	if err != nil {
		return nil, err
	}
	var out []migration
	seen := map[int]string{}
	for _, e := range entries {
		name := e.Name()
		num, rest, ok := strings.Cut(strings.TrimSuffix(name, ".sql"), "_")
		v, err := strconv.Atoi(num)
		if !ok || err != nil || v <= 0 {
			return nil, fmt.Errorf("migration file %s: want NNNN_name.sql", name)
		}
		if other, dup := seen[v]; dup {
			return nil, fmt.Errorf("migrations %s and %s share version %d", other, name, v)
		}
		seen[v] = name
		b, err := migrationFiles.ReadFile(path.Join("migrations", name))
		if err != nil {
			return nil, err
		}
		out = append(out, migration{Version: v, Name: rest, SQL: string(b)})
	}
	slices.SortFunc(out, func(a, b migration) int { return a.Version - b.Version })
	return out, nil
}

// migrateLock serialises migrations between processes opening the store
// at once (several workers starting together).
const migrateLock int64 = 0x636c61696d746d67 // "claimtmg"

// migrate applies the migrations newer than the database's version.
func (s *Store) migrate(ctx context.Context) error {
	ms, err := loadMigrations()
	if err != nil {
		return err
	}
	return s.retry(ctx, func() error {
		return pgx.BeginFunc(ctx, s.pool, func(tx pgx.Tx) error {
			if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, migrateLock); err != nil {
				return fmt.Errorf("lock migrations: %w", err)
			}
			if _, err := tx.Exec(ctx, `CREATE TABLE IF NOT EXISTS claimtrail_migrations (
				version integer PRIMARY KEY,
				name text NOT NULL,
				applied_at timestamptz NOT NULL DEFAULT now()
			)`); err != nil {
				return fmt.Errorf("create claimtrail_migrations: %w", err)
			}
			rows, err := tx.Query(ctx, `SELECT version FROM claimtrail_migrations`)
			if err != nil {
				return fmt.Errorf("read claimtrail_migrations: %w", err)
			}
			applied, err := pgx.CollectRows(rows, pgx.RowTo[int32])
			if err != nil {
				return fmt.Errorf("read claimtrail_migrations: %w", err)
			}
			for _, m := range ms {
				if slices.Contains(applied, int32(m.Version)) {
					continue
				}
				if _, err := tx.Exec(ctx, m.SQL); err != nil {
					return fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, err)
				}
				if _, err := tx.Exec(ctx, `INSERT INTO claimtrail_migrations (version, name) VALUES ($1, $2)`, m.Version, m.Name); err != nil {
					return fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, err)
				}
			}
			return nil
		})
	})
}

// SchemaVersion is the highest migration applied to the database.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v *int32
	if err := s.pool.QueryRow(ctx, `SELECT max(version) FROM claimtrail_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	if v == nil {
		return 0, nil
	}
	return int(*v), nil
}
