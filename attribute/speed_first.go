package attribute

// The first pass (CueSentencesContext) sums, for most tokens of an
// article, the coarse differences of the features cueFeatsOf makes
// besides the word's own (those come from wordCache). On an untagged view,
// as the default mode's first pass sees it, about half of those features
// take one of a few values whatever the article (the quote and
// sentence-start flags, the boundary or empty tags around the token, the
// shapes of two neighbours, no attachment), or depend only on the token's
// word and a flag (its stem with the empty tag or the sentence's end
// after it); each was a hash and a look-up in the coarse lines, a cache
// miss for many. firstSums takes the first kind from small tables of the
// wordCache (the flags' features by the two flags, the tags' by the three
// tags, tPrevShape by the two shapes, the rarer ones memoised by their
// hash) and the second from the token's wordCache entry; the rest are made
// and looked up as cueFeatsOf makes them. The sums are of integers, so in
// any order the same: TestFirstSumsAsCueFeats. The cue tagger (tagCues)
// asks them too, of each token outside a cue, for passes' test: in the
// fast mode, untagged, as many features are of few values; with tags the
// table of the three tags is larger (4,096 slots: 1,024 ran 3M more
// instructions over BBC politics) and the gain small.

// firstSums is coarseSum of m's coarse lines over v.cueFeats(i, labO):
// the first pass's sums of token i.
func (c *wordCache) firstSums(v *view, i int, m *linear) (d, n int64) {
	lines := m.packed.coarse
	t := &v.d.Tokens[i]
	e := c.entry(v, i, m)
	if t.Dep != "" {
		// a parsed view: every feature as cueFeatsOf makes it
		c.f = v.cueFeatsOf(i, labO, false, c.f[:0])
		d, n = coarseSum(lines, c.f)
		return e.d + d, e.n + n
	}
	d, n = e.d, e.n
	lo, hi := int(v.sentStart[i]), int(v.sentEnd[i])
	hw, hst, hp := v.hw[i], v.hst[i], v.hp[i]
	wm1, wp1, pm1, pp1 := v.hword(i-1, lo, hi), v.hword(i+1, lo, hi), v.hpos(i-1, lo, hi), v.hpos(i+1, lo, hi)
	f := c.f[:0]
	f = append(f,
		mixH(fhash(tWm1), wm1),
		mixH(fhash(tWp1), wp1),
		mixH(fhash(tWm2), v.hword(i-2, lo, hi)),
		mixH(fhash(tWp2), v.hword(i+2, lo, hi)),
		mixH(mixH(fhash(tWm1W), wm1), hw),
		mixH(mixH(fhash(tWWp1), hw), wp1),
		mixH(mixH(fhash(tPOSWp1), hp), wp1),
		mixH(mixH(mixH(fhash(tTri), wm1), hw), wp1),
	)
	// tInQuote, tPrev and tFirst by their two flags
	if !c.flagTab.set {
		c.buildFlags(m)
	}
	k := &c.flagTab.sums[boolInt(t.Quote != 0)][boolInt(i == lo)]
	d, n = d+k[0], n+k[1]
	// tPOSm1, tPOSp1 and tPOSTri by the three tags
	ps := &c.posTab[(pm1^hp*3^pp1*5)%uint64(len(c.posTab))]
	if !ps.set || ps.pm1 != pm1 || ps.hp != hp || ps.pp1 != pp1 {
		pd, pn := coarseSum(lines, []uint64{
			mixH(fhash(tPOSm1), pm1),
			mixH(fhash(tPOSp1), pp1),
			mixH(mixH(mixH(fhash(tPOSTri), pm1), hp), pp1),
		})
		*ps = posSlot{pm1: pm1, hp: hp, pp1: pp1, d: pd, n: pn, set: true}
	}
	d, n = d+ps.d, n+ps.n
	// tPrevShape by the two shapes
	sh := &c.shapeTab[v.shape[max(i-1, 0)]&63][v.shape[i]&63]
	if !sh.set || sh.a != v.shape[max(i-1, 0)] || sh.b != v.shape[i] {
		x := oneCoarse(lines, mixI(mixI(fhash(tPrevShape), int(v.shape[max(i-1, 0)])), int(v.shape[i])))
		*sh = shapeSlot{a: v.shape[max(i-1, 0)], b: v.shape[i], x: x, set: true}
	}
	d, n = addCoarse(d, n, sh.x)
	// the nearest words on either side past adverbs and auxiliaries, as
	// in cueFeatsOf
	l := i - 1
	for l >= lo && l > i-5 && skippable(v.lw[l], v.d.Tokens[l].POS) {
		l--
	}
	r := i + 1
	for r < hi && r < i+4 && isAdverb(v.d.Tokens[r].POS) {
		r++
	}
	switch hl := v.hpos(l, lo, hi); hl {
	case hashStart:
		d, n = addCoarse(d, n, e.ctx[ctxLeftStart])
	case hashEmpty:
		d, n = addCoarse(d, n, e.ctx[ctxLeftEmpty])
	default:
		f = append(f, mixH(mixH(fhash(tLeftArg), hl), hst))
	}
	f = append(f, mixH(mixH(fhash(tRightArg), v.hword(r, lo, hi)), hst))
	if qr := int(v.quoteRel[i]); qr != 0 {
		d, n = addCoarse(d, n, c.memo(m, mixH(mixI(fhash(tQuoteRel), qr), hp)))
		f = append(f, mixH(mixI(fhash(tQuoteRelStem), qr), hst))
	}
	if i > lo {
		rel := 0
		p := &v.d.Tokens[i-1]
		switch {
		case t.Head == i-1:
			rel = 1
		case p.Head == i:
			rel = 2
		case t.Head >= 0 && t.Head == p.Head:
			rel = 3
		case p.Head >= 0 && v.d.Tokens[p.Head].Head == i:
			rel = 4
		}
		if rel == 0 {
			// (t.Dep is "" here)
			d, n = addCoarse(d, n, c.flagTab.attach0)
			d, n = addCoarse(d, n, e.ctx[ctxAttachW])
		} else {
			d, n = addCoarse(d, n, c.memo(m, mixI(mixI(mixS(fhash(tAttach), t.Dep), labO), rel)))
			f = append(f, mixI(mixI(mixH(fhash(tAttachW), hw), labO), rel))
		}
	}
	if i+1 < hi && v.reportVerb[i+1] {
		d, n = addCoarse(d, n, c.memo(m, mixH(fhash(tLexNext), hp)))
	}
	switch pp1 {
	case hashEmpty:
		d, n = addCoarse(d, n, e.ctx[ctxStemNextEmpty])
	case hashEnd:
		d, n = addCoarse(d, n, e.ctx[ctxStemNextEnd])
	default:
		f = append(f, mixH(mixH(fhash(tStemPOSNext), hst), pp1))
	}
	if i+1 < hi && v.qopen[i+1] != 0 {
		d, n = addCoarse(d, n, e.ctx[ctxNextQuote])
	}
	if i > lo && v.qclose[i-1] != 0 {
		d, n = addCoarse(d, n, e.ctx[ctxPrevQuote])
	}
	if i-2 >= lo && v.qclose[i-2] != 0 {
		d, n = addCoarse(d, n, e.ctx[ctxEndQuoteBefore])
	}
	c.f = f
	d2, n2 := coarseSum(lines, f)
	return d + d2, n + n2
}

