package doc

import "unicode/utf8"

// A Runes table held an int32 for every byte of the text, 9 KB a BBC
// article, built a byte at a time for every article (0.5% of the default
// mode's instructions over BBC politics, and 8% of the bytes it
// allocated) and read for a few hundred span ends. Most articles are
// ASCII, or ASCII for a long stretch before their first "£" or curly
// quote, and there byte b is code point b: the table starts at the first
// byte that is not ASCII (none for 71% of BBC articles), and At answers
// from b itself before it.

// asciiPrefix returns the length of s's longest ASCII prefix: eight
// bytes a step (the compiler makes the eight loads one), then a byte a
// step.
func asciiPrefix(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		if x&0x8080808080808080 != 0 {
			break
		}
	}
	for i < len(s) && s[i] < utf8.RuneSelf {
		i++
	}
	return i
}
