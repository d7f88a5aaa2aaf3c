package main

import (
	"context"
	"fmt"
	"os"

	"github.com/claimtrail/claimtrail/eval"
	"github.com/claimtrail/claimtrail/extract"
)

// TrainStatementCmd trains extract/models/statement.model, the filter
// that drops attributions which report no statement. Run it after train
// attribution: it learns from what the embedded models find.
type TrainStatementCmd struct {
	Train  string    `help:"PolNeAR train split directory." default:"../shared/data/polnear/train" type:"path"`
	Dev    string    `help:"PolNeAR dev split on which the threshold is chosen." default:"../shared/data/polnear/dev" type:"path"`
	Out    string    `help:"Where to write the model." default:"extract/models/statement.model" type:"path"`
	Epochs int       `help:"Training passes." default:"20"`
	Seed   uint64    `help:"Shuffling seed." default:"1"`
	Folds  int       `help:"Train is cut in this many parts; each part's examples come from an attribution model trained on the others." default:"2"`
	Try    []float64 `help:"Thresholds scored on dev." default:"0.3,0.4,0.45,0.5,0.55,0.6"`
	// TryOther are the thresholds tried, above the first, for cues whose
	// verb is neither a communication nor a cognition verb.
	TryOther []float64 `help:"Thresholds scored on dev for cues that are no communication or cognition verb (each above the general one)." default:"0,0.6,0.7,0.8,0.9"`
	// MaxLoss bounds what the filter may cost on dev: of the threshold
	// pairs whose exact F1 for each role is within MaxLoss points of no
	// filter, it takes the one with the best mean exact precision, trading
	// a little recall for precision.
	MaxLoss float64 `help:"Largest drop of any role's dev exact F1 (points) the chosen threshold may cost against no filter." default:"0.3"`
}

func (c *TrainStatementCmd) Help() string {
	return "Example (then rebuild: the model is embedded):\n  claimtrail train statement && go build ./cmd/claimtrail"
}

func (c *TrainStatementCmd) Run(ctx context.Context) error {
	ex, err := extract.NewMode(extractionMode)
	if err != nil {
		return err
	}
	ex = ex.WithStances(true) // PolNeAR dev annotates stances as well
	m, err := extract.TrainStatement(ctx, c.Train, extractionMode, extract.StatementTrainOptions{Epochs: c.Epochs, Seed: c.Seed, Folds: c.Folds}, os.Stderr)
	if err != nil {
		return err
	}
	// no filter first: the reference the others are held to
	m.Threshold = 0
	base, err := c.devF1(ctx, ex, m)
	if err != nil {
		return err
	}
	bestT, bestO, bestP := 0.0, 0.0, -1.0
	fmt.Fprintf(os.Stdout, "%9s %6s  %-22s %-22s %-22s\n", "threshold", "other", "source P/R/F1", "cue P/R/F1", "content P/R/F1")
	for _, t := range c.Try {
		for _, o := range c.TryOther {
			if o != 0 && o <= t {
				continue
			}
			m.Threshold, m.OtherThreshold = t, o
			rep, err := c.devReport(ctx, ex, m)
			if err != nil {
				return err
			}
			ok, p := true, 0.0
			fmt.Fprintf(os.Stdout, "%9.2f %6.2f", t, o)
			for r, rc := range rep.Total {
				e := rc.ExactPRF()
				fmt.Fprintf(os.Stdout, "  %5.1f %5.1f %5.2f    ", 100*e.Precision, 100*e.Recall, 100*e.F1)
				if 100*(base[r]-e.F1) > c.MaxLoss {
					ok = false
				}
				p += e.Precision / 3
			}
			fmt.Fprintln(os.Stdout)
			if ok && p > bestP {
				bestT, bestO, bestP = t, o, p
			}
		}
	}
	m.Threshold, m.OtherThreshold = bestT, bestO
	if err := os.WriteFile(c.Out, m.Bytes(), 0o644); err != nil {
		return fmt.Errorf("write statement model: %w", err)
	}
	fmt.Fprintf(os.Stderr, "threshold %.2f, for other verbs %.2f; wrote %s\n", bestT, bestO, c.Out)
	return nil
}

func (c *TrainStatementCmd) devReport(ctx context.Context, ex *extract.Extractor, m *extract.StatementModel) (*eval.Report, error) {
	rep, err := eval.PolNeAR(extract.WithStatementModel(ctx, m), c.Dev, ex, 0)
	if err != nil {
		return nil, fmt.Errorf("train statement: score dev: %w", err)
	}
	return rep, nil
}

func (c *TrainStatementCmd) devF1(ctx context.Context, ex *extract.Extractor, m *extract.StatementModel) ([3]float64, error) {
	var f [3]float64
	rep, err := c.devReport(ctx, ex, m)
	if err != nil {
		return f, err
	}
	for r, rc := range rep.Total {
		f[r] = rc.ExactPRF().F1
	}
	return f, nil
}
