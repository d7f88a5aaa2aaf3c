package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"time"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/demo"
	cthttp "github.com/claimtrail/claimtrail/http"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/postgres"
	"github.com/claimtrail/claimtrail/sqlite"
)

// ServeCmd serves the JSON API and the web UI over the --db store.
type ServeCmd struct {
	Addr        string `help:"Address to listen on (host:port; port 0 picks a free one)." default:"127.0.0.1:8080"`
	AllowIngest bool   `help:"Accept POST /api/ingest (requires --token)."`
	Token       string `help:"Bearer token that ingest requests must present." env:"CLAIMTRAIL_TOKEN"`
	LogFormat   string `name:"log-format" enum:"text,json" default:"text" help:"Log lines as text or JSON (one object a line) on stderr."`
	LogLevel    string `name:"log-level" enum:"debug,info,warn,error" default:"info" help:"Least severe log level written (debug logs every request)."`
}

// Help shows an example under the flags.
func (c *ServeCmd) Help() string {
	return `Besides the UI and the API, the server answers GET /healthz (200 when
the store can be read) and GET /metrics (Prometheus text format: ingest
items by outcome, extraction time, clustering time, HTTP latency by
route). On start it finishes speaker merging and clustering left pending
by an interrupted ingest; after an ingest request it runs them in the
background. Ctrl-C or SIGTERM stops accepting connections, lets the
requests in flight finish, then waits for a clustering run in progress.

Example:
  claimtrail serve --db news.db --addr 127.0.0.1:8080
  CLAIMTRAIL_TOKEN=s3cret claimtrail serve --allow-ingest --log-format json
  curl -H "Authorization: Bearer s3cret" --data-binary @articles.jsonl http://127.0.0.1:8080/api/ingest`
}

func (c *ServeCmd) Run(ctx context.Context, g *Globals) error {
	logger := newLogger(c.LogFormat, c.LogLevel)
	if c.AllowIngest && c.Token == "" {
		return claimtrail.Errorf(claimtrail.EINVALID, "--allow-ingest needs --token (or $CLAIMTRAIL_TOKEN)")
	}
	if !c.AllowIngest && c.Token != "" {
		logger.Warn("--token given without --allow-ingest; the server stays read-only")
	}
	store, err := openStore(ctx, g)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer store.Close()
	srv := newServer(store, logger)
	if pg, ok := store.(*postgres.Store); ok {
		watchQueueDepth(pg)
	}
	// The extractor is loaded only to ingest; the cross-article step
	// needs none, so a read-only server finishes a killed ingest's step
	// too.
	svc := &ingest.Service{Store: store, OnExtract: observeExtraction, OnResult: observeResult, NoFinish: true, NoErrorRecords: true}
	if c.AllowIngest {
		ex, err := newExtractor()
		if err != nil {
			return fmt.Errorf("serve: load extractor: %w", err)
		}
		svc.Extractor = ex
		srv.Token = c.Token
		srv.Ingest = serviceIngest(svc, logger)
	}
	if pg, ok := store.(*postgres.Store); ok {
		svc.FinishStep = pg.RefreshNewQuotes
	}
	if sq, ok := store.(*sqlite.Store); ok {
		// HTTP ingest arrives in small batches: cluster only the quotes
		// each one adds, not the whole store (issue 11 #7).
		svc.FinishStep = sq.RefreshNewQuotes
	}
	refresher := ingest.NewRefresher(svc, logger)
	refresher.OnRun = func(d time.Duration, err error) { clusterSeconds.With().Observe(d.Seconds()) }
	refresher.Delay = time.Second
	srv.IngestDone = func(context.Context) error {
		refresher.Kick()
		return nil
	}
	background, stopBackground := context.WithCancel(context.WithoutCancel(ctx))
	done := make(chan struct{})
	go func() {
		defer close(done)
		refresher.Run(background)
	}()
	refresher.Kick() // finish what an interrupted ingest left pending
	err = listenAndServe(ctx, srv, c.Addr, fmt.Sprintf("serving %s", g.DB))
	logger.Info("shutting down: waiting for background clustering")
	stopBackground()
	<-done
	logger.Info("stopped")
	return err
}

// serviceIngest adapts the ingest service to the HTTP API: a request body
// is read like a JSON or JSONL file by `claimtrail ingest`.
func serviceIngest(svc *ingest.Service, logger *slog.Logger) cthttp.IngestFunc {
	return func(ctx context.Context, body io.Reader, report func(cthttp.IngestResult)) error {
		sum, err := svc.IngestReader(ctx, "api", "application/json", body, func(r ingest.Result) {
			res := cthttp.IngestResult{Index: r.Index, Source: r.Source, ID: r.ID, Outcome: string(r.Outcome)}
			if r.Err != nil {
				res.Error = ingest.Reason(r.Source, r.Err)
			}
			report(res)
		})
		logger.Info("ingest request", "inserted", sum.Ingested, "updated", sum.Updated, "unchanged", sum.Unchanged, "duplicates", sum.Duplicates,
			"failed", sum.Failed, "duration", sum.Elapsed, "err", err)
		return err
	}
}

