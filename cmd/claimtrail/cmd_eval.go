package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/eval"
)

// EvalCmd scores the extractor; see package eval for how.
type EvalCmd struct {
	Polnear  EvalPolnearCmd  `cmd:"" help:"Score on a PolNeAR split directory (DIR/text, DIR/attributions): P/R/F1 per role, exact and overlap, per publisher."`
	Expected EvalExpectedCmd `cmd:"" help:"Check against a hand-made reference answer (FILE.expected.json): found, wrong speakers, extras, photo-credit sources."`
	Basil    EvalBasilCmd    `cmd:"" help:"Score on BASIL (DIR/quotes.jsonl, DIR/text): marked quotes found and their speakers, on real news."`
	Clusters EvalClustersCmd `cmd:"" help:"Score quote clustering (trails) on a gold file of utterances: pairwise precision and recall."`
	// Qualifiers is in cmd_eval_qualifiers.go.
	Judged     EvalJudgedCmd     `cmd:"" help:"Precision on hand-judged real news pages (testdata/judged), and what is still unjudged."`
	Qualifiers EvalQualifiersCmd `cmd:"" help:"Count relays, reporter markers and channels per 1,000 attributions over articles (or over extract output)."`
}

// EvalBasilCmd scores quote recall and speakers on a BASIL split.
type EvalBasilCmd struct {
	Dir    string `arg:"" type:"existingdir" help:"BASIL split directory, e.g. ../shared/data/basil/dev."`
	Output string `short:"o" help:"Output format: text or json." enum:"text,json" default:"text"`
	Misses bool   `help:"Also list every marked quote not found or given the wrong speaker."`
}

// Help shows an example.
func (c *EvalBasilCmd) Help() string {
	return "BASIL marks only some quotes, so this measures recall and speaker\naccuracy, not precision; speakers are judged on named persons.\n\nExample:\n\n    claimtrail eval basil --misses ../shared/data/basil/dev"
}

// Run extracts the split's articles and prints the scores.
func (c *EvalBasilCmd) Run(ctx context.Context) error {
	ex, err := newExtractor()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	rep, err := eval.Basil(ctx, c.Dir, ex)
	if err != nil {
		return fmt.Errorf("eval basil %s: %w", c.Dir, err)
	}
	if err := writeReport(os.Stdout, c.Output, rep, rep.WriteText); err != nil {
		return err
	}
	if c.Misses && c.Output != "json" {
		return rep.WriteMisses(os.Stdout)
	}
	return nil
}

// EvalPolnearCmd scores the extractor on a PolNeAR split.
type EvalPolnearCmd struct {
	Dir     string `arg:"" type:"existingdir" help:"PolNeAR split directory, e.g. ../shared/data/polnear/dev."`
	Workers int    `help:"Documents extracted at once (0: one per core)." default:"0"`
	Output  string `short:"o" help:"Output format: text or json." enum:"text,json" default:"text"`
	View    string `help:"What to score: polnear (PolNeAR's definition: stances, wishes, plans and actions of a source too, as with --stances) or statements (the default output: statements and thoughts only)." enum:"polnear,statements" default:"polnear"`
}

// Run scores the split and prints the report.
func (c *EvalPolnearCmd) Run(ctx context.Context) error {
	ex, err := newExtractor()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	// PolNeAR annotates stances as attributions: its scores are of that
	// view unless the statements view is asked for
	ex = ex.WithStances(c.View == "polnear" || extractionStances)
	if c.Output != "json" {
		fmt.Fprintf(os.Stdout, "view: %s (extractor %s)\n", c.View, ex.Version())
	}
	rep, err := eval.PolNeAR(ctx, c.Dir, ex, c.Workers)
	if err != nil {
		return fmt.Errorf("eval %s: %w", c.Dir, err)
	}
	return writeReport(os.Stdout, c.Output, rep, rep.WriteText)
}

// EvalExpectedCmd checks the extractor against a reference answer.
type EvalExpectedCmd struct {
	File   string `arg:"" type:"existingfile" help:"Reference answer, e.g. ../shared/data/seed/helsinki-midterms.expected.json; its \"article\" field names the text, relative to it."`
	Output string `short:"o" help:"Output format: text or json." enum:"text,json" default:"text"`
	Strict bool   `help:"Exit with an error unless every reference is found with the right speaker and no prediction breaks a rule (for CI)."`
}

// Run extracts the reference's article and prints the check.
func (c *EvalExpectedCmd) Run(ctx context.Context) error {
	ref, text, err := eval.ReadExpected(c.File)
	if err != nil {
		return err
	}
	ex, err := newExtractor()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	out, err := ex.Extract(ctx, text)
	if err != nil {
		return fmt.Errorf("extract %s: %w", ref.Article, err)
	}
	rep := eval.CheckExpected(ref, text, out)
	if err := writeReport(os.Stdout, c.Output, rep, rep.WriteText); err != nil {
		return err
	}
	if c.Strict && (rep.Found < rep.Total || len(rep.Violations) > 0) {
		return fmt.Errorf("%s: found %d/%d, %d violations", c.File, rep.Found, rep.Total, len(rep.Violations))
	}
	return nil
}

// writeReport writes v as indented JSON or through its text writer.
func writeReport(w io.Writer, format string, v any, text func(io.Writer) error) error {
	switch format {
	case "json":
		enc := json.NewEncoder(w)
		enc.SetIndent("", "  ")
		return enc.Encode(v)
	case "text", "":
		return text(w)
	}
	return claimtrail.Errorf(claimtrail.EINVALID, "unknown output format %q", format)
}
