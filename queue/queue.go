// Package queue runs claimtrail's ingest on River (riverqueue/river), a
// job queue kept in the same PostgreSQL database as the store, so that
// any number of stateless workers on any number of machines share the
// work.
//
// # Jobs
//
//   - articles: up to ChunkSize decoded articles (from files, folders,
//     WARC records, JSONL lines, feed items) to extract and store. The
//     enqueuing side reads local sources itself, so workers need no
//     access to the enqueuer's files.
//   - source: a URL (a page, a feed, a remote WARC or JSONL file) that a
//     worker fetches and reads; its items are enqueued as articles jobs.
//   - feed_poll: one poll of a watched feed with a conditional GET; it
//     enqueues the new items and schedules the next poll of the same
//     feed, so that a watch is a periodic job any worker can run.
//   - cluster: speaker merging and quote clustering (see below).
//
// # Exactly-once effect
//
// River delivers a job at least once: a job whose worker dies (SIGKILL,
// a lost machine) stays "running" until River's rescuer makes it
// available again (RescueAfter), and a failing job is retried with
// backoff. Every write is idempotent, so running a job twice has the
// effect of running it once: an article's identity is its URL (or, with
// none, its text hash) under a unique index; an article already stored
// with the same text by the same extractor version is skipped without
// extraction; one batch is one transaction, so a job killed mid-write
// stores none of its batch. Two workers racing on one article store it
// once: the loser of the unique index race retries its transaction and
// finds the article stored (package postgres). A job that fails every
// attempt records each of its items in the store's errors table with
// the last reason before River discards it; an item that can never
// succeed (no text, too large, malformed) is recorded at once without
// retries.
//
// # Deterministic clusters
//
// Clustering and cross-article speaker merging are one serialised step:
// the cluster job runs in a queue of its own with one worker per
// process, and inside one transaction that takes the store's exclusive
// write lock, so no two run at once on any machine and none sees a batch
// half-written. Merging speakers is not order-independent (a merge is
// never undone when a later article makes a name ambiguous), so the step
// waits until the queue holds no articles or source work (snoozing, up to
// MaxClusterDelay for a queue that never drains): a bulk ingest is then
// clustered once, after its last article, exactly as the one-process
// `claimtrail ingest` clusters at its end, and trail's clustering of a
// set of quotes does not depend on the order they were stored in. The
// result equals a single process's whatever the number of workers: the
// same clusters with the same members, and the same ids, which trail
// hashes from the words of each cluster's root form.
//
// The step is incremental (postgres.Store.RefreshNewQuotes): the worker
// that runs it keeps the phrase graph in memory and adds only the quotes
// stored since the last step, at a cost flat in the size of the store,
// and equal to a full update (a generation number in the store sends a
// worker whose graph another worker's step made stale back to a full
// update once). Running the step on one worker (the others started with
// NoCluster, `worker --no-cluster`) keeps every step incremental.
//
// That holds for a lone "trivial" quote ("No.", "reckless.") too: it is
// a cluster of its own, keyed by its article's source and span (trail's
// Index.place), not by its attribution id, which depends on the order
// batches commit.
package queue

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"
	"github.com/riverqueue/river/riverdriver/riverpgxv5"
	"github.com/riverqueue/river/rivermigrate"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/postgres"
	"github.com/claimtrail/claimtrail/trail"
)

// Queue names.
const (
	QueueIngest  = "ingest"
	QueueFetch   = "fetch"
	QueueCluster = "cluster"
)

// ChunkSize is the most articles one articles job holds: enough to make
// one transaction worth its cost, few enough that a retry redoes little.
const ChunkSize = 32

// MaxClusterDelay is how long a cluster job waits for the queue to drain
// before it runs anyway.
var MaxClusterDelay = 5 * time.Minute

