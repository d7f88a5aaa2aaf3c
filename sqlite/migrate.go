package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"time"
)

// A migration is one versioned step of the schema. Migrations are applied
// on Open in version order, each in its own transaction together with its
// row in schema_migrations, so a crash leaves the schema at a whole
// version.
//
// To add one, register it from an init function in a file of this package:
//
//	func init() {
//		registerMigration(migration{Version: 100, Name: "clusters", SQL: `
//			CREATE TABLE clusters (...);
//		`})
//	}
//
// Versions 1–99 belong to the core store (this file and schema.go);
// versions 100 and up are for the clustering tables (cluster.go). Never
// change a migration that has been released: add a new one. Up, when set,
// runs after SQL in the same transaction, for steps SQL alone cannot do.
type migration struct {
	Version int
	Name    string
	SQL     string
	Up      func(ctx context.Context, tx *sql.Tx) error
}

// migrations is every registered migration, sorted by version on Open.
var migrations []migration

// registerMigration adds m to the migrations Open applies. It panics on a
// duplicate version, which is a programming error found by any test.
func registerMigration(m migration) {
	if m.Version <= 0 {
		panic(fmt.Sprintf("sqlite: migration %q: version must be positive", m.Name))
	}
	for _, o := range migrations {
		if o.Version == m.Version {
			panic(fmt.Sprintf("sqlite: migrations %q and %q share version %d", o.Name, m.Name, m.Version))
		}
	}
	migrations = append(migrations, m)
}

// migrate applies the migrations newer than the database's version. Each
// runs in a BEGIN IMMEDIATE transaction that re-reads the version, so two
// processes opening a new file at once do not apply a step twice.
func (s *Store) migrate(ctx context.Context) error {
	if _, err := s.rw.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY,
		name TEXT NOT NULL,
		applied_at TEXT NOT NULL
	)`); err != nil {
		return fmt.Errorf("create schema_migrations: %w", err)
	}
	// Read what is applied without the write lock, so that opening a
	// store that is being written (a query during an ingest) waits for
	// nothing when no migration is pending.
	applied := map[int]bool{}
	rows, err := s.rw.QueryContext(ctx, `SELECT version FROM schema_migrations`)
	if err != nil {
		return fmt.Errorf("read schema_migrations: %w", err)
	}
	for rows.Next() {
		var v int
		if err := rows.Scan(&v); err != nil {
			rows.Close()
			return fmt.Errorf("read schema_migrations: %w", err)
		}
		applied[v] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("read schema_migrations: %w", err)
	}
	ordered := slices.Clone(migrations)
	slices.SortFunc(ordered, func(a, b migration) int { return a.Version - b.Version })
	for _, m := range ordered {
		if applied[m.Version] {
			continue
		}
		err := s.write(ctx, func(tx *sql.Tx) error {
			var done int
			if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, m.Version).Scan(&done); err != nil {
				return err
			}
			if done > 0 {
				return nil
			}
			if m.SQL != "" {
				if _, err := tx.ExecContext(ctx, m.SQL); err != nil {
					return err
				}
			}
			if m.Up != nil {
				if err := m.Up(ctx, tx); err != nil {
					return err
				}
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)`,
				m.Version, m.Name, time.Now().UTC().Format(timeLayout))
			return err
		})
		if err != nil {
			return fmt.Errorf("migration %d (%s): %w", m.Version, m.Name, err)
		}
	}
	return nil
}

// SchemaVersion is the highest migration applied to the database.
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	if err := s.rw.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	return int(v.Int64), nil
}
