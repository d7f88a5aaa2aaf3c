package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/ingest"
	"github.com/claimtrail/claimtrail/trail"
)

// IngestCmd reads sources into the store.
type IngestCmd struct {
	Sources    []string `arg:"" name:"source" help:"Files, folders (read recursively), page or feed URLs: plain text, HTML, RSS/Atom, WARC(.gz), JSONL."`
	Workers    int      `short:"w" default:"0" help:"Articles extracted in parallel (default: the number of cores)."`
	MaxBytes   byteSize `name:"max-bytes" default:"5MB" help:"Refuse articles larger than this (e.g. 5MB, 512KB)." placeholder:"SIZE"`
	Fetch      bool     `help:"For feeds, fetch each item's linked page instead of using the feed's text."`
	NoClusters bool     `name:"no-clusters" help:"Skip merging speakers and clustering quotes at the end (claimtrail clusters does it when needed)."`
	Aliases    string   `type:"existingfile" placeholder:"FILE" help:"Speaker aliases applied when merging speakers at the end (as for claimtrail clusters --aliases)."`
	Queue      bool     `help:"PostgreSQL store: put the sources on the job queue for claimtrail worker and return."`
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
	if c.Queue {
		return c.enqueue(ctx, g)
	}
	st, err := openAnyStore(ctx, g)
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
		NoFinish:  c.NoClusters,
		// The extractor is not needed past the extraction: let the
		// clustering use its memory, and collect more often while it
		// runs (see ingest.Service.FinishGC and stepGC).
		ReleaseExtractor: true,
		FinishGC:         stepGC,
	}
	var aliases *trail.Aliases
	if c.Aliases != "" {
		if aliases, err = trail.LoadAliases(c.Aliases); err != nil {
			return claimtrail.Errorf(claimtrail.EINVALID, "%v", err)
		}
		job.FinishStep = func(ctx context.Context) (claimtrail.ClusterUpdate, error) {
			return st.RefreshClustersWith(ctx, aliases)
		}
	}
	if finishHook != nil {
		// Tests stop the process between speaker merging and clustering.
		job.FinishStep = func(ctx context.Context) (claimtrail.ClusterUpdate, error) {
			if _, err := st.MergeSpeakers(ctx, aliases); err != nil {
				return claimtrail.ClusterUpdate{}, err
			}
			finishHook("speakers merged")
			return st.RefreshClustersWith(ctx, aliases)
		}
	}
	sum, err := job.run(ctx)
	fmt.Fprintln(stdout, sum)
	if err != nil {
		return err
	}
	if err := optimizeAfterBulk(ctx, st, sum.Ingested+sum.Updated); err != nil {
		return err
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%d of %d items failed (claimtrail errors lists them)", sum.Failed, sum.Total())
	}
	return nil
}

// finishHook, set only by tests, is called inside the final step of
// claimtrail ingest, after speaker merging and before clustering, so that
// a test can kill the process there.
var finishHook func(stage string)

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

// ingestJob is one CLI run of the ingest service (ingest.Service): the
// service reads, extracts and stores; the job adds the progress bar and
// the error lines. It is shared by claimtrail ingest and claimtrail demo.
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
	// BatchSize and BatchDelay: see ingest.Service.
	BatchSize  int
	BatchDelay time.Duration
	// NoFinish skips the final speaker merging and clustering;
	// FinishStep replaces it (see ingest.Service).
	NoFinish   bool
	FinishStep func(ctx context.Context) (claimtrail.ClusterUpdate, error)
	// ReleaseExtractor and FinishGC: see ingest.Service (a job that
	// runs once).
	ReleaseExtractor bool
	FinishGC         int
}

// stepGC is the GOGC percentage of a one-shot ingest's cluster step:
// what is live in it grows with the store (the clustering index: 62 MB
// live at 40k generated articles, 104 MB at 160k), and at the default
// 100 the heap doubles that before each collection, so the step, not
// extraction, set the ingest's peak past about 40k articles.
const stepGC = 25