// Migrate creates or upgrades River's tables and the feed state table.
func Migrate(ctx context.Context, st *postgres.Store) error {
	m, err := rivermigrate.New(riverpgxv5.New(st.Pool()), &rivermigrate.Config{Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		return fmt.Errorf("queue migrations: %w", err)
	}
	if _, err := m.Migrate(ctx, rivermigrate.DirectionUp, nil); err != nil {
		return fmt.Errorf("queue migrations: %w", err)
	}
	_, err = st.Pool().Exec(ctx, `CREATE TABLE IF NOT EXISTS claimtrail_feeds (
		url text PRIMARY KEY,
		etag text NOT NULL DEFAULT '',
		last_modified text NOT NULL DEFAULT '',
		polled_at timestamptz
	)`)
	if err != nil {
		return fmt.Errorf("queue migrations: feeds: %w", err)
	}
	return nil
}

// Options configure a worker.
type Options struct {
	// Concurrency is the number of articles jobs worked at once.
	Concurrency int
	// MaxBytes caps an article (ingest.Options.MaxBytes).
	MaxBytes int64
	// MaxAttempts is how often a failing job is tried (default 5).
	MaxAttempts int
	// Backoff is the first retry delay, doubled at each attempt (default
	// 2 s; River's scheduler adds up to 5 s).
	Backoff time.Duration
	// JobTimeout cancels a job running longer (default 1 minute; source
	// and feed jobs get 30).
	JobTimeout time.Duration
	// RescueAfter makes a job that has been running longer available
	// again: what recovers the jobs of a killed worker (default 2
	// minutes; River's rescuer runs every 30 s).
	RescueAfter time.Duration
	// Aliases are applied when merging speakers.
	Aliases *trail.Aliases
	// NoCluster leaves the cluster step to other workers: with the step
	// on one worker only, its phrase graph stays in memory from one step
	// to the next (see the package comment).
	NoCluster bool
	// PollDelay spaces requests to one host when polling feeds.
	PollDelay time.Duration
	Logger    *slog.Logger

	// OnExtract is called after each extraction with its duration;
	// OnItem once per item of an articles job after its batch commits,
	// with the outcome (inserted, updated, unchanged or failed);
	// OnCluster after each cluster step. Any may be nil; they are called
	// from several goroutines at once.
	OnExtract func(d time.Duration, err error)
	OnItem    func(outcome string)
	OnCluster func(d time.Duration, err error)
}

func (o *Options) defaults() {
	if o.Concurrency <= 0 {
		o.Concurrency = 2
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 5
	}
	if o.Backoff <= 0 {
		o.Backoff = 2 * time.Second
	}
	if o.JobTimeout <= 0 {
		o.JobTimeout = time.Minute
	}
	if o.RescueAfter <= 0 {
		o.RescueAfter = 2 * time.Minute
	}
	if o.RescueAfter < o.JobTimeout {
		o.RescueAfter = o.JobTimeout + time.Second
	}
	if o.PollDelay <= 0 {
		o.PollDelay = 2 * time.Second
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	}
}

// Queue is a River client over the store's database: it enqueues, and,
// made by NewWorker, works.
type Queue struct {
	store  *postgres.Store
	client *river.Client[pgx.Tx]
	ex     claimtrail.Extractor
	opt    Options
	poller *Poller
	svc    *ingest.Service
}

// NewProducer returns a queue that only enqueues (ingest --queue, watch).
func NewProducer(ctx context.Context, st *postgres.Store) (*Queue, error) {
	if err := Migrate(ctx, st); err != nil {
		return nil, err
	}
	q := &Queue{store: st}
	q.opt.defaults()
	client, err := river.NewClient(riverpgxv5.New(st.Pool()), &river.Config{
		Logger:              q.opt.Logger,
		MaxAttempts:         q.opt.MaxAttempts, // stored with each job at insert
		SkipUnknownJobCheck: true,
	})
	if err != nil {
		return nil, fmt.Errorf("queue client: %w", err)
	}
	q.client = client
	return q, nil
}

// NewWorker returns a queue that works jobs once started.
func NewWorker(ctx context.Context, st *postgres.Store, ex claimtrail.Extractor, opt Options) (*Queue, error) {
	if err := Migrate(ctx, st); err != nil {
		return nil, err
	}
	opt.defaults()
	q := &Queue{store: st, ex: ex, opt: opt, poller: NewPoller(opt.PollDelay),
		svc: &ingest.Service{Store: st, Extractor: ex, Workers: opt.Concurrency, Options: ingest.Options{MaxBytes: opt.MaxBytes},
			OnExtract: opt.OnExtract}}
	workers := river.NewWorkers()
	river.AddWorker(workers, &articlesWorker{q: q})
	river.AddWorker(workers, &sourceWorker{q: q})
	river.AddWorker(workers, &feedPollWorker{q: q})
	river.AddWorker(workers, &clusterWorker{q: q})
	queues := map[string]river.QueueConfig{
		QueueIngest: {MaxWorkers: opt.Concurrency},
		QueueFetch:  {MaxWorkers: 2},
	}
	if !opt.NoCluster {
		queues[QueueCluster] = river.QueueConfig{MaxWorkers: 1}
	}
	client, err := river.NewClient(riverpgxv5.New(st.Pool()), &river.Config{
		Logger:               opt.Logger,
		MaxAttempts:          opt.MaxAttempts,
		JobTimeout:           opt.JobTimeout,
		RescueStuckJobsAfter: opt.RescueAfter,
		FetchCooldown:        20 * time.Millisecond,
		Queues:               queues,
		Workers:              workers,
	})
	if err != nil {
		return nil, fmt.Errorf("queue client: %w", err)
	}
	q.client = client
	return q, nil
}

// Start starts working jobs; Stop (or cancelling ctx) stops, letting the
// jobs in hand finish.
func (q *Queue) Start(ctx context.Context) error { return q.client.Start(ctx) }

// Stop stops working after the jobs in hand finish (or ctx ends).
func (q *Queue) Stop(ctx context.Context) error { return q.client.Stop(ctx) }

// Stopped is closed when the worker has stopped.
func (q *Queue) Stopped() <-chan struct{} { return q.client.Stopped() }

// Item is one article to extract and store, or an item that failed to be
// read (Error set), in an articles job.
type Item struct {
	Source  string              `json:"source"`
	Article *claimtrail.Article `json:"article,omitempty"`
	Error   string              `json:"error,omitempty"`
}

// EnqueueSummary counts what Enqueue did.
type EnqueueSummary struct {
	Items   int `json:"items"`
	Jobs    int `json:"jobs"`
	Sources int `json:"sources"` // URLs enqueued for a worker to fetch
	Failed  int `json:"failed"`  // items that could not be read, recorded as errors
}

// Enqueue reads local sources (files, folders, WARC, JSONL) and enqueues
// their articles in chunks; a URL is enqueued whole, for a worker to
// fetch. Items that cannot be read are recorded in the errors table.
func (q *Queue) Enqueue(ctx context.Context, sources []string, opt ingest.Options) (EnqueueSummary, error) {
	var sum EnqueueSummary
	var local []string
	for _, src := range sources {
		if isURL(src) {
			if _, err := q.client.Insert(ctx, SourceArgs{URL: src, Fetch: opt.Fetch, MaxBytes: opt.MaxBytes}, nil); err != nil {
				return sum, fmt.Errorf("enqueue %s: %w", src, err)
			}
			sum.Sources++
			sum.Jobs++
			continue
		}
		local = append(local, src)
	}
	if len(local) == 0 {
		return sum, nil
	}
	var (
		chunk  []Item
		params []river.InsertManyParams
		errs   []claimtrail.IngestError
	)
	flush := func(force bool) error {
		if len(chunk) > 0 {
			params = append(params, river.InsertManyParams{Args: ArticlesArgs{Items: chunk, MaxBytes: opt.MaxBytes}})
			chunk = nil
		}
		if len(params) >= 50 || (force && len(params) > 0) {
			if _, err := q.client.InsertMany(ctx, params); err != nil {
				return fmt.Errorf("enqueue: %w", err)
			}
			sum.Jobs += len(params)
			params = params[:0]
		}
		if len(errs) >= 200 || (force && len(errs) > 0) {
			if _, err := q.store.PutBatch(ctx, claimtrail.Batch{Errors: errs}); err != nil {
				return fmt.Errorf("record errors: %w", err)
			}
			errs = errs[:0]
		}
		return nil
	}
	err := ingest.Walk(ctx, local, opt, func(it ingest.Item) error {
		if it.Err != nil {
			sum.Failed++
			errs = append(errs, claimtrail.IngestError{Source: it.Source, Reason: itemReason(it.Source, it.Err), Time: time.Now().UTC()})
			return nil
		}
		sum.Items++
		chunk = append(chunk, Item{Source: it.Source, Article: it.Article})
		if len(chunk) >= ChunkSize {
			return flush(false)
		}
		return nil
	})
	if ferr := flush(true); err == nil {
		err = ferr
	}
	return sum, err
}

// itemReason is an item error's message without the source it names.
func itemReason(source string, err error) string {
	var ie *ingest.ItemError
	if errors.As(err, &ie) {
		return ie.Reason()
	}
	s := err.Error()
	for _, p := range []string{"ingest " + source + ": ", source + ": "} {
		s = strings.TrimPrefix(s, p)
	}
	return strings.Join(strings.Fields(s), " ")
}

func isURL(s string) bool {
	l := strings.ToLower(s)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// Status counts jobs by what a user wants to know.
type Status struct {
	Queued  int `json:"queued"`  // available, scheduled, retryable, pending
	Running int `json:"running"` // being worked
	Done    int `json:"done"`    // completed (kept 24 hours)
	Failed  int `json:"failed"`  // discarded after every attempt, or cancelled
	// ByKind breaks the counts down by job kind and state.
	ByKind map[string]map[string]int `json:"by_kind"`
}

// GetStatus reads the job counts.
func GetStatus(ctx context.Context, st *postgres.Store) (Status, error) {
	s := Status{ByKind: map[string]map[string]int{}}
	if err := Migrate(ctx, st); err != nil {
		return s, err
	}
	rows, err := st.Pool().Query(ctx, `SELECT kind, state::text, count(*) FROM river_job GROUP BY kind, state ORDER BY kind, state`)
	if err != nil {
		return s, fmt.Errorf("queue status: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, state string
		var n int
		if err := rows.Scan(&kind, &state, &n); err != nil {
			return s, fmt.Errorf("queue status: %w", err)
		}
		if s.ByKind[kind] == nil {
			s.ByKind[kind] = map[string]int{}
		}
		s.ByKind[kind][state] = n
		switch state {
		case "available", "scheduled", "retryable", "pending":
			s.Queued += n
		case "running":
			s.Running += n
		case "completed":
			s.Done += n
		case "discarded", "cancelled":
			s.Failed += n
		}
	}
	return s, rows.Err()
}

// Idle reports whether no work is left: no job queued or running but
// future feed polls.
func Idle(ctx context.Context, st *postgres.Store) (bool, error) {
	return idle(ctx, st, true)
}

// IdleForIngest is Idle for a worker that leaves the cluster step to
// others (Options.NoCluster): a waiting cluster step does not count.
func IdleForIngest(ctx context.Context, st *postgres.Store) (bool, error) {
	return idle(ctx, st, false)
}

func idle(ctx context.Context, st *postgres.Store, clusterToo bool) (bool, error) {
	var n int
	err := st.Pool().QueryRow(ctx, `SELECT count(*) FROM river_job
		WHERE state IN ('available', 'running', 'retryable', 'scheduled', 'pending')
		AND NOT (kind = 'claimtrail_feed_poll' AND state = 'scheduled')
		AND ($1 OR kind <> 'claimtrail_cluster')`, clusterToo).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("queue idle: %w", err)
	}
	return n == 0, nil
}

// Depth counts the articles and source jobs waiting to be worked
// (available, scheduled, retryable or pending): the queue depth a
// monitor watches.
func Depth(ctx context.Context, st *postgres.Store) (int, error) {
	var n int
	err := st.Pool().QueryRow(ctx, `SELECT count(*) FROM river_job
		WHERE kind IN ('claimtrail_articles', 'claimtrail_source')
		AND state IN ('available', 'retryable', 'scheduled', 'pending')`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("queue depth: %w", err)
	}
	return n, nil
}

// ingestPending reports whether articles or source jobs are waiting or
// running (the cluster step waits for them).
func (q *Queue) ingestPending(ctx context.Context) (bool, error) {
	var n int
	err := q.store.Pool().QueryRow(ctx, `SELECT count(*) FROM river_job
		WHERE kind IN ('claimtrail_articles', 'claimtrail_source')
		AND state IN ('available', 'running', 'retryable', 'scheduled', 'pending')`).Scan(&n)
	return n > 0, err
}
