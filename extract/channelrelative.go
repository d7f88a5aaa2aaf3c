package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// channelRelativeContent mends a report whose cue ends in the channel it
// was said through and whose content the model read from a relative
// clause on that channel: in "“Altering a form ... imposes a burden,”
// McVay wrote in a letter that was sent Nov. 9 and released on Tuesday"
// the clause says when the letter was sent, and what was written is the
// quote before the source. The quote closes on a comma right before the
// source, and the clause opens with "that" or "which" and a verb of
// being or having.
func channelRelativeContent(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if len(f.Pieces) != 1 || f.Source.Empty() || f.Cue.Empty() || f.Source.End > f.Cue.Start || f.Pieces[0].Start != f.Cue.End ||
			f.Source.Start < 3 || !channelNouns[strings.ToLower(toks[f.Cue.End-1].Text)] {
			continue
		}
		p := f.Pieces[0]
		if p.End-p.Start < 3 {
			continue
		}
		if w := strings.ToLower(toks[p.Start].Text); w != "that" && w != "which" || !relativeVerbs[strings.ToLower(toks[p.Start+1].Text)] {
			continue
		}
		quote, ok := quoteClosingBefore(d, f.Source.Start)
		if !ok {
			continue
		}
		f.Content = quote
		f.Pieces = []attribute.Range{f.Content}
	}
}

// channelNouns end a cue with the channel a report went through ("wrote
// in a letter", "said in a statement").
var channelNouns = wordSet("letter statement interview email e-mail memo post tweet speech op-ed video message note filing")

// relativeVerbs open a relative clause that describes a channel ("that
// was sent", "which has been released").
var relativeVerbs = wordSet("was is were are has had have will would appeared ran aired went")

// quoteClosingBefore returns the whole top-level quote, marks included,
// that closes on a comma right before token src ("“It made me ill,” |
// Dr. Tam wrote"), of four tokens or more; false when there is none.
func quoteClosingBefore(d *doc.Doc, src int) (attribute.Range, bool) {
	toks := d.Tokens
	closing := src - 1
	if closing < 1 {
		return attribute.Range{}, false
	}
	q := toks[closing].Quote
	if q == 0 || toks[closing-1].Text != "," || d.Quotes[q-1].End != toks[closing].End || d.Quotes[q-1].Depth != 0 {
		return attribute.Range{}, false
	}
	open := closing - 1
	for open > 0 && toks[open-1].Quote == q {
		open--
	}
	if toks[open].Start != d.Quotes[q-1].Start || closing-open < 4 {
		return attribute.Range{}, false
	}
	return attribute.Range{Start: open, End: closing + 1}, true
}
