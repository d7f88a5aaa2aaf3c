package segment

// findQuotes skips the bytes between quote marks a byte at a time, from
// a table (plainByte): 10M instructions over BBC politics, most of the
// quote pass. skipPlain takes eight bytes a step while none of them is a
// '"', a '\'' or a byte of a non-ASCII rune (the bytes plainByte does not
// hold), and the last few a byte at a time.

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// skipPlain returns the first i' >= i, i' <= end, with !plainByte[s[i']]
// (end if none).
func skipPlain(s string, i, end int) int {
	for ; i+8 <= end; i += 8 {
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		if x&highs != 0 || hasZeroByte(x^('"'*ones)) || hasZeroByte(x^('\''*ones)) {
			break
		}
	}
	for i < end && plainByte[s[i]] {
		i++
	}
	return i
}

// hasZeroByte reports whether some byte of x is 0 (exactly: the borrow
// that may mark a byte above a zero byte needs a zero byte below it).
func hasZeroByte(x uint64) bool {
	return (x-ones)&^x&highs != 0
}
