package main

import (
	"context"
	"encoding/json"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"sync/atomic"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/postgres"
	"github.com/claimtrail/claimtrail/queue"
	"github.com/claimtrail/claimtrail/trail"
)

// WorkerCmd works the job queue of a PostgreSQL store.
type WorkerCmd struct {
	Concurrency  int           `short:"c" default:"0" help:"Articles jobs worked at once (default: the number of cores)."`
	ExitWhenIdle bool          `name:"exit-when-idle" help:"Exit once no job is queued or running (scheduled feed polls aside)."`
	Aliases      string        `type:"existingfile" placeholder:"FILE" help:"Speaker aliases applied when merging speakers (as for claimtrail clusters --aliases)."`
	MaxAttempts  int           `name:"max-attempts" default:"5" help:"Tries of a failing job before its items land in the errors table."`
	Backoff      time.Duration `default:"2s" help:"First retry delay, doubled at each attempt."`
	JobTimeout   time.Duration `name:"job-timeout" default:"1m" help:"Cancel an articles job running longer."`
	RescueAfter  time.Duration `name:"rescue-after" default:"2m" help:"Run again a job that has been running this long (its worker died)."`
	PollDelay    time.Duration `name:"poll-delay" default:"2s" help:"Least time between two requests to one host when polling feeds."`
	NoCluster    bool          `name:"no-cluster" help:"Leave the cluster step to other workers (run it on one, which then keeps its phrase graph in memory between steps)."`
	Listen       string        `placeholder:"ADDR" help:"Serve GET /healthz and GET /metrics (Prometheus) on this address, e.g. :9090."`
	CPUProfile   string        `name:"cpuprofile" type:"path" placeholder:"FILE" help:"Write a CPU profile of the worker to FILE (for tuning)."`
}

func (c *WorkerCmd) Help() string {
	return `Fetches, extracts and stores what claimtrail ingest --queue and claimtrail
watch put on the queue, and clusters quotes once the queue drains. Run any
number of workers, on any number of machines, against one database; a
worker killed mid-job loses nothing (its job runs again after
--rescue-after) and nothing is stored twice. Ctrl-C (SIGTERM) stops
after the jobs in hand finish. With --listen, GET /healthz answers 200
while the worker works and its database answers (503 otherwise, and
while it stops), and GET /metrics gives Prometheus metrics: items by
outcome, extraction and cluster step time, queue depth.

Examples:
  claimtrail --db postgres://claimtrail@db/claimtrail worker
  claimtrail --db "$DSN" worker --concurrency 2 --exit-when-idle
  claimtrail --db "$DSN" worker --listen 127.0.0.1:9090`
}

// needPostgres refuses a SQLite --db for the queue commands.
func needPostgres(g *Globals, what string) error {
	if !postgres.IsDSN(g.DB) {
		return claimtrail.Errorf(claimtrail.EINVALID, "%s needs a PostgreSQL store: pass --db postgres://... (or set CLAIMTRAIL_DB)", what)
	}
	return nil
}

func (c *WorkerCmd) Run(ctx context.Context, g *Globals) error {
	if err := needPostgres(g, "worker"); err != nil {
		return err
	}
	st, err := postgres.Open(ctx, g.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	ex, err := newExtractor()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	if c.CPUProfile != "" {
		f, err := os.Create(c.CPUProfile)
		if err != nil {
			return claimtrail.Errorf(claimtrail.EINVALID, "cpu profile: %v", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("cpu profile: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	opt := queue.Options{
		Concurrency: c.Concurrency, MaxAttempts: c.MaxAttempts, Backoff: c.Backoff,
		JobTimeout: c.JobTimeout, RescueAfter: c.RescueAfter, PollDelay: c.PollDelay,
		Logger:    slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn})),
		NoCluster: c.NoCluster,
		OnExtract: observeExtraction,
		OnItem:    func(outcome string) { itemsTotal.With(outcome).Inc() },
		OnCluster: func(d time.Duration, err error) { clusterSeconds.With().Observe(d.Seconds()) },
	}
	if opt.Concurrency <= 0 {
		opt.Concurrency = runtime.NumCPU()
	}
	if c.Aliases != "" {
		if opt.Aliases, err = trail.LoadAliases(c.Aliases); err != nil {
			return claimtrail.Errorf(claimtrail.EINVALID, "%v", err)
		}
	}
	q, err := queue.NewWorker(ctx, st, ex, opt)
	if err != nil {
		return err
	}
	var stopping atomic.Bool
	if c.Listen != "" {
		watchQueueDepth(st)
		ops, err := serveOps(c.Listen, st, &stopping)
		if err != nil {
			return err
		}
		// Closed last: metrics stay readable while jobs in hand finish.
		defer ops.Close()
	}
	// The client runs on its own context: Ctrl-C asks for a graceful stop
	// (jobs in hand finish) rather than cancelling them.
	if err := q.Start(context.WithoutCancel(ctx)); err != nil {
		return fmt.Errorf("start worker: %w", err)
	}
	fmt.Fprintf(stderr, "claimtrail: worker started (%d at once)\n", opt.Concurrency)
	tick := time.NewTicker(500 * time.Millisecond)
	defer tick.Stop()
	idleRounds := 0
loop:
	for {
		select {
		case <-ctx.Done():
			break loop
		case <-q.Stopped():
			break loop
		case <-tick.C:
			if !c.ExitWhenIdle {
				continue
			}
			isIdle := queue.Idle
			if c.NoCluster {
				isIdle = queue.IdleForIngest
			}
			idle, err := isIdle(ctx, st)
			if err != nil {
				continue // the database may be restarting
			}
			if idle {
				idleRounds++
			} else {
				idleRounds = 0
			}
			if idleRounds >= 3 {
				break loop
			}
		}
	}
	stopping.Store(true)
	stopCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Minute)
	defer cancel()
	if err := q.Stop(stopCtx); err != nil {
		return fmt.Errorf("stop worker: %w", err)
	}
	if c.ExitWhenIdle && !c.NoCluster && ctx.Err() == nil {
		// A cluster job another worker snoozed may still be waiting.
		if err := q.Cluster(ctx); err != nil {
			return err
		}
	}
	fmt.Fprintln(stderr, "claimtrail: worker stopped")
	return nil
}

// serveOps serves a worker's /healthz and /metrics on addr until closed.
// /healthz answers 503 once the worker is stopping or when the database
// does not answer within 2 s, so that an orchestrator stops routing to
// it or restarts it.
func serveOps(addr string, st *postgres.Store, stopping *atomic.Bool) (*http.Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "listen on %s: %v", addr, err)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Cache-Control", "no-store")
		status, body := http.StatusOK, map[string]string{"status": "ok"}
		if stopping.Load() {
			status, body = http.StatusServiceUnavailable, map[string]string{"status": "stopping"}
		} else {
			ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
			defer cancel()
			if err := st.Ping(ctx); err != nil {
				status, body = http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "error": err.Error()}
			}
		}
		w.WriteHeader(status)
		json.NewEncoder(w).Encode(body)
	})
	mux.Handle("GET /metrics", registry.Handler())
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	fmt.Fprintf(stderr, "claimtrail: worker health and metrics at %s\n", serverURL(ln.Addr()))
	go srv.Serve(ln)
	return srv, nil
}
