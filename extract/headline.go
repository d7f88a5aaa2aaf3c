package extract

import (
	"strings"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/attribute"
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

// headlineInvertedCues are the verbs a headline writes between its claim
// and a short source with no comma ("Dance music not dead says Fatboy").
var headlineInvertedCues = wordSet("says say warns insists")

// invertedHeadline reads a headline written "CLAIM says SOURCE" without
// the comma a sentence would have ("US economy still growing says Fed",
// "Golden rule 'intact' says ex-aide", "House prices rebound says
// Halifax"): the model took the claim for the source and the source for
// the content, or found nothing. The headline is the article's first
// paragraph, one sentence with no closing stop; the cue is one of
// headlineInvertedCues after a claim of two words or more; the source
// runs from it to the line's end: one to three words, each capitalised
// (a name) or a word for someone who can speak ("minister", "ex-aide"),
// no pronoun, no verb but a name's. The report found on that cue is
// turned round; when there is none, one is made.
func invertedHeadline(d *doc.Doc, found []attribute.Found) []attribute.Found {
	if len(d.Paras) < 2 || d.Paras[0].Last-d.Paras[0].First != 1 {
		return found
	}
	s := d.Sents[d.Paras[0].First]
	if s.Last-s.First < 4 || s.Last-s.First > 30 {
		return found
	}
	last := s.Last - 1
	if w := d.Tokens[last].Text; w == "." || w == "!" || w == "?" {
		return found
	}
	c := -1 // the cue: the last headlineInvertedCues word
	for t := s.Last - 2; t >= s.First+2 && t >= s.Last-4; t-- {
		if headlineInvertedCues[lowerOf(d.Tokens[t].Text)] {
			c = t
			break
		}
	}
	if c < 0 || d.Tokens[c-1].Text == "," || d.Tokens[c].Quote != 0 {
		return found // with a comma the inverted-report rules read it
	}
	speaking := false
	for t := c + 1; t < s.Last; t++ {
		tk := d.Tokens[t]
		w := strings.ToLower(tk.Text)
		switch {
		case tk.Quote != 0 || pronouns[w] || isPunctWord(tk.Text):
			return found
		case capitalised(tk.Text):
			speaking = true // a name ("Fed", "Milburn", "HP")
		case t == c+1 && determiners[w]:
		case resolve.SpeakingWordIn(strings.TrimPrefix(w, "ex-")) || resolve.PeopleNoun(strings.TrimPrefix(w, "ex-")):
			speaking = true
		default:
			return found // "Blair says mayor should apologise"
		}
	}
	if !speaking {
		return found
	}
	src := attribute.Range{Start: c + 1, End: s.Last}
	claim := attribute.Range{Start: s.First, End: c}
	for i := range found {
		f := &found[i]
		if f.Cue.Start <= c && c < f.Cue.End {
			if f.Source.Start > c {
				return found // read the right way already
			}
			f.Cue = attribute.Range{Start: c, End: c + 1}
			f.Source = src
			f.Pieces = []attribute.Range{claim}
			f.Content = claim
			return found
		}
		if !f.Content.Empty() && f.Content.Start < s.Last && f.Content.End > s.First {
			return found // the headline is another report's content
		}
	}
	return append(found, attribute.Found{Cue: attribute.Range{Start: c, End: c + 1}, Source: src, Content: claim, Pieces: []attribute.Range{claim}})
}
