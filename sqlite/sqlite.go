// Package sqlite stores claimtrail's articles, attributions, speakers and
// ingest errors in an embedded SQLite database (modernc.org/sqlite, pure
// Go, no cgo). It implements claimtrail.Store.
//
// The database runs in WAL mode so that readers (queries, the ingest
// workers' "already stored?" checks) never wait for the writer, with a busy
// timeout so that two processes sharing a file wait rather than fail, and
// with foreign keys on so that deleting an article removes everything
// extracted from it. Writes go through a pool of one connection that opens
// transactions with BEGIN IMMEDIATE: SQLite allows one writer at a time
// anyway, and taking the write lock up front avoids the deadlock where two
// deferred transactions both try to upgrade.
//
// The schema is created by versioned migrations applied on Open; see
// migrate.go for how to add one.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync/atomic"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/claimtrail/claimtrail"
)

// Store is the SQLite implementation of claimtrail.Store.
type Store struct {
	path string
	// rw has a single connection: every write transaction goes through it.
	rw *sql.DB
	// ro serves reads concurrently with the writer (WAL).
	ro *sql.DB
	// released is set by ReleaseCaches: a cluster update keeps no index
	// for later batches.
	released atomic.Bool
}

var _ claimtrail.Store = (*Store)(nil)

// busyTimeout is how long a statement waits for another process's lock.
const busyTimeout = 30 * time.Second

