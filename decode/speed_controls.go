package decode

import "encoding/binary"

// countOddControls is the number of bytes c of b for which isOddControl(c):
// checkBinary asks it of the first 8 KiB of every article. Eight bytes are
// tested at a time for any below 0x20 or equal to 0x7f (none, in most
// words of text), and only a word that has one is counted byte by byte,
// from the table.
func countOddControls(b []byte) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	n := 0
	for len(b) >= 8 {
		x := binary.LittleEndian.Uint64(b)
		// some byte below 0x20, or some byte of x^0x7f… zero: the first
		// test may flag a byte that is not below 0x20, never miss one
		// that is (the byte count below is exact)
		y := x ^ 0x7f*ones
		if ((x-0x20*ones)&^x|(y-ones)&^y)&highs != 0 {
			for _, c := range b[:8] {
				n += int(oddControls[c])
			}
		}
		b = b[8:]
	}
	for _, c := range b {
		n += int(oddControls[c])
	}
	return n
}
