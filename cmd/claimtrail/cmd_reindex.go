package main

import (
	"context"
	"fmt"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"

	"github.com/claimtrail/claimtrail/ingest"
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
	// The version is read now: the service drops the extractor before
	// clustering (ReleaseExtractor), and nothing here may keep it; the
	// cluster step collects more often (FinishGC), as in ingest.
	version := ext.Version()
	svc := &ingest.Service{Store: st, Extractor: ext, Workers: c.Workers, OnExtract: observeExtraction, ReleaseExtractor: true, FinishGC: stepGC}
	var (
		progress *mpb.Progress
		bar      *mpb.Bar
	)
	if isTerminal(stderr) {
		svc.OnDiscover = func(total int64) {
			if total == 0 {
				return
			}
			progress = mpb.New(mpb.WithOutput(stderr), mpb.WithWidth(40))
			bar = progress.AddBar(total,
				mpb.PrependDecorators(decor.Name("reindex "), decor.CountersNoUnit("%d / %d")),
				mpb.AppendDecorators(decor.AverageSpeed(nil, " %.0f/s"), decor.Name(" ETA "), decor.AverageETA(decor.ET_STYLE_GO)),
			)
		}
	}
	svc.OnResult = func(r ingest.Result) {
		observeResult(r)
		if bar != nil {
			bar.Increment()
		}
	}
	sum, err := svc.Reindex(ctx, c.All)
	if progress != nil {
		if !bar.Completed() {
			bar.Abort(false)
		}
		progress.Wait()
	}
	fmt.Fprintf(stdout, "reindexed %d, failed %d with extractor %s (%s)\n", sum.Updated, sum.Failed, version, sum.Elapsed.Round(time.Millisecond))
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return fmt.Errorf("%d articles failed to re-extract (claimtrail errors lists them)", sum.Failed)
	}
	return nil
}
