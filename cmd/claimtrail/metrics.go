package main

import (
	"context"
	"errors"
	"sync/atomic"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/metrics"
	"github.com/claimtrail/claimtrail/postgres"
	"github.com/claimtrail/claimtrail/queue"
)

// The process's metrics, served by `serve` at /metrics. Ingest and
// reindex update them in any command; only a server exposes them.
var (
	registry = metrics.NewRegistry()

	itemsTotal = registry.NewCounterVec("claimtrail_ingest_items_total",
		"Items through the ingest service by outcome: inserted, updated, unchanged or failed.", "outcome")
	extractSeconds = registry.NewHistogramVec("claimtrail_extraction_duration_seconds",
		"Time to extract one article's attributions.", []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60})
	extractErrors = registry.NewCounterVec("claimtrail_extraction_errors_total",
		"Extractions that failed (including panics and cancellations).")
	clusterSeconds = registry.NewHistogramVec("claimtrail_cluster_refresh_duration_seconds",
		"Time of one speaker merging and clustering run.", []float64{.01, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60, 120})
	httpSeconds = registry.NewHistogramVec("claimtrail_http_request_duration_seconds",
		"HTTP request latency by route pattern and status class.", nil, "route", "code")
	_ = registry.NewGaugeFunc("claimtrail_queue_depth",
		"Ingest jobs waiting in the job queue; always 0 on the SQLite store, which ingests in process.",
		func() float64 {
			if fn := queueDepth.Load(); fn != nil {
				return (*fn)()
			}
			return 0
		})
	// queueDepth reads the depth of the job queue; set by the commands
	// that open a PostgreSQL store.
	queueDepth atomic.Pointer[func() float64]
)

// watchQueueDepth makes claimtrail_queue_depth read the job queue of st
// (-1 when the database cannot be read within a second).
func watchQueueDepth(st *postgres.Store) {
	fn := func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		n, err := queue.Depth(ctx, st)
		var pe *pgconn.PgError
		switch {
		case errors.As(err, &pe) && pe.Code == "42P01":
			return 0 // no queue yet: nothing was ever enqueued
		case err != nil:
			return -1
		}
		return float64(n)
	}
	queueDepth.Store(&fn)
}

// observeResult counts one ingest item.
func observeResult(r ingest.Result) { itemsTotal.With(string(r.Outcome)).Inc() }

// observeExtraction times one extraction.
func observeExtraction(d time.Duration, err error) {
	extractSeconds.With().Observe(d.Seconds())
	if err != nil {
		extractErrors.With().Inc()
	}
}
