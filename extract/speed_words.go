package extract

import (
	"strings"
	"sync/atomic"
)

// The rules ask for the lower-cased words of the same few texts over and
// over: each of a dozen rules splits every attribution's cue (and several
// its content) with strings.Fields(strings.ToLower(...)), a rule at a
// time over all of an article's attributions. lowerFields and
// lowerFieldsApos give those words from a small cache of recent texts,
// so a text is lower-cased and split once where it was a dozen times.
//
// The words returned are shared: a caller must not change them (the slice
// is capped at its length, so an append copies).

// lowerFields is strings.Fields(strings.ToLower(s)), shared (see above).
func lowerFields(s string) []string { return cachedWords(s, false) }

// lowerFieldsApos is strings.Fields(apostrophes.Replace(strings.ToLower(s))),
// shared (see above).
func lowerFieldsApos(s string) []string { return cachedWords(s, true) }

// wordsEntry is a cached text and its words; immutable once stored.
type wordsEntry struct {
	s     string // a copy: a cached text does not hold its article
	apos  bool
	words []string
}

// wordsCache is direct-mapped by wordsSlot. Its slots are atomic, so
// concurrent extractions share it safely: an entry is complete before it
// is published, and a look-up compares the whole text, so two texts that
// take the same slot only cost each other a miss.
var wordsCache [256]atomic.Pointer[wordsEntry]

// wordsSlot hashes a few bytes of s and its length: cheap, and enough to
// spread an article's few dozen cue and content texts.
func wordsSlot(s string, apos bool) int {
	h := uint(len(s)) * 0x9e3779b1
	if len(s) > 0 {
		h ^= uint(s[0]) | uint(s[len(s)/2])<<8 | uint(s[len(s)-1])<<16
	}
	if apos {
		h ^= 0x5bd1e995
	}
	h *= 0x9e3779b1
	return int(h>>8) & (len(wordsCache) - 1)
}

func cachedWords(s string, apos bool) []string {
	slot := &wordsCache[wordsSlot(s, apos)]
	if e := slot.Load(); e != nil && e.apos == apos && e.s == s {
		return e.words
	}
	key := strings.Clone(s)
	l := strings.ToLower(key)
	if apos {
		l = apostrophes.Replace(l)
	}
	w := strings.Fields(l)
	w = w[:len(w):len(w)]
	slot.Store(&wordsEntry{s: key, apos: apos, words: w})
	return w
}
