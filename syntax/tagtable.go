package syntax

import (
	"encoding/binary"
	"slices"
)

// tagTable holds the tagger's weights in a form that is small enough to
// stay in a core's L2 cache: features are grouped by hash bucket, and a
// bucket's records lie side by side in one byte array, each a 16-bit
// fingerprint of the feature hash, a weight count n, n classes and n int16
// weights, each weight next to its class. A lookup reads the 4-byte directory entry and then (usually) one
// cache line of records, where the perceptron's general table reads a
// 16-byte slot and then the weights elsewhere.
//
// The fingerprint and the bucket index together use 16 + log2(buckets) bits
// of the hash, so a feature the model does not know can, rarely (about one
// lookup in 30,000), pick up the weights of one that it does. The dev
// accuracy is measured through this table, so what is reported is what ships.
type tagTable struct {
	dir  []uint32 // the records of bucket b are data[dir[b]:dir[b+1]]
	mask uint64
	data []byte
}

func tagFingerprint(f uint64) uint16 { return uint16(f >> 48) }

func newTagTable(p *perceptron) *tagTable {
	nb := 16
	for nb < len(p.keys)/2 {
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
		size[k&t.mask] += uint32(3 + 3*(e-s))
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
		d[2] = uint8(n)
		for j := range n {
			d[3+3*j] = p.cls[s+j]
			binary.LittleEndian.PutUint16(d[4+3*j:], uint16(p.qwts[s+j]))
		}
		fill[b] = pos + uint32(3+3*n)
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
			n := int(data[pos+2])
			if binary.LittleEndian.Uint16(data[pos:]) == fp {
				for r := data[pos+3 : pos+3+3*n]; len(r) >= 3; r = r[3:] {
					scores[r[0]] += int32(int16(uint16(r[1]) | uint16(r[2])<<8))
				}
				break
			}
			pos += 3 + 3*n
		}
	}
}

func argmaxInt(scores []int32) int {
	if len(scores) == 0 {
		return 0
	}
	best := 0
	for i, v := range scores {
		if v > scores[best] {
			best = i
		}
	}
	return best
}
