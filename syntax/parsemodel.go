package syntax

// parseModel is the parser's inference table. One lookup per feature
// yields both the feature's move weights (SHIFT and LEFT/RIGHT for each
// label group), stored inline, and the run of its label weights, which are
// only read when the chosen move makes an arc. A slot is 32 bytes, two per
// cache line: feature hashes are well-mixed, so the low bits pick the slot
// and the high 32 bits are kept as a fingerprint instead of the whole key.
type parseModel struct {
	slots []pslot
	mask  uint64
	lws   []labelWeight
	// the two perceptrons as trained, kept for serialisation
	moves, labels *perceptron
	features      int // distinct feature hashes
}

func (m *parseModel) numFeatures() int { return m.features }

type pslot struct {
	fp     uint32 // high half of the feature hash; 0 marks an empty slot
	mv     [numMoves]int16
	nleft  uint8 // label weights of LEFT classes, then nright of RIGHT ones
	nright uint8
	lstart uint32
}

// labelWeight is one (label class, quantised weight) pair, packed so that
// a feature's run is one memory read.
type labelWeight struct {
	class uint8
	w     int16
}

func fingerprint(f uint64) uint32 {
	fp := uint32(f >> 32)
	if fp == 0 {
		fp = 1
	}
	return fp
}

// newParseModel merges the move and label perceptrons (both keyed by the
// same feature hashes) into one table. Both were quantised with their own
// scale; argmax is taken within moves and within labels only, so the
// scales never need to meet.
func newParseModel(moves, labels *perceptron) *parseModel {
	m := &parseModel{moves: moves, labels: labels}
	n := 0 // distinct keys of the two sorted key lists
	for i, j := 0, 0; i < len(moves.keys) || j < len(labels.keys); n++ {
		switch {
		case j >= len(labels.keys) || (i < len(moves.keys) && moves.keys[i] < labels.keys[j]):
			i++
		case i >= len(moves.keys) || labels.keys[j] < moves.keys[i]:
			j++
		default:
			i++
			j++
		}
	}
	size := 16
	for size < n*3/2 {
		size *= 2
	}
	m.slots = make([]pslot, size)
	m.mask = uint64(size - 1)
	run := func(p *perceptron, i int) (int, int) {
		end := len(p.cls)
		if i+1 < len(p.starts) {
			end = int(p.starts[i+1])
		}
		return int(p.starts[i]), end
	}
	i, j := 0, 0
	for i < len(moves.keys) || j < len(labels.keys) {
		var key uint64
		switch {
		case j >= len(labels.keys) || (i < len(moves.keys) && moves.keys[i] < labels.keys[j]):
			key = moves.keys[i]
		default:
			key = labels.keys[j]
		}
		var s pslot
		s.fp = fingerprint(key)
		if i < len(moves.keys) && moves.keys[i] == key {
			a, b := run(moves, i)
			for k := a; k < b; k++ {
				s.mv[moves.cls[k]] = moves.qwts[k]
			}
			i++
		}
		if j < len(labels.keys) && labels.keys[j] == key {
			// Runs are sorted by class: LEFT labels (< L) first.
			a, b := run(labels, j)
			s.lstart = uint32(len(m.lws))
			L := len(labels.classes) / 2
			for k := a; k < b; k++ {
				c := labels.cls[k]
				if int(c) < L {
					s.nleft++
				} else {
					s.nright++
					c -= uint8(L)
				}
				m.lws = append(m.lws, labelWeight{class: c, w: labels.qwts[k]})
			}
			j++
		}
		m.features++
		h := key & m.mask
		for m.slots[h].fp != 0 {
			h = (h + 1) & m.mask
		}
		m.slots[h] = s
	}
	return m
}

// scoreMoves sums the move weights of feats into mv and records the
// slots of the features that were found, for scoreLabels; nLabel is how
// many of those came from the first numLabelFeats features.
// sink receives a meaningless sum that keeps the prefetching loads from
// being optimised away; it belongs to the caller's scratch space.
func (m *parseModel) scoreMoves(feats []uint64, found []int32, mv *[numMoves]int32, sink *uint32) (_ []int32, nLabel int) {
	found = found[:0]
	*mv = [numMoves]int32{}
	slots, mask := m.slots, m.mask
	// The table is far larger than the cache, so lookups wait on memory.
	// A first pass touches every feature's home slot with loads that do not
	// depend on each other or on branches, letting the CPU fetch them in
	// parallel; the second pass then finds them in cache.
	var sum uint32
	for _, f := range feats {
		sum += slots[f&mask].fp
	}
	*sink = sum
	for i, f := range feats {
		if i == numLabelFeats {
			nLabel = len(found)
		}
		fp := fingerprint(f)
		h := f & mask
		for {
			s := &slots[h]
			if s.fp == fp {
				for k, w := range s.mv {
					mv[k] += int32(w)
				}
				found = append(found, int32(h))
				break
			}
			if s.fp == 0 {
				break
			}
			h = (h + 1) & mask
		}
	}
	if len(feats) <= numLabelFeats {
		nLabel = len(found)
	}
	return found, nLabel
}

// scoreLabels fills scores (one per label) with the LEFT (right false) or
// RIGHT label scores of the found slots.
func (m *parseModel) scoreLabels(found []int32, right bool, scores []int32, sink *uint32) {
	clear(scores)
	var sum uint32
	for _, h := range found { // prefetch the label runs, as in scoreMoves
		if i := m.slots[h].lstart; int(i) < len(m.lws) {
			sum += uint32(m.lws[i].w)
		}
	}
	*sink = sum
	for _, h := range found {
		s := &m.slots[h]
		a, b := s.lstart, s.lstart+uint32(s.nleft)
		if right {
			a, b = b, b+uint32(s.nright)
		}
		for _, lw := range m.lws[a:b] {
			if int(lw.class) < len(scores) {
				scores[lw.class] += int32(lw.w)
			}
		}
	}
}
