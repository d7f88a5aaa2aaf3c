package resolve

import (
	"strings"
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

// lower is strings.ToLower(s). An ASCII string with capitals is
// lower-cased into r.lowBuf, a few large allocations per Resolve instead
// of one per word; bytes written there are never changed again, so the
// strings made of them stay valid.
func (r *resolver) lower(s string) string {
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return strings.ToLower(s)
		}
		if 'A' <= c && c <= 'Z' {
			upper = true
		}
	}
	if !upper {
		return s
	}
	if cap(r.lowBuf)-len(r.lowBuf) < len(s) {
		r.lowBuf = make([]byte, 0, max(1024, len(s)))
	}
	a := len(r.lowBuf)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		r.lowBuf = append(r.lowBuf, c)
	}
	return unsafe.String(&r.lowBuf[a], len(s))
}

// countFields is len(strings.Fields(s)) without building the slice.
func countFields(s string) int {
	n := 0
	inField := false
	for i := 0; i < len(s); {
		sp, size := spaceAt(s, i)
		if sp {
			inField = false
		} else if !inField {
			inField = true
			n++
		}
		i += size
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
