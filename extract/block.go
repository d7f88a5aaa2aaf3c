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

// relativeSaying turns round a content that opens with a relative clause
// of saying ("a hidebound Tory party, which he said would turn the clock
// back", "the judge's decision, which he said was not a surprise"): the
// pronoun after "which" or "who" is the source and its verb the cue, not
// the noun the model took; the content is what follows the verb.
func relativeSaying(d *doc.Doc, found []attribute.Found) {
	for i := range found {
		f := &found[i]
		if len(f.Pieces) == 0 || f.Pieces[0].Empty() || f.Pieces[0].End-f.Pieces[0].Start < 4 {
			continue
		}
		r := f.Pieces[0].Start
		switch strings.ToLower(d.Tokens[r].Text) {
		case "which", "who":
		default:
			continue
		}
		switch strings.ToLower(d.Tokens[r+1].Text) {
		case "he", "she", "they", "it":
		default:
			continue
		}
		verb := strings.ToLower(d.Tokens[r+2].Text)
		if l, ok := lemmaOf(verb); !ok || !reportingVerbs[l] && l != "believe" && l != "describe" {
			continue
		}
		if !f.Cue.Empty() && f.Cue.Start != r+2 && !(f.Cue.Start > f.Pieces[0].End || f.Cue.End <= r) {
			continue // another cue inside the content: left alone
		}
		f.Source = attribute.Range{Start: r + 1, End: r + 2}
		f.Cue = attribute.Range{Start: r + 2, End: r + 3}
		f.Pieces[0].Start = r + 3
		if len(f.Pieces) == 1 {
			f.Content = f.Pieces[0]
		} else {
			f.Content.Start = min(f.Content.Start, f.Pieces[0].Start)
		}
	}
}
