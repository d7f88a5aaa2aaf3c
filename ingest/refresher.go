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
	// Delay is how long a run waits after its first kick, so that a
	// burst of small ingests is followed by one run, not one each (the
	// step holds the store's write lock while it works, which writes
	// wait for). Zero runs at once.
	Delay time.Duration
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

// Run serves kicks until ctx ends. A run in progress or asked for when
// ctx ends is finished, not abandoned (it is one transaction anyway, and
// finishing it leaves nothing pending), so Run returns after it.
func (r *Refresher) Run(ctx context.Context) {
	for {
		select {
		case <-ctx.Done():
			select {
			case <-r.kick: // asked for before the end: still run it
			default:
				return
			}
		case <-r.kick:
		}
		if r.Delay > 0 {
			select {
			case <-ctx.Done(): // shutting down: run what was asked for now
			case <-time.After(r.Delay):
			}
			select {
			case <-r.kick: // kicks during the delay are served by this run
			default:
			}
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
