package extract

import (
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// dropCueInsideQuote removes a second reading of a quote's speaker that
// takes its cue from inside the quote: "She added: “Four people,
// including my supervisor, stated that I came to them ...”" was read
// both as her "added:" (right) and as her "stated" (the four people's
// verb, inside her words); "The Times added that “the man's beliefs are
// not known, said Ragan, ...”" as the paper's "added" and its "said".
// The other reading, with the same source, must hold the cue inside one
// of its pieces, and the source must stand wholly before the quote's
// opening mark: a report written inside the quote ("“Some members noted
// that ...”") or one whose source opens it is the quote's own.
func dropCueInsideQuote(d *doc.Doc, found []attribute.Found) []attribute.Found {
	inQuote := func(f attribute.Found) (doc.Quote, bool) {
		cs := d.Tokens[f.Cue.Start].Start
		for _, q := range d.Quotes {
			if q.Depth == 0 && !q.Unclosed && q.Start < cs && cs < q.End {
				return q, true
			}
		}
		return doc.Quote{}, false
	}
	drop := func(i int) bool {
		f := found[i]
		if f.Source.Empty() || f.Cue.Empty() {
			return false
		}
		q, ok := inQuote(f)
		if !ok || d.Tokens[f.Source.End-1].End > q.Start {
			return false
		}
		for j, g := range found {
			if j == i || g.Source != f.Source || g.Cue == f.Cue {
				continue
			}
			for _, p := range g.Pieces {
				if p.Start <= f.Cue.Start && f.Cue.End <= p.End {
					return true
				}
			}
		}
		return false
	}
	out := found[:0:0]
	for i, f := range found {
		if !drop(i) {
			out = append(out, f)
		}
	}
	if len(out) == len(found) {
		return found
	}
	return out
}
