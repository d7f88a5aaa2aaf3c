package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail"
)

// passiveQuoteSubject takes the source off a quote whose cue is a passive
// with that source as its subject ("Britain is expected to retain an
// “opt-in” right", "its leaders were described as “Kapos”", "Wheelchair
// user Kevin Jones was asked: “Why ...?”", "the crowd is told “...”"):
// the subject is what is said, asked or told about, and the words in
// marks are someone else's. Without marked words passiveCue drops such an
// attribution; with them the quote stays, its speaker unknown, rather than
// given to the person it is about (on BBC, PTC and BASIL dev 24 such
// quotes named the wrong speaker this way). The subject stays when a verb
// of saying or thinking follows that it is the subject of ("is alleged to
// have said", "is expected to repeat", "is said to believe", "was quoted
// as saying").
//
// It reports whether a is to be dropped instead: when the quote stands
// before the cue (“...” The election is widely expected next May: the
// quote is the last speaker's, run into the next sentence) or another
// attribution with a source holds the same words (“...” Kelly said).
func passiveQuoteSubject(text string, byteOf func(int) int, a *claimtrail.Attribution, all []claimtrail.Attribution) (drop bool) {
	if a.Source == nil || a.Cue == nil || a.Source.End > a.Cue.Start || !claimtrail.HasMarkedQuote(a.Content) {
		return false
	}
	words := lowerFieldsApos(strings.TrimRight(a.Cue.Text, ".,;: ")) // "was asked:"
	i := afterPassiveBe(words)
	if i < 0 || !passiveParticiple(words, i) {
		return false
	}
	if ce := byteOf(a.Cue.End); ce >= 0 && ce <= len(text) && speechFollows(text[ce:min(len(text), ce+40)]) {
		return false
	}
	if a.Content[0].Start < a.Cue.End || quotedBySource(a, all) {
		return true
	}
	a.Source = nil
	a.Speaker = claimtrail.Speaker{Kind: claimtrail.SpeakerUnknown}
	a.Channel = ""
	return false
}

// quotedBySource reports whether another attribution of all, one with a
// source, has content overlapping a's.
func quotedBySource(a *claimtrail.Attribution, all []claimtrail.Attribution) bool {
	for _, b := range all {
		if b.Source == nil || b.Cue == nil || *b.Cue == *a.Cue {
			continue
		}
		for _, x := range b.Content {
			for _, y := range a.Content {
				if x.Start < y.End && y.Start < x.End {
					return true
				}
			}
		}
	}
	return false
}

// speechFollows reports whether after (the text right after a passive
// cue) goes on with a verb of saying or thinking whose subject is the
// passive's: "to have said", "to repeat", "to believe", "as saying".
func speechFollows(after string) bool {
	f := strings.Fields(strings.ToLower(after))
	if len(f) < 2 {
		return false
	}
	var verb string
	switch {
	case f[0] == "to" && f[1] == "have" && len(f) > 2:
		verb = f[2]
	case f[0] == "to" || f[0] == "as":
		verb = f[1]
	default:
		return false
	}
	l, ok := lemmaOf(strings.Trim(verb, ".,;:"))
	return ok && verbClass[l]&3 != 0
}
