package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"os"
	"path/filepath"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/demo"
	cthttp "github.com/claimtrail/claimtrail/http"
	"github.com/claimtrail/claimtrail/sqlite"
)

// ServeCmd serves the JSON API and the web UI over the --db store.
type ServeCmd struct {
	Addr        string `help:"Address to listen on (host:port; port 0 picks a free one)." default:"127.0.0.1:8080"`
	AllowIngest bool   `help:"Accept POST /api/ingest (requires --token)."`
	Token       string `help:"Bearer token that ingest requests must present." env:"CLAIMTRAIL_TOKEN"`
}

// Help shows an example under the flags.
func (c *ServeCmd) Help() string {
	return `Example:
  claimtrail serve --db news.db --addr 127.0.0.1:8080
  CLAIMTRAIL_TOKEN=s3cret claimtrail serve --allow-ingest
  curl -H "Authorization: Bearer s3cret" --data-binary @articles.jsonl http://127.0.0.1:8080/api/ingest`
}

func (c *ServeCmd) Run(ctx context.Context, g *Globals) error {
	if c.AllowIngest && c.Token == "" {
		return claimtrail.Errorf(claimtrail.EINVALID, "--allow-ingest needs --token (or $CLAIMTRAIL_TOKEN)")
	}
	if !c.AllowIngest && c.Token != "" {
		fmt.Fprintln(os.Stderr, "claimtrail: --token given without --allow-ingest; the server stays read-only")
	}
	store, err := sqlite.Open(ctx, g.DB)
	if err != nil {
		return fmt.Errorf("serve: %w", err)
	}
	defer store.Close()
	srv := newServer(store)
	if c.AllowIngest {
		ex, err := newExtractor()
		if err != nil {
			return fmt.Errorf("serve: load extractor: %w", err)
		}
		srv.Ingest = func(ctx context.Context, a *claimtrail.Article) (claimtrail.PutOutcome, error) {
			return ingestArticle(ctx, ex, store, a)
		}
		srv.IngestDone = func(ctx context.Context) error { return updateClusters(ctx, store) }
		srv.Token = c.Token
	}
	return listenAndServe(ctx, srv, c.Addr, fmt.Sprintf("serving %s", g.DB))
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
	return listenAndServe(ctx, newServer(store), c.Addr, fmt.Sprintf("demo with %d sample articles", n))
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
		return len(arts), updateClusters(ctx, store)
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
		After:     func(ctx context.Context) error { return updateClusters(ctx, store) },
	}.run(ctx)
	if err != nil {
		return 0, fmt.Errorf("demo: ingest samples: %w", err)
	}
	if sum.Failed > 0 {
		return 0, fmt.Errorf("demo: %d sample articles failed to ingest", sum.Failed)
	}
	return sum.Total(), nil
}

// ingestArticle extracts a's attributions and stores it: the one-article
// path of HTTP ingest (clusters are updated once per request after it).
func ingestArticle(ctx context.Context, ex claimtrail.Extractor, store claimtrail.Store, a *claimtrail.Article) (claimtrail.PutOutcome, error) {
	x, err := ex.Extract(ctx, a.Text)
	if err != nil {
		return "", fmt.Errorf("extract %s: %w", a.Source, err)
	}
	a.Attributions, a.Markers, a.ExtractorVersion = x.Attributions, x.Markers, ex.Version()
	if x.Language != "" {
		a.Language = x.Language
	}
	if a.Title == "" {
		a.Title = x.Title
	}
	return store.PutArticle(ctx, a)
}

// newServer builds the HTTP server over the sqlite store, which keeps
// both articles and quote clusters.
func newServer(store *sqlite.Store) *cthttp.Server {
	srv := cthttp.New(store, store)
	srv.Logger = slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
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