// Open opens (creating if needed) the database at path and applies any
// pending migrations.
func Open(ctx context.Context, path string) (*Store, error) {
	if path == "" {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "no database path given")
	}
	if strings.ContainsAny(path, "?#") {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "database path %q must not contain '?' or '#'", path)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// The writer keeps a page cache of 32 MiB too (see the readers): the
	// cluster step of an ingest updates rows spread over the cluster
	// tables, and with the 2 MiB default a batch on a store of 100k
	// quotes read most of those pages from the file again.
	//
	// The writer checkpoints the WAL once it holds walCheckpointPages
	// pages, not SQLite's default 1,000: a batch of 1,000 quotes on a
	// store of 1M writes about 1,900 pages (session 19), so each
	// commit ran a checkpoint of its own pages (27 ms a batch of a
	// profile's 290, 7 at 10k); with more batches between checkpoints
	// the pages they write again (the cluster indexes' inner pages and
	// busy leaves) are copied to the file once (at 1M, one profile of
	// 15 batches each, session 28: checkpoint 27 -> 16 ms a batch,
	// commit 44 -> 33). Session 30 went from 8,000 pages to 32,000:
	// with the cluster id index's new entries in a small part
	// (migration 112) a batch at 1M writes about 1,350 pages, most of
	// them again and again (that part, the tails of the cluster and
	// member tables, the indexes' inner pages), and a checkpoint every
	// 17 batches copied about 11,500 pages where one every 5 copied
	// about 5,000: read and write calls a batch 3,419 / 4,338 -> 2,994
	// / 3,913 (TestScaleKeptBatches, 40 batches); at 10k no change. The
	// cost is disk: a WAL of up to 128 MiB while the store is open.
	common := fmt.Sprintf("_pragma=busy_timeout(%d)&_pragma=foreign_keys(1)&_pragma=synchronous(NORMAL)", busyTimeout.Milliseconds())
	rw, err := sql.Open("sqlite", path+"?"+common+fmt.Sprintf("&_pragma=journal_mode(WAL)&_txlock=immediate&_pragma=cache_size(-32768)&_pragma=wal_autocheckpoint(%d)", walCheckpointPages))
	if err != nil {
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	rw.SetMaxOpenConns(1)
	rw.SetMaxIdleConns(1)
	rw.SetConnMaxIdleTime(0)
	rw.SetConnMaxLifetime(0)
	s := &Store{path: path, rw: rw}
	// The first connection creates the file and switches it to WAL before
	// the read pool opens it.
	if err := rw.PingContext(ctx); err != nil {
		rw.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	if err := s.migrate(ctx); err != nil {
		rw.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	// Readers keep a page cache of 32 MiB each (cache_size, in KiB when
	// negative; the default is 2 MiB): a search on a large store walks
	// the FTS and attribution indexes from their roots, and a page kept
	// in the cache stays decoded, while a page read again (or mapped
	// with mmap_size, measured: a fifth of a search's time went to
	// decoding mapped pages at each visit) is parsed anew. In WAL mode
	// readers do not block each other or the writer; the pool is sized
	// to the CPUs with a floor of 4, so that a request waiting on the
	// disk leaves its core to another.
	ro, err := sql.Open("sqlite", path+"?"+common+"&_pragma=query_only(1)&_pragma=cache_size(-32768)")
	if err != nil {
		rw.Close()
		return nil, fmt.Errorf("open %s: %w", path, err)
	}
	ro.SetMaxOpenConns(readers())
	ro.SetMaxIdleConns(readers())
	s.ro = ro
	return s, nil
}

// walCheckpointPages is the writer's wal_autocheckpoint: a WAL of up to
// about 128 MiB (4 KiB pages) before SQLite copies it into the database
// file. The file keeps that size once reached; Close truncates it.
const walCheckpointPages = 32000

// ReleaseCaches frees what this store keeps for speed beyond what a
// last piece of work on the writer needs: it closes the idle read
// connections, and with them their page caches (up to 32 MiB each,
// filled by an ingest's article look-ups), gives the writer SQLite's
// default page cache (2 MiB; 32 MiB when opened), and makes cluster
// updates keep no index for later batches (ClusterNewQuotes), for the
// rest of the store's life. A fresh ingest of 160k generated articles
// peaked after its step, in the search index merge, with the step's
// index (104 MB live) still held and the collector back at GOGC 100. A one-shot ingest calls it before the cluster
// step, whose memory then grows with the store on top of SQLite's:
// the step alone on 40k generated articles peaked at 321 MB RSS with
// both caches, 279 with small readers' and 196 with the writer's small
// too (its page cache and the sorts sized by it: about 80 MB), in the
// same time and with the same clusters. The server keeps its warm
// caches (search, and batches that update rows all over the cluster
// tables).
func (s *Store) ReleaseCaches(ctx context.Context) error {
	s.released.Store(true)
	s.clusterCache().drop()
	s.ro.SetMaxIdleConns(0)
	s.ro.SetMaxIdleConns(readers())
	if _, err := s.rw.ExecContext(ctx, `PRAGMA cache_size = -2000`); err != nil {
		return fmt.Errorf("shrink the writer's page cache: %w", err)
	}
	return nil
}

// readers is the size of the read pool: the CPUs, at least 4.
func readers() int { return max(4, runtime.NumCPU()) }

// Path is the database file.
func (s *Store) Path() string { return s.path }

// Ping checks that the database can be read (a health check).
func (s *Store) Ping(ctx context.Context) error {
	var one int
	if err := s.ro.QueryRowContext(ctx, `SELECT 1 FROM articles LIMIT 1`).Scan(&one); err != nil && !errors.Is(err, sql.ErrNoRows) {
		return fmt.Errorf("read %s: %w", s.path, err)
	}
	return nil
}

// Close checkpoints the WAL and closes the database.
func (s *Store) Close() error {
	var errs []error
	if s.ro != nil {
		errs = append(errs, s.ro.Close())
	}
	if s.rw != nil {
		// A truncating checkpoint leaves a small file behind; failure is
		// harmless (the WAL is replayed on the next open).
		_, _ = s.rw.Exec("PRAGMA wal_checkpoint(TRUNCATE)")
		errs = append(errs, s.rw.Close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close %s: %w", s.path, err)
	}
	return nil
}

// write runs fn in one write transaction and commits it, or rolls it back
// when fn fails or ctx is cancelled.
func (s *Store) write(ctx context.Context, fn func(tx *sql.Tx) error) error {
	tx, err := s.rw.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		_ = tx.Rollback()
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// timeLayout is how times are stored: fixed width, UTC, so that text order
// is time order and range filters can compare strings.
const timeLayout = "2006-01-02T15:04:05.000000000Z"

// formatTime returns the stored form of t, or nil (SQL NULL) for the zero
// time.
func formatTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Format(timeLayout)
}

// parseTime reads a stored time; NULL or empty is the zero time.
func parseTime(v sql.NullString) (time.Time, error) {
	if !v.Valid || v.String == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse(timeLayout, v.String)
	if err != nil {
		// Accept RFC 3339 too, for rows written by hand or by other tools.
		if t2, err2 := time.Parse(time.RFC3339Nano, v.String); err2 == nil {
			return t2.UTC(), nil
		}
		return time.Time{}, fmt.Errorf("parse stored time %q: %w", v.String, err)
	}
	return t, nil
}

// nullString maps "" to SQL NULL.
func nullString(s string) any {
	if s == "" {
		return nil
	}
	return s
}

// fileSize is the size of the database and its WAL on disk.
func (s *Store) fileSize() int64 {
	var n int64
	for _, p := range []string{s.path, s.path + "-wal"} {
		if fi, err := os.Stat(p); err == nil {
			n += fi.Size()
		}
	}
	return n
}