// newLogger builds the structured logger of a server.
func newLogger(format, level string) *slog.Logger {
	var lv slog.Level
	if err := lv.UnmarshalText([]byte(level)); err != nil {
		lv = slog.LevelInfo
	}
	opts := &slog.HandlerOptions{Level: lv}
	if format == "json" {
		return slog.New(slog.NewJSONHandler(stderr, opts))
	}
	return slog.New(slog.NewTextHandler(stderr, opts))
}

// DemoCmd loads the bundled sample articles into a temporary store and
// serves the UI over it.
type DemoCmd struct {
	Addr string `help:"Address to listen on (host:port; port 0 picks a free one)." default:"127.0.0.1:8080"`
	Gold bool   `help:"Load the hand annotation of the samples instead of running the extractor."`
	Keep bool   `help:"Keep the temporary database after exit (its path is printed)."`
}

// Help shows an example under the flags.
func (c *DemoCmd) Help() string {
	return `Example:
  claimtrail demo            # then open the printed URL
  claimtrail demo --addr 127.0.0.1:0 --gold`
}

func (c *DemoCmd) Run(ctx context.Context) error {
	dir, err := os.MkdirTemp("", "claimtrail-demo-")
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	if c.Keep {
		fmt.Fprintf(os.Stderr, "claimtrail: demo database kept at %s\n", filepath.Join(dir, "demo.db"))
	} else {
		defer os.RemoveAll(dir)
	}
	store, err := sqlite.Open(ctx, filepath.Join(dir, "demo.db"))
	if err != nil {
		return fmt.Errorf("demo: %w", err)
	}
	defer store.Close()
	n, err := loadDemo(ctx, store, dir, c.Gold)
	if err != nil {
		return err
	}
	return listenAndServe(ctx, newServer(store, newLogger("text", "warn")), c.Addr, fmt.Sprintf("demo with %d sample articles", n))
}

// loadDemo stores the bundled samples and clusters their quotes. The
// articles go through the same pipeline as claimtrail ingest (from a JSONL
// file); with gold set, the hand annotation is stored instead of what the
// extractor finds. It returns how many articles were stored.
func loadDemo(ctx context.Context, store *sqlite.Store, dir string, gold bool) (int, error) {
	if gold {
		arts, _, err := demo.Annotated()
		if err != nil {
			return 0, fmt.Errorf("demo: %w", err)
		}
		for i := range arts {
			a := &arts[i]
			for j := range a.Attributions {
				a.Attributions[j].ClusterID = 0 // the store clusters for itself
			}
			if _, err := store.PutArticle(ctx, a); err != nil {
				return 0, fmt.Errorf("demo: store %s: %w", a.Source, err)
			}
		}
		_, err = store.RefreshClusters(ctx)
		return len(arts), err
	}
	path := filepath.Join(dir, "demo-articles.jsonl")
	if err := os.WriteFile(path, demo.JSONL(), 0o644); err != nil {
		return 0, fmt.Errorf("demo: %w", err)
	}
	ex, err := newExtractor()
	if err != nil {
		return 0, fmt.Errorf("demo: load extractor: %w", err)
	}
	sum, err := ingestJob{
		Store:     store,
		Extractor: ex,
		Sources:   []string{path},
		Errors:    stderr,
	}.run(ctx)
	if err != nil {
		return 0, fmt.Errorf("demo: ingest samples: %w", err)
	}
	if sum.Failed > 0 {
		return 0, fmt.Errorf("demo: %d sample articles failed to ingest", sum.Failed)
	}
	return sum.Total(), nil
}

// newServer builds the HTTP server over the sqlite store, which keeps
// both articles and quote clusters.
func newServer(store appStore, logger *slog.Logger) *cthttp.Server {
	srv := cthttp.New(store, store)
	srv.Logger = logger
	srv.Health = store.Ping
	srv.Metrics = registry.Handler()
	srv.ObserveRequest = func(route string, status int, d time.Duration) {
		httpSeconds.With(route, cthttp.StatusClass(status)).Observe(d.Seconds())
		logger.Debug("request", "route", route, "status", status, "duration", d)
	}
	return srv
}

// listenAndServe listens on addr, prints the URL and serves until ctx is
// cancelled (Ctrl-C).
func listenAndServe(ctx context.Context, srv *cthttp.Server, addr, what string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return claimtrail.Errorf(claimtrail.EINVALID, "listen on %s: %v", addr, err)
	}
	fmt.Fprintf(os.Stdout, "claimtrail: %s at %s (Ctrl-C to stop)\n", what, serverURL(ln.Addr()))
	return srv.Serve(ctx, ln)
}

// serverURL is the address a browser can open: a wildcard host becomes
// localhost.
func serverURL(a net.Addr) string {
	host, port, err := net.SplitHostPort(a.String())
	if err != nil {
		return "http://" + a.String() + "/"
	}
	if ip := net.ParseIP(host); host == "" || ip != nil && ip.IsUnspecified() {
		host = "localhost"
	}
	return "http://" + net.JoinHostPort(host, port) + "/"
}
