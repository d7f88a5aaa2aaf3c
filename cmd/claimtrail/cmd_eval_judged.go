package main

import (
	"context"
	"fmt"
	"os"

	"github.com/claimtrail/claimtrail/eval"
)

// EvalJudgedCmd scores the output on hand-judged real news pages.
type EvalJudgedCmd struct {
	File   string   `arg:"" type:"existingfile" help:"Label file, e.g. testdata/judged/labels.tsv."`
	Dir    string   `arg:"" type:"existingdir" help:"Folder of the pages: PAGE/source.html (go-readability's test-pages) or PAGE.html."`
	Pages  []string `name:"page" help:"Also extract these pages (to judge them)."`
	List   bool     `help:"Also print the unjudged attributions as label lines to fill in."`
	Output string   `short:"o" help:"Output format: text or json." enum:"text,json" default:"text"`
}

// Help says where the pages are.
func (c *EvalJudgedCmd) Help() string {
	return `Precision is right / judged over the printed attributions that match a
label (same offsets and hash, or the same hash alone when the text moved);
printed attributions with no label are counted as unjudged, not scored.

Example:

    claimtrail eval judged testdata/judged/labels.tsv \
      $(go env GOMODCACHE)/codeberg.org/readeck/go-readability/v2@v2.1.3/test-pages`
}

// Run extracts the labelled pages and prints the report.
func (c *EvalJudgedCmd) Run(ctx context.Context) error {
	f, err := os.Open(c.File)
	if err != nil {
		return fmt.Errorf("eval judged: %w", err)
	}
	labels, err := eval.ReadJudgements(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("eval judged %s: %w", c.File, err)
	}
	ex, err := newExtractor()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	rep, err := eval.Judged(ctx, labels, c.Pages, c.Dir, ex, c.List)
	if err != nil {
		return fmt.Errorf("eval judged %s: %w", c.File, err)
	}
	return writeReport(os.Stdout, c.Output, rep, rep.WriteText)
}
