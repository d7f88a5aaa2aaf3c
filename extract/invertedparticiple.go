package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// invertedSourceParticiple ends a source written after its cue at the
// comma before a participle of saying ("“...,” says Ann Vell, adding that
// the tests were blind"): what follows is her next report, not part of
// her name. The model runs such a source on after a present-tense "says"
// more often than after "said". The participle must be another report's
// cue or a verb of saying (reportingVerbs), so that "said Tom Reed,
// acting chairman of the board" keeps its title. A verb of saying that
// no report has for its cue becomes one, with the same source and the
// rest of the sentence for content ("..., adding that the film was his
// best").
func invertedSourceParticiple(d *doc.Doc, found []attribute.Found) []attribute.Found {
	toks := d.Tokens
	var cues map[int]bool
	var added []attribute.Found
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Cue.Empty() || f.Source.Start < f.Cue.End || f.Source.End-f.Source.Start < 3 {
			continue
		}
		for k := f.Source.Start + 1; k+1 < f.Source.End && k < f.Source.Start+scanLimit; k++ {
			if toks[k].Quote != 0 {
				break
			}
			if toks[k].Text != "," {
				continue
			}
			v := k + 1
			lw := lowerOf(toks[v].Text)
			if !strings.HasSuffix(lw, "ing") || toks[v].POS != "" && toks[v].POS != "VBG" {
				break // the first comma decides: an apposition goes on
			}
			if cues == nil {
				cues = map[int]bool{}
				for _, g := range found {
					if !g.Cue.Empty() {
						cues[g.Cue.Start] = true
					}
				}
			}
			l, ok := lemmaOf(lw)
			if !cues[v] && !(ok && reportingVerbs[l]) {
				break
			}
			f.Source.End = k
			if cues[v] {
				break
			}
			// the rest of the sentence, its closing mark left out
			end := d.Sents[toks[v].Sent].Last
			if end > v+1+scanLimit {
				break
			}
			for end > v+1 && isPunctWord(toks[end-1].Text) && !doc.IsQuoteToken(toks[end-1].Text) {
				end--
			}
			if end-(v+1) < 3 {
				break
			}
			content := attribute.Range{Start: v + 1, End: end}
			added = append(added, attribute.Found{Cue: attribute.Range{Start: v, End: v + 1}, Source: f.Source, Content: content,
				Pieces: []attribute.Range{content}, CueScore: f.CueScore, ContentMargin: f.ContentMargin, SourceMargin: f.SourceMargin})
			cues[v] = true
			break
		}
	}
	return append(found, added...)
}
