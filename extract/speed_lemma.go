package extract

import (
	"strings"
	"sync/atomic"
)

// lemmaOf is verbLemma(w), remembered: the rules ask the lemma of the
// same cue words over and over (a dozen rules, each over every
// attribution), and verbLemma takes two map look-ups for a known verb and
// up to a dozen, with a string built for most, for any other word.
func lemmaOf(w string) (lemma string, ok bool) {
	slot := &lemmaCache[lemmaSlot(w)]
	if e := slot.Load(); e != nil && e.w == w {
		return e.lemma, e.ok
	}
	key := strings.Clone(w) // a cached word does not hold its article
	lemma, ok = verbLemma(key)
	slot.Store(&lemmaEntry{w: key, lemma: lemma, ok: ok})
	return lemma, ok
}

// lemmaEntry is a word and its verbLemma; immutable once stored.
type lemmaEntry struct {
	w, lemma string
	ok       bool
}

// lemmaCache is direct-mapped by lemmaSlot; its slots are atomic, so
// concurrent extractions share it safely, and a look-up compares the
// whole word, so two words that take the same slot only cost each other
// a miss.
var lemmaCache [1024]atomic.Pointer[lemmaEntry]

// lemmaSlot hashes a word's length and its first, second and last two
// bytes: cheap, and enough to spread the words of cues.
func lemmaSlot(w string) int {
	h := uint(len(w)) * 0x9e3779b1
	if n := len(w); n > 0 {
		h ^= uint(w[0]) | uint(w[n/2])<<8 | uint(w[n-1])<<16 | uint(w[max(n-2, 0)])<<24
	}
	h *= 0x9e3779b1
	return int(h>>12) & (len(lemmaCache) - 1)
}
