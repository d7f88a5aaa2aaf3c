package extract

import (
	"sort"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// snapQuoteStarts widens a content piece that ends where a quotation ends
// but starts inside it to the whole quotation. The model sometimes starts
// a content at a sentence or a clitic within a quote (`"What have you
// guys been debating, John? You've been debating a coin?" Obama said`
// came out as content "'ve been debating a coin?"", and a rule for
// quotes standing alone then printed the whole quote a second time
// without its cue). Only an outermost, closed quotation counts, with the
// cue outside it, and only when no other piece of the attribution lies in
// the same quotation (a quote split by its cue keeps its parts).
func snapQuoteStarts(d *doc.Doc, found []attribute.Found) {
	if len(d.Quotes) == 0 {
		return
	}
	for i := range found {
		f := &found[i]
		for k := range f.Pieces {
			p := f.Pieces[k]
			if p.Empty() {
				continue
			}
			q, ok := outerQuoteAt(d, d.Tokens[p.Start].Start)
			if !ok || q.Unclosed || d.Tokens[p.Start].Start <= q.Start || d.Tokens[p.End-1].End != q.End {
				continue
			}
			cs, ce := d.Tokens[f.Cue.Start].Start, d.Tokens[f.Cue.End-1].End
			if cs < q.End && ce > q.Start {
				continue // the cue is inside the quotation
			}
			shared := false
			for j, o := range f.Pieces {
				if j != k && !o.Empty() && d.Tokens[o.Start].Start < q.End && d.Tokens[o.End-1].End > q.Start {
					shared = true
				}
			}
			if shared {
				continue
			}
			first := sort.Search(p.Start, func(t int) bool { return d.Tokens[t].Start >= q.Start })
			if first >= p.Start || d.Tokens[first].Start != q.Start {
				continue
			}
			f.Pieces[k].Start = first
			if f.Content.Start > first {
				f.Content.Start = first
			}
		}
	}
}

// outerQuoteAt returns the outermost quotation holding byte b.
func outerQuoteAt(d *doc.Doc, b int) (doc.Quote, bool) {
	k := sort.Search(len(d.Quotes), func(k int) bool { return d.Quotes[k].Start > b }) - 1
	for ; k >= 0; k-- {
		q := d.Quotes[k]
		if q.Depth == 0 {
			return q, q.Start <= b && b < q.End
		}
	}
	return doc.Quote{}, false
}
