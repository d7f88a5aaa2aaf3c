// Package http serves claimtrail's JSON API under /api/ and its web UI,
// both read from a claimtrail.Store and claimtrail.ClusterStore. The UI is
// rendered on the server with html/template; templates, styles and the
// OpenAPI document are embedded, so the binary works offline and needs no
// CDN. Import it under another name (cthttp) beside net/http.
package http

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"time"

	"github.com/claimtrail/claimtrail"
	searchquery "github.com/claimtrail/claimtrail/query"
)

//go:embed assets
var assetsFS embed.FS

// IngestFunc reads a request body of JSON articles (see apiIngest),
// extracts and stores them, and reports each item; the caller
// (cmd/claimtrail) wires it to the ingest service that `claimtrail
// ingest` uses, so the server does not depend on the pipeline.
type IngestFunc func(ctx context.Context, body io.Reader, report func(IngestResult)) error

// Server holds the API and UI handlers. Set the fields before the first
// call to Handler.
type Server struct {
	Store    claimtrail.Store
	Clusters claimtrail.ClusterStore

	// Ingest enables POST /api/ingest when set together with Token; the
	// server is read-only otherwise.
	Ingest IngestFunc
	// Token is the bearer token ingest requests must present.
	Token string
	// IngestDone, when set, runs once after an ingest request stored
	// anything, before the answer (cmd/claimtrail starts the speaker
	// merging and clustering in the background there).
	IngestDone func(ctx context.Context) error
	// Health, Metrics and ObserveRequest serve /healthz and /metrics and
	// time each request (see ops.go); any may be nil.
	Health         func(ctx context.Context) error
	Metrics        http.Handler
	ObserveRequest func(route string, status int, d time.Duration)

	// MaxArticleBytes caps one ingested article's text (default 5 MB, as
	// claimtrail ingest).
	MaxArticleBytes int
	// MaxIngestBytes caps a POST /api/ingest body (default 32 MiB);
	// other requests may carry no body beyond MaxBodyBytes (default 64 KiB).
	MaxIngestBytes int64
	MaxBodyBytes   int64
	// RequestTimeout bounds each request's store work (default 15 s).
	RequestTimeout time.Duration
	// MaxInFlight bounds the requests working on the store at once
	// (default 2 per CPU); the rest wait their turn in arrival order. A
	// burst then drains first-come first-served instead of every request
	// taking turns on the store's few connections and all finishing late.
	MaxInFlight int
	// MaxCostlyInFlight bounds the costly searches (many ORs,
	// NEAR, pure negations, large pages; see query.Cost) working at once
	// (default a quarter of MaxInFlight, at least 1). They wait for one of
	// these slots before taking a general one, so however many arrive,
	// the other slots stay free for cheap requests.
	MaxCostlyInFlight int
	// CacheTTL is how long the overview and the totals are reused before
	// they are computed again (default 5 s; ingest over HTTP resets them).
	// Articles ingested by another process show there after at most this.
	CacheTTL time.Duration

	Logger *slog.Logger

	inFlight chan struct{}
	costly   chan struct{}
	stats    cached[claimtrail.Stats]
	overview cached[overviewData]

	mux    *http.ServeMux
	routes []Route
	pages  map[string]*template.Template
}

// Route is one registered method and pattern, kept so that a test can
// check that the OpenAPI document lists every API route.
type Route struct {
	Method, Pattern string
}

// New returns a server over the stores with default limits.
func New(store claimtrail.Store, clusters claimtrail.ClusterStore) *Server {
	return &Server{Store: store, Clusters: clusters}
}

func (s *Server) defaults() {
	if s.MaxIngestBytes <= 0 {
		s.MaxIngestBytes = 32 << 20
	}
	if s.MaxArticleBytes <= 0 {
		s.MaxArticleBytes = 5 << 20
	}
	if s.MaxBodyBytes <= 0 {
		s.MaxBodyBytes = 64 << 10
	}
	if s.RequestTimeout <= 0 {
		s.RequestTimeout = 15 * time.Second
	}
	if s.MaxInFlight <= 0 {
		s.MaxInFlight = 2 * runtime.GOMAXPROCS(0)
	}
	s.inFlight = make(chan struct{}, s.MaxInFlight)
	if s.MaxCostlyInFlight <= 0 {
		s.MaxCostlyInFlight = max(1, s.MaxInFlight/4)
	}
	s.costly = make(chan struct{}, s.MaxCostlyInFlight)
	if s.CacheTTL <= 0 {
		s.CacheTTL = 5 * time.Second
	}
	s.stats.ttl, s.overview.ttl = s.CacheTTL, s.CacheTTL
	if s.Logger == nil {
		s.Logger = slog.Default()
	}
}

