package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// maxBlockTokens bounds the line a colon at a line's end leads into.
const maxBlockTokens = 400

// colonBlockContent gives a cue that ends its line with a colon ("He
// said:", "Reuters reports:", "Greenfield also adds:") the next line for
// its content, when the model took words before the cue: what a colon
// closing a line introduces is the block after it (a quote without
// marks, as pages print block quotes), never the sentence before.
func colonBlockContent(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		colon := f.Cue.End - 1
		if f.Cue.Empty() || colon+1 < len(d.Tokens) && d.Tokens[colon+1].Text == ":" {
			colon++
		}
		if colon >= len(d.Tokens) || d.Tokens[colon].Text != ":" || len(f.Pieces) == 0 {
			continue
		}
		before := true
		for _, p := range f.Pieces {
			if p.Empty() || p.End > f.Cue.Start {
				before = false
			}
		}
		next := colon + 1
		if !before || next >= len(d.Tokens) || !strings.Contains(d.Text[d.Tokens[colon].End:d.Tokens[next].Start], "\n") {
			continue
		}
		// the next line: up to the next line break
		end := next + 1
		for end < len(d.Tokens) && end-next < maxBlockTokens && !strings.Contains(d.Text[d.Tokens[end-1].End:d.Tokens[end].Start], "\n") {
			end++
		}
		if end-next < 3 || end-next >= maxBlockTokens {
			continue
		}
		f.Content = attribute.Range{Start: next, End: end}
		f.Pieces = []attribute.Range{f.Content}
	}
}
