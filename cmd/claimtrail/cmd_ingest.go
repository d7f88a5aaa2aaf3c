package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/decode"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/sqlite"
)

// IngestCmd reads sources into the store.
type IngestCmd struct {
	Sources    []string `arg:"" name:"source" help:"Files, folders (read recursively), page or feed URLs: plain text, HTML, RSS/Atom, WARC(.gz), JSONL."`
	Workers    int      `short:"w" default:"0" help:"Articles extracted in parallel (default: the number of cores)."`
	MaxBytes   byteSize `name:"max-bytes" default:"5MB" help:"Refuse articles larger than this (e.g. 5MB, 512KB)." placeholder:"SIZE"`
	Fetch      bool     `help:"For feeds, fetch each item's linked page instead of using the feed's text."`
	NoClusters bool     `name:"no-clusters" help:"Skip merging speakers and clustering quotes at the end (claimtrail clusters does it when needed)."`
	Aliases    string   `type:"existingfile" placeholder:"FILE" help:"Speaker aliases applied when merging speakers at the end (as for claimtrail clusters --aliases)."`
}

func (c *IngestCmd) Help() string {
	return `The kind of each source is detected from its content. Articles already
stored with the same text by the same extractor version are skipped
without re-extraction, so re-running an ingest is cheap; an article whose
text changed at the same URL is updated, not duplicated. Work is committed
in batches, so Ctrl-C (or a crash) loses at most the last fraction of a
second, and running the same command again completes it.

Each item that fails prints one line "claimtrail: SOURCE: reason" and is
recorded in the store (see claimtrail errors); the rest goes on. The
summary says how many were ingested, unchanged, updated and failed; the
exit status is 1 when any failed.

Examples:
  claimtrail ingest ~/saved-pages/ https://example.com/feed.xml
  claimtrail ingest --db news.db --workers 2 crawl.warc.gz corpus.jsonl`
}

func (c *IngestCmd) Run(ctx context.Context, g *Globals) error {
	st, err := sqlite.Open(ctx, g.DB)
	if err != nil {
		return err
	}
	defer st.Close()
	ext, err := newExtractor()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	job := ingestJob{
		Store:     st,
		Extractor: ext,
		Sources:   c.Sources,
		Options:   ingest.Options{MaxBytes: int64(c.MaxBytes), Fetch: c.Fetch},
		Workers:   c.Workers,
		Progress:  isTerminal(stderr),
		Errors:    stderr,
	}
	if !c.NoClusters {
		job.After = func(ctx context.Context) error { return refreshClusters(ctx, st, c.Aliases) }
	}
	sum, err := job.run(ctx)
	fmt.Fprintln(stdout, sum)
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%d of %d items failed (claimtrail errors lists them)", sum.Failed, sum.Total())
	}
	return nil
}

// byteSize is a size flag written like 5MB, 512KB, 2MiB or 1000.
type byteSize int64

