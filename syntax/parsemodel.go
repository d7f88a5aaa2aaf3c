package syntax

import (
	"math"
	"strings"
)

// parseModel is the parser's inference table, built for few cache misses:
// lookups wait on memory, so slots are small and the table at most 80%
// full (a fuller, smaller table is slower: probe runs grow faster than the
// cache hit rate). One lookup per feature yields the feature's move weights (SHIFT
// and LEFT/RIGHT for each label group) as int8 values stored inline, four
// 16-byte slots to a cache line, and where its run of label weights starts
// (read only when the chosen move makes an arc). Feature hashes are
// well-mixed, so the low bits pick the slot and 16 high bits are kept as a
// fingerprint instead of the whole key.
type parseModel struct {
	slots []pslot
	mask  uint64
	// lws holds each feature's label weights, class<<16 | uint16(weight),
	// sorted into ten buckets by direction (LEFT, RIGHT) and label group,
	// behind a header of three words whose bytes 0..10 are the buckets'
	// offsets, so that scoring reads only the group of the chosen move.
	// lws[0] is unused so that run 0 means none.
	lws []uint32
	// groupHas[g] reports whether some label belongs to group g.
	groupHas [numGroups]bool
	// the two perceptrons as trained, kept for serialisation
	moves, labels *perceptron
	features      int // distinct feature hashes
}

func (m *parseModel) numFeatures() int { return m.features }

// pslot holds the move weights offset by moveBias, so that summing them
// needs no sign handling: w0 holds moves 0..7, one per byte, the low three
// bytes of w1 moves 8..10. The top byte of w1 and the high half of meta
// give the index of the label run in lws; the low half of meta is the
// fingerprint, 0 for an empty slot.
type pslot struct {
	w0   uint64
	w1   uint32
	meta uint32
}

const moveBias = 128

func (s *pslot) fp() uint32 { return s.meta & 0xffff }

func (s *pslot) run() uint32 { return s.meta>>16 | (s.w1>>24)<<16 }

const labelHeader = 3 // words of a label run's header

func fingerprint(f uint64) uint32 {
	fp := uint32(f>>48) & 0xffff
	if fp == 0 {
		fp = 1
	}
	return fp
}

// moveQuantum maps the trained int16 move weights to int8: the largest
// magnitude becomes 127.
func moveQuantum(p *perceptron) float64 {
	var maxAbs int
	for _, q := range p.qwts {
		maxAbs = max(maxAbs, int(q), -int(q))
	}
	return float64(max(maxAbs, 1)) / 127
}

// newParseModel merges the move and label perceptrons (both keyed by the
// same feature hashes) into one table. Both were quantised with their own
// scale; argmax is taken within moves and within labels only, so the
// scales never need to meet. Features whose move weights all round to
// zero and that have no label weights are dropped.
func newParseModel(moves, labels *perceptron) *parseModel {
	m := &parseModel{moves: moves, labels: labels, lws: make([]uint32, 1)}
	L := len(labels.classes) / 2
	group := make([]uint8, L)
	for c := range L {
		group[c] = groupOfLabel(strings.TrimPrefix(labels.classes[c], "L-"))
		m.groupHas[group[c]] = true
	}
	const ng = numGroups
	var buckets [2 * ng][]uint32
	quantum := moveQuantum(moves)
	run := func(p *perceptron, i int) (int, int) {
		end := len(p.cls)
		if i+1 < len(p.starts) {
			end = int(p.starts[i+1])
		}
		return int(p.starts[i]), end
	}
	type entry struct {
		key uint64
		s   pslot
	}
	var entries []entry
	i, j := 0, 0
	for i < len(moves.keys) || j < len(labels.keys) {
		var key uint64
		switch {
		case j >= len(labels.keys) || (i < len(moves.keys) && moves.keys[i] < labels.keys[j]):
			key = moves.keys[i]
		default:
			key = labels.keys[j]
		}
		var mv [12]int64
		keep := false
		if i < len(moves.keys) && moves.keys[i] == key {
			a, b := run(moves, i)
			for k := a; k < b; k++ {
				q := int64(math.Round(float64(moves.qwts[k]) / quantum))
				q = min(max(q, -127), 127)
				mv[moves.cls[k]] = q
				keep = keep || q != 0
			}
			i++
		}
		var runIdx uint32
		if j < len(labels.keys) && labels.keys[j] == key && len(m.lws) < 1<<24 {
			// Runs are sorted by class: LEFT labels (< L) first.
			a, b := run(labels, j)
			for k := range buckets {
				buckets[k] = buckets[k][:0]
			}
			for k := a; k < b; k++ {
				c, dir := labels.cls[k], 0
				if int(c) >= L {
					c, dir = c-uint8(L), 1
				}
				bk := dir*ng + int(group[c])
				buckets[bk] = append(buckets[bk], uint32(c)<<16|uint32(uint16(labels.qwts[k])))
			}
			runIdx = uint32(len(m.lws))
			var hdr [4 * labelHeader]uint8
			off := 0
			for k := range buckets {
				hdr[k] = uint8(off)
				off += len(buckets[k])
			}
			hdr[len(buckets)] = uint8(off)
			for w := range labelHeader {
				m.lws = append(m.lws, uint32(hdr[4*w])|uint32(hdr[4*w+1])<<8|uint32(hdr[4*w+2])<<16|uint32(hdr[4*w+3])<<24)
			}
			for k := range buckets {
				m.lws = append(m.lws, buckets[k]...)
			}
			keep = true
			j++
		} else if j < len(labels.keys) && labels.keys[j] == key {
			j++
		}
		if !keep {
			continue
		}
		var s pslot
		for k := range 8 {
			s.w0 |= uint64(mv[k]+moveBias) << (8 * k)
		}
		for k := range 3 {
			s.w1 |= uint32(mv[8+k]+moveBias) << (8 * k)
		}
		s.w1 |= runIdx >> 16 << 24
		s.meta = fingerprint(key) | runIdx<<16
		entries = append(entries, entry{key, s})
	}
	size := 16
	for size < len(entries)*5/4 {
		size *= 2
	}
	m.slots = make([]pslot, size)
	m.mask = uint64(size - 1)
	for _, e := range entries {
		h := e.key & m.mask
		for m.slots[h].fp() != 0 {
			h = (h + 1) & m.mask
		}
		m.slots[h] = e.s
	}
	m.features = len(entries)
	return m
}

