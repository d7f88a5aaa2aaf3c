package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/decode"
	"github.com/claimtrail/claimtrail/eval"
)

// BenchCmd measures extraction speed and memory over a corpus, against a
// bare tokenisation pass over the same files measured in the same command
// so that the two can be compared on whatever machine runs it.
type BenchCmd struct {
	Dirs    []string `arg:"" optional:"" type:"path" help:"Files or directories of plain-text articles (default: ../shared/data/bbc)."`
	Runs    int      `help:"Passes over the corpus; the median is reported." default:"1"`
	Workers int      `help:"Articles processed at once (the speed bar is for one)." default:"1"`
	Output  string   `short:"o" help:"Output format: text or json." enum:"text,json" default:"text"`
}

// defaultBenchDir is the BBC corpus beside the repository.
const defaultBenchDir = "../shared/data/bbc"

// Run streams the corpus through a tokenisation pass and then through the
// extractor, and prints both.
func (c *BenchCmd) Run(ctx context.Context) error {
	dirs := c.Dirs
	if len(dirs) == 0 {
		if _, err := os.Stat(defaultBenchDir); err != nil {
			return claimtrail.Errorf(claimtrail.EINVALID, "no corpus given and %s is absent: pass a directory of plain-text articles", defaultBenchDir)
		}
		dirs = []string{defaultBenchDir}
	}
	ex, err := newExtractor()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	opts := eval.BenchOptions{Paths: dirs, Workers: c.Workers, Runs: c.Runs, Decode: decode.Text}

	// The baseline runs first: max RSS never decreases, so the extractor's
	// figure then includes the baseline's, not the other way round.
	var tokens atomic.Int64 // kept so that the pass is not optimised away
	tokenise := func(_ context.Context, text string) error {
		tokens.Add(int64(len(strings.Fields(text))))
		return nil
	}
	base, err := eval.Bench(ctx, "tokenise", opts, tokenise)
	if err != nil {
		return err
	}
	full, err := eval.Bench(ctx, "extract", opts, func(ctx context.Context, text string) error {
		_, err := ex.Extract(ctx, text)
		return err
	})
	if err != nil {
		return err
	}
	passes := []*eval.BenchResult{base, full}
	return writeReport(os.Stdout, c.Output, map[string]any{"corpus": absPaths(dirs), "passes": passes},
		func(w io.Writer) error {
			fmt.Fprintf(w, "corpus: %s (extractor %s)\n", strings.Join(dirs, ", "), ex.Version())
			return eval.WriteBenchText(w, passes)
		})
}

func absPaths(ps []string) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		if a, err := filepath.Abs(p); err == nil {
			p = a
		}
		out[i] = p
	}
	return out
}
