package attribute

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/claimtrail/claimtrail/doc"
)

// TestRankRuns: rank gives the same best, margin and scores (to the bit)
// over the content candidates of cues in 40 BBC articles, untagged and
// tagged, whether or not they carry their runs (cand.ends, cand.starts:
// pruneEnds and pruneStarts), and over the sources of its best two; runs
// that rule candidates out are met, on both sides. It fails when a run's
// walk reads one end or start past the candidate it stands for.
func TestRankRuns(t *testing.T) {
	docs := bbcDocs(t, 40)
	m := shippedModel(t)
	rng := rand.New(rand.NewPCG(7, 8))
	buf := new(spanBuf)
	var bySide [numSides + 1]int
	rank := func(v *view, role int, lm *linear, c Range, cands []cand, cw uint64) (int, float32, []float32) {
		buf.newCue()
		best, margin := v.rank(role, lm, c, cands, buf, cw)
		return best, margin, slices.Clone(buf.scores)
	}
	check := func(v *view, role int, lm *linear, c Range, cands []cand, cw uint64) {
		plain := slices.Clone(cands)
		for i := range plain {
			plain[i].ends, plain[i].starts = 0, 0
		}
		wantBest, wantMargin, want := rank(v, role, lm, c, plain, cw)
		best, margin, got := rank(v, role, lm, c, cands, cw)
		if best != wantBest || math.Float32bits(margin) != math.Float32bits(wantMargin) {
			t.Fatalf("role %d cue %v: best %d margin %v, want %d %v", role, c, best, margin, wantBest, wantMargin)
		}
		for i := range got {
			if math.Float32bits(got[i]) != math.Float32bits(want[i]) {
				t.Fatalf("role %d cue %v candidate %d %v: score %v, want %v", role, c, i, cands[i], got[i], want[i])
			}
			if math.IsInf(float64(got[i]), -1) && (cands[i].ends > 0 || cands[i].starts > 0) {
				bySide[cands[i].side]++
			}
		}
	}
	for _, tagged := range []bool{false, true} {
		for _, d := range docs {
			for i := range d.Tokens {
				d.Tokens[i].POS = ""
				if tagged {
					d.Tokens[i].POS = []string{"NN", "VBD", "DT", "IN", "NNP", "RB"}[i%6]
				}
			}
		}
		eachRandomCue(docs, rng, func(v *view, _ doc.Sentence, c Range, cw uint64) {
			contents := v.contentCands(c, nil)
			if len(contents) == 0 {
				return
			}
			check(v, roleContent, m.content, c, contents, cw)
			buf.newCue()
			v.rank(roleContent, m.content, c, contents, buf, cw)
			for _, ci := range topK(slices.Clone(buf.scores), 2, nil) {
				sources := append(v.sourceCands(c, contents[ci].pieces(), nil), cand{side: sideNull})
				check(v, roleSource, m.source, c, sources, cw)
			}
		})
	}
	for i := range docs {
		for k := range docs[i].Tokens {
			docs[i].Tokens[k].POS = ""
		}
	}
	if bySide[sideRight] == 0 || bySide[sideLeft] == 0 {
		t.Fatalf("candidates of runs ruled out by side: %v", bySide)
	}
	t.Logf("candidates of runs ruled out by side: %v", bySide)
}
