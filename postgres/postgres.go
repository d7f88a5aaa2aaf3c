// Package postgres stores claimtrail's articles, attributions, speakers,
// ingest errors and quote clusters in PostgreSQL (jackc/pgx v5, pure Go).
// It implements claimtrail.Store, claimtrail.IngestStore and
// claimtrail.ClusterStore with the same behaviour as package sqlite: the
// same identities, outcomes, orderings, cursors and JSON, so that every
// command and endpoint answers the same whichever store is behind it.
//
// Differences from sqlite come from running many writers at once (the
// queue's workers on several machines), which SQLite never does:
//
//   - Article identity is enforced by unique indexes (url; hash for
//     articles without a URL), so two workers racing on one article
//     store it once: the loser's insert fails on the unique key, its
//     transaction is retried (see retryable), and on the retry it sees
//     the winner's row and reports it unchanged or updates it.
//   - Speakers a batch needs are created first, in name order, with
//     INSERT ... ON CONFLICT, so that concurrent batches lock speaker rows
//     in one order and do not deadlock; a batch that still fails on a
//     deadlock, a serialisation failure or a race on a key is retried
//     whole (it is one transaction).
//   - Writers hold a shared advisory lock for their transaction and
//     speaker merging and clustering an exclusive one, so a merge never
//     deletes a speaker a concurrent batch is about to reference, and the
//     cluster step sees a quiet store (see UpdateClusters).
//
// Full-text search uses a tsvector over the content and the speaker's
// name, with a GIN index and a text search configuration ("claimtrail")
// that stems English words like FTS5's porter tokenizer and drops no stop
// words; text is folded (diacritics removed, split into letter and digit
// runs) in Go before it reaches PostgreSQL, as FTS5's unicode61 tokenizer
// does, so both stores match the same words. Ranking (ts_rank against
// BM25) and snippets differ in detail.
//
// The schema is created by versioned migrations embedded from
// migrations/*.sql and applied on Open (see migrate.go).
package postgres

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/claimtrail/claimtrail"
)

// Store is the PostgreSQL implementation of claimtrail.Store.
type Store struct {
	pool *pgxpool.Pool
	dsn  string
	// cc is the phrase graph kept between cluster steps
	// (cluster_incremental.go).
	cc clusterCache
	// maxIDs caches tables' highest ids for search (maxID).
	maxIDs struct {
		sync.Mutex
		m map[string]maxID
	}
}

var (
	_ claimtrail.Store        = (*Store)(nil)
	_ claimtrail.IngestStore  = (*Store)(nil)
	_ claimtrail.ClusterStore = (*Store)(nil)
)

// IsDSN reports whether db names a PostgreSQL database (a postgres:// or
// postgresql:// URL) rather than a SQLite file.
func IsDSN(db string) bool {
	return strings.HasPrefix(db, "postgres://") || strings.HasPrefix(db, "postgresql://")
}

// Open connects to the database at dsn and applies any pending
// migrations. The pool reconnects by itself after the server restarts.
func Open(ctx context.Context, dsn string) (*Store, error) {
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "bad PostgreSQL DSN: %v", err)
	}
	if cfg.MaxConns < 8 {
		cfg.MaxConns = 8
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", redact(dsn), err)
	}
	s := &Store{pool: pool, dsn: dsn}
	if err := s.retry(ctx, func() error { return pool.Ping(ctx) }); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open %s: %w", redact(dsn), err)
	}
	if err := s.migrate(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("open %s: %w", redact(dsn), err)
	}
	return s, nil
}

// Pool is the connection pool, shared with the job queue.
func (s *Store) Pool() *pgxpool.Pool { return s.pool }

// Close closes the pool.
func (s *Store) Close() error {
	s.pool.Close()
	return nil
}

// redact hides a password in a DSN for messages.
func redact(dsn string) string {
	cfg, err := pgconn.ParseConfig(dsn)
	if err != nil {
		return "the PostgreSQL database"
	}
	return fmt.Sprintf("postgres://%s@%s:%d/%s", cfg.User, cfg.Host, cfg.Port, cfg.Database)
}

// Advisory lock keys (pg_advisory_xact_lock): writers take writeLock
// shared, speaker merging and clustering take it exclusive.
const writeLock int64 = 0x636c61696d747231 // "claimtr1"

// tx runs fn in one transaction and commits it, retrying the whole
// transaction when it fails for a reason that another attempt can cure
// (see retryable).
func (s *Store) tx(ctx context.Context, fn func(tx pgx.Tx) error) error {
	return s.retry(ctx, func() error {
		return pgx.BeginFunc(ctx, s.pool, fn)
	})
}

// maxAttempts bounds retries of one transaction.
const maxAttempts = 8

// retry runs fn until it succeeds, fails for good, or ctx ends, sleeping
// a growing random delay between attempts.
func (s *Store) retry(ctx context.Context, fn func() error) error {
	var err error
	for attempt := range maxAttempts {
		if err = fn(); err == nil || !retryable(err) || ctx.Err() != nil {
			return err
		}
		retries.Add(1)
		d := time.Duration(1<<min(attempt, 6)) * 20 * time.Millisecond
		d += time.Duration(rand.Int64N(int64(d)))
		select {
		case <-ctx.Done():
			return errors.Join(err, ctx.Err())
		case <-time.After(d):
		}
	}
	return err
}

// retries counts the transactions retry ran again (tests read it).
var retries atomic.Int64

// retryable reports whether a failed transaction may succeed when run
// again: deadlocks, serialisation failures, races on unique and foreign
// keys between concurrent batches, and a lost or refused connection (the
// server restarting).
func retryable(err error) bool {
	var pe *pgconn.PgError
	if errors.As(err, &pe) {
		switch pe.Code {
		case "40001", "40P01", // serialization_failure, deadlock_detected
			"23505", "23503", // unique_violation, foreign_key_violation
			"57P01", "57P02", "57P03", // admin_shutdown, crash_shutdown, cannot_connect_now
			"08000", "08003", "08006", "08001", "08004":
			return true
		}
		return false
	}
	if pgconn.SafeToRetry(err) || pgconn.Timeout(err) {
		return true
	}
	var ce *pgconn.ConnectError
	if errors.As(err, &ce) {
		return true
	}
	msg := err.Error()
	return strings.Contains(msg, "connection refused") || strings.Contains(msg, "unexpected EOF") ||
		strings.Contains(msg, "connection reset") || strings.Contains(msg, "broken pipe") ||
		strings.Contains(msg, "conn closed")
}

// timeLayout is the sort key's form of a time, as in package sqlite:
// fixed width and UTC, so that text order is time order.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

// nullTime maps the zero time to SQL NULL.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC()
}

// fromNull reads a nullable timestamptz as UTC, the zero time for NULL.
func fromNull(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// nullString maps "" to SQL NULL.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// Ping checks that the database answers (a health check).
func (s *Store) Ping(ctx context.Context) error {
	if err := s.pool.Ping(ctx); err != nil {
		return fmt.Errorf("ping %s: %w", redact(s.dsn), err)
	}
	return nil
}
