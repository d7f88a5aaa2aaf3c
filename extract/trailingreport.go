package extract

import (
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// trailingReportContent gives a report that closes its sentence after a
// comma ("Yet AARP reassured labor groups that it had not changed its
// position, labor officials told HuffPost.", "..., Mr Saakashvili
// stressed.") the clause before the comma for content, when its content
// was taken from the next sentence or paragraph (often a quote that
// another speaker's cue claims too). The cue and what follows it (an
// addressee, at most four words) must end the sentence with a full stop.
func trailingReportContent(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	var cueAt map[int]bool // tokens in another report's cue, made when first needed
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Cue.Empty() || len(f.Pieces) == 0 || f.Source.End > f.Cue.Start || f.Source.Start < 4 {
			continue
		}
		if toks[f.Source.Start-1].Text != "," || f.Pieces[0].Start < f.Cue.End {
			continue
		}
		sent := toks[f.Cue.Start].Sent
		if toks[f.Pieces[0].Start].Sent == sent {
			continue // the content is in the sentence: nothing to mend
		}
		// the sentence ends with a full stop within four words of the cue
		e := f.Cue.End
		for e < len(toks) && e < f.Cue.End+5 && toks[e].Sent == sent && toks[e].Text != "." {
			e++
		}
		if e >= len(toks) || toks[e].Text != "." || toks[e].Sent != sent || toks[e].Quote != 0 {
			continue
		}
		first := d.Sents[sent].First
		end := f.Source.Start - 1 // the comma
		if end-first < 4 || toks[first].Quote != 0 || toks[end-1].Quote != 0 {
			continue // a quote before the comma is the content found already
		}
		if cueAt == nil {
			cueAt = map[int]bool{}
			for _, g := range found {
				for t := g.Cue.Start; t < g.Cue.End; t++ {
					cueAt[t] = true
				}
			}
		}
		other := false
		for t := first; t < end; t++ {
			other = other || cueAt[t]
		}
		if other {
			continue // "Then, says Mr Kotamaraja, the blogging world found out."
		}
		content := attribute.Range{Start: first, End: end}
		f.Pieces = append(f.Pieces[:0], content)
		f.Content = content
	}
}
