package main

import (
	"context"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/claimtrail/claimtrail"
)

// ReindexCmd re-extracts stored articles after the extractor changed.
type ReindexCmd struct {
	All     bool `help:"Re-extract every article, not only those from another extractor version."`
	Workers int  `short:"w" default:"0" help:"Articles extracted in parallel (default: the number of cores)."`
}

func (c *ReindexCmd) Help() string {
	return `Reads the stored texts (never the original sources), runs the current
extractor and replaces each article's attributions and markers, in
batches committed atomically; Ctrl-C keeps what is done, and running it
again continues with the rest.

Examples:
  claimtrail reindex
  claimtrail reindex --all --db news.db`
}

func (c *ReindexCmd) Run(ctx context.Context, g *Globals) error {
	st, err := openStore(ctx, g)
	if err != nil {
		return err
	}
	defer st.Close()
	ext, err := newExtractor()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	sum, err := reindexJob{Store: st, Extractor: ext, All: c.All, Workers: c.Workers, Progress: isTerminal(stderr),
		After: func(ctx context.Context) error { return updateClusters(ctx, st) }}.run(ctx)
	fmt.Fprintf(stdout, "reindexed %d, failed %d with extractor %s (%s)\n", sum.Updated, sum.Failed, ext.Version(), sum.Elapsed.Round(time.Millisecond))
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%d articles failed to re-extract (claimtrail errors lists them)", sum.Failed)
	}
	return nil
}

// reindexJob re-extracts stale articles page by page: each page of stored
// articles is extracted in parallel and written in one transaction.
type reindexJob struct {
	Store interface {
		claimtrail.IngestStore
		CountStale(ctx context.Context, version string) (int, error)
	}
	Extractor claimtrail.Extractor
	All       bool
	Workers   int
	Progress  bool
	// After, when set, runs once at the end when anything was re-extracted.
	After func(ctx context.Context) error
}

func (j reindexJob) run(ctx context.Context) (ingestSummary, error) {
	start := time.Now()
	var sum ingestSummary
	workers := j.Workers
	if workers <= 0 {
		workers = runtime.NumCPU()
	}
	version := j.Extractor.Version()
	stale := version
	if j.All {
		stale = ""
	}
	total, err := j.Store.CountStale(ctx, stale)
	if err != nil {
		return sum, err
	}
	var (
		progress *mpb.Progress
		bar      *mpb.Bar
	)
	if j.Progress && total > 0 {
		progress = mpb.New(mpb.WithOutput(stderr), mpb.WithWidth(40))
		bar = progress.AddBar(int64(total),
			mpb.PrependDecorators(decor.Name("reindex "), decor.CountersNoUnit("%d / %d")),
			mpb.AppendDecorators(decor.AverageSpeed(nil, " %.0f/s"), decor.Name(" ETA "), decor.AverageETA(decor.ET_STYLE_GO)),
		)
	}
	defer func() {
		if progress != nil {
			if bar.Completed() {
				progress.Wait()
			} else {
				bar.Abort(false)
				progress.Wait()
			}
		}
	}()
	var afterID int64
	for {
		if ctx.Err() != nil {
			break
		}
		page, err := j.Store.StaleArticles(ctx, stale, afterID, 200)
		if err != nil {
			return sum, err
		}
		if len(page) == 0 {
			break
		}
		afterID = page[len(page)-1].ID
		errs := make([]error, len(page))
		var wg sync.WaitGroup
		next := make(chan int)
		for range workers {
			wg.Go(func() {
				for i := range next {
					errs[i] = j.extract(ctx, page[i], version)
				}
			})
		}
		for i := range page {
			next <- i
		}
		close(next)
		wg.Wait()
		var b claimtrail.Batch
		for i, a := range page {
			if errs[i] != nil {
				if ctx.Err() != nil {
					continue
				}
				b.Errors = append(b.Errors, claimtrail.IngestError{Source: a.Source, Reason: "reindex: " + errs[i].Error()})
				sum.Failed++
				continue
			}
			b.Articles = append(b.Articles, a)
		}
		res, err := j.Store.PutBatch(context.WithoutCancel(ctx), b)
		if err != nil {
			return sum, err
		}
		for _, r := range res {
			if r.Err != nil {
				sum.Failed++
			} else {
				sum.Updated++
			}
		}
		if bar != nil {
			bar.IncrBy(len(page))
		}
	}
	sum.Elapsed = time.Since(start)
	if ctx.Err() != nil {
		return sum, fmt.Errorf("interrupted: %d articles re-extracted and committed; run reindex again to finish", sum.Updated)
	}
	if j.After != nil && sum.Updated > 0 {
		if err := j.After(ctx); err != nil {
			return sum, err
		}
	}
	return sum, nil
}

// extract replaces a's extraction in place; a keeps its id, so PutBatch
// replaces that article whatever its text.
func (j reindexJob) extract(ctx context.Context, a *claimtrail.Article, version string) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("extractor panicked: %v", p)
		}
	}()
	x, err := j.Extractor.Extract(ctx, a.Text)
	if err != nil {
		return err
	}
	a.Attributions = x.Attributions
	a.Markers = x.Markers
	if x.Language != "" {
		a.Language = x.Language
	}
	a.ExtractorVersion = version
	return nil
}
