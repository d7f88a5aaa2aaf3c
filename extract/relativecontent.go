package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// relativeContentEndsAtMainCue ends the content of a report made in a
// relative clause on a source ("The woman who accused Rep. Ellison of
// domestic abuse said on Monday that ...") before the main clause's cue:
// the report whose source holds the relative clause speaks from there
// on, so the relative's content is "Rep. Ellison of domestic abuse", not
// the rest of the sentence.
func relativeContentEndsAtMainCue(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Cue.Empty() || f.Source.End-f.Source.Start != 1 || len(f.Pieces) != 1 {
			continue
		}
		switch strings.ToLower(toks[f.Source.Start].Text) {
		case "who", "which", "that":
		default:
			continue
		}
		p := &f.Pieces[0]
		for j := range found {
			g := &found[j]
			if j == i || g.Source.Empty() || g.Cue.Empty() || g.Source.Start >= f.Source.Start || g.Source.End <= f.Cue.End ||
				g.Source.End != g.Cue.Start || g.Cue.Start <= p.Start || g.Cue.Start >= p.End {
				continue
			}
			end := g.Source.End
			for end > p.Start && isPunctWord(toks[end-1].Text) && toks[end-1].Quote == 0 {
				end--
			}
			if end-p.Start < 1 {
				break
			}
			p.End = end
			f.Content.End = end
			break
		}
	}
}

// relativeSourceAdverb drops an adverb the model ran into a relative
// pronoun's source ("impact studies, which indeed | say that ...", "who
// also | said"): the pronoun stands for the noun before it, and the
// adverb is no part of any name.
func relativeSourceAdverb(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Source.End-f.Source.Start != 2 || f.Source.End != f.Cue.Start {
			continue
		}
		switch strings.ToLower(toks[f.Source.Start].Text) {
		case "who", "which", "that":
		default:
			continue
		}
		second := toks[f.Source.Start+1]
		if second.POS == "RB" || second.POS == "" && sourceAdverbs[strings.ToLower(second.Text)] {
			f.Source.End--
		}
	}
}

// sourceAdverbs are the adverbs found between a relative pronoun and its
// verb when no tagger ran.
var sourceAdverbs = wordSet("indeed also still already often repeatedly previously later now then once even never always")
