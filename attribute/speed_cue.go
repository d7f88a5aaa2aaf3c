package attribute

import "math"

// For each cue, rank bounds the pair part of a candidate on each side
// (pairBound: ten look-ups of the cue word's feature, one per length
// bucket) and packedPair looks up that feature again for every candidate
// scored in full. The feature depends only on the model, the role, the
// side, the bucket and the cue's word, and most cues of an article share
// a handful of words ("said", "told", "according"). cueMemo keeps, per
// model, role, side and cue word, the ten q and the bound, in a small
// direct-mapped table of the rankers' spanBuf: a slot is filled by the
// same sums in the same order as pairBound, so the bound is the same
// float (TestCueMemo), and packedPair adds the same integer q.

// cueSlot holds the q of pairCueFeat(role, side, nb, cw) for each length
// bucket nb and pairBound(lm, role, side, cw), of the model with id id
// (0: empty slot).
type cueSlot struct {
	id    uint64
	cw    uint64
	r     int32 // (role-1)*numSides + side - 1
	bound float32
	q     [numBuckets]int32
}

// 2,048 slots (128 KiB a spanBuf): with 256, the cue words of an article
// and their ten roles and sides took each other's slots, and filling them
// again (ten look-ups each) cost 4.8M more instructions over BBC politics.
const (
	numBuckets   = 10 // bucket's values, 0 to 9
	cueMemoBits  = 11
	cueMemoSlots = 1 << cueMemoBits
)

type cueMemo [cueMemoSlots]cueSlot

// get returns the slot of lm's packed model (which must have an id, see
// packedIDs) for role, side and cue word cw, filled on a miss.
func (cm *cueMemo) get(lm *linear, role, side int, cw uint64) *cueSlot {
	p := lm.packed
	r := int32((role-1)*numSides + side - 1)
	s := &cm[(cw*0x9e3779b97f4a7c15^uint64(r)*0xc2b2ae3d27d4eb4f^p.id*0x165667b19e3779f9)>>(64-cueMemoBits)]
	if s.id == p.id && s.cw == cw && s.r == r {
		return s
	}
	p.pairShapeSum(lm, 0) // builds pairShapeMax
	s.id, s.cw, s.r = p.id, cw, r
	// as pairBound
	a := int32(math.MinInt32)
	for nb := range len(p.pairShapeMax[r]) {
		s.q[nb] = p.sum1(lm, pairCueFeat(role, side, nb, cw))
		a = max(a, p.pairShapeMax[r][nb]+s.q[nb])
	}
	s.bound = float32(a) * p.scale
	return s
}