func (b *byteSize) UnmarshalText(text []byte) error {
	s := strings.ToUpper(strings.TrimSpace(string(text)))
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"GIB", 1 << 30}, {"MIB", 1 << 20}, {"KIB", 1 << 10}, {"GB", 1 << 30}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"G", 1 << 30}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}} {
		if strings.HasSuffix(s, u.suffix) {
			s, mult = strings.TrimSpace(strings.TrimSuffix(s, u.suffix)), u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f <= 0 {
		return claimtrail.Errorf(claimtrail.EINVALID, "cannot read size %q (want e.g. 5MB, 512KB)", string(text))
	}
	*b = byteSize(f * float64(mult))
	return nil
}

// ingestJob is one run of the ingest pipeline: a walker reading sources,
// Workers goroutines extracting, and the calling goroutine writing batches
// to the store. It is shared by claimtrail ingest and claimtrail demo.
type ingestJob struct {
	Store     claimtrail.IngestStore
	Extractor claimtrail.Extractor
	Sources   []string
	Options   ingest.Options
	// Workers extract in parallel; 0 means runtime.NumCPU().
	Workers int
	// Progress shows bars on stderr (only ever on a terminal).
	Progress bool
	// Errors receives one line per failed item; nil discards them.
	Errors io.Writer
	// BatchSize and BatchDelay bound a write transaction: it commits when
	// it holds BatchSize articles or is BatchDelay old (defaults 200 and
	// 100 ms), so SQLite is never the bottleneck and a crash loses little.
	BatchSize  int
	BatchDelay time.Duration
	// After, when set, runs once at the end when anything was stored
	// (updateClusters for the sqlite store).
	After func(ctx context.Context) error
}

// ingestSummary counts what a run did.
type ingestSummary struct {
	Ingested, Unchanged, Updated, Failed int
	// Elapsed is the time to read, extract and store; After is the time
	// of the final step (speaker merging and clustering), not included.
	Elapsed, After time.Duration
}

func (s ingestSummary) Total() int { return s.Ingested + s.Unchanged + s.Updated + s.Failed }

func (s ingestSummary) String() string {
	out := fmt.Sprintf("ingested %d, unchanged %d, updated %d, failed %d", s.Ingested, s.Unchanged, s.Updated, s.Failed)
	if n := s.Total(); n > 0 && s.Elapsed > 0 {
		out += fmt.Sprintf(" (%d items in %s, %.0f/s)", n, s.Elapsed.Round(time.Millisecond), float64(n)/s.Elapsed.Seconds())
	}
	if s.After > 0 {
		out += fmt.Sprintf("; speakers merged and quotes clustered in %s", s.After.Round(time.Millisecond))
	}
	return out
}

// ingestResult is what a worker hands the writer for one item.
type ingestResult struct {
	source    string
	article   *claimtrail.Article // to store; nil when unchanged or failed
	unchanged bool
	err       error
}

// updateClusters merges speakers across articles and brings the quote
// clusters up to date (sqlite/cluster.go) after new quotes were stored, so
// that speakers, clusters and trail show them at once.
func updateClusters(ctx context.Context, st *sqlite.Store) error {
	stale, err := st.ClustersStale(ctx)
	if err != nil || !stale {
		return err
	}
	if _, err := st.UpdateClusters(ctx, nil); err != nil {
		return fmt.Errorf("update clusters: %w", err)
	}
	return nil
}

func (j ingestJob) run(ctx context.Context) (ingestSummary, error) {
	start := time.Now()
	workers := j.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	if j.BatchSize <= 0 {
		j.BatchSize = 200
	}
	if j.BatchDelay <= 0 {
		j.BatchDelay = 100 * time.Millisecond
	}
	if j.Errors == nil {
		j.Errors = io.Discard
	}
	if len(j.Sources) == 0 {
		return ingestSummary{}, claimtrail.Errorf(claimtrail.EINVALID, "no sources given")
	}

	var (
		progress   *mpb.Progress
		bar        *mpb.Bar
		discovered atomic.Int64
		estimate   atomic.Int64
	)
	errOut := j.Errors
	if j.Progress {
		progress = mpb.New(mpb.WithOutput(stderr), mpb.WithWidth(40), mpb.WithRefreshRate(150*time.Millisecond))
		bar = progress.AddBar(0,
			mpb.PrependDecorators(decor.Name("ingest "), decor.CountersNoUnit("%d / %d", decor.WCSyncWidth)),
			mpb.AppendDecorators(decor.AverageSpeed(nil, " %.0f/s"), decor.Name(" ETA "), decor.AverageETA(decor.ET_STYLE_GO)),
		)
		// Lines printed while the bar runs go above it.
		errOut = progress
	}

	// work is cancelled by the caller (Ctrl-C) or when the store fails.
	work, stop := context.WithCancel(ctx)
	defer stop()
	if bar != nil {
		// The walker runs only a little ahead of the workers, so the items
		// it has found say little about the ETA; count the local files in
		// the background for a better total.
		go func() {
			est := estimateItems(work, j.Sources)
			if n := discovered.Load(); est > n {
				bar.SetTotal(est, false)
			}
			estimate.Store(est)
		}()
	}
	items := make(chan ingest.Item, workers*4)
	results := make(chan ingestResult, workers*16)
	var walkErr error
	go func() {
		defer close(items)
		walkErr = ingest.Walk(work, j.Sources, j.Options, func(it ingest.Item) error {
			n := discovered.Add(1)
			if bar != nil && n > estimate.Load() {
				bar.SetTotal(n, false)
			}
			select {
			case items <- it:
				return nil
			case <-work.Done():
				return work.Err()
			}
		})
	}()
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for it := range items {
				if work.Err() != nil {
					continue // drain: the walker stops soon
				}
				results <- j.process(work, it)
			}
		})
	}
	go func() {
		wg.Wait()
		close(results)
	}()

	var (
		sum      ingestSummary
		pending  []ingestResult
		storeErr error
		ticker   = time.NewTicker(j.BatchDelay)
	)
	defer ticker.Stop()
	// flush commits pending even after ctx is cancelled: what was
	// extracted is kept (Ctrl-C commits what is done).
	flush := func() {
		if len(pending) == 0 || storeErr != nil {
			pending = pending[:0]
			return
		}
		var (
			b        claimtrail.Batch
			articles []ingestResult
		)
		for _, r := range pending {
			switch {
			case r.err != nil:
				b.Errors = append(b.Errors, claimtrail.IngestError{Source: r.source, Reason: reason(r.source, r.err), Time: time.Now().UTC()})
			case r.unchanged:
				b.Unchanged = append(b.Unchanged, r.source)
			default:
				b.Articles = append(b.Articles, r.article)
				articles = append(articles, r)
			}
		}
		res, err := j.Store.PutBatch(context.WithoutCancel(ctx), b)
		if err != nil {
			storeErr = err
			stop() // nothing more can be stored: stop reading and extracting
			pending = pending[:0]
			return
		}
		for _, e := range b.Errors {
			fmt.Fprintf(errOut, "claimtrail: %s: %s\n", e.Source, e.Reason)
			sum.Failed++
		}
		sum.Unchanged += len(b.Unchanged)
		for i, r := range res {
			switch {
			case r.Err != nil:
				fmt.Fprintf(errOut, "claimtrail: %s: %s\n", articles[i].source, reason(articles[i].source, r.Err))
				sum.Failed++
			case r.Outcome == claimtrail.PutInserted:
				sum.Ingested++
			case r.Outcome == claimtrail.PutUpdated:
				sum.Updated++
			default:
				sum.Unchanged++
			}
		}
		if bar != nil {
			bar.IncrBy(len(pending))
		}
		pending = pending[:0]
	}
	for done := false; !done; {
		select {
		case r, ok := <-results:
			if !ok {
				done = true
				break
			}
			if r.err != nil && work.Err() != nil && errors.Is(r.err, work.Err()) {
				continue // interrupted, not failed: the next run does it
			}
			pending = append(pending, r)
			if len(pending) >= j.BatchSize {
				flush()
			}
		case <-ticker.C:
			flush()
		}
	}
	flush()
	if bar != nil {
		if storeErr != nil || ctx.Err() != nil {
			bar.Abort(false)
		} else {
			bar.SetTotal(-1, true)
		}
		progress.Wait()
	}
	sum.Elapsed = time.Since(start)
	if storeErr != nil {
		return sum, storeErr
	}
	if ctx.Err() != nil {
		return sum, fmt.Errorf("interrupted: the %d items done are committed; run the same command again to finish", sum.Total())
	}
	if walkErr != nil {
		return sum, fmt.Errorf("ingest: %w", walkErr)
	}
	if j.After != nil && sum.Ingested+sum.Updated > 0 {
		afterStart := time.Now()
		err := j.After(ctx)
		sum.After = time.Since(afterStart)
		if err != nil {
			return sum, err
		}
	}
	return sum, nil
}

