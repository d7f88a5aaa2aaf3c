package main

import (
	"context"
	"fmt"
	"os"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/postgres"
	"github.com/claimtrail/claimtrail/queue"
)

// WatchCmd polls feeds and ingests their new items.
type WatchCmd struct {
	Feeds    []string      `arg:"" optional:"" name:"feed" help:"RSS or Atom feed URLs."`
	FeedList string        `name:"feeds" type:"existingfile" placeholder:"FILE" help:"A file of feed URLs, one a line (# starts a comment)."`
	Every    time.Duration `default:"5m" help:"Time between two polls of a feed."`
	Delay    time.Duration `default:"2s" help:"Least time between two requests to one host (SQLite; workers have --poll-delay)."`
	Fetch    bool          `help:"Fetch each item's linked page instead of using the feed's text."`
	MaxBytes byteSize      `name:"max-bytes" default:"5MB" help:"Refuse articles larger than this." placeholder:"SIZE"`
	Rounds   int           `default:"0" help:"Stop after this many polls of every feed (0: until Ctrl-C; SQLite only)."`
	Stop     bool          `help:"Stop watching the feeds (PostgreSQL)."`
}

func (c *WatchCmd) Help() string {
	return `Each poll is a conditional GET (If-None-Match / If-Modified-Since from the
feed's last answer), so an unchanged feed costs the server a 304; requests
to one host are spaced by --delay, and every request names the tool in its
User-Agent. Items already stored with the same text are skipped.

With a SQLite store, watch polls in this process until Ctrl-C, clustering
after each poll that stored something. With a PostgreSQL store it puts a
periodic poll of each feed on the job queue and returns: any worker runs
the polls (claimtrail worker), and --stop ends the watch.

Examples:
  claimtrail watch https://example.com/rss.xml --every 10m
  claimtrail --db "$DSN" watch --feeds feeds.txt --every 5m`
}

func (c *WatchCmd) Run(ctx context.Context, g *Globals) error {
	feeds := c.Feeds
	if c.FeedList != "" {
		b, err := os.ReadFile(c.FeedList)
		if err != nil {
			return fmt.Errorf("read feed list: %w", err)
		}
		feeds = append(feeds, queue.ReadFeedList(b)...)
	}
	if len(feeds) == 0 {
		return claimtrail.Errorf(claimtrail.EINVALID, "no feeds given (pass URLs or --feeds FILE)")
	}
	if c.Every < time.Second {
		return claimtrail.Errorf(claimtrail.EINVALID, "--every must be at least 1s (got %s)", c.Every)
	}
	opt := ingest.Options{MaxBytes: int64(c.MaxBytes), Fetch: c.Fetch}
	if postgres.IsDSN(g.DB) {
		return c.schedule(ctx, g, feeds, opt)
	}
	if c.Stop {
		return claimtrail.Errorf(claimtrail.EINVALID, "--stop is for a PostgreSQL store; with SQLite, stop the watch with Ctrl-C")
	}
	st, err := openAnyStore(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	ex, err := newExtractor()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	poller := queue.NewPoller(c.Delay)
	for _, f := range feeds {
		poller.Watch(f)
	}
	opt.HTTPClient = poller.Client()
	for round := 1; ; round++ {
		start := time.Now()
		sum, err := ingestJob{
			Store: st, Extractor: ex, Sources: feeds, Options: opt, Errors: stderr,
		}.run(ctx)
		if ctx.Err() != nil {
			return nil
		}
		fmt.Fprintf(stdout, "%s poll %d: %s\n", start.UTC().Format(time.RFC3339), round, sum)
		if err != nil {
			fmt.Fprintf(stderr, "claimtrail: poll %d: %v\n", round, err)
		}
		if c.Rounds > 0 && round >= c.Rounds {
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(time.Until(start.Add(c.Every))):
		}
	}
}

// schedule puts (or with --stop removes) periodic polls on the queue.
func (c *WatchCmd) schedule(ctx context.Context, g *Globals, feeds []string, opt ingest.Options) error {
	st, err := postgres.Open(ctx, g.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	q, err := queue.NewProducer(ctx, st)
	if err != nil {
		return err
	}
	if c.Stop {
		n, err := q.Unwatch(ctx, feeds)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "stopped %d scheduled polls\n", n)
		return nil
	}
	n, err := q.Watch(ctx, feeds, c.Every, opt)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "watching %d new feeds (%d already watched) every %s: claimtrail worker polls them\n", n, len(feeds)-n, c.Every)
	return nil
}

// queueUA is the User-Agent of feed polls (for tests).
func queueUA() string { return queue.UserAgent }
