package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"runtime/pprof"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/internal/gen"
	"github.com/claimtrail/claimtrail/postgres"
)

// GenStoreCmd fills a store with synthetic articles for load tests.
type GenStoreCmd struct {
	Attributions int      `default:"1000000" help:"Attributions to make (articles = attributions / --per-article)."`
	PerArticle   int      `name:"per-article" default:"8" help:"Attributions per article."`
	Corpus       []string `type:"path" default:"../shared/data/bbc,../shared/data/ptc" help:"Folders of .txt articles whose sentences and names are recombined."`
	Seed         uint64   `default:"1" help:"Varies the articles."`
	Batch        int      `default:"2000" help:"Articles per transaction."`
	JSONL        string   `name:"jsonl" placeholder:"FILE" help:"Write the articles (without attributions) as JSONL to FILE instead of a store, for ingest measurements."`
}

func (c *GenStoreCmd) Help() string {
	return `Makes a large store from the sentences and names of real corpora (BBC and
PTC by default) recombined into synthetic articles, with the attributions
written out directly (not found by the extractor): PostgreSQL is filled
with COPY, SQLite with batched prepared inserts, --batch articles per
transaction. The store must not hold the generated articles already.
Clusters are not computed (run claimtrail clusters --refresh if wanted).

Examples:
  claimtrail --db big.db gen-store --attributions 1000000
  claimtrail --db "$DSN" gen-store --attributions 100000
  claimtrail gen-store --attributions 80000 --jsonl /tmp/10k.jsonl`
}

func (c *GenStoreCmd) Run(ctx context.Context, g *Globals) error {
	if c.Attributions <= 0 || c.PerArticle <= 0 || c.Batch <= 0 {
		return claimtrail.Errorf(claimtrail.EINVALID, "--attributions, --per-article and --batch must be positive")
	}
	corpus, err := gen.Load(c.Corpus...)
	if err != nil {
		return err
	}
	gn := gen.New(corpus, gen.Options{PerArticle: c.PerArticle, Seed: c.Seed})
	n := (c.Attributions + c.PerArticle - 1) / c.PerArticle
	start := time.Now()
	if c.JSONL != "" {
		if err := writeGenJSONL(c.JSONL, gn, n); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "wrote %d articles to %s in %s\n", n, c.JSONL, time.Since(start).Round(time.Millisecond))
		return nil
	}
	st, err := openAnyStore(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	pg, _ := st.(*postgres.Store)
	batch := make([]*claimtrail.Article, 0, c.Batch)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		if pg != nil {
			if err := pg.BulkLoad(ctx, batch); err != nil {
				return err
			}
		} else {
			res, err := st.PutBatch(ctx, claimtrail.Batch{Articles: batch})
			if err != nil {
				return fmt.Errorf("gen-store: %w", err)
			}
			for _, r := range res {
				if r.Err != nil {
					return fmt.Errorf("gen-store: %w", r.Err)
				}
			}
		}
		batch = batch[:0]
		return nil
	}
	for i := range n {
		batch = append(batch, gn.Article(i))
		if len(batch) == c.Batch {
			if err := flush(); err != nil {
				return err
			}
			fmt.Fprintf(stderr, "\rgen-store: %d/%d articles", i+1, n)
		}
		if ctx.Err() != nil {
			return ctx.Err()
		}
	}
	if err := flush(); err != nil {
		return err
	}
	d := time.Since(start)
	fmt.Fprintf(stderr, "\n")
	fmt.Fprintf(stdout, "stored %d articles, %d attributions in %s (%.0f attributions/s)\n", n, n*c.PerArticle, d.Round(time.Millisecond), float64(n*c.PerArticle)/d.Seconds())
	if pg != nil {
		// A bulk load leaves the visibility map unset (every index read
		// then visits the table), new GIN entries in the index's pending
		// list (which every search reads through) and no statistics until
		// autovacuum gets to the tables; do its work now, so that the
		// store is measured as it will run.
		vstart := time.Now()
		if err := pg.VacuumAnalyze(ctx); err != nil {
			return fmt.Errorf("gen-store: %w", err)
		}
		fmt.Fprintf(stdout, "vacuumed and analysed in %s\n", time.Since(vstart).Round(time.Millisecond))
	}
	// (the SQLite store's search index: merged as after a large ingest)
	if err := optimizeAfterBulk(ctx, st, n); err != nil {
		return fmt.Errorf("gen-store: %w", err)
	}
	return nil
}

