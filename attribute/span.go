package attribute

import (
	"math"
	"slices"
)

// Content and source spans are chosen by linear rankers over candidate
// spans near the cue. A span's score factors into a start part, an end
// part and a small pair part, so each start and end is scored once per cue
// and hundreds of candidates cost a few additions each.

const (
	roleContent = iota + 1
	roleSource
)

const (
	sideRight = 1
	sideLeft  = 2
	sideNull  = 3
	// sideSplit: a quote split by its cue, "“...,” said X, “...”"; the
	// span is the envelope of both quotes, as PolNeAR scores it.
	sideSplit = 4
	// sideWrap: a content wrapped around its source and cue.
	sideWrap = 5
	numSides = 5
)

const (
	tSpStartW = iota + 100
	tSpStartPOS
	tSpBefore
	tSpBeforePOS
	tSpDist
	tSpDistW
	tSpCueW
	tSpGap
	tSpQOpen
	tSpEndW
	tSpEndPOS
	tSpAfter
	tSpAfterPOS
	tSpSentEnd
	tSpQClose
	tSpLen
	tSpExactQuote
	tSpCross
	tSpPartial
	tSpCueLen
	tSpNull
	tSpNullCue
	tSpNullPrev
	tSpNullFirst
	tSpPron
	tSpStartDep
	tSpEndShape
	tSpCueStem
	tSpHasQuote
	tSpStartHead
	tSpSubj
	tSpDepPath
	tSpInside
	tSpEndGap
	tSpEndBigram
	tSpAfter2
	tSpCueAfterPOS
	tSpStartBigram
	tSpAfterWPOS
	tSpLastTwo
	tSpBefore2
	tSpFirstTwo
	tSpEndFinite
)

type cand struct {
	r    Range
	side int8
	// ends and starts, when not 0, count this candidate and those right
	// after it that differ from it only in their end (ends) or start
	// (starts), one more a candidate: the runs appendEnds and
	// appendStarts make, which rank rules out without reading each
	// candidate (speed_runs.go).
	ends, starts int16
	// gap is the part of a split candidate between its two quotes.
	gap Range
}

// pieces returns the content pieces of a candidate: one range, or the two
// quotes of a split candidate.
func (k cand) pieces() []Range {
	if k.side == sideSplit || k.side == sideWrap {
		var out []Range
		if k.gap.Start > k.r.Start {
			out = append(out, Range{k.r.Start, k.gap.Start})
		}
		if k.r.End > k.gap.End {
			out = append(out, Range{max(k.gap.End, k.r.Start), k.r.End})
		}
		return out
	}
	return []Range{k.r}
}

// spanBuf holds scratch space reused across cues.
type spanBuf struct {
	content []cand
	f       []uint64
	start   []float32
	end     []float32
	cands   []cand
	scores  []float32
	// second is the index of the last rank's runner-up, the candidate
	// topK(scores, 2) gives second (-1: none; speed_top.go)
	second int
	// memos of rank, valid while their stamp equals gen
	gen                       int32
	startGen, endGen, pairGen []int32
	pair                      []float32
	// the sums of feature groups of each role's model (speed_rank.go)
	gm [2]groupMemo
	// the cue words' pair features and bounds (speed_cue.go)
	cm cueMemo
}

// newCue invalidates rank's memos: the next scores are for another cue
// (or, in training, for changed weights).
func (b *spanBuf) newCue() {
	if b.gen == math.MaxInt32 { // a pooled buffer after two billion cues
		clear(b.startGen)
		clear(b.endGen)
		clear(b.pairGen)
		b.gen = 0
	}
	b.gen++
}

// cueWord is the word that carries the cue's meaning: its last token that
// is not a preposition-like particle ("said", "according to" → "according").
func (v *view) cueWord(c Range) string {
	if c.End-c.Start == 1 {
		return v.lw[c.Start]
	}
	for i := c.Start; i < c.End; i++ {
		p := v.d.Tokens[i].POS
		if len(p) > 0 && p[0] == 'V' {
			return v.lw[i]
		}
	}
	return v.lw[c.Start]
}

// cueHash identifies the cue for the span features: its word and the
// word's part of speech, since a verb of saying takes a clause where the
// noun takes "of" or "that" ("Trump claims Russia wants ..." against "his
// claims of fraud").
func (v *view) cueHash(c Range) uint64 {
	w := v.cueWord(c)
	pos := hashEmpty
	for i := c.Start; i < c.End; i++ {
		if v.lw[i] == w {
			pos = v.hp[i]
			break
		}
	}
	return mixH(mixS(fhash(tSpCueW), w), pos)
}

