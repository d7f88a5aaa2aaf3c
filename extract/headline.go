package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/doc"
	"github.com/claimtrail/claimtrail/resolve"
)

// headlineSpeakers gives a headline's described speaker ("Pope admits
// ...", "..., Obama's Top Economic Aide Warns", "Tory leader urges ...")
// the person the story's opening names for the same act: a headline
// writes a role for want of room, and the lead paragraphs write the name
// ("Outgoing White House economic adviser Larry Summers warned ...").
// The headline's source must name one person by a role (a person noun
// or a title), and a body attribution in the first three paragraphs with
// a named person as speaker must write that role in its source ("Pope
// Francis", "Prime Minister Viktor Orbán"), or be the lead's first such
// attribution and have the same cue verb, one less common than "say".
func headlineSpeakers(d *doc.Doc, runes *doc.Runes, atts []claimtrail.Attribution) {
	if len(d.Paras) < 2 {
		return
	}
	titleEnd := runes.At(d.Paras[0].End)
	leadEnd := titleEnd
	for k := 1; k < len(d.Paras) && k <= 3; k++ {
		leadEnd = runes.At(d.Paras[k].End)
	}
	for i := range atts {
		a := &atts[i]
		if a.Source == nil || a.Cue == nil || a.Source.End > titleEnd ||
			a.Speaker.Kind != claimtrail.SpeakerDescription && a.Speaker.Kind != claimtrail.SpeakerUnknown {
			continue
		}
		role := lastWord(a.Source.Text)
		if role == "" || !resolve.PeopleNoun(role) || strings.HasSuffix(role, "s") && resolve.PeopleNoun(role[:len(role)-1]) {
			continue // no role, or people ("Federal Prosecutors")
		}
		verb := cueVerb(a.Cue.Text)
		first := true // b is the lead's first attribution to a named person
		for j := range atts {
			b := &atts[j]
			if b.Source == nil || b.Cue == nil || b.Source.Start < titleEnd || b.Source.Start >= leadEnd ||
				b.Speaker.Kind != claimtrail.SpeakerPerson || b.Speaker.Name == "" {
				continue
			}
			sameAct := first && verb != "" && !plainSaying[verb] && cueVerb(b.Cue.Text) == verb
			first = false
			if namedIn(a.Source.Text, b.Speaker.Name) {
				continue // "Brown ally" is not Gordon Brown
			}
			if sameAct || hasWord(b.Source.Text, role) && allWordsIn(a.Source.Text, paraText(d, runes, b.Source.Start)) {
				a.Speaker = b.Speaker
				a.Flags = append(a.Flags, "speaker-from-context")
				break
			}
		}
	}
}

// namedIn reports whether a word of the person's name stands in the
// headline's source, before its role: the role is someone else's
// ("Brown ally", "Obama's aide").
func namedIn(source, name string) bool {
	for _, w := range lowerFields(name) {
		if len(w) > 2 && (hasWord(source, w) || hasWord(source, w+"'s") || hasWord(source, w+"’s")) {
			return true
		}
	}
	return false
}

// allWordsIn reports whether every word of the headline's source stands
// in the body's paragraph: "Tory leader" is not the "Lib Dem leader" of
// the paragraph.
func allWordsIn(source, para string) bool {
	for _, w := range lowerFields(source) {
		w = strings.TrimSuffix(strings.TrimSuffix(strings.Trim(w, ".,;:'’\"“”()"), "'s"), "’s")
		if w == "" || w == "the" || w == "a" || w == "an" {
			continue
		}
		if !strings.Contains(strings.ToLower(para), w) {
			return false
		}
	}
	return true
}

// paraText is the text of the paragraph holding code point cp.
func paraText(d *doc.Doc, runes *doc.Runes, cp int) string {
	for _, p := range d.Paras {
		if runes.At(p.Start) <= cp && cp < runes.At(p.End) {
			return d.Text[p.Start:p.End]
		}
	}
	return ""
}

// plainSaying are verbs too common to tie a headline to one body
// attribution by themselves.
var plainSaying = wordSet("say tell add note write state report")

// hasWord reports whether s holds the lower-case word w.
func hasWord(s, w string) bool {
	for _, f := range lowerFields(s) {
		if strings.Trim(f, ".,;:'’\"“”()") == w {
			return true
		}
	}
	return false
}

// lastWord is the last word of s in lower case, without punctuation.
func lastWord(s string) string {
	f := lowerFields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ".,;:'’\"“”")
}

// cueVerb is the lemma of the first verb of speech or thought in a cue,
// "" for none ("Warns" → "warn", "has urged" → "urge", ":" → "").
func cueVerb(cue string) string {
	for _, w := range lowerFields(cue) {
		if l, ok := lemmaOf(w); ok && !auxiliaries[w] {
			return l
		}
	}
	return ""
}
