package extract

import (
	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
)

// headlineLabelSource trims the label of a headline's "LABEL: ..." to the
// speaker it names. Title case writes what would be a sentence's adjunct
// into the label: "Trump To Jeff Sessions: Put An End to ..." is
// Trump's, to Sessions; "Louis Farrakhan In Iran: “Death to America!”"
// is Farrakhan's, in Iran; "Farrakhan Speech: '...'" and "Glenn Vell
// Interview VIDEO: ..." are the speaker's words in a speech or a video.
// The label is cut before a capitalised preposition after its first
// word, then loses the kinds of event and years at its end.
func headlineLabelSource(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		if f.Source.Empty() || f.Cue.Empty() || f.Cue.End-f.Cue.Start != 1 || toks[f.Cue.Start].Text != ":" ||
			f.Source.End != f.Cue.Start || f.Source.End-f.Source.Start < 2 || d.Sents[toks[f.Cue.Start].Sent].Para != 0 {
			continue
		}
		s, e := f.Source.Start, f.Source.End
		for k := s + 1; k < e; k++ {
			if labelPrepositions[toks[k].Text] {
				e = k
				break
			}
		}
		for e-s > 1 && (labelEventNouns[lowerOf(toks[e-1].Text)] || yearToken(toks[e-1].Text)) {
			e--
		}
		if e > s && e < f.Source.End && !isPunctWord(toks[e-1].Text) {
			f.Source.End = e
		}
	}
}

// labelPrepositions open, capitalised as title case writes them, the
// adjunct of a headline's label ("Trump To Sessions", "Farrakhan In
// Iran"); "of" and "for" are left out, as they belong to names ("Bank
// of England", "Secretary for Health").
var labelPrepositions = wordSet("To In On At About After Over Vs Vs. Versus Amid During Before")

// labelEventNouns are the kinds of event or medium that end a label after
// the speaker's name ("Farrakhan Speech", "Vell Interview VIDEO").
var labelEventNouns = wordSet("speech video interview remarks statement testimony tweet tweets op-ed podcast address")
