package queue

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/riverqueue/river"
	"github.com/riverqueue/river/rivertype"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/ingest"
)

// ArticlesArgs is an articles job: decoded articles to extract and store.
type ArticlesArgs struct {
	Items    []Item `json:"items"`
	MaxBytes int64  `json:"max_bytes,omitempty"`
}

func (ArticlesArgs) Kind() string { return "claimtrail_articles" }

func (ArticlesArgs) InsertOpts() river.InsertOpts { return river.InsertOpts{Queue: QueueIngest} }

// SourceArgs is a source job: a URL to fetch and read.
type SourceArgs struct {
	URL      string `json:"url"`
	Fetch    bool   `json:"fetch,omitempty"`
	MaxBytes int64  `json:"max_bytes,omitempty"`
}

func (SourceArgs) Kind() string { return "claimtrail_source" }

func (SourceArgs) InsertOpts() river.InsertOpts { return river.InsertOpts{Queue: QueueFetch} }

// FeedPollArgs is one poll of a watched feed; Every is the time to the
// next poll.
type FeedPollArgs struct {
	URL      string        `json:"url"`
	Every    time.Duration `json:"every"`
	Fetch    bool          `json:"fetch,omitempty"`
	MaxBytes int64         `json:"max_bytes,omitempty"`
}

func (FeedPollArgs) Kind() string { return "claimtrail_feed_poll" }

func (FeedPollArgs) InsertOpts() river.InsertOpts { return river.InsertOpts{Queue: QueueFetch} }

// ClusterArgs is the cluster step.
type ClusterArgs struct{}

func (ClusterArgs) Kind() string { return "claimtrail_cluster" }

func (ClusterArgs) InsertOpts() river.InsertOpts { return river.InsertOpts{Queue: QueueCluster} }

// backoff is the retry delay after attempt n (1-based): Backoff doubled
// each time, at most 10 minutes.
func (q *Queue) backoff(attempt int) time.Time {
	d := q.opt.Backoff << min(max(attempt-1, 0), 10)
	return time.Now().Add(min(d, 10*time.Minute))
}

// lastAttempt reports whether a failing job will not be tried again.
func lastAttempt(job *rivertype.JobRow) bool { return job.Attempt >= job.MaxAttempts }

// recordFailure writes an error for each source of a job that failed for
// the last time.
func (q *Queue) recordFailure(ctx context.Context, sources []string, err error) {
	now := time.Now().UTC()
	var b claimtrail.Batch
	for _, s := range sources {
		b.Errors = append(b.Errors, claimtrail.IngestError{Source: s, Reason: "gave up after retries: " + itemReason(s, err), Time: now})
	}
	if _, rerr := q.store.PutBatch(context.WithoutCancel(ctx), b); rerr != nil {
		q.opt.Logger.Error("record failed job", "sources", len(sources), "err", rerr)
	}
}

type articlesWorker struct {
	river.WorkerDefaults[ArticlesArgs]
	q *Queue
}

func (w *articlesWorker) NextRetry(job *river.Job[ArticlesArgs]) time.Time {
	return w.q.backoff(job.Attempt)
}

