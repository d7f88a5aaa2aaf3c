package syntax

import (
	"encoding/binary"
	"slices"
)

// tagTable holds the tagger's weights in a form that is small enough to
// stay in a core's L2 cache: features are grouped by hash bucket (at least
// as many buckets as features), and a bucket's records lie side by side in
// one byte array. A record is a 16-bit fingerprint of the feature hash, a
// count q and q groups of four (class, int16 weight) entries. A lookup
// reads the 4-byte directory entry and then one record, where the
// perceptron's general table reads a 16-byte slot and then the weights
// elsewhere; the groups of four keep the scoring loop's branches
// predictable.
//
// The fingerprint and the bucket index together use 16 + log2(buckets) bits
// of the hash, so a feature the model does not know can, rarely (at most
// about one lookup in 65,000), pick up the weights of one that it does. The
// dev accuracy is measured through this table, so what is reported is what
// ships.
type tagTable struct {
	dir  []uint32 // the records of bucket b are data[dir[b]:dir[b+1]]
	mask uint64
	data []byte
}

func tagFingerprint(f uint64) uint16 { return uint16(f >> 48) }

// recordSize is the bytes of a record of n weights: the weights come in
// groups of four (padded with zero weights), so that the scoring loop runs
// a predictable number of times.
func recordSize(n int) int { return 3 + 12*((n+3)/4) }

func newTagTable(p *perceptron) *tagTable {
	nb := 16
	for nb < len(p.keys) {
		nb *= 2
	}
	t := &tagTable{dir: make([]uint32, nb+1), mask: uint64(nb - 1)}
	// Counting sort of the features by bucket; p.keys is sorted, so each
	// bucket keeps key order and the layout is deterministic.
	size := make([]uint32, nb)
	run := func(i int) (int, int) {
		end := len(p.cls)
		if i+1 < len(p.starts) {
			end = int(p.starts[i+1])
		}
		return int(p.starts[i]), end
	}
	for i, k := range p.keys {
		s, e := run(i)
		size[k&t.mask] += uint32(recordSize(e - s))
	}
	var off uint32
	for b := range nb {
		t.dir[b] = off
		off += size[b]
	}
	t.dir[nb] = off
	t.data = make([]byte, off)
	fill := slices.Clone(t.dir[:nb])
	for i, k := range p.keys {
		s, e := run(i)
		b := k & t.mask
		pos := fill[b]
		d := t.data[pos:]
		binary.LittleEndian.PutUint16(d, tagFingerprint(k))
		n := e - s
		d[2] = uint8((n + 3) / 4)
		for j := range n {
			d[3+3*j] = p.cls[s+j]
			binary.LittleEndian.PutUint16(d[4+3*j:], uint16(p.qwts[s+j]))
		}
		// Padding entries are class 0 with weight 0.
		fill[b] = pos + uint32(recordSize(n))
	}
	return t
}

// score fills scores with the sums of the quantised weights of feats (the
// perceptron's scale is positive, so the argmax is that of the weights).
// lo and hi are scratch space of len(feats); sink receives a meaningless
// value from the prefetching passes.
func (t *tagTable) score(feats []uint64, lo, hi []uint32, scores *[256]int32, sink *uint64) {
	dir, data, mask := t.dir, t.data, t.mask
	lo, hi = lo[:len(feats)], hi[:len(feats)]
	// Independent loads first, so that the misses overlap.
	for i, f := range feats {
		b := f & mask
		lo[i], hi[i] = dir[b], dir[b+1]
	}
	var sum uint64
	for i := range feats {
		if lo[i] < hi[i] {
			sum += uint64(data[lo[i]])
		}
	}
	*sink = sum
	for i, f := range feats {
		fp := tagFingerprint(f)
		pos, end := int(lo[i]), int(hi[i])
		for pos < end {
			size := 3 + 12*int(data[pos+2])
			if binary.LittleEndian.Uint16(data[pos:]) == fp {
				for r := data[pos+3 : pos+size]; len(r) >= 12; r = r[12:] {
					scores[r[0]] += int32(int16(uint16(r[1]) | uint16(r[2])<<8))
					scores[r[3]] += int32(int16(uint16(r[4]) | uint16(r[5])<<8))
					scores[r[6]] += int32(int16(uint16(r[7]) | uint16(r[8])<<8))
					scores[r[9]] += int32(int16(uint16(r[10]) | uint16(r[11])<<8))
				}
				break
			}
			pos += size
		}
	}
}

func argmaxInt(scores []int32) int {
	if len(scores) == 0 {
		return 0
	}
	// the best score in a local: the tagger asks this of every token;
	// two scores a turn, in order, so the loop's own test and step come
	// half as often (the first of equal scores still wins); by index,
	// not by reslicing, which cost a third of the loop's instructions
	best, top := 0, scores[0]
	i := 1
	for ; i < len(scores)-1; i += 2 {
		a, b := scores[i], scores[i+1]
		if a > top {
			best, top = i, a
		}
		if b > top {
			best, top = i+1, b
		}
	}
	if i < len(scores) && scores[i] > top {
		best = i
	}
	return best
}
