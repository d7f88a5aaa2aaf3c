package queue

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/riverqueue/river"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/ingest"
)

// Watch schedules a poll of each feed every interval as jobs on the
// queue (a feed already watched is left as it is): any worker runs them.
// It returns how many feeds it started watching.
func (q *Queue) Watch(ctx context.Context, feeds []string, every time.Duration, opt ingest.Options) (int, error) {
	n := 0
	for _, f := range feeds {
		if !isURL(f) {
			return n, claimtrail.Errorf(claimtrail.EINVALID, "feed %q is not an http(s) URL", f)
		}
		watched, err := q.feedScheduled(ctx, f, 0)
		if err != nil {
			return n, err
		}
		if watched {
			continue
		}
		if _, err := q.client.Insert(ctx, FeedPollArgs{URL: f, Every: every, Fetch: opt.Fetch, MaxBytes: opt.MaxBytes}, nil); err != nil {
			return n, fmt.Errorf("watch %s: %w", f, err)
		}
		n++
	}
	return n, nil
}

// Unwatch cancels the scheduled polls of the feeds.
func (q *Queue) Unwatch(ctx context.Context, feeds []string) (int, error) {
	tag, err := q.store.Pool().Exec(ctx, `DELETE FROM river_job WHERE kind = 'claimtrail_feed_poll'
		AND state IN ('available', 'scheduled', 'retryable', 'pending') AND args->>'url' = ANY($1)`, feeds)
	if err != nil {
		return 0, fmt.Errorf("unwatch: %w", err)
	}
	return int(tag.RowsAffected()), nil
}

// feedScheduled reports whether a poll of feed other than job self is
// waiting or running.
func (q *Queue) feedScheduled(ctx context.Context, feed string, self int64) (bool, error) {
	var ok bool
	err := q.store.Pool().QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM river_job WHERE kind = 'claimtrail_feed_poll'
		AND state IN ('available', 'scheduled', 'retryable', 'pending', 'running') AND args->>'url' = $1 AND id <> $2)`, feed, self).Scan(&ok)
	if err != nil {
		return false, fmt.Errorf("feed %s: %w", feed, err)
	}
	return ok, nil
}

type feedPollWorker struct {
	river.WorkerDefaults[FeedPollArgs]
	q *Queue
}

func (w *feedPollWorker) Timeout(*river.Job[FeedPollArgs]) time.Duration { return 30 * time.Minute }

// Work polls the feed with a conditional GET (state kept in
// claimtrail_feeds), enqueues its items and schedules the next poll. A
// failed poll is recorded in the errors table and the watch goes on.
func (w *feedPollWorker) Work(ctx context.Context, job *river.Job[FeedPollArgs]) error {
	q, a := w.q, job.Args
	var st FeedState
	err := q.store.Pool().QueryRow(ctx, `SELECT etag, last_modified FROM claimtrail_feeds WHERE url = $1`, a.URL).Scan(&st.ETag, &st.LastModified)
	if err != nil && !errors.Is(err, pgx.ErrNoRows) {
		return fmt.Errorf("feed state of %s: %w", a.URL, err)
	}
	q.poller.SetState(a.URL, st)
	perr := q.walkAndEnqueue(ctx, a.URL, ingest.Options{Fetch: a.Fetch, MaxBytes: a.MaxBytes, HTTPClient: q.poller.Client()})
	if perr != nil && ctx.Err() != nil {
		return perr
	}
	if perr != nil {
		q.recordFailure(ctx, []string{a.URL}, perr)
	} else {
		st = q.poller.State(a.URL)
		if _, err := q.store.Pool().Exec(ctx, `INSERT INTO claimtrail_feeds (url, etag, last_modified, polled_at) VALUES ($1, $2, $3, now())
			ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified, polled_at = excluded.polled_at`,
			a.URL, st.ETag, st.LastModified); err != nil {
			return fmt.Errorf("save feed state of %s: %w", a.URL, err)
		}
	}
	if a.Every <= 0 {
		return nil
	}
	again, err := q.feedScheduled(ctx, a.URL, job.ID)
	if err != nil || again {
		return err
	}
	_, err = q.client.Insert(ctx, a, &river.InsertOpts{ScheduledAt: time.Now().Add(a.Every)})
	if err != nil {
		return fmt.Errorf("schedule next poll of %s: %w", a.URL, err)
	}
	return nil
}
