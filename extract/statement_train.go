package extract

import (
	"context"
	"fmt"
	"io"
	"math"
	"math/rand/v2"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/polnear"
)

// StatementTrainOptions tune the statement model's training.
type StatementTrainOptions struct {
	Epochs int     // passes over the examples (default 20)
	Rate   float64 // initial learning rate (default 0.1)
	L2     float64 // L2 penalty per example (default 1e-4)
	Seed   uint64  // shuffling seed
	// Folds is how many parts train is cut into (default 2): each part's
	// examples come from an attribution model trained on the others, so
	// that they show the mistakes extraction makes on unseen text (the
	// embedded model, trained on all of train, finds train's gold cues
	// 96% of the time and would leave almost no negatives).
	Folds int
	// MinCount drops features seen in fewer examples (default 5): the
	// words around one speaker's cues ("prev=NAME") learn that article,
	// not English.
	MinCount int
	// AttributionEpochs trains those attribution models (default 8, as
	// train attribution).
	AttributionEpochs int
}

// TrainStatement trains the statement filter's logistic regression on a
// PolNeAR split: each document is extracted, with the filter off, by an
// extractor of mode whose attribution model was trained on the other
// folds, and each attribution with a cue is a positive example when its
// cue overlaps a gold cue, else a negative one.
// The returned model's threshold is 0 (it drops nothing): the caller
// chooses it on dev (claimtrail train statement).
func TrainStatement(ctx context.Context, dir string, mode Mode, opt StatementTrainOptions, log io.Writer) (*StatementModel, error) {
	if opt.Epochs <= 0 {
		opt.Epochs = 20
	}
	if opt.Rate <= 0 {
		opt.Rate = 0.1
	}
	if opt.L2 <= 0 {
		opt.L2 = 1e-4
	}
	if opt.Folds < 2 {
		opt.Folds = 2
	}
	if opt.MinCount <= 0 {
		opt.MinCount = 5
	}
	if opt.AttributionEpochs <= 0 {
		opt.AttributionEpochs = 8
	}
	docs, err := polnear.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("train statement: %w", err)
	}
	prep := &Extractor{mode: mode}
	if mode != ModeFast {
		if prep.syntax, err = loadSyntax(mode == ModeAccurate); err != nil {
			return nil, err
		}
	}
	type example struct {
		fs []feature
		y  float64
	}
	var exs []example
	pos := 0
	for fold := range opt.Folds {
		var rest, held []polnear.Document
		for i := range docs {
			if i%opt.Folds == fold {
				held = append(held, docs[i])
			} else {
				rest = append(rest, docs[i])
			}
		}
		am, err := prep.trainOn(ctx, rest, attribute.TrainOptions{Epochs: opt.AttributionEpochs, Seed: opt.Seed + 1}, nil)
		if err != nil {
			return nil, fmt.Errorf("train statement: fold %d: %w", fold, err)
		}
		ex, err := NewModeWithModel(mode, am)
		if err != nil {
			return nil, err
		}
		// candidates as PolNeAR sees them: stances too (stance.go)
		ex = ex.WithStances(true)
		for i := range held {
			pd := &held[i]
			var cands []statementCandidate
			cctx := withStatementCollector(ctx, func(c statementCandidate) { cands = append(cands, c) })
			if _, err := ex.Extract(cctx, pd.Text); err != nil {
				return nil, fmt.Errorf("train statement: extract %s: %w", pd.Name, err)
			}
			for _, c := range cands {
				y := 0.0
				for _, g := range pd.Attributions {
					if g.Cue != nil && g.Cue.Start < c.Att.Cue.End && c.Att.Cue.Start < g.Cue.End && contentMeets(&g, c.Att.Content) {
						y = 1
						break
					}
				}
				pos += int(y)
				exs = append(exs, example{c.Features, y})
			}
		}
		if log != nil {
			fmt.Fprintf(log, "train statement: fold %d of %d: %d documents held out, %d examples so far\n", fold+1, opt.Folds, len(held), len(exs))
		}
	}
	if len(exs) == 0 {
		return nil, fmt.Errorf("train statement: %s gave no attributions to learn from", dir)
	}
	if log != nil {
		fmt.Fprintf(log, "train statement: %d documents, %d attributions with a cue, %d of them match a gold cue and its content\n", len(docs), len(exs), pos)
	}
	count := map[string]int{}
	for _, e := range exs {
		for _, f := range e.fs {
			count[f.name]++
		}
	}
	for i, e := range exs {
		kept := e.fs[:0]
		for _, f := range e.fs {
			if count[f.name] >= opt.MinCount {
				kept = append(kept, f)
			}
		}
		exs[i].fs = kept
	}
	m := &StatementModel{weights: map[string]float64{}}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5ca1ab1e))
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	for epoch := range opt.Epochs {
		rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
		rate := opt.Rate / (1 + float64(epoch))
		loss := 0.0
		for _, i := range order {
			e := exs[i]
			p := m.prob(e.fs)
			loss -= e.y*math.Log(max(p, 1e-12)) + (1-e.y)*math.Log(max(1-p, 1e-12))
			g := p - e.y
			for _, f := range e.fs {
				w := m.weights[f.name]
				m.weights[f.name] = w - rate*(g*f.val+opt.L2*w)
			}
		}
		if log != nil && (epoch == 0 || epoch == opt.Epochs-1) {
			fmt.Fprintf(log, "train statement: epoch %d, mean log loss %.4f\n", epoch+1, loss/float64(len(exs)))
		}
	}
	for k, w := range m.weights {
		if math.Abs(w) < 1e-3 {
			delete(m.weights, k)
		}
	}
	return m, nil
}

// contentMeets reports whether a predicted content overlaps the gold
// attribution's content (any of its arguments): a right cue with the
// wrong words ("officials said late Thursday", content "late Thursday")
// is no statement a reader can use. An attribution whose gold has no
// content only needs its cue.
func contentMeets(g *polnear.Attribution, content []claimtrail.Span) bool {
	golds := make([]*polnear.Span, 0, 1+len(g.ExtraContent))
	if g.Content != nil {
		golds = append(golds, g.Content)
	}
	golds = append(golds, g.ExtraContent...)
	if len(golds) == 0 {
		return true
	}
	for _, gs := range golds {
		for _, c := range content {
			if gs.Start < c.End && c.Start < gs.End {
				return true
			}
		}
	}
	return false
}
