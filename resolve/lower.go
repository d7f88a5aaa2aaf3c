package resolve

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// lowTok is strings.ToLower of token k's text, computed once per token.
func (r *resolver) lowTok(k int) string {
	if s := r.low[k]; s != "" {
		return s
	}
	s := r.lower(r.d.Tokens[k].Text)
	r.low[k] = s
	return s
}

// Word-class flags of a lower-cased word: the sets it is in.
const (
	fTitle      = 1 << iota // titleWords
	fConnector              // connector
	fTemporal               // temporal
	fPronoun                // pronouns
	fOrg                    // orgWords
	fHonorific              // honorific
	fFunction               // isFunctionWord
	fDeterminer             // isDeterminer
	fKnown                  // the flags have been worked out
)

// wordSets is the union of the word sets keyed by word, with their flags.
var wordSets = sync.OnceValue(func() map[string]uint16 {
	m := map[string]uint16{}
	for w := range titleWords {
		m[w] |= fTitle
	}
	for w := range connector {
		m[w] |= fConnector
	}
	for w := range temporal {
		m[w] |= fTemporal
	}
	for w := range pronouns {
		m[w] |= fPronoun
	}
	for w := range orgWords {
		m[w] |= fOrg
	}
	for w := range honorific {
		m[w] |= fHonorific
	}
	return m
})

// flags are the word-class flags of token k, worked out once per token.
func (r *resolver) flags(k int) uint16 {
	if f := r.fl[k]; f != 0 {
		return f
	}
	lw := r.lowTok(k)
	f := wordSets()[lw] | fKnown
	if isFunctionWord(lw) {
		f |= fFunction
	}
	if isDeterminer(lw) {
		f |= fDeterminer
	}
	r.fl[k] = f
	return f
}

// lower is strings.ToLower(s). An ASCII string with capitals is
// lower-cased into r.lowBuf, a few large allocations per Resolve instead
// of one per word; bytes written there are never changed again, so the
// strings made of them stay valid. The test of the bytes reads one table
// and the copy another, without a branch per byte (lowerTables).
func (r *resolver) lower(s string) string {
	// the same string asked again: from the memo (speed_lowmemo.go)
	m := r.lowMemo.slot(s)
	if len(s) > 0 && len(m.key) == len(s) && unsafe.StringData(m.key) == unsafe.StringData(s) {
		return m.low
	}
	low := r.lowerOnce(s)
	m.key, m.low = s, low
	return low
}

// lowerOnce is lower without the memo.
func (r *resolver) lowerOnce(s string) string {
	var kind uint8
	for i := 0; i < len(s); i++ {
		kind |= byteKind[s[i]]
	}
	if kind&kindNonASCII != 0 {
		return strings.ToLower(s)
	}
	if kind == 0 {
		return s
	}
	if cap(r.lowBuf)-len(r.lowBuf) < len(s) {
		r.lowBuf = make([]byte, 0, max(1024, len(s)))
	}
	a := len(r.lowBuf)
	r.lowBuf = r.lowBuf[:a+len(s)]
	b := r.lowBuf[a:]
	s = s[:len(b)]
	for i := range b {
		b[i] = asciiLower[s[i]]
	}
	return unsafe.String(&b[0], len(b))
}

// countFields is len(strings.Fields(s)) without building the slice.
// An ASCII byte is told a space from a table, and a field counted
// without a branch (names are counted many times per article).
func countFields(s string) int {
	n, prev := 0, uint8(1) // prev: 1 after a space or at the start
	for i := 0; i < len(s); {
		sp := asciiSpace[s[i]]
		if s[i] < utf8.RuneSelf {
			i++
		} else {
			space, size := spaceAt(s, i)
			sp, i = 0, i+size
			if space {
				sp = 1
			}
		}
		n += int(prev &^ sp)
		prev = sp
	}
	return n
}

// firstField returns the first of strings.Fields(s) and how many fields
// there are, counting no further than 2.
func firstField(s string) (first string, n int) {
	start := -1
	for i := 0; i < len(s); {
		sp, size := spaceAt(s, i)
		if sp {
			if start >= 0 {
				if n == 1 {
					first = s[start:i]
				}
				start = -1
			}
		} else if start < 0 {
			start = i
			n++
			if n == 2 {
				return first, n
			}
		}
		i += size
	}
	if start >= 0 && n == 1 {
		first = s[start:]
	}
	return first, n
}

// spaceAt reports whether a space (as strings.Fields sees it) starts at
// s[i], and the size of the rune there.
func spaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r', 1
	}
	r, size := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r), size
}