func writeGenJSONL(path string, gn *gen.Generator, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("gen-store: %w", err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	enc := json.NewEncoder(w)
	for i := range n {
		a := gn.Article(i)
		line := map[string]any{"url": a.URL, "title": a.Title, "outlet": a.Outlet, "published": a.Published, "text": a.Text}
		if err := enc.Encode(line); err != nil {
			f.Close()
			return fmt.Errorf("gen-store: write %s: %w", path, err)
		}
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return fmt.Errorf("gen-store: write %s: %w", path, err)
	}
	return f.Close()
}

// BenchAPICmd measures API latency under concurrent clients.
type BenchAPICmd struct {
	Clients  int           `default:"16" help:"Concurrent clients."`
	Duration time.Duration `default:"20s" help:"How long to send requests."`
	URL      string        `name:"url" placeholder:"URL" help:"A running server to measure (default: serve --db in this process on a loopback port)."`
	Output   string        `short:"o" help:"Output format: text or json." enum:"text,json" default:"text"`
	Profile  string        `name:"cpuprofile" placeholder:"FILE" help:"Write a CPU profile of the whole run (server and clients) to FILE (go tool pprof)."`
}

func (c *BenchAPICmd) Help() string {
	return `Sends search (/api/search?q=...) and speaker (/api/speakers/ID) requests
from --clients concurrent clients for --duration, and prints p50, p90 and
p99 latency by route (and of search by kind of query: word, phrase,
prefix). The queries are words, phrases and prefixes drawn
from the stored quotes; the speakers are the stored ones. Without --url
it serves --db itself (as claimtrail serve does) on a loopback port.

Examples:
  claimtrail --db big.db bench-api
  claimtrail --db "$DSN" bench-api --clients 16 --duration 30s`
}

// apiLatency is one route's measurement.
type apiLatency struct {
	Route    string  `json:"route"`
	Requests int     `json:"requests"`
	Errors   int     `json:"errors"`
	P50ms    float64 `json:"p50_ms"`
	P90ms    float64 `json:"p90_ms"`
	P99ms    float64 `json:"p99_ms"`
	MaxMs    float64 `json:"max_ms"`
}

func (c *BenchAPICmd) Run(ctx context.Context, g *Globals) error {
	base := strings.TrimRight(c.URL, "/")
	if base == "" {
		st, err := openStore(ctx, g)
		if err != nil {
			return err
		}
		defer st.Close()
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			return fmt.Errorf("bench-api: %w", err)
		}
		srv := &http.Server{Handler: newServer(st, slog.New(slog.DiscardHandler)).Handler()}
		go srv.Serve(ln)
		defer srv.Close()
		base = "http://" + ln.Addr().String()
	}
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: c.Clients}, Timeout: time.Minute}
	getJSON := func(path string, v any) error {
		resp, err := client.Get(base + path)
		if err != nil {
			return err
		}
		defer resp.Body.Close()
		if resp.StatusCode != 200 {
			return fmt.Errorf("GET %s: HTTP %d", path, resp.StatusCode)
		}
		return json.NewDecoder(resp.Body).Decode(v)
	}
	var speakers struct {
		Items []struct {
			ID int64 `json:"id"`
		} `json:"items"`
	}
	if err := getJSON("/api/speakers?limit=200", &speakers); err != nil {
		return fmt.Errorf("bench-api: list speakers: %w", err)
	}
	// Queries from quotes across the store: a page of each of the first
	// 50 speakers' quotes (not only the first page of the listing), so
	// that thousands of distinct queries cover common and rare words and
	// no cache keyed by query could serve them.
	var quotes []claimtrail.Attribution
	for i, sp := range speakers.Items {
		if i == 50 {
			break
		}
		var attrs struct {
			Items []claimtrail.Attribution `json:"items"`
		}
		if err := getJSON(fmt.Sprintf("/api/attributions?speaker_id=%d&limit=20", sp.ID), &attrs); err != nil {
			return fmt.Errorf("bench-api: list attributions: %w", err)
		}
		quotes = append(quotes, attrs.Items...)
	}
	queries := benchQueries(quotes)
	if len(speakers.Items) == 0 || len(queries) == 0 {
		return claimtrail.Errorf(claimtrail.EINVALID, "bench-api: the store has no speakers or quotes to query")
	}
	var paths []string
	routeOf := map[string]string{} // path -> what the report groups it under
	for i := 0; i < max(len(queries), len(speakers.Items)); i++ {
		q := queries[i%len(queries)]
		p := "/api/search?q=" + url.QueryEscape(q.text)
		routeOf[p] = "search"
		paths = append(paths, p)
		p = fmt.Sprintf("/api/speakers/%d", speakers.Items[i%len(speakers.Items)].ID)
		routeOf[p] = "speaker"
		paths = append(paths, p)
	}
	byKind := map[string]string{}
	for _, q := range queries {
		byKind["/api/search?q="+url.QueryEscape(q.text)] = "search:" + q.kind
	}
	type sample struct {
		route string
		d     time.Duration
		err   bool
	}
	var (
		mu       sync.Mutex
		samples  []sample
		failures []string // the first few failed requests, for stderr
		wg       sync.WaitGroup
	)
	if c.Profile != "" {
		f, err := os.Create(c.Profile)
		if err != nil {
			return fmt.Errorf("bench-api: %w", err)
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return fmt.Errorf("bench-api: %w", err)
		}
		defer pprof.StopCPUProfile()
	}
	// paths alternate search and speaker; each client steps through
	// them by an odd stride, so that every client alternates too, as a
	// person reading both would (an even stride kept each client on one
	// kind: half the clients only searched, the other half only opened
	// speakers).
	stride := c.Clients | 1
	deadline := time.Now().Add(c.Duration)
	for w := range c.Clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var local []sample
			for i := w; time.Now().Before(deadline) && ctx.Err() == nil; i += stride {
				p := paths[i%len(paths)]
				route := routeOf[p]
				start := time.Now()
				resp, err := client.Get(base + p)
				bad := err != nil
				why := ""
				if err != nil {
					why = err.Error()
				} else {
					body, _ := io.ReadAll(resp.Body)
					resp.Body.Close()
					bad = resp.StatusCode != 200
					why = fmt.Sprintf("HTTP %d %s", resp.StatusCode, bytes.TrimSpace(body))
				}
				d := time.Since(start)
				if bad {
					mu.Lock()
					if len(failures) < 5 {
						failures = append(failures, p+": "+why)
					}
					mu.Unlock()
				}
				local = append(local, sample{route, d, bad})
				if route == "search" {
					local = append(local, sample{byKind[p], d, bad})
				}
			}
			mu.Lock()
			samples = append(samples, local...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	for _, f := range failures {
		fmt.Fprintf(stderr, "bench-api: failed: %s\n", f)
	}
	var out []apiLatency
	for _, route := range []string{"search", "speaker", "search:word", "search:phrase", "search:prefix"} {
		var ds []time.Duration
		l := apiLatency{Route: route}
		for _, s := range samples {
			if s.route == route {
				ds = append(ds, s.d)
				if s.err {
					l.Errors++
				}
			}
		}
		if len(ds) == 0 {
			continue
		}
		slices.Sort(ds)
		q := func(p float64) float64 {
			return float64(ds[min(len(ds)-1, int(p*float64(len(ds))))].Microseconds()) / 1000
		}
		l.Requests, l.P50ms, l.P90ms, l.P99ms, l.MaxMs = len(ds), q(.5), q(.9), q(.99), q(1)
		out = append(out, l)
	}
	return writeReport(stdout, c.Output, map[string]any{"clients": c.Clients, "duration": c.Duration.String(), "routes": out},
		func(w io.Writer) error {
			fmt.Fprintf(w, "%d clients for %s against %s\n", c.Clients, c.Duration, base)
			for _, l := range out {
				fmt.Fprintf(w, "%-14s %7d requests %4d errors  p50 %7.1f ms  p90 %7.1f ms  p99 %7.1f ms  max %7.1f ms\n",
					l.Route, l.Requests, l.Errors, l.P50ms, l.P90ms, l.P99ms, l.MaxMs)
			}
			return nil
		})
}