func (v *view) startFeats(role int, c Range, side int, s int, cw uint64, f []uint64) []uint64 {
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
	hw, hp := v.hw[s], v.hp[s]
	// each feature stored as it is made: one append of the dozen kept
	// them all in registers and on the stack first (the rankers make
	// these for every start of every cue)
	n := len(f)
	f = slices.Grow(f, 14)[:n+12]
	g := (*[12]uint64)(f[n:])
	g[0] = mixH(h^fhash(tSpStartW), hw)
	g[1] = mixH(h^fhash(tSpStartPOS), hp)
	g[2] = mixH(h^fhash(tSpBefore), wb)
	g[3] = mixH(h^fhash(tSpBeforePOS), pb)
	g[4] = mixH(mixH(h^fhash(tSpStartBigram), pb), hp)
	g[5] = mixH(mixH(h^fhash(tSpBefore2), v.hword(s-2, lo, hi)), wb)
	g[6] = mixH(mixH(h^fhash(tSpFirstTwo), hw), v.hpos(s+1, lo, hi))
	g[7] = mixI(h^fhash(tSpDist), bucket(dist))
	g[8] = mixH(mixI(h^fhash(tSpDistW), bucket(dist)), hw)
	g[9] = mixH((h^fhash(tSpCueW))+cw, hw)
	g[10] = mixI(h^fhash(tSpQOpen), int(boolInt(v.qopen[s] != 0)))
	g[11] = mixS(h^fhash(tSpStartDep), t.Dep)
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

func (v *view) endFeats(role int, c Range, side int, e int, cw uint64, f []uint64) []uint64 {
	h := mixI(mixI(0, role), side)
	last, lo, hi, atEnd, dist := v.endPlace(c, side, e)
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
	hpl := v.hp[last]
	// stored as made, as in startFeats
	n := len(f)
	f = slices.Grow(f, 13)[:n+13]
	g := (*[13]uint64)(f[n:])
	// across the end: "presence | on", "Clinton | and", ", | saying"
	g[0] = mixH(mixH(h^fhash(tSpEndBigram), hpl), pa)
	g[1] = mixH(mixH(h^fhash(tSpAfter2), wa), v.hword(e+1, lo, hi))
	g[2] = mixH((h^fhash(tSpCueAfterPOS))+cw, pa)
	g[3] = mixH(mixH(h^fhash(tSpAfterWPOS), wa), v.hpos(e+1, lo, hi))
	g[4] = mixH(mixH(h^fhash(tSpLastTwo), v.hpos(last-1, lo, hi)), hpl)
	g[5] = mixH(h^fhash(tSpEndW), v.hw[last])
	g[6] = mixH(h^fhash(tSpEndPOS), hpl)
	g[7] = mixH(h^fhash(tSpAfter), wa)
	g[8] = mixH(h^fhash(tSpAfterPOS), pa)
	g[9] = mixI(h^fhash(tSpSentEnd), atEnd)
	g[10] = mixI(h^fhash(tSpQClose), int(boolInt(v.qclose[last] != 0)))
	g[11] = mixI(mixI(h^fhash(tSpEndShape), int(v.shape[last])), bucket(dist))
	g[12] = mixH((h^fhash(tSpCueW))+cw, wa)
	return f
}

func (v *view) pairFeats(role int, c Range, side int, s, e int, cw uint64, f []uint64) []uint64 {
	h := mixI(mixI(0, role), side)
	n := e - s
	exact, partial, cross := v.pairShape(s, e)
	f = append(f,
		mixI(h^fhash(tSpLen), bucket(n)),
		mixI(mixI(h^fhash(tSpExactQuote), exact), cross),
		mixI(mixI(h^fhash(tSpPartial), partial), exact),
		mixI((h^fhash(tSpCueLen))+cw, bucket(n)),
	)
	// is the span a syntactic constituent, and how does it hang off the
	// cue? ("that ..." as the cue's ccomp, the subject as its nsubj)
	if root := v.constituentIfParsed(s, e); root >= 0 {
		t := &v.d.Tokens[root]
		rel := 0
		if t.Head >= c.Start && t.Head < c.End {
			rel = 1
		} else if t.Head >= 0 && v.d.Tokens[t.Head].Head >= c.Start && v.d.Tokens[t.Head].Head < c.End {
			rel = 2
		}
		f = append(f,
			mixI(mixS(h^fhash(tSpSubj), t.Dep), rel),
			mixI(mixS(cw^fhash(tSpDepPath), t.Dep), rel),
		)
	} else {
		f = append(f, h^fhash(tSpSubj))
	}
	// what the span holds: verbs and commas (a source is a noun phrase)
	f = append(f, mixI(mixI(mixI(h^fhash(tSpInside), count3(v.verbsBefore[e]-v.verbsBefore[s])), count3(v.commasBefore[e]-v.commasBefore[s])), min(bucket(n), 4)))
	if role == roleSource && n == 1 {
		f = append(f, mixH(h^fhash(tSpPron), v.hw[s])+cw)
	}
	return f
}

// pairShapeFeats returns the features of pairFeats that depend only on
// the values pairKey packs into key (those of a span that is no
// constituent), in pairFeats' order; the cue's (tSpCueLen) is left out.
func pairShapeFeats(key int, f []uint64) []uint64 {
	commas := key % 3
	key /= 3
	verbs := key % 3
	key /= 3
	partial := key % 2
	key /= 2
	cross := key % 3
	key /= 3
	exact := key % 3
	key /= 3
	nb := key % 10
	key /= 10
	side := key%numSides + 1
	role := key/numSides + 1
	h := mixI(mixI(0, role), side)
	return append(f,
		mixI(h^fhash(tSpLen), nb),
		mixI(mixI(h^fhash(tSpExactQuote), exact), cross),
		mixI(mixI(h^fhash(tSpPartial), partial), exact),
		h^fhash(tSpSubj),
		mixI(mixI(mixI(h^fhash(tSpInside), verbs), commas), min(nb, 4)),
	)
}

// packedPair is lm.score(v.pairFeats(role, c, side, s, e, cw, nil)) for
// a packed model and a span that is no constituent (ok is false
// otherwise): the features of the span's shape are summed once per
// model (pairShapeSum; q is summed as integers, so in any order), and
// only the cue's and a one-word source's are looked up.
// pk is v.pairKey(role, side, s, e).
func (v *view) packedPair(lm *linear, role, side, s, e int, cw uint64, pk int) (score float32, ok bool) {
	return v.packedPairCue(lm, role, side, s, e, cw, pk, nil)
}

// packedPairCue is packedPair with the cue word's q from cq, the cueMemo
// slot of lm, role, side and cw (nil: looked up).
func (v *view) packedPairCue(lm *linear, role, side, s, e int, cw uint64, pk int, cq *cueSlot) (score float32, ok bool) {
	p := lm.packed
	if p == nil {
		return 0, false
	}
	if pk < 0 {
		if role != roleSource || e-s != 1 || v.parsed && v.constituent(s, e) >= 0 {
			return 0, false
		}
		pk = v.shapeKey(role, side, s, e)
	}
	var a int32
	if cq != nil {
		a = p.pairShapeSum(lm, pk) + cq.q[bucket(e-s)]
	} else {
		a = p.pairShapeSum(lm, pk) + p.sum1(lm, pairCueFeat(role, side, bucket(e-s), cw))
	}
	if role == roleSource && e-s == 1 {
		h := mixI(mixI(0, role), side)
		a += p.sum1(lm, mixH(h^fhash(tSpPron), v.hw[s])+cw)
	}
	return float32(a) * p.scale, true
}

// pairBound is at least packedPair's score of any span of role on side
// for the cue cw that pairKey gives a key (not a one-word source, not a
// constituent): the largest shape sum of each length bucket with the
// cue's feature of that bucket.
func pairBound(lm *linear, role, side int, cw uint64) float32 {
	p := lm.packed
	p.pairShapeSum(lm, 0) // builds pairShapeMax
	r := (role-1)*numSides + side - 1
	a := int32(math.MinInt32)
	for nb := range len(p.pairShapeMax[r]) {
		a = max(a, p.pairShapeMax[r][nb]+p.sum1(lm, pairCueFeat(role, side, nb, cw)))
	}
	return float32(a) * p.scale
}

// pairCueFeat is pairFeats' feature of the cue's word and the span's
// length bucket nb.
func pairCueFeat(role, side, nb int, cw uint64) uint64 {
	h := mixI(mixI(0, role), side)
	return mixI((h^fhash(tSpCueLen))+cw, nb)
}

// isFinite: a finite verb or modal tag.
func isFinite(pos string) bool {
	switch pos {
	case "VBZ", "VBD", "VBP", "MD":
		return true
	}
	return false
}

// pairShape describes a span's quotes: exact is 1 when it is exactly a
// quote region (2 with one more token, the closing period), partial when
// it starts and ends in different quotes, cross whether it runs into the
// next sentence (2: further).
func (v *view) pairShape(s, e int) (exact, partial, cross int) {
	if q := v.qopen[s]; q != 0 && v.qclose[e-1] == q {
		exact = 1
	} else if q := v.qopen[s]; q != 0 && e-2 >= s && v.qclose[e-2] == q {
		exact = 2
	}
	if v.d.Tokens[s].Quote != v.d.Tokens[e-1].Quote && exact == 0 {
		partial = 1
	}
	cross = int(v.sentEnd[e-1]) - int(v.sentEnd[s])
	if cross > 0 {
		cross = 1
		if v.d.Tokens[s].Sent+2 <= v.d.Tokens[e-1].Sent {
			cross = 2
		}
	}
	return exact, partial, cross
}

// pairKey indexes the memo of pair scores: without a constituent, a
// pair's features depend only on these few small values (and on the cue,
// fixed while the memo lives). It is -1 when the pair must be scored
// afresh.
func (v *view) pairKey(role, side, s, e int) int {
	n := e - s
	if role == roleSource && n == 1 || v.parsed && v.constituent(s, e) >= 0 {
		return -1
	}
	return v.shapeKey(role, side, s, e)
}

// shapeKey is pairKey without its exceptions: the key of the features
// of a span that is no constituent other than the cue's and a one-word
// source's (see pairShapeFeats).
func (v *view) shapeKey(role, side, s, e int) int {
	// pairShape written out: the rankers ask this of every candidate span
	n := e - s
	last := e - 1
	exact, partial, cross := 0, 0, 0
	qo, qc := v.qopen[s], v.qclose[last]
	if qo != 0 && qc == qo {
		exact = 1
	} else if qo != 0 && last-1 >= s && v.qclose[last-1] == qo {
		exact = 2
	}
	first, lastTok := &v.d.Tokens[s], &v.d.Tokens[last]
	if exact == 0 && first.Quote != lastTok.Quote {
		partial = 1
	}
	if d := int(v.sentEnd[last]) - int(v.sentEnd[s]); d > 0 {
		cross = 1
		if first.Sent+2 <= lastTok.Sent {
			cross = 2
		}
	} else {
		cross = d
	}
	k := (role-1)*numSides + side - 1
	k = k*10 + bucket(n)
	k = k*3 + exact
	k = k*3 + cross
	k = k*2 + partial
	k = k*3 + count3(v.verbsBefore[e]-v.verbsBefore[s])
	k = k*3 + count3(v.commasBefore[e]-v.commasBefore[s])
	return k
}

const numPairKeys = 2 * numSides * 10 * 3 * 3 * 2 * 3 * 3

func (v *view) nullFeats(c Range, cw uint64, f []uint64) []uint64 {
	h := mixI(mixI(0, roleSource), sideNull)
	lo := int(v.sentStart[c.Start])
	f = append(f,
		h^fhash(tSpNull),
		(h^fhash(tSpNullCue))*fnvPrime+cw,
		mixH(h^fhash(tSpNullPrev), v.hword(c.Start-1, lo, len(v.lw))),
		mixI(h^fhash(tSpNullFirst), boolInt(c.Start == lo)),
		mixH(h^fhash(tSpCueStem), v.hp[c.Start]),
	)
	return f
}

// contentWindow is the token range content candidates may cover: the
// cue's sentence, widened to whole quote regions that overlap it, and to a
// quote that opens the next sentence ("said the following: ...").
func (v *view) contentWindow(c Range) (int, int) {
	lo, hi := int(v.sentStart[c.Start]), int(v.sentEnd[c.Start])
	for i := lo; i < hi; i++ {
		if q := v.d.Tokens[i].Quote; q != 0 {
			a, b := v.outerQuote(int(q - 1))
			lo, hi = min(lo, a), max(hi, b)
		}
	}
	if hi < len(v.lw) && v.qopen[hi] != 0 {
		_, b := v.outerQuote(int(v.qopen[hi] - 1))
		hi = max(hi, b)
	}
	// keep windows sane on pathological input
	if hi-lo > 400 {
		lo, hi = max(lo, c.Start-200), min(hi, c.End+200)
	}
	return lo, hi
}

// outerQuote returns the token range of quote qi's outermost enclosing
// region.
func (v *view) outerQuote(qi int) (int, int) {
	return v.quoteTokens(int(v.qOuter[qi]))
}

// Limits that keep the work per cue bounded on run-on sentences: content
// spans of ordinary length (a longer one may still run to the window's
// edge), sources near their cue.
//
// Tighter limits save little and cost accuracy (session 22, default
// mode, cachegrind instructions per BBC article as a ratio to these):
// maxSpan 100, 0.997, guard figures unchanged but 8 attributions of
// BBC+PTC+BASIL changed; 60, 0.996 and one BASIL person lost;
// maxSourceDist 30, 0.997 and two BASIL persons lost; maxSourceLen 25,
// 0.999 and one judged page attribution lost. Scoring only the best
// content (not the best two, below) is 0.982 but PolNeAR dev source
// F1 73.3 -> 72.5.
const (
	maxSpan       = 150
	maxSourceDist = 50
	maxSourceLen  = 45
)

// contentCands lists candidate content spans for cue c: right of the
// cue, left of it, a quote split by it, and a clause wrapped around it
// ("The emails, the Times said, included ...").
func (v *view) contentCands(c Range, out []cand) []cand {
	lo, hi := v.contentWindow(c)
	out = out[:0]
	for s := c.End; s < hi && s < c.End+20; s++ {
		if s >= c.End+6 && !v.farStart(s) {
			continue
		}
		out = appendEnds(out, s, s+1, min(hi, s+maxSpan), sideRight)
		if hi > s+maxSpan {
			out = append(out, cand{r: Range{s, hi}, side: sideRight})
		}
	}
	// a short cue sentence ("he said.") may take the previous sentence
	llo := lo
	if c.Start-lo <= 6 && lo > 0 && v.d.Tokens[lo-1].Sent >= 0 && v.d.Sents[v.d.Tokens[lo-1].Sent].Para == v.d.Sents[v.d.Tokens[lo].Sent].Para {
		llo = int(v.sentStart[lo-1])
	}
	for e := c.Start; e > llo && e > c.Start-15; e-- {
		if e <= c.Start-5 && !v.farEnd(e) {
			continue
		}
		if e-llo > maxSpan {
			out = append(out, cand{r: Range{llo, e}, side: sideLeft})
		}
		out = appendStarts(out, max(llo, e-maxSpan), e, sideLeft)
	}
	// split quotes: a quote closing just before the cue's clause and one
	// opening just after it, possibly in the next sentence
	plast := v.paraEnd(c.Start)
	for e := c.Start; e > lo && e > c.Start-12; e-- {
		q1 := v.qclose[e-1]
		if q1 == 0 || v.d.Quotes[q1-1].Depth != 0 {
			continue
		}
		s1, _ := v.quoteTokens(int(q1 - 1))
		for s := c.End; s < plast && s < c.End+10; s++ {
			q2 := v.qopen[s]
			if q2 == 0 || v.d.Quotes[q2-1].Depth != 0 {
				continue
			}
			_, e2 := v.quoteTokens(int(q2 - 1))
			out = append(out, cand{r: Range{s1, e2}, side: sideSplit, gap: Range{e, s}})
			break
		}
		break
	}
	// wrapped clauses: the content starts before the source and cue and
	// goes on after them; the gap is the parenthetical "the Times said"
	gs := c.Start
	for k := c.Start - 1; k >= lo && k >= c.Start-8; k-- {
		if v.lw[k] == "," || v.lw[k] == "--" {
			gs = k
			break
		}
	}
	ge := c.End
	for k := c.End; k < hi && k < c.End+6; k++ {
		if v.lw[k] == "," || v.lw[k] == "--" || v.lw[k] == ";" {
			ge = k + 1
			break
		}
	}
	if gs > lo && ge < hi {
		starts := [...]int{lo, lo + 1}
		for _, s := range starts {
			if s >= gs {
				continue
			}
			for e := ge + 1; e <= hi && e <= ge+maxSpan; e++ {
				out = append(out, cand{r: Range{s, e}, side: sideWrap, gap: Range{gs, ge}})
			}
		}
	}
	for s := max(lo+2, c.Start-4); s < c.Start; s++ {
		// relative clauses: "which he believes will ..."
		switch v.lw[s] {
		case "which", "that", "what", "who", "whom":
			for e := c.End + 1; e <= hi && e <= c.End+maxSpan; e++ {
				out = append(out, cand{r: Range{s, e}, side: sideWrap, gap: Range{s, s}})
			}
		}
	}
	return out
}

// appendEnds appends the candidates [s, e) for e from e0 to e1
// inclusive, in that order; appendStarts those [s, e) for s from s0 up to
// e. The content candidates come in such runs, thousands for a cue: one
// growth and a store a candidate cost about half what an append each did.
func appendEnds(out []cand, s, e0, e1 int, side int8) []cand {
	if e1 < e0 {
		return out
	}
	n := len(out)
	out = slices.Grow(out, e1-e0+1)[:n+e1-e0+1]
	fillEnds(out[n:], cand{r: Range{s, e0}, side: side})
	return out
}

func appendStarts(out []cand, s0, e int, side int8) []cand {
	if e <= s0 {
		return out
	}
	n := len(out)
	out = slices.Grow(out, e-s0)[:n+e-s0]
	fillStarts(out[n:], cand{r: Range{s0, e}, side: side})
	return out
}

// farStart: a content start far from its cue must look like one.
func (v *view) farStart(s int) bool {
	switch v.lw[s] {
	case "that", "\"", "'", "whether", "how", "what", "why":
		return true
	}
	switch v.lw[s-1] {
	case ",", ":", "that", "--":
		return true
	}
	return false
}

// farEnd: a content end far from its cue must look like one.
func (v *view) farEnd(e int) bool {
	return v.shape[e-1] == 'q' || v.lw[e] == "," || v.lw[e] == "--" || v.shape[e] == 'q'
}

func (v *view) paraEnd(i int) int {
	p := v.d.Paras[v.d.Sents[v.d.Tokens[i].Sent].Para]
	return v.d.Sents[p.Last-1].Last
}

// sourceCands lists candidate source spans for cue c in its sentence,
// not overlapping the cue or the content.
func (v *view) sourceCands(c Range, content []Range, out []cand) []cand {
	lo, hi := int(v.sentStart[c.Start]), int(v.sentEnd[c.Start])
	lo, hi = max(lo, c.Start-maxSourceDist), min(hi, c.End+maxSourceDist)
	out = out[:0]
	for s := lo; s < hi; s++ {
		// [s, e) overlaps the cue or a content piece from the first end
		// past the start of one that ends after s on: the same for every
		// longer span, so the ends stop there
		stop := hi + 1
		if s < c.End {
			stop = min(stop, max(c.Start+1, s+1))
		}
		for _, p := range content {
			if !p.Empty() && s < p.End {
				stop = min(stop, max(p.Start+1, s+1))
			}
		}
		// long sources (a name with a long appositive) only right next
		// to the cue: "X, director of ..., said" / "said X, ..."; the
		// ends from s+1 on, in order (speed_sources.go)
		last := min(stop-1, s+maxSourceLen)
		out = appendSources(out, c, s, s+1, min(last, s+12))
		if last > s+12 {
			if s == c.End {
				out = appendSources(out, c, s, s+13, last)
			} else {
				for _, e := range [...]int{c.Start - 1, c.Start} {
					if e > s+12 && e <= last {
						out = appendSources(out, c, s, e, e)
					}
				}
			}
		}
	}
	return out
}

// candFeats returns all features of one candidate (for training updates).
func (v *view) candFeats(role int, c Range, k cand, cw uint64, f []uint64) []uint64 {
	if k.side == sideNull {
		return v.nullFeats(c, cw, f)
	}
	f = v.startFeats(role, c, int(k.side), k.r.Start, cw, f)
	f = v.endFeats(role, c, int(k.side), k.r.End, cw, f)
	return v.pairFeats(role, c, int(k.side), k.r.Start, k.r.End, cw, f)
}

// rank scores candidates with the factored model. Start, end and pair
// parts are memoised for the current cue (see spanBuf.newCue), so that
// hundreds of candidates cost a few additions each and the source ranker,
// run for several contents, scores each start and end once.
func (v *view) rank(role int, lm *linear, c Range, cands []cand, buf *spanBuf, cw uint64) (best int, margin float32) {
	if cap(buf.scores) < len(cands) {
		buf.scores = make([]float32, len(cands))
	}
	buf.scores = buf.scores[:len(cands)]
	n := len(v.lw)
	size := 2 * numSides * (n + 1)
	if cap(buf.start) < size {
		buf.start, buf.end = make([]float32, size), make([]float32, size)
		buf.startGen, buf.endGen = make([]int32, size), make([]int32, size)
	}
	if buf.pairGen == nil {
		buf.pairGen, buf.pair = make([]int32, numPairKeys), make([]float32, numPairKeys)
	}
	gen := buf.gen
	base := (role - 1) * numSides * (n + 1)
	best = -1
	runnerUp := -1
	negInf := float32(math.Inf(-1))
	bestScore, second := negInf, negInf
	// A candidate whose start and end parts with the largest pair part
	// its side can have (pairBound) stay below the second best so far can
	// be neither best nor second, here or in topK: it gets -Inf without
	// its pair part (most candidates of a cue, once a good one is seen).
	// Float sums round monotonically, so the bound holds as computed.
	// Without a packed model or with a parse, pair parts have no bound:
	// the bound stays +Inf, and so does a sum with it (while second is
	// -Inf, no finite sum is below it either).
	prune := lm.packed != nil && !v.parsed
	posInf := float32(math.Inf(1))
	bound := [numSides + 1]float32{posInf, posInf, posInf, posInf, posInf, posInf}
	var haveBound [numSides + 1]bool
	// each side's cueMemo slot, with its bound, once the bound is asked
	var cqs [numSides + 1]cueSlot
	var cq [numSides + 1]*cueSlot
	// where each side's memos start, and the memos in locals: this loop
	// runs for every candidate span of every cue
	var sideBase [numSides + 1]int
	for side := 1; side <= numSides; side++ {
		sideBase[side] = base + (side-1)*(n+1)
	}
	start, end, startGen, endGen := buf.start, buf.end, buf.startGen, buf.endGen
	scores := buf.scores
	for i := 0; i < len(cands); i++ {
		k := &cands[i] // not copied: a candidate is five words
		side := int(k.side)
		var sc float32
		if side == sideNull {
			buf.f = v.nullFeats(c, cw, buf.f[:0])
			sc = lm.score(buf.f)
		} else {
			si, ei := sideBase[side]+k.r.Start, sideBase[side]+k.r.End
			if startGen[si] != gen {
				start[si], startGen[si] = v.startScore(lm, buf, role, c, side, k.r.Start, cw), gen
			}
			if endGen[ei] != gen {
				end[ei], endGen[ei] = v.endScore(lm, buf, role, c, side, k.r.End, cw), gen
			}
			se := start[si] + end[ei]
			if prune && !haveBound[side] {
				// pairBound is pure: computed once a side, whether
				// or not a candidate reaches the test (from the
				// cue words' memo, speed_cue.go, for a model with
				// an id)
				if lm.packed.id != 0 {
					// (a copy: another side's look-up may take
					// the slot)
					cqs[side] = *buf.cm.get(lm, role, side, cw)
					cq[side] = &cqs[side]
					bound[side] = cqs[side].bound
				} else {
					bound[side] = pairBound(lm, role, side, cw)
				}
				haveBound[side] = true
			}
			if se+bound[side] < second && (role != roleSource || k.r.End-k.r.Start != 1) {
				scores[i] = negInf
				// Candidates come in runs that share a side and a start
				// (right of the cue, wrapped clauses, sources) or a side
				// and an end (left of the cue). While the next one shares
				// this one's side and start (else its side and end) and
				// is ruled out too, it is taken here: its shared part and
				// the bound are in locals, and second does not change
				// meanwhile (ruled-out candidates do not move it). The
				// tests and memos are the loop's, on the same float32
				// values, so the scores are the same; the loop's own
				// bookkeeping, its cost for most candidates, is skipped.
				b, sb := bound[side], sideBase[side]
				st := start[si]
				j := i
				if k.ends > 1 && role != roleSource {
					j = v.pruneEnds(lm, buf, role, c, side, cw, k, i, sb, st, b, second)
				}
				for ; j+1 < len(cands); j++ {
					n := &cands[j+1]
					if int(n.side) != side || n.r.Start != k.r.Start || role == roleSource && n.r.End-n.r.Start == 1 {
						break
					}
					ej := sb + n.r.End
					if endGen[ej] != gen {
						end[ej], endGen[ej] = v.endScore(lm, buf, role, c, side, n.r.End, cw), gen
					}
					if !(st+end[ej]+b < second) {
						break
					}
					scores[j+1] = negInf
				}
				if j == i {
					en := end[ei]
					if k.starts > 1 && role != roleSource {
						j = v.pruneStarts(lm, buf, role, c, side, cw, k, i, sb, en, b, second)
					}
					for ; j+1 < len(cands); j++ {
						n := &cands[j+1]
						if int(n.side) != side || n.r.End != k.r.End || role == roleSource && n.r.End-n.r.Start == 1 {
							break
						}
						sj := sb + n.r.Start
						if startGen[sj] != gen {
							start[sj], startGen[sj] = v.startScore(lm, buf, role, c, side, n.r.Start, cw), gen
						}
						if !(start[sj]+en+b < second) {
							break
						}
						scores[j+1] = negInf
					}
				}
				i = j
				continue
			}
			var pair float32
			pk := v.pairKey(role, side, k.r.Start, k.r.End)
			if pk >= 0 && buf.pairGen[pk] == gen {
				pair = buf.pair[pk]
			} else {
				var ok bool
				if pair, ok = v.packedPairCue(lm, role, side, k.r.Start, k.r.End, cw, pk, cq[side]); !ok {
					buf.f = v.pairFeats(role, c, side, k.r.Start, k.r.End, cw, buf.f[:0])
					pair = lm.score(buf.f)
				}
				if pk >= 0 {
					buf.pair[pk], buf.pairGen[pk] = pair, gen
				}
			}
			sc = se + pair
		}
		scores[i] = sc
		if sc > bestScore || best < 0 {
			second, runnerUp = bestScore, best
			best, bestScore = i, sc
		} else if sc > second {
			second, runnerUp = sc, i
		}
	}
	buf.second = runnerUp
	margin = 10
	if !math.IsInf(float64(second), -1) {
		margin = bestScore - second
	}
	return best, margin
}

// topK returns the indices of the k best scores, best first (the
// earlier of equal scores first). Once k are kept, the least of them is
// held in a local: the scores are every candidate's of a cue, most of
// them -Inf.
func topK(scores []float32, k int, out []int) []int {
	out = out[:0]
	i := 0
	for ; i < len(scores) && len(out) < k; i++ {
		out = append(out, i)
		out = bubbleUp(scores, out)
	}
	if len(out) < k || k <= 0 {
		return out
	}
	least := scores[out[k-1]]
	for ; i < len(scores); i++ {
		if !(scores[i] > least) {
			continue
		}
		out[k-1] = i
		out = bubbleUp(scores, out)
		least = scores[out[k-1]]
	}
	return out
}

// bubbleUp moves out's last index up past those of lower scores.
func bubbleUp(scores []float32, out []int) []int {
	for j := len(out) - 1; j > 0 && scores[out[j]] > scores[out[j-1]]; j-- {
		out[j], out[j-1] = out[j-1], out[j]
	}
	return out
}

// bestPair chooses content and source together: the best few contents
// each get their best source, and the highest sum wins, so that a source
// is not swallowed by a greedy content ("According to X, ...").
func (m *Model) bestPair(v *view, c Range, buf *spanBuf) (content cand, cm float32, source Range, sm float32) {
	buf.newCue()
	buf.content = v.contentCands(c, buf.content)
	cands := buf.content
	if len(cands) == 0 {
		return cand{}, 0, Range{}, 0
	}
	cw := v.cueHash(c)
	b, cm := v.rank(roleContent, m.content, c, cands, buf, cw)
	// the best two contents: a third changed one PolNeAR dev cue in 2,192
	// and cost a source ranking (~1% of the time); rank kept the two
	// that topK(buf.scores, 2) gives, with their scores (speed_top.go)
	top, topScores := topTwo(b, buf)
	best := float32(math.Inf(-1))
	for k, ci := range top {
		if ci < 0 || topScores[k] < topScores[0]-8 {
			break
		}
		pieces := cands[ci].pieces()
		buf.cands = v.sourceCands(c, pieces, buf.cands)
		buf.cands = append(buf.cands, cand{side: sideNull})
		si, margin := v.rank(roleSource, m.source, c, buf.cands, buf, cw)
		total := topScores[k] + buf.scores[si]
		if total > best {
			best = total
			content, source, sm = cands[ci], buf.cands[si].r, margin
			if ci != b {
				cm = 0
			}
		}
	}
	return content, cm, source, sm
}

// endPlace is where a span ending before token e stands, for its end
// features (endFeats and endScore read the same): its last token, its
// sentence's bounds, how it meets the sentence's end (1: at it, 2: before
// a final punctuation mark, 3: before a closing quote mark, 0: not) and,
// for a span left of its cue, its distance to the cue.
func (v *view) endPlace(c Range, side int, e int) (last, lo, hi, atEnd, dist int) {
	last = e - 1
	lo, hi = int(v.sentStart[last]), int(v.sentEnd[last])
	switch {
	case e == hi:
		atEnd = 1
	case e+1 == hi && v.shape[e] == 'p':
		atEnd = 2
	case e+2 == hi && v.shape[e] == 'q':
		atEnd = 3
	}
	if side == sideLeft {
		dist = c.Start - e
	}
	return last, lo, hi, atEnd, dist
}
