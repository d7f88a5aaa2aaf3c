package resolve

import "unicode/utf8"

// The kinds of byte lower tells apart (byteKind).
const (
	kindUpper    = 1 << iota // 'A' to 'Z'
	kindNonASCII             // a byte of a multi-byte rune
)

// byteKind and asciiLower are lower's tables: what kind each byte is, and
// the ASCII lower case of each ASCII byte (256 entries each, so that
// indexing by a byte needs no bounds check). lower's two loops were 1.4%
// of the default extractor's instructions with a branch or two per byte.
var byteKind, asciiLower = func() (kind, low [256]uint8) {
	for c := range 256 {
		low[c] = uint8(c)
		switch {
		case c >= utf8.RuneSelf:
			kind[c] = kindNonASCII
		case 'A' <= c && c <= 'Z':
			kind[c] = kindUpper
			low[c] = uint8(c + 'a' - 'A')
		}
	}
	return kind, low
}()

// asciiSpace is 1 for the ASCII bytes strings.Fields splits at (0 for
// every other byte), for countFields.
var asciiSpace = [256]uint8{'\t': 1, '\n': 1, '\v': 1, '\f': 1, '\r': 1, ' ': 1}