// benchQuery is a search query and what kind it is (word, phrase,
// prefix).
type benchQuery struct{ text, kind string }

// benchQueries makes search queries from stored quotes: a word, a
// two-word phrase (two neighbouring words of the quote) and a prefix
// from each, taken at a place in the quote that varies with its id.
func benchQueries(attrs []claimtrail.Attribution) []benchQuery {
	var out []benchQuery
	clean := func(w string) string {
		w = strings.ToLower(strings.Trim(w, "\"'“”‘’.,;:!?()"))
		for _, r := range w {
			if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
				return "" // "[be]" would make the bad prefix "[be]*"
			}
		}
		return w
	}
	for _, a := range attrs {
		raw := strings.Fields(a.ContentText())
		var long []int // positions of words of 5 letters or more
		for j, w := range raw {
			if len([]rune(clean(w))) >= 5 {
				long = append(long, j)
			}
		}
		if len(long) == 0 {
			continue
		}
		j := long[int(a.ID)%len(long)]
		word := clean(raw[j])
		out = append(out, benchQuery{word, "word"}, benchQuery{string([]rune(word)[:4]) + "*", "prefix"})
		if j+1 < len(raw) && clean(raw[j+1]) != "" {
			out = append(out, benchQuery{`"` + word + " " + clean(raw[j+1]) + `"`, "phrase"})
		}
	}
	return out
}
