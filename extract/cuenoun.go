package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// nounOutOfCue moves the nouns a cue opens with into the source they
// complete: "the killer's | public defender will call", "a reporter's |
// question about", "Jevons | paradox explains" (the model cut the noun phrase after a possessive or a first
// name and began the cue inside it). The cue must start right after the
// source with a lower-case noun (or adjectives then a noun: a headline's
// capitalised words are no evidence) and go on with a verb,
// a modal or an adverb; without part-of-speech tags (the fast mode)
// nothing moves.
func nounOutOfCue(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Cue.End-f.Cue.Start < 2 || f.Source.End != f.Cue.Start {
			continue
		}
		c := f.Cue.Start
		for c < f.Cue.End-1 && strings.HasPrefix(toks[c].POS, "JJ") && toks[c].Text == strings.ToLower(toks[c].Text) {
			c++
		}
		n := c
		for n < f.Cue.End-1 && strings.HasPrefix(toks[n].POS, "NN") && toks[n].Text == strings.ToLower(toks[n].Text) {
			n++
		}
		if n == c || !cueVerbStart(toks[n]) {
			continue
		}
		f.Source.End = n
		f.Cue.Start = n
	}
}

// cueVerbStart: a token a cue may open with: a verb, a modal or an
// adverb ("explains", "will", "recently").
func cueVerbStart(t doc.Token) bool {
	return strings.HasPrefix(t.POS, "VB") || t.POS == "MD" || strings.HasPrefix(t.POS, "RB")
}