// Handler builds the router on first use and returns it wrapped in the
// middleware every request goes through.
func (s *Server) Handler() http.Handler {
	if s.mux == nil {
		s.defaults()
		s.mux = http.NewServeMux()
		s.pages = mustParsePages()
		s.registerAPI()
		s.registerUI()
	}
	return s.ops(s.middleware(s.mux))
}

// Routes lists the registered method and pattern pairs.
func (s *Server) Routes() []Route {
	s.Handler()
	return s.routes
}

func (s *Server) handle(method, pattern string, h http.HandlerFunc) {
	s.routes = append(s.routes, Route{method, pattern})
	s.mux.HandleFunc(method+" "+pattern, h)
}

// middleware adds security headers, a body cap, a per-request deadline
// and panic recovery.
func (s *Server) middleware(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "same-origin")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
		limit := s.MaxBodyBytes
		if r.URL.Path == "/api/ingest" {
			limit = s.MaxIngestBytes
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		ctx, cancel := context.WithTimeout(r.Context(), s.RequestTimeout)
		defer cancel()
		defer func() {
			if v := recover(); v != nil {
				if v == http.ErrAbortHandler {
					panic(v)
				}
				s.Logger.Error("panic serving request", "path", r.URL.Path, "panic", v)
				s.writeError(w, r, fmt.Errorf("panic: %v", v))
			}
		}()
		if !strings.HasPrefix(r.URL.Path, "/assets/") {
			if costlySearch(r) {
				select {
				case s.costly <- struct{}{}:
					defer func() { <-s.costly }()
				case <-ctx.Done():
					s.writeError(w, r, fmt.Errorf("wait for a turn: %w", ctx.Err()))
					return
				}
			}
			select {
			case s.inFlight <- struct{}{}:
				defer func() { <-s.inFlight }()
			case <-ctx.Done():
				s.writeError(w, r, fmt.Errorf("wait for a turn: %w", ctx.Err()))
				return
			}
		}
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

// costlySearch reports whether r is a search that may cost far more than
// a plain word search: see query.Cost.Costly; a page of more than 100
// hits counts too (each hit is read and snippeted). A query that does not
// parse is cheap: it is refused at once.
func costlySearch(r *http.Request) bool {
	if r.URL.Path != "/api/search" && r.URL.Path != "/search" {
		return false
	}
	v := r.URL.Query()
	if n, err := strconv.Atoi(v.Get("limit")); err == nil && n > 100 {
		return true
	}
	q, err := searchquery.Parse(v.Get("q"))
	return err == nil && q.Cost().Costly()
}

// HTTPServer returns an http.Server for the handler with timeouts that
// keep slow or idle clients from holding connections.
func (s *Server) HTTPServer(addr string) *http.Server {
	return &http.Server{
		Addr:              addr,
		Handler:           s.Handler(),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
	}
}

// Serve serves on ln until ctx is done, then shuts down gracefully.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	srv := s.HTTPServer(ln.Addr().String())
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	// In-flight requests (an ingest among them) finish: each is bounded by
	// RequestTimeout, so waiting a little longer than that loses none.
	shutdownCtx, cancel := context.WithTimeout(context.Background(), s.RequestTimeout+2*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return fmt.Errorf("shut down %s: %w", ln.Addr(), err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	}
	return nil
}

// statusOf maps a claimtrail error code to an HTTP status.
func statusOf(err error) int {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge
	}
	var me *methodError
	if errors.As(err, &me) {
		return http.StatusMethodNotAllowed
	}
	switch claimtrail.ErrorCode(err) {
	case claimtrail.EINVALID:
		return http.StatusBadRequest
	case claimtrail.ENOTFOUND:
		return http.StatusNotFound
	case claimtrail.ETOOLARGE:
		return http.StatusRequestEntityTooLarge
	case claimtrail.ECONFLICT:
		return http.StatusConflict
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

func staticFS() fs.FS {
	sub, err := fs.Sub(assetsFS, "assets/static")
	if err != nil {
		panic(err)
	}
	return sub
}
