package main

import (
	"context"
	"fmt"
	"slices"
	"strconv"

	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/postgres"
	"github.com/claimtrail/claimtrail/queue"
)

// QueueCmd shows the job queue of a PostgreSQL store.
type QueueCmd struct {
	OutputFlags
}

func (c *QueueCmd) Help() string {
	return `Counts jobs: queued (waiting, scheduled or to be retried), running, done
(completed in the last 24 hours) and failed (gave up after every attempt;
their items are in claimtrail errors), then the same by job kind.

Example:
  claimtrail --db "$DSN" queue --output json`
}

func (c *QueueCmd) Run(ctx context.Context, g *Globals) error {
	if err := needPostgres(g, "queue"); err != nil {
		return err
	}
	st, err := postgres.Open(ctx, g.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	s, err := queue.GetStatus(ctx, st)
	if err != nil {
		return err
	}
	format := c.format(stdout)
	if format == formatJSON || format == formatJSONL {
		return writeJSON(stdout, s, format == formatJSON)
	}
	fmt.Fprintf(stdout, "queued %d, running %d, done %d, failed %d\n", s.Queued, s.Running, s.Done, s.Failed)
	kinds := make([]string, 0, len(s.ByKind))
	for k := range s.ByKind {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	for _, k := range kinds {
		line := "  " + k + ":"
		states := make([]string, 0, len(s.ByKind[k]))
		for st := range s.ByKind[k] {
			states = append(states, st)
		}
		slices.Sort(states)
		for _, st := range states {
			line += " " + st + " " + strconv.Itoa(s.ByKind[k][st])
		}
		fmt.Fprintln(stdout, line)
	}
	return nil
}

// enqueue is ingest --queue: read local sources into articles jobs, put
// URLs on the queue, and return.
func (c *IngestCmd) enqueue(ctx context.Context, g *Globals) error {
	if err := needPostgres(g, "ingest --queue"); err != nil {
		return err
	}
	st, err := postgres.Open(ctx, g.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	q, err := queue.NewProducer(ctx, st)
	if err != nil {
		return err
	}
	sum, err := q.Enqueue(ctx, c.Sources, ingest.Options{MaxBytes: int64(c.MaxBytes), Fetch: c.Fetch})
	fmt.Fprintf(stdout, "queued %d articles in %d jobs, %d URLs to fetch; %d items failed to read (claimtrail errors lists them)\n",
		sum.Items, sum.Jobs-sum.Sources, sum.Sources, sum.Failed)
	return err
}
