package main

import (
	"context"
	"fmt"
	"os"

	"github.com/claimtrail/claimtrail/eval"
)

// EvalClustersCmd scores quote clustering on a gold file of utterances.
type EvalClustersCmd struct {
	Dir       string `arg:"" type:"existingdir" help:"BASIL split directory, e.g. ../shared/data/basil/dev."`
	Gold      string `type:"existingfile" default:"testdata/basil-dev-utterances.gold.jsonl" help:"Gold utterance clusters (JSONL: cluster, file, start, end, sha1)."`
	Output    string `short:"o" help:"Output format: text or json." enum:"text,json" default:"text"`
	Misses    bool   `help:"Also list every pair scored wrong (split: same utterance kept apart; joined: different utterances put together), with their gold utterances, and the split pairs per utterance."`
	TextJoins bool   `name:"text-joins" default:"true" negatable:"" help:"Join an article's pieces of one speaker when the article's words between them are only a cue, as the stores do (--no-text-joins: from the cue spans alone)."`
}

// Help shows an example.
func (c *EvalClustersCmd) Help() string {
	return `Extracts every article of the split, clusters the direct and mixed quotes
as the store does, and prints pairwise precision and recall of
same-utterance pairs over the quotes the gold file lists (by file and
code-point offsets; see testdata/basil-dev-utterances.README.md).

Example:

    claimtrail eval clusters ../shared/data/basil/dev`
}

// Run extracts, clusters and scores.
func (c *EvalClustersCmd) Run(ctx context.Context) error {
	ex, err := newExtractor()
	if err != nil {
		return fmt.Errorf("load extractor: %w", err)
	}
	rep, err := eval.ClustersWith(ctx, c.Dir, c.Gold, ex, eval.ClusterOptions{Misses: c.Misses, TextJoins: c.TextJoins})
	if err != nil {
		return fmt.Errorf("eval clusters %s: %w", c.Dir, err)
	}
	return writeReport(os.Stdout, c.Output, rep, rep.WriteText)
}
