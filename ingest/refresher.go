package ingest

import (
	"context"
	"log/slog"
	"time"
)

// Refresher runs a Service's cross-article step (Finish) in the
// background, one run at a time, so that a server answers an ingest
// request without waiting for speaker merging and clustering over the
// whole store. Kicks that arrive during a run coalesce into one more run
// after it; a kick with nothing pending costs one cheap check.
type Refresher struct {
	Service *Service
	Logger  *slog.Logger
	// OnRun, when set, is told each run's duration and error.
	OnRun func(d time.Duration, err error)
	kick  chan struct{}
	idle  chan struct{}
}

// NewRefresher returns a refresher for svc; start it with Run.
func NewRefresher(svc *Service, logger *slog.Logger) *Refresher {
	if logger == nil {
		logger = slog.Default()
	}
	return &Refresher{Service: svc, Logger: logger, kick: make(chan struct{}, 1), idle: make(chan struct{}, 1)}
}

// Kick asks for a run; it never blocks.
func (r *Refresher) Kick() {
	select {
	case r.kick <- struct{}{}:
	default: // a run is already asked for
	}
}

// Run serves kicks until ctx ends. A run in progress when ctx ends is
// finished, not abandoned (its writes are one transaction anyway, and
// finishing it leaves nothing pending), so Run returns after it.
func (r *Refresher) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			return
		case <-r.kick:
		}
		start := time.Now()
		ran, u, err := r.Service.Finish(context.WithoutCancel(ctx))
		d := time.Since(start)
		if r.OnRun != nil && (ran || err != nil) {
			r.OnRun(d, err)
		}
		switch {
		case err != nil:
			r.Logger.Error("merge speakers and cluster quotes", "err", err, "duration", d)
		case ran:
			r.Logger.Info("speakers merged and quotes clustered", "quotes", u.Quotes, "clusters", u.Clusters,
				"moved", u.Moved, "speakers_merged", u.SpeakersMerged, "duration", d)
		}
		select {
		case r.idle <- struct{}{}:
		default:
		}
	}
}

// WaitIdle waits until a run that started after the call has finished,
// or ctx ends; tests use it after Kick.
func (r *Refresher) WaitIdle(ctx context.Context) error {
	select {
	case <-r.idle: // drop a report of an earlier run
	default:
	}
	select {
	case <-r.idle:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}