// The features of cueFeatsOf (prev O) that a wordCache entry keeps by
// the word, each as one coarse difference and presence (see oneCoarse).
const (
	ctxLeftStart      = iota // tLeftArg, the sentence's start on the left
	ctxLeftEmpty             // tLeftArg, an untagged word on the left
	ctxStemNextEmpty         // tStemPOSNext, an untagged word after
	ctxStemNextEnd           // tStemPOSNext, the sentence's end after
	ctxAttachW               // tAttachW, no attachment (rel 0)
	ctxNextQuote             // tNextQuote
	ctxPrevQuote             // tPrevQuote
	ctxEndQuoteBefore        // tEndQuoteBefore
	numCtx
)

// fillCtx fills e.ctx for the word of token i.
func (e *wordEntry) fillCtx(v *view, i int, lines []coarseLine) {
	hw, hst := v.hw[i], v.hst[i]
	for k, f := range [numCtx]uint64{
		ctxLeftStart:      mixH(mixH(fhash(tLeftArg), hashStart), hst),
		ctxLeftEmpty:      mixH(mixH(fhash(tLeftArg), hashEmpty), hst),
		ctxStemNextEmpty:  mixH(mixH(fhash(tStemPOSNext), hst), hashEmpty),
		ctxStemNextEnd:    mixH(mixH(fhash(tStemPOSNext), hst), hashEnd),
		ctxAttachW:        mixI(mixI(mixH(fhash(tAttachW), hw), labO), 0),
		ctxNextQuote:      mixH(fhash(tNextQuote), hw),
		ctxPrevQuote:      mixH(fhash(tPrevQuote), hw),
		ctxEndQuoteBefore: mixH(fhash(tEndQuoteBefore), hw),
	} {
		e.ctx[k] = oneCoarse(lines, f)
	}
}

// oneCoarse is coarseSum of the one feature f as d<<1 | n: a row's
// difference fits in a byte, and n is 0 or 1.
func oneCoarse(lines []coarseLine, f uint64) int16 {
	d, n := coarseSum(lines, []uint64{f})
	return int16(d)<<1 | int16(n)
}

// addCoarse adds a oneCoarse to sums.
func addCoarse(d, n int64, x int16) (int64, int64) {
	return d + int64(x>>1), n + int64(x&1)
}

// buildFlags fills c.flagTab: by the quote flag and the sentence-start
// flag, the coarse sums of cueFeatsOf's tInQuote, tPrev (prev O) and
// tFirst, and tAttach's of an unlabelled token attached to none (rel 0),
// at the cache's first use.
func (c *wordCache) buildFlags(m *linear) {
	t := &c.flagTab
	lines := m.packed.coarse
	for q := range 2 {
		for first := range 2 {
			d, n := coarseSum(lines, []uint64{
				mixI(fhash(tInQuote), q),
				mixI(mixI(fhash(tPrev), labO), q),
				mixI(fhash(tFirst), first),
			})
			t.sums[q][first] = [2]int64{d, n}
		}
	}
	t.attach0 = oneCoarse(lines, mixI(mixI(mixS(fhash(tAttach), ""), labO), 0))
	t.set = true
}

type flagTable struct {
	sums    [2][2][2]int64
	attach0 int16
	set     bool
}

// posSlot holds the coarse sums of tPOSm1, tPOSp1 and tPOSTri for the
// tags before, at and after a token.
type posSlot struct {
	pm1, hp, pp1 uint64
	d, n         int64
	set          bool
}

// shapeSlot holds tPrevShape's oneCoarse for two shapes.
type shapeSlot struct {
	a, b byte
	x    int16
	set  bool
}

// memo is oneCoarse(f) from a small direct-mapped table by f, for the
// features of few values.
func (c *wordCache) memo(m *linear, f uint64) int16 {
	s := &c.memoTab[(f^f>>17)%uint64(len(c.memoTab))]
	if s.set && s.f == f {
		return s.x
	}
	*s = memoSlot{f: f, x: oneCoarse(m.packed.coarse, f), set: true}
	return s.x
}

type memoSlot struct {
	f   uint64
	x   int16
	set bool
}
