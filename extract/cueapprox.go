package extract

import (
	"unicode"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// approximatorOutOfCue gives back to the content an approximating word
// the model ended the cue with ("Standard Chartered expects about | 16%
// of revenue", "Trump ordered over | 5,200 soldiers to be deployed"): a
// number follows it, so it says how many, not what the verb is about.
func approximatorOutOfCue(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if f.Cue.End-f.Cue.Start < 2 || len(f.Pieces) == 0 || f.Pieces[0].Start != f.Cue.End || f.Cue.End >= len(toks) {
			continue
		}
		if !approximators[lowerOf(toks[f.Cue.End-1].Text)] || !numberToken(toks[f.Cue.End].Text) {
			continue
		}
		f.Cue.End--
		f.Pieces[0].Start--
		if f.Content.Start > f.Pieces[0].Start {
			f.Content.Start = f.Pieces[0].Start
		}
	}
}

// approximators say how near a number is ("about 16%", "over 5,200").
var approximators = wordSet("about over around almost nearly some under roughly")

// numberToken: a figure, with a currency sign before it or not ("16%",
// "5,200", "$3bn", "£2m").
func numberToken(t string) bool {
	for _, r := range t {
		if unicode.IsDigit(r) {
			return true
		}
		if r != '$' && r != '£' && r != '€' {
			return false
		}
	}
	return false
}
