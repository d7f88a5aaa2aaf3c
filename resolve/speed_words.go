package resolve

import (
	"strings"
	"sync/atomic"
)

// sharedFields is strings.Fields(s), remembered: the rules split the same
// few names over and over (every entity's name for each mention
// looked up, each speaker's name by several rules), a slice allocated
// each time. The words returned are shared: a caller must not change
// them (the slice is capped at its length, so an append copies).
func sharedFields(s string) []string {
	slot := &fieldsCache[fieldsSlot(s)]
	if e := slot.Load(); e != nil && e.s == s {
		return e.words
	}
	key := strings.Clone(s) // a cached name does not hold its article
	w := strings.Fields(key)
	w = w[:len(w):len(w)]
	slot.Store(&fieldsEntry{s: key, words: w})
	return w
}

// fieldsEntry is a text and its fields; immutable once stored.
type fieldsEntry struct {
	s     string
	words []string
}

// fieldsCache is direct-mapped by fieldsSlot; its slots are atomic, so
// concurrent resolutions share it safely, and a look-up compares the
// whole text, so two texts that take the same slot only cost each other
// a miss.
var fieldsCache [512]atomic.Pointer[fieldsEntry]

// fieldsSlot hashes a text's length and its first, middle and last
// bytes: cheap, and enough to spread an article's names.
func fieldsSlot(s string) int {
	h := uint(len(s)) * 0x9e3779b1
	if n := len(s); n > 0 {
		h ^= uint(s[0]) | uint(s[n/2])<<8 | uint(s[n-1])<<16 | uint(s[n/3])<<24
	}
	h *= 0x9e3779b1
	return int(h>>12) & (len(fieldsCache) - 1)
}