// Work extracts the job's articles and stores them in one batch. The
// stored copies of all its articles are looked up in one query first
// (whether each is unchanged), not one query per article.
func (w *articlesWorker) Work(ctx context.Context, job *river.Job[ArticlesArgs]) error {
	q := w.q
	var (
		b       claimtrail.Batch
		sources []string
		now     = time.Now().UTC()
		items   = job.Args.Items
		arts    = make([]*claimtrail.Article, len(items))
		errs    = make([]error, len(items))
		same    = make([]bool, len(items)) // unchanged in the store
		which   []int
		urls    []string
		hashes  []string
	)
	for i, it := range items {
		sources = append(sources, it.Source)
		if it.Error != "" {
			continue
		}
		arts[i], errs[i] = q.check(it)
		if errs[i] == nil {
			which = append(which, i)
			urls, hashes = append(urls, arts[i].URL), append(hashes, arts[i].Hash)
		}
	}
	states, found, err := q.store.LookupArticles(ctx, urls, hashes)
	if err != nil {
		// the store could not be read: retried
		if ctx.Err() == nil && lastAttempt(job.JobRow) {
			q.recordFailure(ctx, sources, err)
		}
		return err
	}
	for k, i := range which {
		same[i], errs[i] = q.svc.PrepareStored(ctx, arts[i], states[k], found[k])
	}
	for i, it := range items {
		a, err, unchanged := arts[i], errs[i], same[i]
		switch {
		case it.Error != "":
			b.Errors = append(b.Errors, claimtrail.IngestError{Source: it.Source, Reason: it.Error, Time: now})
		case err != nil && ctx.Err() != nil:
			return err // stopped or timed out: retried
		case err != nil:
			b.Errors = append(b.Errors, claimtrail.IngestError{Source: it.Source, Reason: itemReason(it.Source, err), Time: now})
		case unchanged && a.URL == "":
			// Identified by its text: stored again as unchanged, so that
			// the store keeps the least of its sources whichever copy a
			// worker stored first (see postgres.Store.PutBatch).
			a.ExtractorVersion = q.ex.Version()
			b.Articles = append(b.Articles, a)
		case unchanged:
			b.Unchanged = append(b.Unchanged, it.Source)
		default:
			b.Articles = append(b.Articles, a)
		}
	}
	res, err := q.store.PutBatch(ctx, b)
	if err != nil {
		if lastAttempt(job.JobRow) {
			q.recordFailure(ctx, sources, err)
		}
		return err
	}
	if q.opt.OnItem != nil {
		for range b.Errors {
			q.opt.OnItem("failed")
		}
		for range b.Unchanged {
			q.opt.OnItem(string(claimtrail.PutUnchanged))
		}
		for _, r := range res {
			if r.Err != nil {
				q.opt.OnItem("failed")
			} else {
				q.opt.OnItem(string(r.Outcome))
			}
		}
	}
	for _, r := range res {
		if r.Err == nil && (r.Outcome == claimtrail.PutInserted || r.Outcome == claimtrail.PutUpdated) {
			return q.scheduleCluster(ctx)
		}
	}
	return nil
}

// Process makes one item ready to store with the ingest service's rules
// (ingest.Service.Prepare): skipped (unchanged) when the store has the
// same text from the same extractor version, else extracted.
func (q *Queue) Process(ctx context.Context, it Item) (a *claimtrail.Article, unchanged bool, err error) {
	if a, err = q.check(it); err != nil {
		return a, false, err
	}
	unchanged, err = q.svc.Prepare(ctx, a)
	return a, unchanged, err
}

// check is Process's first half (ingest.Service.Check): the item's
// article, normalised, or why it can never be stored.
func (q *Queue) check(it Item) (*claimtrail.Article, error) {
	a := it.Article
	if a == nil {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "no article")
	}
	if a.Source == "" {
		a.Source = it.Source
	}
	return a, q.svc.Check(a)
}

