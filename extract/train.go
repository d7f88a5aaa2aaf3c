package extract

import (
	"context"
	"fmt"
	"io"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/polnear"
)

// TrainAttribution trains the attribution model on a PolNeAR split
// directory, preparing each text with the same pipeline Extract uses so
// that training sees what extraction will see.
//
// Texts are prepared as the extractor of mode sees them (segmented only
// in the fast mode, tagged by default, also parsed in the accurate mode).
func TrainAttribution(ctx context.Context, dir string, opt attribute.TrainOptions, mode Mode, log io.Writer) (*attribute.Model, error) {
	e := &Extractor{mode: mode}
	if mode != ModeFast {
		syn, err := loadSyntax(mode == ModeAccurate)
		if err != nil {
			return nil, err
		}
		e.syntax = syn
	}
	docs, err := polnear.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("train: %w", err)
	}
	return e.trainOn(ctx, docs, opt, log)
}

// trainOn trains an attribution model on docs, prepared by e.
func (e *Extractor) trainOn(ctx context.Context, docs []polnear.Document, opt attribute.TrainOptions, log io.Writer) (*attribute.Model, error) {
	exs := make([]attribute.Example, 0, len(docs))
	var total, aligned [3]int
	for i := range docs {
		pd := &docs[i]
		d := e.Prepare(pd.Text)
		ex := attribute.Example{Doc: d}
		for _, a := range pd.Attributions {
			var g attribute.Gold
			ok := true
			for role, sp := range []*polnear.Span{a.Source, a.Cue, a.Content} {
				if sp == nil {
					if role == 1 {
						ok = false
					}
					continue
				}
				total[role]++
				r, good := attribute.Align(d, sp.ByteStart, sp.ByteEnd)
				if !good {
					if role == 1 {
						ok = false
					}
					continue
				}
				aligned[role]++
				switch role {
				case 0:
					g.Source = r
				case 1:
					g.Cue = r
				case 2:
					g.Content = r
				}
			}
			if ok {
				ex.Gold = append(ex.Gold, g)
			}
		}
		exs = append(exs, ex)
	}
	if log != nil {
		fmt.Fprintf(log, "train: %d documents; spans aligned to tokens: source %d/%d, cue %d/%d, content %d/%d\n",
			len(exs), aligned[0], total[0], aligned[1], total[1], aligned[2], total[2])
	}
	return attribute.Train(ctx, exs, opt, log)
}
