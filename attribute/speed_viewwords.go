package attribute

import (
	"hash/maphash"
	"strings"
)

// newView works out, for every token of an article, its lower-case word
// (normWord), shape, stem, the hashes of word and stem and whether it is
// a listed verb of saying: about 80 instructions a token in all, 2.7% of
// the default mode's over BBC politics, each a function of the token's
// text alone. Articles say the same words again and again, so a view
// keeps them by text in viewWords, a direct-mapped table that goes with
// the view into viewPool and serves the next article: a token whose text
// is in its slot copies them. An entry holds copies of its strings, not
// slices of an article (which it would keep alive). The values are those
// newView worked out before, the same strings and hashes
// (TestViewWords).

// viewWord is what newView takes from a token's text. The text itself is
// kept in the entry (key, n): a look-up compares the token's text with
// bytes on the entry's own cache line, where a copy of the text elsewhere
// on the heap was a second read from memory for every token (the table's
// look-ups, with their string comparisons, were 3% of the default mode's
// time in bench's CPU profile; the entry stays 72 bytes). A text longer
// than the key is not kept.
type viewWord struct {
	lw, stem string
	hw, hst  uint64
	key      [viewKeyLen]byte
	n        uint8 // the text's length in key; 0: no text
	shape    byte
	report   bool
}

// viewKeyLen is the longest text kept: the bytes left in 72 (over 99% of
// BBC tokens are shorter).
const viewKeyLen = 21

// viewWordsBits: 8,192 slots (590 KiB a view); 4,096 ran 7.9M more
// instructions over the 417 BBC politics articles (0.3%).
const viewWordsBits = 13

// viewWords is the table of a view (its slots, by maphash of the text).
type viewWords [1 << viewWordsBits]viewWord

var viewWordsSeed = maphash.MakeSeed()

// get returns the entry of text t, filled on a miss. An empty text or
// one longer than viewKeyLen is never kept (an empty slot's text is
// empty): its entry is made afresh in scratch.
func (c *viewWords) get(t string, scratch *viewWord) *viewWord {
	if t == "" || len(t) > viewKeyLen {
		fillViewWord(scratch, strings.Clone(t))
		return scratch
	}
	e := &c[maphash.String(viewWordsSeed, t)>>(64-viewWordsBits)]
	if int(e.n) != len(t) || string(e.key[:len(t)]) != t {
		fillViewWord(e, strings.Clone(t))
	}
	return e
}

// fillViewWord sets e to the values of text t, as newView computed them
// for a token of that text. t is not a slice of an article: the strings
// kept (lw, stem) may be t itself.
func fillViewWord(e *viewWord, t string) {
	lw := normWord(t)
	stem := stemOf(lw)
	hw := strHash(lw)
	// (stemOf returns its word itself or a string of another length:
	// TestStemLength)
	hst := hw
	if len(stem) != len(lw) {
		hst = strHash(stem)
	}
	*e = viewWord{lw: lw, stem: stem, hw: hw, hst: hst, shape: shapeOf(t),
		report: isReportVerbHashed(lw, hw, stem, hst)}
	if len(t) <= viewKeyLen {
		e.n = uint8(copy(e.key[:], t))
	}
}
