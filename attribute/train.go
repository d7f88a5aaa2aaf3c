package attribute

import (
	"context"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"

	"github.com/claimtrail/claimtrail/doc"
)

// Gold is one annotated attribution in token ranges. Source is empty when
// the attribution has no written source.
type Gold struct {
	Source, Cue, Content Range
}

// Example is one training article: a segmented (and tagged, parsed) Doc
// and its gold attributions.
type Example struct {
	Doc  *doc.Doc
	Gold []Gold
}

// Align maps a byte span to the token range that covers exactly it, after
// trimming white space; ok is false when no token boundary matches.
func Align(d *doc.Doc, start, end int) (Range, bool) {
	for start < end && isSpaceByte(d.Text[start]) {
		start++
	}
	for end > start && isSpaceByte(d.Text[end-1]) {
		end--
	}
	if start >= end {
		return Range{}, false
	}
	toks := d.Tokens
	s := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= start })
	if s == len(toks) || toks[s].Start != start {
		return Range{}, false
	}
	e := sort.Search(len(toks), func(i int) bool { return toks[i].End >= end })
	if e == len(toks) || toks[e].End != end {
		return Range{}, false
	}
	return Range{s, e + 1}, true
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' || b == '\r' }

// TrainOptions controls training.
type TrainOptions struct {
	Epochs int    // passes over the data (default 8)
	Seed   uint64 // shuffling seed; the same seed gives the same model
	Bits   uint   // log2 of the weight table size per model (default 20)
	// CueBias is added to the score of starting a cue after training: the
	// perceptron is conservative on rare cues, and a bias tuned on dev
	// trades precision for recall.
	CueBias float32
	// Bags > 1 trains that many models with successive seeds and averages
	// their weights: a cheap ensemble of linear models.
	Bags int
}

func trainBagged(ctx context.Context, exs []Example, opt TrainOptions, log io.Writer) (*Model, error) {
	var sum *Model
	bags := opt.Bags
	opt.Bags = 1
	bias := opt.CueBias
	opt.CueBias = 0
	for b := 0; b < bags; b++ {
		m, err := Train(ctx, exs, opt, log)
		if err != nil {
			return nil, err
		}
		opt.Seed++
		if sum == nil {
			sum = m
			continue
		}
		for _, pair := range [][2]*linear{{sum.cue, m.cue}, {sum.content, m.content}, {sum.source, m.source}} {
			pair[0].packed = nil
			for i, w := range pair[1].W {
				pair[0].W[i] += w
			}
		}
	}
	for _, l := range []*linear{sum.cue, sum.content, sum.source} {
		for i := range l.W {
			l.W[i] /= float32(bags)
		}
	}
	sum.cueBias = 0
	sum.SetCueBias(bias)
	sum.pack()
	return sum, nil
}

