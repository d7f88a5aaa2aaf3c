package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// sourceInWhatClause gives a source to a report written as a free
// relative: "what he described as “misleading” media reports", "what
// she proudly claimed were “legally binding” changes", "what one
// reporter described as a “snippy tone”". The model read the cue inside
// a content that opens with "what" and found no source: the words
// between "what" and the cue are it (a pronoun or a noun phrase of at
// most five words, no verb among them); an adverb just before the cue
// ("proudly") joins the cue. The cue must name what follows ("as",
// "were", "is"): other free relatives run on past their clause ("what
// Ms Vell wrote, the letter, dated ..., was").
func sourceInWhatClause(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if !f.Source.Empty() || f.Cue.Empty() || len(f.Pieces) == 0 {
			continue
		}
		p := f.Pieces[0]
		if !strings.EqualFold(toks[p.Start].Text, "what") || f.Cue.Start <= p.Start+1 || f.Cue.Start >= p.End {
			continue
		}
		s, e := p.Start+1, f.Cue.Start
		cue := f.Cue.Start
		for e > s+1 && lyAdverb(toks[e-1].Text) {
			e--
			cue = e
		}
		if f.Cue.End >= p.End || !namingWords[strings.ToLower(toks[f.Cue.End].Text)] {
			continue // "what the Constitution actually says and should have tossed ...": no naming
		}
		if strings.EqualFold(toks[f.Cue.End].Text, "as") {
			// "as" after a verb of describing; "taken what Clinton said
			// as an apology" is the taker's "as"
			if l, ok := lemmaOf(strings.ToLower(toks[f.Cue.End-1].Text)); !ok || !describingVerbs[l] {
				continue
			}
		}
		if e-s > 5 || !nounPhraseTokens(toks[s:e]) {
			continue
		}
		f.Source = attribute.Range{Start: s, End: e}
		f.Cue.Start = cue
		for k := f.Cue.End; k < p.End && k < f.Cue.End+colonReach; k++ {
			if toks[k].Text == ":" {
				// "what one reporter described as a “snippy tone”: “The
				// day I see proof ...”": the quote after the colon is
				// whoever's tone it was
				f.Pieces[0].End = k
				f.Content = f.Pieces[0]
				if len(f.Pieces) > 1 {
					f.Content.End = f.Pieces[len(f.Pieces)-1].End
				}
				break
			}
		}
	}
}

// nounPhraseTokens: words that may make up a speaker: no punctuation,
// no verb by its tag (untagged words pass), no quote mark.
func nounPhraseTokens(ts []doc.Token) bool {
	for _, t := range ts {
		if t.Quote != 0 && t.Text != "" && strings.ContainsAny(t.Text[:1], "\"“”'‘’") {
			return false
		}
		if strings.HasPrefix(t.POS, "VB") || t.POS == "MD" || t.POS == "WDT" || t.POS == "WP" {
			return false
		}
		r := t.Text[0]
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80) {
			return false
		}
	}
	return true
}

// namingWords follow the cue of a free relative that names a thing:
// "what he described as", "what she claimed were", "what they say is".
var namingWords = wordSet("as is are was were")

// describingVerbs name a thing "as" something.
var describingVerbs = wordSet("describe call term characterize characterise label dub brand portray refer depict cast paint")

// colonReach bounds, in tokens after the cue, where a colon ending the
// named thing is looked for.
const colonReach = 40
