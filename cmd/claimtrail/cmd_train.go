package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/eval"
	"github.com/claimtrail/claimtrail/extract"
	"github.com/claimtrail/claimtrail/syntax"
)

// TrainCmd groups the training commands. Training is deterministic: the
// same data and flags give byte-identical model files.
type TrainCmd struct {
	Syntax      TrainSyntaxCmd      `cmd:"" help:"Train the POS tagger, entity tagger and dependency parser on PolNeAR train's CoreNLP parses."`
	Attribution TrainAttributionCmd `cmd:"" help:"Train the attribution model (cue tagger, content and source rankers) on PolNeAR train."`
	Statement   TrainStatementCmd   `cmd:"" help:"Train the statement filter (is this attribution speech or thought at all?) on PolNeAR train; threshold chosen on dev."`
}

// TrainSyntaxCmd trains syntax/models/*. Run it before train attribution:
// the attribution model is trained on what these models produce.
type TrainSyntaxCmd struct {
	Train string `help:"Folder of CoNLL-U files to train on." default:"../shared/data/polnear/train/corenlp" type:"path"`
	Dev   string `help:"Folder of CoNLL-U files to report accuracy on (empty: skip)." default:"../shared/data/polnear/dev/corenlp"`
	Out   string `help:"Where to write the model files." default:"syntax/models" type:"path"`
}

func (c *TrainSyntaxCmd) Help() string {
	return "Example (then rebuild, then retrain the attribution model):\n  claimtrail train syntax && go build ./cmd/claimtrail && claimtrail train attribution"
}

func (c *TrainSyntaxCmd) Run(ctx context.Context) error {
	return syntax.Train(ctx, c.Train, c.Dev, c.Out, os.Stderr)
}

// TrainAttributionCmd trains extract/models/attribution.model.gz.
type TrainAttributionCmd struct {
	Train  string `help:"PolNeAR train split directory." default:"../shared/data/polnear/train" type:"path"`
	Dev    string `help:"PolNeAR dev split to score the new model on (empty: skip)." default:"../shared/data/polnear/dev"`
	Out    string `help:"Where to write the model (default extract/models/attribution.model.gz; attribution-fast.model.gz with the global --fast, trained on segmented text only; attribution-accurate.model.gz with --accurate, trained on parsed text)."`
	Epochs int    `help:"Training passes." default:"8"`
	Seed   uint64 `help:"Shuffling seed." default:"1"`
	Bits   uint   `help:"log2 of each weight table's size (larger collides less; only the non-zero weights are kept in memory)." default:"21"`
	Bags   int    `help:"Models trained with successive seeds and averaged." default:"1"`
	// CueBias trades cue precision for recall.
	CueBias []float32 `help:"Bias added to starting a cue; with several values, each is scored on dev and the best kept." default:"0"`
}

func (c *TrainAttributionCmd) Help() string {
	return "Example:\n  claimtrail train attribution --train ../shared/data/polnear/train --dev ../shared/data/polnear/dev"
}

func (c *TrainAttributionCmd) Run(ctx context.Context) error {
	if c.Out == "" {
		c.Out = "extract/models/attribution.model.gz"
		if extractionMode != extract.ModeDefault {
			c.Out = "extract/models/attribution-" + extractionMode.String() + ".model.gz"
		}
	}
	m, err := extract.TrainAttribution(ctx, c.Train, attribute.TrainOptions{Epochs: c.Epochs, Seed: c.Seed, Bits: c.Bits, Bags: c.Bags}, extractionMode, os.Stderr)
	if err != nil {
		return err
	}
	if len(c.CueBias) > 1 && c.Dev != "" {
		best, bestF := c.CueBias[0], -1.0
		for _, b := range c.CueBias {
			m.SetCueBias(b)
			ex, err := c.extractor(m)
			if err != nil {
				return err
			}
			rep, err := eval.PolNeAR(ctx, c.Dev, ex, 0)
			if err != nil {
				return err
			}
			f := 0.0
			for _, rc := range rep.Total {
				f += rc.ExactPRF().F1
			}
			fmt.Fprintf(os.Stderr, "cue bias %.2f: mean exact F1 %.2f\n", b, 100*f/3)
			if f > bestF {
				best, bestF = b, f
			}
		}
		m.SetCueBias(best)
	} else if len(c.CueBias) == 1 {
		m.SetCueBias(c.CueBias[0])
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(c.Out), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(c.Out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write model: %w", err)
	}
	fmt.Fprintf(os.Stderr, "wrote %s (%d bytes)\n", c.Out, buf.Len())
	if c.Dev == "" {
		return nil
	}
	ex, err := c.extractor(m)
	if err != nil {
		return err
	}
	rep, err := eval.PolNeAR(ctx, c.Dev, ex, 0)
	if err != nil {
		return err
	}
	return printDevScores(os.Stdout, rep)
}

func (c *TrainAttributionCmd) extractor(m *attribute.Model) (*extract.Extractor, error) {
	e, err := extract.NewModeWithModel(extractionMode, m)
	if err != nil {
		return nil, err
	}
	// scored on PolNeAR dev, which annotates stances as well
	return e.WithStances(true), nil
}

// printDevScores prints exact and overlap P/R/F1 per role.
func printDevScores(w *os.File, rep *eval.Report) error {
	names := []string{"source", "cue", "content"}
	fmt.Fprintf(w, "%-8s %7s %7s %7s   %7s %7s %7s\n", "role", "P", "R", "F1", "oP", "oR", "oF1")
	for r, c := range rep.Total {
		e, o := c.ExactPRF(), c.OverlapPRF()
		fmt.Fprintf(w, "%-8s %7.1f %7.1f %7.1f   %7.1f %7.1f %7.1f\n", names[r], 100*e.Precision, 100*e.Recall, 100*e.F1, 100*o.Precision, 100*o.Recall, 100*o.F1)
	}
	return nil
}
