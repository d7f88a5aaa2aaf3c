package attribute

import "sync/atomic"

// The rankers score the starts and ends of every candidate span of every
// cue (about 850 a BBC article), a dozen features each. Six of a start's
// and six of an end's come in two groups of three that share a few
// inputs of few values: the tags at and before a start (its tag, the
// one before, the two), the tags at and after an end; a length bucket, a
// quote flag and the dependency label (empty without a parse) of a start;
// the sentence-end kind, a quote flag, the shape and a bucket of an end.
// The sum of a group's q is memoised by its inputs, per rankers' model
// (groupMemo, in the spanBuf), so that a group costs one look-up in a
// small table where it cost three hashes and three look-ups in the
// rankers' megabyte of lines. The other features are looked up as before
// and all q summed as integers, so the score is the same float as score
// gives (TestStartEndScoresAsScore).

// packedIDs numbers packed models, so that a memo of one is never read
// for another (a new model may take a freed one's address).
var packedIDs atomic.Uint64

// groupMemo memoises the q sums of feature groups of one packed
// one-class model.
type groupMemo struct {
	id   uint64 // the packed model's id; 0: none yet
	slot [groupMemoSize]groupSlot
	// the flag groups by their inputs (speed_flags.go)
	flags flagMemo
}

// 8,192 slots (256 KiB a role): 4,096 ran 3.6M more instructions over
// BBC politics.
const (
	groupMemoBits = 13
	groupMemoSize = 1 << groupMemoBits
)

// groupSlot is a group's inputs (two hashes and small values, the group
// and the side in k) and the sum of its features' q.
type groupSlot struct {
	a, b uint64
	k    uint32
	q    int32
	set  bool
}

// The groups, in groupSlot.k's top byte.
const (
	groupStartTags = iota + 1
	groupStartFlags
	groupEndTags
	groupEndFlags
)

// reset readies the memo for model p, emptying it when it holds another
// model's sums.
func (mm *groupMemo) reset(p *packed) {
	if mm.id != p.id {
		clear(mm.slot[:])
		mm.flags = flagMemo{}
		mm.id = p.id
	}
}

// get returns the slot of inputs a, b, k and whether it holds their sum.
func (mm *groupMemo) get(a, b uint64, k uint32) (*groupSlot, bool) {
	s := &mm.slot[(a*0x9e3779b97f4a7c15^b*0xc2b2ae3d27d4eb4f^uint64(k)*0x165667b19e3779f9)>>(64-groupMemoBits)]
	return s, s.set && s.a == a && s.b == b && s.k == k
}

// put stores in s the sum of the q of feats under inputs a, b, k.
func (s *groupSlot) put(p *packed, lm *linear, a, b uint64, k uint32, feats ...uint64) int32 {
	var q int32
	for _, f := range feats {
		q += p.sum1(lm, f)
	}
	*s = groupSlot{a: a, b: b, k: k, q: q, set: true}
	return q
}

// startScore is lm.score(v.startFeats(role, c, side, s, cw, nil)).
func (v *view) startScore(lm *linear, buf *spanBuf, role int, c Range, side int, s int, cw uint64) float32 {
	p := lm.packed
	if p == nil || len(p.lines) == 0 || p.id == 0 {
		// (a model packed elsewhere than pack and packSparse has no id)
		buf.f = v.startFeats(role, c, side, s, cw, buf.f[:0])
		return lm.score(buf.f)
	}
	mm := &buf.gm[role-1]
	mm.reset(p)
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
	f := buf.f[:0]
	f = append(f,
		mixH(h^fhash(tSpStartW), hw),
		mixH(h^fhash(tSpBefore), wb),
		mixH(mixH(h^fhash(tSpBefore2), v.hword(s-2, lo, hi)), wb),
		mixH(mixH(h^fhash(tSpFirstTwo), hw), v.hpos(s+1, lo, hi)),
		mixH(mixI(h^fhash(tSpDistW), bucket(dist)), hw),
		mixH((h^fhash(tSpCueW))+cw, hw),
	)
	var a int32
	k := uint32(groupStartTags<<24 | side)
	if g, ok := mm.get(pb, hp, k); ok {
		a = g.q
	} else {
		a = g.put(p, lm, pb, hp, k,
			mixH(h^fhash(tSpStartPOS), hp),
			mixH(h^fhash(tSpBeforePOS), pb),
			mixH(mixH(h^fhash(tSpStartBigram), pb), hp))
	}
	qo := boolInt(v.qopen[s] != 0)
	if fs := mm.flags.start(side, bucket(dist), qo); t.Dep == "" && fs != nil {
		if !fs.set {
			*fs = flagSum{q: p.sum1(lm, mixI(h^fhash(tSpDist), bucket(dist))) +
				p.sum1(lm, mixI(h^fhash(tSpQOpen), qo)) +
				p.sum1(lm, mixS(h^fhash(tSpStartDep), "")), set: true}
		}
		a += fs.q
	} else if t.Dep == "" {
		// (a bucket may be negative: it goes whole in a)
		nb, k := uint64(bucket(dist)), uint32(groupStartFlags<<24|side)
		if g, ok := mm.get(nb, uint64(qo), k); ok {
			a += g.q
		} else {
			a += g.put(p, lm, nb, uint64(qo), k,
				mixI(h^fhash(tSpDist), bucket(dist)),
				mixI(h^fhash(tSpQOpen), qo),
				mixS(h^fhash(tSpStartDep), ""))
		}
	} else {
		f = append(f,
			mixI(h^fhash(tSpDist), bucket(dist)),
			mixI(h^fhash(tSpQOpen), qo),
			mixS(h^fhash(tSpStartDep), t.Dep))
	}
	if side == sideRight && s > c.End {
		g := h ^ fhash(tSpGap)
		g = mixH(g, v.hw[c.End])
		g = mixH(g, v.hw[s-1])
		f = append(f, mixI(g, bucket(s-c.End)))
	}
	if t.Head >= 0 && t.Head < len(v.lw) {
		rel := 0
		if t.Head >= c.Start && t.Head < c.End {
			rel = 1
		}
		f = append(f, mixS(mixI(h^fhash(tSpStartHead), rel), t.Dep))
	}
	buf.f = f
	return float32(a+lm.sumQ(f)) * p.scale
}