// estimateItems guesses how many items the sources hold, for the progress
// bar: one per file under local folders (hidden ones skipped, as ingest
// does), one per line of JSONL files; URLs and unreadable paths count one.
func estimateItems(ctx context.Context, sources []string) int64 {
	var n int64
	count := func(path string) {
		if strings.HasSuffix(strings.ToLower(path), ".jsonl") {
			if f, err := os.Open(path); err == nil {
				defer f.Close()
				buf := make([]byte, 64<<10)
				for {
					k, err := f.Read(buf)
					n += int64(bytes.Count(buf[:k], []byte{'\n'}))
					if err != nil {
						return
					}
				}
			}
		}
		n++
	}
	for _, src := range sources {
		fi, err := os.Stat(src)
		if err != nil || !fi.IsDir() {
			count(src)
			continue
		}
		filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if err != nil {
				return nil
			}
			if path != src && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.Type().IsRegular() {
				count(path)
			}
			return nil
		})
	}
	return n
}

// process turns one walked item into a result: skipped when the store has
// the same text from the same extractor, else extracted.
func (j ingestJob) process(ctx context.Context, it ingest.Item) (res ingestResult) {
	res.source = it.Source
	if it.Err != nil {
		res.err = it.Err
		return res
	}
	a := it.Article
	if a == nil {
		res.err = fmt.Errorf("no article and no error")
		return res
	}
	if a.Source == "" {
		a.Source = it.Source
	}
	if max := j.Options.MaxBytes; max > 0 && int64(len(a.Text)) > max {
		res.err = claimtrail.Errorf(claimtrail.ETOOLARGE, "text of %s is larger than the limit of %s", decode.FormatBytes(int64(len(a.Text))), decode.FormatBytes(max))
		return res
	}
	if strings.TrimSpace(a.Text) == "" {
		res.err = claimtrail.Errorf(claimtrail.EINVALID, "no text")
		return res
	}
	if a.Hash == "" {
		sum := sha256.Sum256([]byte(a.Text))
		a.Hash = hex.EncodeToString(sum[:])
	}
	version := j.Extractor.Version()
	st, err := j.Store.LookupArticle(ctx, a.URL, a.Hash)
	switch {
	case err == nil && st.Hash == a.Hash && st.ExtractorVersion == version:
		res.unchanged = true
		return res
	case err != nil && claimtrail.ErrorCode(err) != claimtrail.ENOTFOUND:
		res.err = err
		return res
	}
	defer func() {
		// The extractor must never panic; if it does, the item fails
		// and the batch goes on.
		if p := recover(); p != nil {
			res = ingestResult{source: it.Source, err: fmt.Errorf("extractor panicked: %v", p)}
		}
	}()
	x, err := j.Extractor.Extract(ctx, a.Text)
	if err != nil {
		res.err = fmt.Errorf("extract: %w", err)
		return res
	}
	if a.Title == "" {
		a.Title = x.Title
	}
	a.Attributions = x.Attributions
	a.Markers = x.Markers
	if x.Language != "" {
		a.Language = x.Language
	}
	a.ExtractorVersion = version
	res.article = a
	return res
}

// reason is an item's error as one line without the source it names
// (the caller prints the source) or the error code prefixes of wrapped
// claimtrail errors.
func reason(source string, err error) string {
	s := err.Error()
	for _, p := range []string{"ingest " + source + ": ", source + ": "} {
		s = strings.TrimPrefix(s, p)
	}
	for _, code := range []string{claimtrail.EINVALID, claimtrail.ETOOLARGE, claimtrail.ENOTFOUND, claimtrail.ECONFLICT, claimtrail.EINTERNAL} {
		s = strings.TrimPrefix(s, code+": ")
	}
	return strings.Join(strings.Fields(s), " ")
}
