package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// answerAfterAsked rewrites a report read as "Asked" with no source
// whose content runs on through the answer ("Asked whether she was
// nervous about her nomination she said: “It's out of my hands ...”",
// "Asked why he thought the warnings were not there Lord Butler said:
// “...”"): the question has no comma to end it, and the model took the
// whole sentence as what was asked. The answerer and the verb inside the
// content become the source and cue, and the content what follows the
// verb. The verb is one of answering, after a name of one to four
// capitalised words or a personal pronoun; the first one followed by a
// colon or a quote mark is taken, else the last. When the model also
// read the answer on its own (same source and cue), the garbled reading
// goes.
func answerAfterAsked(d *doc.Doc, found []attribute.Found) []attribute.Found {
	toks := d.Tokens
	var drop []bool
	var readings map[[2]attribute.Range]bool // every reading's source and cue, made at the first "Asked"
	for i := range found {
		f := &found[i]
		if !f.Source.Empty() || f.Cue.End-f.Cue.Start != 1 || len(f.Pieces) != 1 || !strings.EqualFold(toks[f.Cue.Start].Text, "asked") {
			continue
		}
		p := f.Pieces[0]
		v, vs := -1, -1
		for k := p.Start + 2; k < p.End-1 && k < p.Start+askedReach; k++ {
			if !answerVerbs[toks[k].Text] {
				continue
			}
			s := answererBefore(d, p.Start, k)
			if s < 0 {
				continue
			}
			next := toks[k+1].Text
			v, vs = k, s
			if next == ":" || toks[k+1].Quote != 0 && toks[k+1].Start == d.Quotes[toks[k+1].Quote-1].Start {
				break
			}
		}
		if v < 0 {
			continue
		}
		cueEnd := v + 1
		if toks[cueEnd].Text == ":" {
			cueEnd++
		}
		if cueEnd >= p.End {
			continue
		}
		src, cue := attribute.Range{Start: vs, End: v}, attribute.Range{Start: v, End: cueEnd}
		if readings == nil {
			readings = map[[2]attribute.Range]bool{}
			for _, g := range found {
				readings[[2]attribute.Range{g.Source, g.Cue}] = true
			}
		}
		if readings[[2]attribute.Range{src, cue}] {
			if drop == nil {
				drop = make([]bool, len(found))
			}
			drop[i] = true
			continue
		}
		f.Source, f.Cue = src, cue
		f.Pieces = []attribute.Range{{Start: cueEnd, End: p.End}}
		f.Content = f.Pieces[0]
	}
	return withoutDropped(found, drop)
}

// answererBefore returns the start of the answerer written just before
// the verb at token v, not before token from: a personal pronoun, or one
// to four capitalised words ("Lord Butler"); -1 when there is none.
func answererBefore(d *doc.Doc, from, v int) int {
	toks := d.Tokens
	switch strings.ToLower(toks[v-1].Text) {
	case "he", "she", "they", "i", "we":
		return v - 1
	}
	s := v
	for s > from && v-s < 4 && capitalised(toks[s-1].Text) && toks[s-1].Quote == 0 {
		s--
	}
	if s == v || s == from {
		return -1
	}
	return s
}

var answerVerbs = wordSet("said says replied replies answered answers responded responds added adds insisted insists explained explains")

// askedReach bounds, in tokens from the content's start, where the
// answering verb is looked for: a question runs a sentence, not a page.
const askedReach = 80
