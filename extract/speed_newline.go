package extract

import "strings"

// lastNewline is strings.LastIndexByte(s, '\n'), from strings.IndexByte:
// linkLine asks it of the 300 bytes before every found attribution's
// content, which hold a newline or two at most, and LastIndexByte reads
// a byte a step (it has no vector form on amd64: 8M instructions over
// BBC politics) where IndexByte reads 32 bytes a step. footnoteLine asks
// it of the 1,000 bytes before every attribution the statements view
// weighs (9.6M instructions of LastIndexByte over BBC politics).
func lastNewline(s string) int {
	last := -1
	for at := 0; ; {
		i := strings.IndexByte(s[at:], '\n')
		if i < 0 {
			return last
		}
		last = at + i
		at = last + 1
	}
}
