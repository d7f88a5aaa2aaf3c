package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// passiveHeadline reports whether a is a title line's passive read as a
// report by its subject: headlines drop the auxiliary and keep the
// present tense for what someone does ("Tory leader urges Harry
// apology"), so a bare past form there is a passive ("Duff ruled out of
// Barcelona clash", "Act on detention ruling, UK urged", "Parties warned
// over 'grey vote'", "Belle named 'best Scottish band'", "Federal
// Prosecutors Called In After ..."): its subject is who was told, urged
// or named, not who spoke. A past form with an object's name right after
// it is active ("White House Asked Bill Clinton to Urge Sestak ...").
func passiveHeadline(text string, byteOf func(int) int, a *claimtrail.Attribution, titleEnd int) bool {
	if titleEnd < 0 || a.Cue == nil || a.Source == nil || a.Cue.Start >= titleEnd || a.Source.End > a.Cue.Start {
		return false
	}
	words := strings.Fields(a.Cue.Text)
	if len(words) == 0 {
		return false
	}
	verb := lowerOf(words[0])
	if !pastForm(verb) {
		return false
	}
	// the word after the verb on the title line
	at := byteOf(a.Cue.Start) + len(words[0])
	end := byteOf(titleEnd)
	if at > end || end > len(text) {
		return false
	}
	rest := strings.TrimLeft(text[at:end], " ")
	if rest == "" {
		return true // "UK urged", "'Landmark movies' of 2004 hailed"
	}
	next := strings.FieldsFunc(rest, func(r rune) bool { return r == ' ' || r == ',' })
	if len(next) == 0 {
		return true
	}
	w := next[0]
	r, _ := utf8.DecodeRuneInString(w)
	switch {
	case passivePrepositions[lowerOf(w)]:
		return true // "ruled out of", "warned over", "Called In After", "urged to compete"
	case unicode.IsUpper(r):
		return false // an object's name: "Asked Bill Clinton"
	case unicode.IsLower(r):
		return true // "denied major Oscars"
	}
	return true // a quote mark: "named 'best Scottish band'", "told ‘no holiday for you’"
}

// pastForm reports whether a word is a verb's past form as a headline
// writes a passive: "-ed" and the irregular ones news uses for speech.
func pastForm(w string) bool {
	switch w {
	case "told", "said", "asked", "shown", "written", "sought", "taken":
		return true
	case "need", "feed", "speed", "bleed", "breed", "greed":
		return false
	}
	return len(w) > 3 && strings.HasSuffix(w, "ed")
}

// passivePrepositions follow a passive's verb in a headline.
var passivePrepositions = wordSet("out of over to for in on at after by from into with about as")
