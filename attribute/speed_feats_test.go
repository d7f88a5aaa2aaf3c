package attribute

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/claimtrail/claimtrail/doc"
)

// startFeatsRef and endFeatsRef are startFeats and endFeats as they were
// before they wrote their features straight into f (one append of a dozen
// values kept them all in registers and on the stack first).
func (v *view) startFeatsRef(role int, c Range, side int, s int, cw uint64, f []uint64) []uint64 {
	h := mixI(mixI(0, role), side)
	lo, hi := int(v.sentStart[c.Start]), int(v.sentEnd[c.Start])
	dist := 0
	if side == sideRight {
		dist = s - c.End
	} else {
		dist = s - lo
	}
	t := &v.d.Tokens[s]
	wb, pb := v.hword(s-1, lo, hi), v.hpos(s-1, lo, hi)
	f = append(f,
		mixH(h^fhash(tSpStartW), v.hw[s]),
		mixH(h^fhash(tSpStartPOS), v.hp[s]),
		mixH(h^fhash(tSpBefore), wb),
		mixH(h^fhash(tSpBeforePOS), pb),
		mixH(mixH(h^fhash(tSpStartBigram), pb), v.hp[s]),
		mixH(mixH(h^fhash(tSpBefore2), v.hword(s-2, lo, hi)), wb),
		mixH(mixH(h^fhash(tSpFirstTwo), v.hw[s]), v.hpos(s+1, lo, hi)),
		mixI(h^fhash(tSpDist), bucket(dist)),
		mixH(mixI(h^fhash(tSpDistW), bucket(dist)), v.hw[s]),
		mixH((h^fhash(tSpCueW))+cw, v.hw[s]),
		mixI(h^fhash(tSpQOpen), int(boolInt(v.qopen[s] != 0))),
		mixS(h^fhash(tSpStartDep), t.Dep),
	)
	if side == sideRight && s > c.End {
		// what lies between the cue and the start: "on Twitter ,"
		g := h ^ fhash(tSpGap)
		g = mixH(g, v.hw[c.End])
		g = mixH(g, v.hw[s-1])
		f = append(f, mixI(g, bucket(s-c.End)))
	}
	if t.Head >= 0 && t.Head < len(v.lw) {
		// is the start attached to the cue (subject, clause, object)?
		rel := 0
		if t.Head >= c.Start && t.Head < c.End {
			rel = 1
		}
		f = append(f, mixS(mixI(h^fhash(tSpStartHead), rel), t.Dep))
	}
	return f
}

func (v *view) endFeatsRef(role int, c Range, side int, e int, cw uint64, f []uint64) []uint64 {
	h := mixI(mixI(0, role), side)
	last := e - 1
	lo, hi := int(v.sentStart[last]), int(v.sentEnd[last])
	atEnd := 0
	if e == hi {
		atEnd = 1
	} else if e+1 == hi && v.shape[e] == 'p' {
		atEnd = 2
	} else if e+2 == hi && v.shape[e] == 'q' {
		atEnd = 3
	}
	dist := 0
	if side == sideLeft {
		dist = c.Start - e
	}
	if e < hi && isFinite(v.d.Tokens[e].POS) {
		// the span stops right before a finite verb: mostly it is that
		// verb's subject, cut from its clause ("claims Russia | wants")
		f = append(f, mixH((h^fhash(tSpEndFinite))+cw, v.hp[last]), mixH(h^fhash(tSpEndFinite), v.hp[last]))
	}
	if side == sideLeft && e < c.Start && c.Start-e <= 3 {
		// what lies between a source and its cue: "Trump has", "X, who"
		g := mixI(h^fhash(tSpEndGap), c.Start-e)
		for k := e; k < c.Start; k++ {
			g = mixH(g, v.hp[k])
		}
		f = append(f, g)
	}
	wa, pa := v.hword(e, lo, hi), v.hpos(e, lo, hi) // the word after
	f = append(f,
		// across the end: "presence | on", "Clinton | and", ", | saying"
		mixH(mixH(h^fhash(tSpEndBigram), v.hp[last]), pa),
		mixH(mixH(h^fhash(tSpAfter2), wa), v.hword(e+1, lo, hi)),
		mixH((h^fhash(tSpCueAfterPOS))+cw, pa),
		mixH(mixH(h^fhash(tSpAfterWPOS), wa), v.hpos(e+1, lo, hi)),
		mixH(mixH(h^fhash(tSpLastTwo), v.hpos(last-1, lo, hi)), v.hp[last]),
		mixH(h^fhash(tSpEndW), v.hw[last]),
		mixH(h^fhash(tSpEndPOS), v.hp[last]),
		mixH(h^fhash(tSpAfter), wa),
		mixH(h^fhash(tSpAfterPOS), pa),
		mixI(h^fhash(tSpSentEnd), atEnd),
		mixI(h^fhash(tSpQClose), int(boolInt(v.qclose[last] != 0))),
		mixI(mixI(h^fhash(tSpEndShape), int(v.shape[last])), bucket(dist)),
		mixH((h^fhash(tSpCueW))+cw, wa),
	)
	return f
}

// TestSpanFeatsSame: startFeats and endFeats give the features, in the
// order, that they gave before, for every role, side and position of
// BBC sentences with random cues, on a view without a parse and on one
// with made-up heads and labels (the parsed features).
func TestSpanFeatsSame(t *testing.T) {
	docs := bbcDocs(t, 12)
	rng := rand.New(rand.NewPCG(9, 10))
	deps := []string{"", "nsubj", "ccomp", "dobj", "punct"}
	checked := 0
	for di, d := range docs {
		if di%2 == 1 {
			// a made-up parse: heads anywhere in the text, some labels
			d = &doc.Doc{Text: d.Text, Tokens: slices.Clone(d.Tokens), Sents: d.Sents, Paras: d.Paras, Quotes: d.Quotes}
			for i := range d.Tokens {
				d.Tokens[i].Head = rng.IntN(len(d.Tokens)+1) - 1
				d.Tokens[i].Dep = deps[rng.IntN(len(deps))]
				d.Tokens[i].POS = []string{"VBD", "NN", "MD", "VBZ", ""}[rng.IntN(5)]
			}
		}
		eachRandomCue([]*doc.Doc{d}, rng, func(v *view, sent doc.Sentence, c Range, cw uint64) {
			for _, role := range []int{roleContent, roleSource} {
				for side := 1; side <= numSides; side++ {
					for p := max(sent.First-3, 0); p < min(sent.Last+3, len(v.lw)); p++ {
						prefix := []uint64{7}
						if got, want := v.startFeats(role, c, side, p, cw, slices.Clone(prefix)), v.startFeatsRef(role, c, side, p, cw, slices.Clone(prefix)); !slices.Equal(got, want) {
							t.Fatalf("startFeats(role %d, cue %v, side %d, %d) = %v, want %v", role, c, side, p, got, want)
						}
						if p > 0 {
							if got, want := v.endFeats(role, c, side, p, cw, nil), v.endFeatsRef(role, c, side, p, cw, nil); !slices.Equal(got, want) {
								t.Fatalf("endFeats(role %d, cue %v, side %d, %d) = %v, want %v", role, c, side, p, got, want)
							}
						}
						checked++
					}
				}
			}
		})
	}
	if checked < 1000 {
		t.Fatalf("only %d positions checked", checked)
	}
}