// ingestSummary counts what a run did.
type ingestSummary = ingest.Summary

func (j ingestJob) service() *ingest.Service {
	return &ingest.Service{
		Store: j.Store, Extractor: j.Extractor, Options: j.Options, Workers: j.Workers,
		BatchSize: j.BatchSize, BatchDelay: j.BatchDelay, NoFinish: j.NoFinish, FinishStep: j.FinishStep,
		ReleaseExtractor: j.ReleaseExtractor, FinishGC: j.FinishGC, OnExtract: observeExtraction,
	}
}

func (j ingestJob) run(ctx context.Context) (ingestSummary, error) {
	if len(j.Sources) == 0 {
		return ingestSummary{}, claimtrail.Errorf(claimtrail.EINVALID, "no sources given")
	}
	errOut := j.Errors
	if errOut == nil {
		errOut = io.Discard
	}
	svc := j.service()
	// svc holds the extractor from here: this copy must not keep it
	// live through the cross-article step (ReleaseExtractor).
	j.Extractor = nil
	var (
		progress   *mpb.Progress
		bar        *mpb.Bar
		discovered atomic.Int64
		estimate   atomic.Int64
	)
	if j.Progress {
		progress = mpb.New(mpb.WithOutput(stderr), mpb.WithWidth(40), mpb.WithRefreshRate(150*time.Millisecond))
		bar = progress.AddBar(0,
			mpb.PrependDecorators(decor.Name("ingest "), decor.CountersNoUnit("%d / %d", decor.WCSyncWidth)),
			mpb.AppendDecorators(decor.AverageSpeed(nil, " %.0f/s"), decor.Name(" ETA "), decor.AverageETA(decor.ET_STYLE_GO)),
		)
		// Lines printed while the bar runs go above it.
		errOut = progress
		// The walker runs only a little ahead of the workers, so the items
		// it has found say little about the ETA; count the local files in
		// the background for a better total.
		estCtx, stop := context.WithCancel(ctx)
		defer stop()
		go func() {
			est := estimateItems(estCtx, j.Sources)
			if n := discovered.Load(); est > n {
				bar.SetTotal(est, false)
			}
			estimate.Store(est)
		}()
		svc.OnDiscover = func(n int64) {
			discovered.Store(n)
			if n > estimate.Load() {
				bar.SetTotal(n, false)
			}
		}
	}
	svc.OnResult = func(r ingest.Result) {
		observeResult(r)
		if r.Err != nil {
			fmt.Fprintf(errOut, "claimtrail: %s: %s\n", r.Source, ingest.Reason(r.Source, r.Err))
		}
		if bar != nil {
			bar.Increment()
		}
	}
	sum, err := svc.Ingest(ctx, j.Sources)
	if bar != nil {
		if err != nil {
			bar.Abort(false)
		} else {
			bar.SetTotal(-1, true)
		}
		progress.Wait()
	}
	return sum, err
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

// searchOptimizer is a store whose full-text index gains from merging
// after many writes (the SQLite store; PostgreSQL's GIN index is kept by
// autovacuum).
type searchOptimizer interface {
	OptimizeSearch(ctx context.Context) error
}

// bulkArticles is how many articles a run must store for its search
// index to be merged at the end: below it the merge costs more than it
// saves.
const bulkArticles = 5000

// optimizeAfterBulk merges the search index of a store that supports it
// when a run stored at least bulkArticles articles.
func optimizeAfterBulk(ctx context.Context, st any, stored int) error {
	o, ok := st.(searchOptimizer)
	if !ok || stored < bulkArticles {
		return nil
	}
	start := time.Now()
	if err := o.OptimizeSearch(ctx); err != nil {
		return fmt.Errorf("merge the search index: %w", err)
	}
	fmt.Fprintf(stderr, "search index merged in %s\n", time.Since(start).Round(time.Millisecond))
	return nil
}
