package main

import (
	"context"
	"fmt"
	"os"

	"github.com/claimtrail/claimtrail/eval"
	"github.com/claimtrail/claimtrail/ingest"
)

// EvalQualifiersCmd counts what the qualify step attaches: relays, markers
// and channels per 1,000 attributions. There is no gold for them on real
// news; the counts are compared before and after a rule change, and the
// output sampled by hand.
type EvalQualifiersCmd struct {
	Sources   []string `arg:"" name:"source" help:"Files or folders of articles, read as claimtrail extract reads them; with --extracted, JSONL files written by claimtrail extract."`
	Extracted bool     `help:"The sources are claimtrail extract output (one JSON object per line), e.g. from an older binary; nothing is extracted."`
	Output    string   `short:"o" help:"Output format: text or json." enum:"text,json" default:"text"`
}

// Help shows an example.
func (c *EvalQualifiersCmd) Help() string {
	return "Example:\n\n    claimtrail eval qualifiers ../shared/data/bbc ../shared/data/ptc\n" +
		"    claimtrail extract ../shared/data/bbc >old.jsonl && claimtrail eval qualifiers --extracted old.jsonl"
}

// Run extracts (or reads) the sources and prints the counts.
func (c *EvalQualifiersCmd) Run(ctx context.Context) error {
	st := eval.NewQualifierStats()
	if c.Extracted {
		for _, p := range c.Sources {
			f, err := os.Open(p)
			if err != nil {
				return fmt.Errorf("eval qualifiers: %w", err)
			}
			err = st.AddJSONL(f, p)
			f.Close()
			if err != nil {
				return err
			}
		}
		return writeReport(stdout, c.Output, st, st.WriteText)
	}
	ex, err := newExtractor()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	err = ingest.Walk(ctx, c.Sources, ingest.Options{}, func(it ingest.Item) error {
		r := extractItem(ctx, ex, it)
		if r.Error != "" {
			fmt.Fprintf(stderr, "claimtrail: %s: %s\n", r.File, r.Error)
		}
		st.Add(r.Extraction)
		return ctx.Err()
	})
	if err != nil {
		return fmt.Errorf("eval qualifiers: %w", err)
	}
	return writeReport(stdout, c.Output, st, st.WriteText)
}
