package attribute

// startScore and endScore take the sum of each of their four feature
// groups from a groupMemo slot found by a hash of the group's inputs
// (speed_rank.go): three multiplications and four comparisons a look-up,
// four look-ups a start and end, about a hundred million instructions
// over BBC politics. Two of the groups have inputs of a few small values
// each: a start's length bucket and quote flag (without a parse), an
// end's bucket, sentence-end kind, quote flag and shape. flagMemo keeps
// their sums in arrays indexed by those values, filled on first use and
// emptied with the groupMemo when another model comes (a bucket past 0 to
// 9, a shape other than the five shapeOf gives, or a flag out of its range
// go to the hashed slots as before). The sums are of the same q in
// integers, so the scores are the same (TestStartEndScoresAsScore,
// TestFlagMemo).

// flagSum is a flag group's sum of q, once set.
type flagSum struct {
	q   int32
	set bool
}

// numShapes is the number of shapes shapeOf gives.
const numShapes = 5

// shapeIndex numbers the shapes shapeOf gives (-1: another byte).
var shapeIndex = func() (t [256]int8) {
	for i := range t {
		t[i] = -1
	}
	for i, sh := range [numShapes]byte{'X', 'x', 'd', 'q', 'p'} {
		t[sh] = int8(i)
	}
	return t
}()

// flagMemo holds the sums of the start flags (groupStartFlags) by side,
// bucket and quote flag, and of the end flags (groupEndFlags) by side,
// bucket, sentence-end kind, quote flag and shape.
type flagMemo struct {
	starts [numSides][numBuckets][2]flagSum
	ends   [numSides][numBuckets][4][2][numShapes]flagSum
}

// start returns the slot of the start flags of side, bucket nb and quote
// flag qo, or nil when they have none.
func (fm *flagMemo) start(side, nb, qo int) *flagSum {
	if uint(side-1) >= numSides || uint(nb) >= numBuckets || uint(qo) >= 2 {
		return nil
	}
	return &fm.starts[side-1][nb][qo]
}

// end returns the slot of the end flags of side, bucket nb, sentence-end
// kind atEnd, quote flag qc and shape sh, or nil when they have none.
func (fm *flagMemo) end(side, nb, atEnd, qc, sh int) *flagSum {
	si := shapeIndex[byte(sh)]
	if uint(side-1) >= numSides || uint(nb) >= numBuckets || uint(atEnd) >= 4 || uint(qc) >= 2 || si < 0 || sh != int(byte(sh)) {
		return nil
	}
	return &fm.ends[side-1][nb][atEnd][qc][si]
}