// endScore is lm.score(v.endFeats(role, c, side, e, cw, nil)).
func (v *view) endScore(lm *linear, buf *spanBuf, role int, c Range, side int, e int, cw uint64) float32 {
	p := lm.packed
	if p == nil || len(p.lines) == 0 || p.id == 0 {
		buf.f = v.endFeats(role, c, side, e, cw, buf.f[:0])
		return lm.score(buf.f)
	}
	mm := &buf.gm[role-1]
	mm.reset(p)
	h := mixI(mixI(0, role), side)
	last, lo, hi, atEnd, dist := v.endPlace(c, side, e)
	hpl := v.hp[last]
	wa, pa := v.hword(e, lo, hi), v.hpos(e, lo, hi)
	f := buf.f[:0]
	if e < hi && isFinite(v.d.Tokens[e].POS) {
		f = append(f, mixH((h^fhash(tSpEndFinite))+cw, hpl), mixH(h^fhash(tSpEndFinite), hpl))
	}
	if side == sideLeft && e < c.Start && c.Start-e <= 3 {
		g := mixI(h^fhash(tSpEndGap), c.Start-e)
		for k := e; k < c.Start; k++ {
			g = mixH(g, v.hp[k])
		}
		f = append(f, g)
	}
	f = append(f,
		mixH(mixH(h^fhash(tSpAfter2), wa), v.hword(e+1, lo, hi)),
		mixH((h^fhash(tSpCueAfterPOS))+cw, pa),
		mixH(mixH(h^fhash(tSpAfterWPOS), wa), v.hpos(e+1, lo, hi)),
		mixH(mixH(h^fhash(tSpLastTwo), v.hpos(last-1, lo, hi)), hpl),
		mixH(h^fhash(tSpEndW), v.hw[last]),
		mixH(h^fhash(tSpAfter), wa),
		mixH((h^fhash(tSpCueW))+cw, wa),
	)
	var a int32
	k := uint32(groupEndTags<<24 | side)
	if g, ok := mm.get(hpl, pa, k); ok {
		a = g.q
	} else {
		a = g.put(p, lm, hpl, pa, k,
			mixH(mixH(h^fhash(tSpEndBigram), hpl), pa),
			mixH(h^fhash(tSpEndPOS), hpl),
			mixH(h^fhash(tSpAfterPOS), pa))
	}
	qc := boolInt(v.qclose[last] != 0)
	sh, nb := int(v.shape[last]), bucket(dist)
	// (a bucket may be negative: it goes whole in a)
	k = uint32(groupEndFlags<<24 | side)
	fa, fb := uint64(nb), uint64(atEnd<<16|qc<<8|sh)
	if fs := mm.flags.end(side, nb, atEnd, qc, sh); fs != nil {
		if !fs.set {
			*fs = flagSum{q: p.sum1(lm, mixI(h^fhash(tSpSentEnd), atEnd)) +
				p.sum1(lm, mixI(h^fhash(tSpQClose), qc)) +
				p.sum1(lm, mixI(mixI(h^fhash(tSpEndShape), sh), nb)), set: true}
		}
		a += fs.q
	} else if g, ok := mm.get(fa, fb, k); ok {
		a += g.q
	} else {
		a += g.put(p, lm, fa, fb, k,
			mixI(h^fhash(tSpSentEnd), atEnd),
			mixI(h^fhash(tSpQClose), qc),
			mixI(mixI(h^fhash(tSpEndShape), sh), nb))
	}
	buf.f = f
	return float32(a+lm.sumQ(f)) * p.scale
}
