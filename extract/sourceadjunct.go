package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail/attribute"
	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/qualify"
)

// trimSourceAdjunct ends a source written after its cue before the words
// that say when, where or how it spoke ("said Castaignede ahead of the
// 12 March tie", "said David Anders at Merrill Lynch on Thursday", "said
// an IMF official in a briefing on Wednesday", "said Mr Wallace, shortly
// after signing the deal in Canada"): "ahead of", "on" a weekday, "in"
// or "at" a briefing, statement, press conference and the like, and a
// comma before "after", "speaking" and the like. The name and what it
// is ("at Merrill Lynch", "at the University of Oklahoma") stay, and so
// do a relative clause on it, an outlet's name ("The Mail on Sunday")
// and a participle's time ("a study released on Wednesday").
func trimSourceAdjunct(d *doc.Doc, found []attribute.Found) {
	toks := d.Tokens
	for i := range found {
		f := &found[i]
		// a year before the verb ends a source written before it: "The
		// Strategy Unit in 2003 said"
		if !f.Source.Empty() && !f.Cue.Empty() && f.Source.End == f.Cue.Start && f.Source.End-f.Source.Start >= 4 &&
			lowerOf(toks[f.Source.End-2].Text) == "in" && yearToken(toks[f.Source.End-1].Text) {
			f.Source.End -= 2
			continue
		}
		if f.Source.Empty() || f.Cue.Empty() || f.Source.Start < f.Cue.End || f.Source.End-f.Source.Start < 3 ||
			qualify.IsMedia(d.Text[toks[f.Source.Start].Start:toks[f.Source.End-1].End]) {
			continue // "The Mail on Sunday"
		}
		for k := f.Source.Start + 1; k < f.Source.End-1; k++ {
			w, next := lowerOf(toks[k].Text), lowerOf(toks[k+1].Text)
			if sourceRelatives[w] {
				break // inside a relative clause on the source: "Spacey, who was joined at the premiere by ..."
			}
			// a weekday ends the source or a part of it, not a participle's
			// phrase: "a study released on Wednesday" stays
			weekday := w == "on" && weekdays[next] && (k+2 == f.Source.End || toks[k+2].Text == ",") &&
				!strings.HasSuffix(lowerOf(toks[k-1].Text), "ed")
			cut := w == "ahead" && next == "of" || weekday || floorPhrase(d, k, f.Source.End) ||
				w == "," && adjunctOpeners[next] ||
				(w == "in" || w == "at") && (next == "a" || next == "an" || next == "the") && k+2 < f.Source.End && occasionNouns[lowerOf(toks[k+2].Text)]
			if cut {
				f.Source.End = k
				break
			}
		}
	}
}

// sourceRelatives open a relative clause on a source.
var sourceRelatives = wordSet("who which that whose whom")

// adjunctOpeners open, after a comma, what a speaker was doing when it
// spoke ("said Mr Wallace, shortly after signing the deal").
var adjunctOpeners = wordSet("after before following during when while speaking accepting addressing shortly just writing commenting responding")

// occasionNouns are where or in what a speaker spoke ("in a statement",
// "at a press conference", "at the premiere").
var occasionNouns = wordSet("briefing statement speech interview press news conference rally meeting summit premiere launch ceremony hearing event dinner debate session")

// floorPhrase: toks[k:end] start with "on the" and a place where one
// speaks within three more words ("said Reid on the Senate floor", "on
// the campaign trail", "on the sidelines of the summit").
func floorPhrase(d *doc.Doc, k, end int) bool {
	toks := d.Tokens
	if lowerOf(toks[k].Text) != "on" || k+2 >= end || lowerOf(toks[k+1].Text) != "the" {
		return false
	}
	for j := k + 2; j < end && j <= k+5; j++ {
		if speakingPlaces[lowerOf(toks[j].Text)] {
			return true
		}
		if !capitalised(toks[j].Text) && lowerOf(toks[j].Text) != "campaign" {
			return false
		}
	}
	return false
}

// speakingPlaces are where a speaker stands when it speaks.
var speakingPlaces = wordSet("floor sidelines trail stump steps podium")

// yearToken: a year of the last two centuries or this one, "1999", "2003".
func yearToken(t string) bool {
	return len(t) == 4 && (strings.HasPrefix(t, "19") || strings.HasPrefix(t, "20")) && t[2] >= '0' && t[2] <= '9' && t[3] >= '0' && t[3] <= '9'
}