// scoreMoves sums the move weights of feats into mv and records the
// slots of the features that were found, for scoreLabels; nLabel is how
// many of those came from the first numLabelFeats features.
// sink receives a meaningless sum that keeps the prefetching loads from
// being optimised away; it belongs to the caller's scratch space.
func (m *parseModel) scoreMoves(feats []uint64, found []int32, mv *[numMoves]int32, sink *uint32) (_ []int32, nLabel int) {
	found = found[:0]
	slots, mask := m.slots, m.mask
	// A first pass touches every feature's home slot with loads that do not
	// depend on each other or on branches, letting the CPU fetch them in
	// parallel; the second pass then finds them in cache.
	var sum uint32
	for _, f := range feats {
		sum += slots[f&mask].meta
	}
	*sink = sum
	// The biased bytes are summed four at a time in 16-bit lanes (at most
	// 255 per feature, so 257 features cannot overflow a lane).
	const even, even32, byte32 = 0x00ff00ff00ff00ff, 0x00ff00ff, 0xff
	var a0, a1 uint64
	var b0, b1 uint32
	for i, f := range feats {
		if i == numLabelFeats {
			nLabel = len(found)
		}
		fp := fingerprint(f)
		h := f & mask
		for {
			s := &slots[h]
			sfp := s.fp()
			if sfp == fp {
				a0 += s.w0 & even
				a1 += s.w0 >> 8 & even
				b0 += s.w1 & even32
				b1 += s.w1 >> 8 & byte32
				found = append(found, int32(h))
				break
			}
			if sfp == 0 {
				break
			}
			h = (h + 1) & mask
		}
	}
	if len(feats) <= numLabelFeats {
		nLabel = len(found)
	}
	bias := int32(moveBias * len(found))
	for k := range 4 {
		mv[2*k] = int32(a0>>(16*k)&0xffff) - bias
		mv[2*k+1] = int32(a1>>(16*k)&0xffff) - bias
	}
	mv[8] = int32(b0&0xffff) - bias
	mv[9] = int32(b1&0xffff) - bias
	mv[10] = int32(b0>>16) - bias
	return found, nLabel
}

// scoreLabels fills scores (one per label) with the LEFT (right false) or
// RIGHT scores of the labels of group g of the found slots (of all labels
// if the group has none); the other labels' scores are left at zero.
func (m *parseModel) scoreLabels(found []int32, right bool, g uint8, scores []int32, sink *uint32) {
	clear(scores)
	const ng = numGroups
	k0, k1 := int(g), int(g)+1
	if !m.groupHas[g] {
		k0, k1 = 0, ng
	}
	if right {
		k0, k1 = k0+ng, k1+ng
	}
	lws := m.lws
	var sum uint32
	for _, h := range found { // prefetch the label runs, as in scoreMoves
		if i := m.slots[h].run(); int(i) < len(lws) {
			sum += lws[i]
		}
	}
	*sink = sum
	for _, h := range found {
		i := int(m.slots[h].run())
		if i == 0 || i+labelHeader > len(lws) {
			continue
		}
		a := i + labelHeader + int(lws[i+k0/4]>>(8*(k0%4))&0xff)
		b := i + labelHeader + int(lws[i+k1/4]>>(8*(k1%4))&0xff)
		if a > b || b > len(lws) {
			continue
		}
		for _, e := range lws[a:b] {
			if c := int(e >> 16); c < len(scores) {
				scores[c] += int32(int16(e))
			}
		}
	}
}