// Train learns a Model from examples with averaged perceptrons. It is
// deterministic for a given input order and seed.
func Train(ctx context.Context, exs []Example, opt TrainOptions, log io.Writer) (*Model, error) {
	if opt.Bags > 1 {
		return trainBagged(ctx, exs, opt, log)
	}
	if opt.Epochs <= 0 {
		opt.Epochs = 8
	}
	if opt.Bits == 0 {
		opt.Bits = 20
	}
	m := &Model{cue: newLinear(opt.Bits, numCueLabels), content: newLinear(opt.Bits, 1), source: newLinear(opt.Bits, 1)}
	m.cue.startTraining()
	m.content.startTraining()
	m.source.startTraining()
	views := make([]*view, len(exs))
	golds := make([][]int8, len(exs))
	for i, ex := range exs {
		views[i] = newView(ex.Doc)
		g := make([]int8, len(ex.Doc.Tokens))
		for _, a := range ex.Gold {
			if a.Cue.Empty() || g[a.Cue.Start] != labO {
				continue
			}
			g[a.Cue.Start] = labB
			for k := a.Cue.Start + 1; k < a.Cue.End; k++ {
				g[k] = labI
			}
		}
		golds[i] = g
	}
	order := make([]int, len(exs))
	for i := range order {
		order[i] = i
	}
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5eed))
	var buf spanBuf
	var f []uint64
	var sc [numCueLabels]float32
	for ep := 0; ep < opt.Epochs; ep++ {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		rng.Shuffle(len(order), func(a, b int) { order[a], order[b] = order[b], order[a] })
		var cueErr, cueN, conErr, conN, srcErr, srcN, unreach int
		for _, di := range order {
			v, g := views[di], golds[di]
			// cue tagger
			for _, s := range v.d.Sents {
				prev := labO
				for i := s.First; i < s.Last; i++ {
					f = v.cueFeats(i, prev, f[:0])
					m.cue.scores(f, sc[:])
					best := bestCueLabel(sc[:], prev)
					m.cue.tick()
					cueN++
					if best != int(g[i]) {
						cueErr++
						m.cue.update(f, int(g[i]), 1)
						m.cue.update(f, best, -1)
					}
					prev = int(g[i])
				}
			}
			// span rankers, on gold cues
			for _, a := range exs[di].Gold {
				if a.Cue.Empty() {
					continue
				}
				cw := v.cueHash(a.Cue)
				pieces := []Range{a.Content}
				if !a.Content.Empty() {
					buf.cands = v.contentCands(a.Cue, buf.cands)
					if gi := findCand(buf.cands, a.Content); gi < 0 {
						unreach++
					} else {
						pieces = buf.cands[gi].pieces()
						conN++
						if v.learnRank(roleContent, m.content, a.Cue, buf.cands, gi, &buf, cw) {
							conErr++
						}
					}
				}
				buf.cands = v.sourceCands(a.Cue, pieces, buf.cands)
				buf.cands = append(buf.cands, cand{side: sideNull})
				gi := len(buf.cands) - 1
				if !a.Source.Empty() {
					gi = findCand(buf.cands, a.Source)
				}
				if gi < 0 {
					continue
				}
				srcN++
				if v.learnRank(roleSource, m.source, a.Cue, buf.cands, gi, &buf, cw) {
					srcErr++
				}
			}
		}
		if log != nil {
			fmt.Fprintf(log, "epoch %d: cue token errors %.2f%%, content %.1f%% wrong of %d (%d unreachable), source %.1f%% wrong of %d\n",
				ep+1, pct(cueErr, cueN), pct(conErr, conN), conN, unreach, pct(srcErr, srcN), srcN)
		}
	}
	m.cue.average()
	m.SetCueBias(opt.CueBias)
	m.content.average()
	m.source.average()
	m.pack()
	return m, nil
}

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}

func findCand(cands []cand, r Range) int {
	for i, k := range cands {
		if k.side != sideNull && k.r == r {
			return i
		}
	}
	return -1
}

// SetCueBias adds b to the bias weight of the cue-start label (replacing a
// bias set before).
func (m *Model) SetCueBias(b float32) {
	repack := m.cue.packed != nil
	m.cue.unpack()
	i := int(fhash(tBias)&m.cue.mask)*m.cue.classes + labB
	m.cue.W[i] += b - m.cueBias
	m.cueBias = b
	if repack {
		m.cue.pack()
	}
}

// pack readies the model for inference (see packed).
func (m *Model) pack() {
	for _, l := range []*linear{m.cue, m.content, m.source} {
		l.pack()
	}
}

// learnRank is one perceptron step of a span ranker: rank the candidates
// and, when the best is not the gold one, move the weights from the best's
// features toward gold's. It reports whether the ranker was wrong.
func (v *view) learnRank(role int, lm *linear, c Range, cands []cand, gold int, buf *spanBuf, cw uint64) bool {
	buf.newCue() // the weights changed since the last ranking
	b, _ := v.rank(role, lm, c, cands, buf, cw)
	lm.tick()
	if b == gold {
		return false
	}
	buf.f = v.candFeats(role, c, cands[gold], cw, buf.f[:0])
	lm.update(buf.f, 0, 1)
	buf.f = v.candFeats(role, c, cands[b], cw, buf.f[:0])
	lm.update(buf.f, 0, -1)
	return true
}