// scheduleCluster enqueues a cluster step unless one is already waiting.
// Two racing inserts make two steps, the second of which finds nothing
// to do.
func (q *Queue) scheduleCluster(ctx context.Context) error {
	var waiting bool
	err := q.store.Pool().QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM river_job WHERE kind = 'claimtrail_cluster'
		AND state IN ('available', 'scheduled', 'pending', 'retryable'))`).Scan(&waiting)
	if err != nil || waiting {
		return err
	}
	_, err = q.client.Insert(ctx, ClusterArgs{}, &river.InsertOpts{ScheduledAt: time.Now().Add(200 * time.Millisecond)})
	if err != nil {
		return fmt.Errorf("schedule cluster step: %w", err)
	}
	return nil
}

type clusterWorker struct {
	river.WorkerDefaults[ClusterArgs]
	q *Queue
}

func (w *clusterWorker) NextRetry(job *river.Job[ClusterArgs]) time.Time {
	return w.q.backoff(job.Attempt)
}

// Work runs the cluster step once the queue holds no ingest work (see the
// package comment).
func (w *clusterWorker) Work(ctx context.Context, job *river.Job[ClusterArgs]) error {
	pending, err := w.q.ingestPending(ctx)
	if err != nil {
		return err
	}
	if pending && time.Since(job.CreatedAt) < MaxClusterDelay {
		return river.JobSnooze(time.Second)
	}
	// One step at a time across workers: a second would wait for the
	// store's write lock and then, its phrase graph stale, rebuild it
	// in full for nothing. It runs later and finds nothing to do.
	conn, err := w.q.store.Pool().Acquire(ctx)
	if err != nil {
		return fmt.Errorf("cluster step: %w", err)
	}
	defer conn.Release()
	var mine bool
	if err := conn.QueryRow(ctx, `SELECT pg_try_advisory_lock($1)`, clusterStepLock).Scan(&mine); err != nil {
		return fmt.Errorf("cluster step: %w", err)
	}
	if !mine {
		return river.JobSnooze(2 * time.Second)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, clusterStepLock)
	return w.q.Cluster(ctx)
}

// clusterStepLock is the session advisory lock a cluster job holds while
// it runs ("ctclstep").
const clusterStepLock int64 = 0x6374636c73746570

// Cluster merges speakers and updates clusters when anything changed.
func (q *Queue) Cluster(ctx context.Context) error {
	stale, err := q.store.ClustersPending(ctx)
	if err != nil || (!stale && q.opt.Aliases == nil) {
		return err
	}
	start := time.Now()
	if q.opt.Aliases == nil {
		// Incremental: the phrase graph this process kept from its last
		// step, unless another process's step made it stale.
		_, err = q.store.RefreshNewQuotes(ctx)
	} else {
		_, err = q.store.RefreshClustersWith(ctx, q.opt.Aliases)
	}
	if q.opt.OnCluster != nil {
		q.opt.OnCluster(time.Since(start), err)
	}
	return err
}

type sourceWorker struct {
	river.WorkerDefaults[SourceArgs]
	q *Queue
}

func (w *sourceWorker) NextRetry(job *river.Job[SourceArgs]) time.Time {
	return w.q.backoff(job.Attempt)
}

func (w *sourceWorker) Timeout(*river.Job[SourceArgs]) time.Duration { return 30 * time.Minute }

// Work fetches the URL and enqueues its articles. A failure to fetch the
// URL itself (a network error, a 5xx answer) is retried; the items'
// own failures are recorded.
func (w *sourceWorker) Work(ctx context.Context, job *river.Job[SourceArgs]) error {
	a := job.Args
	err := w.q.walkAndEnqueue(ctx, a.URL, ingest.Options{Fetch: a.Fetch, MaxBytes: a.MaxBytes})
	if err != nil && lastAttempt(job.JobRow) {
		w.q.recordFailure(ctx, []string{a.URL}, err)
	}
	return err
}

// transient reports whether an item error may go away on retry: the
// source could not be fetched, as opposed to a malformed or missing item.
func transient(err error) bool {
	msg := err.Error()
	for _, status := range []string{"HTTP 5", "HTTP 429", "HTTP 408"} {
		if strings.Contains(msg, status) {
			return true // the server is busy or failing: try later
		}
	}
	switch claimtrail.ErrorCode(err) {
	case claimtrail.EINVALID, claimtrail.ETOOLARGE, claimtrail.ENOTFOUND:
		return false
	}
	return true
}

// walkAndEnqueue reads a URL (with opt) and enqueues its articles in
// chunks; an error of the URL itself that may be transient is returned.
func (q *Queue) walkAndEnqueue(ctx context.Context, src string, opt ingest.Options) error {
	var (
		chunk  []Item
		params []river.InsertManyParams
		errs   []claimtrail.IngestError
		failed error
	)
	err := ingest.Walk(ctx, []string{src}, opt, func(it ingest.Item) error {
		if it.Err != nil {
			if it.Source == src && transient(it.Err) {
				failed = it.Err
				return nil
			}
			errs = append(errs, claimtrail.IngestError{Source: it.Source, Reason: itemReason(it.Source, it.Err), Time: time.Now().UTC()})
			return nil
		}
		chunk = append(chunk, Item{Source: it.Source, Article: it.Article})
		if len(chunk) >= ChunkSize {
			params = append(params, river.InsertManyParams{Args: ArticlesArgs{Items: chunk, MaxBytes: opt.MaxBytes}})
			chunk = nil
		}
		return nil
	})
	if err != nil {
		return err
	}
	if failed != nil {
		return failed
	}
	if len(chunk) > 0 {
		params = append(params, river.InsertManyParams{Args: ArticlesArgs{Items: chunk, MaxBytes: opt.MaxBytes}})
	}
	if len(params) > 0 {
		if _, err := q.client.InsertMany(ctx, params); err != nil {
			return fmt.Errorf("enqueue items of %s: %w", src, err)
		}
	}
	if len(errs) > 0 {
		if _, err := q.store.PutBatch(ctx, claimtrail.Batch{Errors: errs}); err != nil {
			return fmt.Errorf("record errors of %s: %w", src, err)
		}
	}
	return nil
}
