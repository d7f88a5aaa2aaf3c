package resolve

import (
	"math"
	"strings"

	"github.com/claimtrail/claimtrail"
)

func (r *resolver) text(s, e int) string {
	if s >= e {
		return ""
	}
	return r.d.Text[r.d.Tokens[s].Start:r.d.Tokens[e-1].End]
}

// trim drops punctuation and determiners at the edges of a mention.
func (r *resolver) trim(s, e int) (int, int) {
	toks := r.d.Tokens
	for e > s && isPunct(toks[e-1].Text) {
		e--
	}
	for s < e && (isPunct(toks[s].Text) || isDeterminer(r.lowTok(s))) {
		s++
	}
	return s, e
}

func isPunct(t string) bool {
	for _, c := range t {
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c > 0x7f && c != '“' && c != '”' && c != '’' && c != '‘' && c != '—' && c != '–' {
			return false
		}
	}
	return true
}

func isDeterminer(w string) bool {
	switch w {
	case "the", "a", "an", "all", "both", "this", "that", "these", "those", "their", "its", "his", "her", "our":
		return true
	}
	return false
}

func (r *resolver) resolve(m Mention) Speaker {
	toks := r.d.Tokens
	if m.Start < 0 || m.End > len(toks) || m.Start >= m.End {
		return unknown("")
	}
	s, e := r.trim(m.Start, m.End)
	if s >= e {
		return unknown(r.text(m.Start, m.End))
	}
	if e-s <= 2 && temporal[r.lowTok(e-1)] {
		// "on Wednesday said": a time, never a speaker
		return Speaker{Name: "", Kind: claimtrail.SpeakerUnknown, Confidence: 0.05}
	}
	// a lone pronoun
	if e-s == 1 {
		if p, ok := pronouns[r.lowTok(s)]; ok {
			return r.pronoun(s, p)
		}
	}
	// a title with modifiers, "the Finnish leader", "the former senator":
	// the person last named with that title, when there is one
	if head := r.lowTok(e - 1); !isCap(toks[e-1].Text) && (titleWords[head] || head == "leader") && !orgWords[head] {
		if sp := r.nominal(s, e); sp.Kind == claimtrail.SpeakerPerson && sp.Confidence >= 0.6 {
			return sp
		}
	}
	// appositions: "Hugh Hill, a doctor," / "a spokeswoman, Anna White,"
	parts := r.splitCommas(s, e)
	for _, p := range parts {
		if sp, ok := r.named(p[0], p[1]); ok {
			return sp
		}
	}
	// a capitalised mention never registered (a headline): its last word
	// may be the surname of a person named in the body
	if last := r.lowTok(e - 1); isCap(toks[e-1].Text) {
		if ei, ok := r.bySurname[last]; ok && e-s <= 3 {
			ent := r.ents[ei]
			return Speaker{Name: ent.name, Kind: claimtrail.SpeakerPerson, Confidence: 0.75}
		}
	}
	return r.nominal(parts[0][0], parts[0][1])
}

