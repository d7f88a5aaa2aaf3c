package attribute

import "math/bits"

// sumLines is sumQ over p's lines, passed as an argument. sumQ read them
// from the field, and the compiler then checked that (f>>6)&(len(lines)-1)
// indexes them, kept len(lines) in a register for it and spilled and
// reloaded others around the loop's rare path (a row past the q its line
// keeps) and the shift by a register; the loop took about 40 instructions
// a feature. With the lines an argument (as in coarseSum) the check goes,
// and with the rare path written out rather than through a call nothing is
// spilled: 30 instructions a feature (go tool objdump). The sum is the
// same (TestSumLines).
func (p *packed) sumLines(lines []qLine, feats []uint64) int32 {
	if len(lines) == 0 {
		return 0
	}
	// q1 written out: the rankers ask this of every start and end of
	// every cue. A table has 2^bits rows, so len(lines)-1 = mask>>6, a
	// power of two less one, and row f&mask's line is (f>>6)&lm: the
	// mask is not needed in the loop.
	lm := len(lines) - 1
	var a int32
	for _, f := range feats {
		w := int(f>>6) & lm
		l := &lines[w]
		// the row's presence bit shifted to the top, the bits of the
		// rows before it below it (^f&63 is 63 - f&63): one shift where
		// testing the bit and masking the rows before took two, with a
		// constant to shift
		x := l.present << (^f & 63)
		// without a branch on the presence bit, as in passes; j unsigned
		// and the mask -in (0 or all ones) rather than a product: fewer
		// instructions in the rankers' hottest loop
		j := uint(bits.OnesCount64(x << 1))
		if j >= uint(len(l.q)) {
			// past the q the line keeps (rare): from q, as q1
			if x>>63 != 0 {
				a += int32(p.q[int(p.before[w])+int(j)])
			}
			continue
		}
		a += int32(l.q[j]) & -int32(x>>63)
	}
	return a
}
