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

// viewWord is what newView takes from a token's text.
type viewWord struct {
	text, lw, stem string
	hw, hst        uint64
	shape          byte
	report         bool
}

// viewWordsBits: 8,192 slots (590 KiB a view); 4,096 ran 7.9M more
// instructions over the 417 BBC politics articles (0.3%).
const viewWordsBits = 13

// viewWords is the table of a view (its slots, by maphash of the text).
type viewWords [1 << viewWordsBits]viewWord

var viewWordsSeed = maphash.MakeSeed()

// get returns the entry of text t, filled on a miss. An empty text is
// never kept (an empty slot's text is empty): its entry is made afresh in
// scratch.
func (c *viewWords) get(t string, scratch *viewWord) *viewWord {
	if t == "" {
		fillViewWord(scratch, "")
		return scratch
	}
	e := &c[maphash.String(viewWordsSeed, t)>>(64-viewWordsBits)]
	if e.text != t {
		fillViewWord(e, strings.Clone(t))
	}
	return e
}

// fillViewWord sets e to the values of text t, as newView computed them
// for a token of that text.
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
	*e = viewWord{text: t, lw: lw, stem: stem, hw: hw, hst: hst, shape: shapeOf(t),
		report: isReportVerbHashed(lw, hw, stem, hst)}
}