// temporal words are times, not speakers.
var temporal = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow
	tonight morning afternoon evening night week weekend month year january february march april july
	september october november december earlier later christmas easter`) {
		temporal[w] = true
	}
}

func unknown(text string) Speaker {
	return Speaker{Name: strings.TrimSpace(text), Kind: claimtrail.SpeakerUnknown, Confidence: 0.2}
}

func (r *resolver) splitCommas(s, e int) [][2]int {
	var out [][2]int
	a := s
	for k := s; k < e; k++ {
		if r.d.Tokens[k].Text == "," || r.d.Tokens[k].Text == "(" || r.d.Tokens[k].Text == ")" {
			if k > a {
				out = append(out, [2]int{a, k})
			}
			a = k + 1
		}
	}
	if e > a {
		out = append(out, [2]int{a, e})
	}
	if len(out) == 0 {
		out = append(out, [2]int{s, e})
	}
	return out
}

// named resolves a part whose head is a proper name.
func (r *resolver) named(s, e int) (Speaker, bool) {
	// the name mention that ends the part is its head
	best := r.before(e) - 1 // the last mention starting before e
	if best >= 0 && r.mentions[best].tok < s {
		best = -1
	}
	if best < 0 {
		return Speaker{}, false
	}
	nm := r.mentions[best]
	ent := r.ents[nm.ent]
	// the name must be the head: nothing but the name (and "Jr.") after it
	nameLen := countFields(ent.name)
	end := nm.tok
	for end < e && !isPunct(r.d.Tokens[end].Text) && (isCap(r.d.Tokens[end].Text) || r.d.Tokens[end].Ent != "" && r.d.Tokens[end].Ent != "O") {
		end++
	}
	if end < e {
		// the name modifies a common noun: "Trump critics", "a Bellwether
		// spokesman"
		return r.group(s, e), true
	}
	if r.hasOf(s, nm.tok) && !r.allTitles(s, nm.tok) {
		// the name sits in a modifier: "defenders of Trump", "analysts at
		// Crane & Lowe" (but "Director of National Intelligence Dan Coats")
		return r.group(s, e), true
	}
	kind := ent.kind
	if kind == "" {
		kind = claimtrail.SpeakerPerson
		if nameLen == 1 && isPlural(r.lower(ent.name)) && nm.tok == r.d.Sents[r.d.Tokens[nm.tok].Sent].First {
			// a capitalised plural opening a sentence, never written
			// with a first name: "Analysts said" (a lone "Jones said"
			// that opens a sentence is misread the same way)
			kind = claimtrail.SpeakerGroup
		}
	}
	conf := 0.95
	if nameLen == 1 && kind == claimtrail.SpeakerPerson {
		conf = 0.7 // a surname alone, never written in full
	} else if !strings.EqualFold(strings.Join(fields(r.text(nm.tok, end)), " "), ent.name) {
		conf = 0.9 // a short form of a full name written elsewhere
	}
	return Speaker{Name: ent.name, Kind: kind, Confidence: conf}, true
}

func fields(s string) []string { return strings.Fields(s) }

// hasOf: a preposition between the head and the name ("defenders of
// Trump", "analysts at Crane & Lowe") makes the name a modifier.
func (r *resolver) hasOf(s, e int) bool {
	for k := s; k < e; k++ {
		switch r.lowTok(k) {
		case "of", "at", "from", "for", "in", "with", "close", "near", "inside":
			return true
		}
	}
	return false
}

// allTitles: the words before the name are an office: a title word first,
// then title words, connectors or capitalised words ("Director of Coastal
// Planning"), unlike "Defenders of" or "analysts at".
func (r *resolver) allTitles(s, e int) bool {
	if s >= e || !titleWords[r.lowTok(s)] {
		return s >= e
	}
	for k := s + 1; k < e; k++ {
		w := r.d.Tokens[k].Text
		if lw := r.lowTok(k); !titleWords[lw] && !connector[lw] && !isCap(w) {
			return false
		}
	}
	return true
}

// group names a collective source by its words ("Trump critics",
// "U.S. intelligence agencies").
func (r *resolver) group(s, e int) Speaker {
	// the head is the last word before a preposition: "defenders of X"
	h := e - 1
	for k := s + 1; k < e; k++ {
		switch r.lowTok(k) {
		case "of", "at", "from", "for", "in", "with", "inside", "close", "near":
			h = k - 1
		}
		if h != e-1 {
			break
		}
	}
	last := r.lowTok(h)
	switch {
	case isPlural(last):
		return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerGroup, Confidence: 0.8}
	case titleWords[last] || roleWords[last]:
		// "a Bellwether spokesman": one person, named by role only
		return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerPerson, Confidence: 0.5}
	case isCap(r.d.Tokens[h].Text), orgWords[last]:
		return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerOrganization, Confidence: 0.8}
	}
	return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerGroup, Confidence: 0.8}
}

// nominal resolves a common-noun source: a title ("the president", "the
// Russian leader") to the entity last seen with it, a plural to a group,
// a capitalised phrase to an organisation.
func (r *resolver) nominal(s, e int) Speaker {
	toks := r.d.Tokens
	head := r.lowTok(e - 1)
	var mods []string
	for k := s; k < e-1; k++ {
		mods = append(mods, r.lowTok(k))
	}
	if (titleWords[head] && !orgWords[head]) || head == "leader" || head == "candidate" || head == "nominee" {
		// the latest matching mention before s (the first of those at
		// its token), searched back from s
		bestEnt, bestTok := -1, -1
		for i := r.before(s) - 1; i >= 0; i-- {
			nm := r.mentions[i]
			if bestEnt >= 0 && nm.tok < bestTok {
				break
			}
			ent := r.ents[nm.ent]
			if ent.kind == claimtrail.SpeakerOrganization {
				continue
			}
			if matchesTitle(ent.titles, head, mods) {
				bestEnt, bestTok = nm.ent, nm.tok
			}
		}
		if bestEnt >= 0 {
			return Speaker{Name: r.ents[bestEnt].name, Kind: claimtrail.SpeakerPerson, Confidence: 0.6}
		}
		return unknown(r.text(s, e))
	}
	if isPlural(head) && !isCap(toks[e-1].Text) {
		return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerGroup, Confidence: 0.7}
	}
	if isCap(toks[e-1].Text) || orgWords[head] {
		return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerOrganization, Confidence: 0.8}
	}
	if roleWords[head] {
		return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerPerson, Confidence: 0.4}
	}
	if strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") || head == "people" || head == "police" {
		return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerGroup, Confidence: 0.7}
	}
	return unknown(r.text(s, e))
}

// matchesTitle: "president" matches an entity written as "President X";
// "leader" matches any titled person whose modifiers agree ("Russian").
func matchesTitle(titles []string, head string, mods []string) bool {
	has := func(w string) bool {
		for _, t := range titles {
			if t == w {
				return true
			}
		}
		return false
	}
	for _, m := range mods {
		if titleWords[m] && !has(m) && m != "former" {
			return false
		}
	}
	if head == "leader" {
		return len(titles) > 0
	}
	return has(head)
}

// pronoun resolves he/she/they/who/which; kind is the pronouns table's code.
// An unresolved pronoun is an unknown speaker with no name: "he" is not a
// name a user could look up.
func (r *resolver) pronoun(p int, kind string) Speaker {
	sp := r.pronounSpeaker(p, kind)
	if sp.Kind == claimtrail.SpeakerUnknown {
		sp.Name = ""
	}
	return sp
}

func (r *resolver) pronounSpeaker(p int, kind string) Speaker {
	toks := r.d.Tokens
	switch kind {
	case "r":
		// relative pronoun: the noun phrase just before it
		k := p - 1
		for k >= 0 && (toks[k].Text == "," || toks[k].Text == "—") {
			k--
		}
		for i := r.before(k+1) - 1; i >= 0; i-- {
			nm := r.mentions[i]
			if nm.tok > k {
				continue
			}
			if nm.tok >= k-5 && toks[nm.tok].Sent == toks[p].Sent {
				ent := r.ents[nm.ent]
				kd := ent.kind
				if kd == "" {
					kd = claimtrail.SpeakerPerson
				}
				return Speaker{Name: ent.name, Kind: kd, Confidence: 0.85}
			}
			break
		}
		// "officials, who" → the plural noun phrase
		if k >= 0 && strings.HasSuffix(r.lowTok(k), "s") && !isCap(toks[k].Text) {
			s := k
			for s > 0 && !isPunct(toks[s-1].Text) && !isDeterminer(r.lowTok(s-1)) && toks[s-1].Sent == toks[k].Sent && k-s < 3 {
				s--
			}
			return Speaker{Name: r.text(s, k+1), Kind: claimtrail.SpeakerGroup, Confidence: 0.6}
		}
		return unknown(toks[p].Text)
	case "m", "f":
		return r.personPronoun(p, kind[0])
	case "p":
		return r.pluralPronoun(p)
	}
	return unknown(toks[p].Text)
}

// personPronoun picks the most salient compatible person before p: recent
// sentences first, sources and sentence subjects preferred.
func (r *resolver) personPronoun(p int, gender byte) Speaker {
	toks := r.d.Tokens
	sent := toks[p].Sent
	best, second := -1.0, -1.0
	bestEnt := -1
	seen := map[int]float64{}
	for i := r.before(p) - 1; i >= 0; i-- {
		nm := r.mentions[i]
		if nm.tok >= p {
			continue
		}
		dist := sent - nm.sent
		if dist > 7 {
			break
		}
		ent := r.ents[nm.ent]
		if ent.kind != claimtrail.SpeakerPerson || (ent.gender != 0 && ent.gender != gender) {
			continue
		}
		score := 3 - 1.5*float64(min(dist, 3)) - 0.3*float64(max(dist-3, 0))
		if nm.isSource {
			score += 1.5
		}
		if r.isSubject(nm.tok) {
			score += 1
		}
		if dist == 0 {
			score -= 0.5 // a name in the pronoun's own sentence is rarely its antecedent
		}
		if old, ok := seen[nm.ent]; !ok || score > old {
			seen[nm.ent] = score
		}
	}
	best, second = math.Inf(-1), math.Inf(-1)
	for ent, sc := range seen {
		if sc > best || (sc == best && ent < bestEnt) {
			if bestEnt != ent {
				second = best
			}
			best, bestEnt = sc, ent
		} else if sc > second {
			second = sc
		}
	}
	if bestEnt < 0 {
		return unknown(toks[p].Text)
	}
	r.ents[bestEnt].gender = gender
	conf := 0.8
	if !math.IsInf(second, -1) && best-second < 1 {
		conf = 0.5
	}
	return Speaker{Name: r.ents[bestEnt].name, Kind: claimtrail.SpeakerPerson, Confidence: conf}
}

// isSubject: the mention opens its sentence, or follows an introductory
// phrase and a comma.
func (r *resolver) isSubject(tok int) bool {
	toks := r.d.Tokens
	s := r.d.Sents[toks[tok].Sent].First
	if tok-s <= 2 {
		return true
	}
	return tok > 0 && toks[tok-1].Text == "," && tok-s < 12
}

// pluralPronoun: "they" → the last group or organisation source.
func (r *resolver) pluralPronoun(p int) Speaker {
	toks := r.d.Tokens
	for i := r.before(p) - 1; i >= 0; i-- {
		nm := r.mentions[i]
		if nm.tok >= p {
			continue
		}
		if toks[p].Sent-nm.sent > 2 {
			break
		}
		if ent := r.ents[nm.ent]; ent.kind == claimtrail.SpeakerOrganization {
			return Speaker{Name: ent.name, Kind: claimtrail.SpeakerOrganization, Confidence: 0.5}
		}
	}
	return unknown(toks[p].Text)
}

// isPlural guesses plural nouns by their ending.
func isPlural(w string) bool {
	switch w {
	case "people", "police", "staff", "public", "media", "press":
		return true
	case "news", "us", "this", "his", "its", "was", "is", "has", "as":
		return false
	}
	return len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us")
}
