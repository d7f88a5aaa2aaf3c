package extract

import (
	"strings"
	"sync/atomic"
	"unicode/utf8"
)

// The rules ask for the lower-cased words of the same few texts over and
// over: each of a dozen rules splits every attribution's cue (and several
// its content) with strings.Fields(strings.ToLower(...)), a rule at a
// time over all of an article's attributions. lowerFields,
// lowerFieldsApos and fieldsOf give those words from a small cache of
// recent texts, so a text is lower-cased and split once where it was a
// dozen times.
//
// The words returned are shared: a caller must not change them (the slice
// is capped at its length, so an append copies).

// lowerFields is strings.Fields(strings.ToLower(s)), shared (see above).
func lowerFields(s string) []string { return cachedWords(s, splitLower) }

// lowerFieldsApos is strings.Fields(apostrophes.Replace(strings.ToLower(s))),
// shared (see above).
func lowerFieldsApos(s string) []string { return cachedWords(s, splitLowerApos) }

// fieldsOf is strings.Fields(s), shared (see above): the rules split the
// source and content texts of each attribution several times too.
func fieldsOf(s string) []string { return cachedWords(s, splitAsIs) }

// How cachedWords splits a text.
const (
	splitLower     = iota // strings.Fields(strings.ToLower(s))
	splitLowerApos        // with apostrophes.Replace after ToLower
	splitAsIs             // strings.Fields(s)
)

// wordsEntry is a cached text and its words; immutable once stored.
type wordsEntry struct {
	s     string // a copy: a cached text does not hold its article
	split uint8
	words []string
}

// wordsCache is direct-mapped by wordsSlot. Its slots are atomic, so
// concurrent extractions share it safely: an entry is complete before it
// is published, and a look-up compares the whole text, so two texts that
// take the same slot only cost each other a miss. 2,048 slots: with
// 256, 15,800 of the 105,000 look-ups over BBC politics missed, 11,300
// with 2,048 (8,700 are of a text not asked before).
var wordsCache [2048]atomic.Pointer[wordsEntry]

// wordsSlot hashes a few bytes of s and its length: cheap, and enough to
// spread an article's few dozen cue and content texts.
func wordsSlot(s string, split uint8) int {
	h := uint(len(s)) * 0x9e3779b1
	if len(s) > 0 {
		h ^= uint(s[0]) | uint(s[len(s)/2])<<8 | uint(s[len(s)-1])<<16
	}
	h ^= uint(split) * 0x5bd1e995
	h *= 0x9e3779b1
	return int(h>>8) & (len(wordsCache) - 1)
}

func cachedWords(s string, split uint8) []string {
	slot := &wordsCache[wordsSlot(s, split)]
	if e := slot.Load(); e != nil && e.split == split && e.s == s {
		return e.words
	}
	key := strings.Clone(s)
	l := key
	if split != splitAsIs {
		l = strings.ToLower(key)
	}
	if split == splitLowerApos {
		l = apostrophes.Replace(l)
	}
	w := strings.Fields(l)
	w = w[:len(w):len(w)]
	slot.Store(&wordsEntry{s: key, split: split, words: w})
	return w
}

// lowerOf is strings.ToLower(s), remembered: the rules lower-case the
// source and cue texts of each attribution a dozen times, a string
// allocated each time for a text with capitals (a source's name).
func lowerOf(s string) string {
	if lowerAlready(s) {
		return s // as ToLower returns it
	}
	slot := &lowerCache[wordsSlot(s, 0)&(len(lowerCache)-1)]
	if e := slot.Load(); e != nil && e.s == s {
		return e.lower
	}
	key := strings.Clone(s)
	l := strings.ToLower(key)
	slot.Store(&lowerEntry{s: key, lower: l})
	return l
}

// lowerEntry is a cached text and its lower case; immutable once stored.
type lowerEntry struct{ s, lower string }

// lowerCache is direct-mapped as wordsCache is, and as safe (9,000 misses
// of 52,700 look-ups over BBC politics with 256 slots, 6,900 with 2,048).
var lowerCache [2048]atomic.Pointer[lowerEntry]

// lowerAlready reports whether s is ASCII without capitals, which
// strings.ToLower returns as it is: lowerOf then needs no slot (most of
// the words the rules lower-case are such; a look-up cost more than the
// test).
func lowerAlready(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || 'A' <= c && c <= 'Z' {
			return false
		}
	}
	return true
}
