// Package resolve maps each source mention of an article ("he", "the
// president", "Mr. Trump", "Director of National Intelligence Dan Coats")
// to a canonical speaker within the article, with a kind and a
// confidence. It is deliberately conservative: when no antecedent is
// clear it answers unknown with a low confidence instead of guessing.
package resolve

import (
	"context"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/doc"
)

// Mention is a source mention as a token range [Start, End).
type Mention struct{ Start, End int }

// Speaker is the resolution of one mention.
type Speaker struct {
	Name       string
	Kind       claimtrail.SpeakerKind
	Confidence float64
}

// entity is a person or organisation named in the article.
type entity struct {
	name   string // full name as first written, titles stripped
	kind   claimtrail.SpeakerKind
	last   string   // surname (persons) for short references
	titles []string // lower-case title words seen with it: "president", "russian"
	gender byte     // 'm', 'f' or 0
	seen   int      // name mentions collected so far (see mayLengthen)
}

// nameMention is one occurrence of an entity in the text.
type nameMention struct {
	ent      int // -1: a source's reserved slot, not resolved to a name (see reserve)
	tok      int // first token
	sent     int
	isSource bool
}

type resolver struct {
	d         *doc.Doc
	ents      []entity
	bySurname map[string]int
	byName    map[string]int
	byFirst   map[string]int  // persons of two or more words by their first word, lower-case (family name first: "Lee Jae-myung" ... "Lee")
	mentions  []nameMention   // in text order; skip those with ent < 0
	active    activeSet       // which of mentions are active (ent >= 0)
	titled    map[string]bool // memo of anyTitled
	orgSeen   map[string]bool // memo of orgEvidence
	// outletAt holds the tokens that follow a lower-case word for an
	// outlet ("the tabloid | Ekstra Bladet"), read once an article when
	// outletNamed first asks (outletRead)
	outletAt   map[string][]int // by the first word's text
	outletRead bool
	byTitle    map[string][]int       // entities by each title word they were seen with
	titledEnts []int                  // entities seen with any title
	entTags    int8                   // 0 unknown, 1 the syntax stage tagged entities, -1 not
	titleCase  []int8                 // per paragraph: 0 not yet known, 1 title case, -1 not
	low        []string               // lower-cased token texts, filled by lowTok
	fl         []uint16               // word-class flags of the tokens, filled by flags
	lowBuf     []byte                 // backing store of lower-cased strings (see lower)
	lowMemo    lowMemo                // lower's answers by the string asked (speed_lowmemo.go)
	spokes     []spokesAt             // sources with a spokesperson resolved so far, in text order
	sources    []sourceAt             // sources resolved so far, in text order (see itSpeaker)
	shares     []sourceAt             // shares of a group resolved so far, in text order (see shareBefore)
	barred     int                    // an entity salience may not pick for the mention being resolved, or -1 (see namedInOwnClause)
	notHolder  map[string]map[int]int // by office key, entities a clause names beside "the <office>", with the sentence (-1: several; see notOfficeHolder), built once an article
	entOffice  map[int]string         // by entity, the one-holder office a bare "the <office>" source was resolved to it by (see heldOffice)
	entJob     map[int]bool           // entities a bare "the <job>" source was resolved to ("the businessman"; see heldOffice)
	written    map[int]byte           // by entity, the gender of the pronouns the text writes after its name, read once (see writtenGender)
}

// sourceAt is a source mention and what it resolved to: "It added"
// after "The lawsuit alleges" is the lawsuit's.
type sourceAt struct {
	tok, end int
	sp       Speaker
	idx      int // the mention's index in ResolveContext's input
}

// companyBeforeIt returns the input index of the source just before the
// pronoun "it" at p when it is a one-word name read as a surname alone
// (no title, no gender, in this sentence or the one before), or -1.
func (r *resolver) companyBeforeIt(p int) int {
	if len(r.sources) == 0 {
		return -1
	}
	src := r.sources[len(r.sources)-1]
	toks := r.d.Tokens
	if src.tok >= p || toks[src.tok].Sent < toks[p].Sent-1 || src.sp.Kind != claimtrail.SpeakerPerson || src.sp.Confidence > 0.7 ||
		strings.Contains(src.sp.Name, " ") || FirstName(src.sp.Name) {
		return -1
	}
	ei, ok := r.byName[r.lower(src.sp.Name)]
	if !ok || len(r.ents[ei].titles) > 0 || r.ents[ei].gender != 0 || genderOfName(src.sp.Name) != 0 {
		return -1
	}
	return src.idx
}

// subjectBeforeIt returns the organisation a sentence-opening "it" at
// token p goes on with: the name that opens the sentence before, in the
// same paragraph, as the subject of its verb ("Delta has been hit
// recently by pressures ... It has said ..."). A person's name (a given
// name, a title, a known gender) is no "it"; nor is a name that only
// modifies the subject ("Delta pilots have ...", where no verb follows).
func (r *resolver) subjectBeforeIt(p int) (Speaker, bool) {
	toks := r.d.Tokens
	s := toks[p].Sent
	if r.d.Sents[s].First != p || s == 0 || r.d.Sents[s-1].Para != r.d.Sents[s].Para {
		return Speaker{}, false
	}
	first := r.d.Sents[s-1].First
	for i := r.lastActive(r.before(p) - 1); i >= 0; i = r.lastActive(i - 1) {
		nm := r.mentions[i]
		if nm.tok < first {
			break
		}
		if nm.tok != first || nm.ent < 0 {
			continue
		}
		ent := r.ents[nm.ent]
		end := nm.tok + countFields(ent.name)
		if pos := toks[nm.tok].POS; pos != "" && !strings.HasPrefix(pos, "NNP") || invertingAdverbs[r.lowTok(nm.tok)] {
			return Speaker{}, false // "Never has there been ...": no name
		}
		if end >= len(toks) || !r.verbAt(end) || len(ent.titles) > 0 || ent.gender != 0 || genderOfName(ent.name) != 0 || FirstName(sharedFields(ent.name)[0]) {
			return Speaker{}, false
		}
		if ent.kind != claimtrail.SpeakerOrganization && ent.kind != "" && !(ent.kind == claimtrail.SpeakerPerson && !strings.Contains(ent.name, " ")) {
			return Speaker{}, false
		}
		return Speaker{Name: ent.name, Kind: claimtrail.SpeakerOrganization, Confidence: 0.5}, true
	}
	return Speaker{}, false
}

// surveyedPeople end a source that names a survey's people ("those
// questioned", "adults polled").
var surveyedPeople = wordSet("questioned surveyed polled interviewed quizzed sampled")

// SurveyedParticiple reports whether lw (lower case) is a participle that
// names a survey's people ("those questioned", "adults polled"): the
// extractor keeps it in the source.
func SurveyedParticiple(lw string) bool { return surveyedPeople[lw] }

// invertingAdverbs open a sentence before an inverted verb ("Never has
// there been"); capitalised there, they are taken for names.
var invertingAdverbs = wordSet("never rarely seldom nowhere hardly scarcely barely only little nor neither")

// spokesAt is a source with a spokesperson ("A Microsoft spokesperson",
// "a spokesman for UKIP") and whom it was resolved to: "the
// spokesperson" later speaks for the same.
type spokesAt struct {
	tok int
	sp  Speaker
}

// Resolve resolves each mention in the doc. Mentions should be given in
// text order; earlier resolutions inform later ones (a pronoun prefers the
// previous speaker).
func Resolve(d *doc.Doc, mentions []Mention) []Speaker {
	out, _ := ResolveContext(context.Background(), d, mentions)
	return out
}

// ResolveContext is Resolve that gives up when ctx is done, returning
// ctx's error: it looks at ctx every few hundred mentions.
func ResolveContext(ctx context.Context, d *doc.Doc, mentions []Mention) ([]Speaker, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if len(mentions) == 0 {
		// nothing to resolve: the names of the article (collectNames, a
		// pass over every token) would serve no mention
		return []Speaker{}, nil
	}
	r := resolverPool.Get().(*resolver)
	r.reset(d)
	r.collectNames()
	slots := r.reserve(mentions)
	out := make([]Speaker, len(mentions))
	for i, m := range mentions {
		if i%256 == 255 {
			if err := ctx.Err(); err != nil {
				r.release()
				resolverPool.Put(r)
				return nil, err
			}
		}
		out[i] = r.resolve(m)
		out[i] = withoutRoleWord(out[i])
		if out[i].Kind == claimtrail.SpeakerPerson {
			if ei, ok := r.namedInOwnClause(m, out[i].Name); ok {
				// "he claims to have seen a video of Ellison", "The
				// premier insisted Mr Brown will have a key role": a
				// pronoun or description is never the person its own
				// clause goes on to name; the next one salience picks,
				// else no one named
				r.barred = ei
				sp := withoutRoleWord(r.resolve(m))
				r.barred = -1
				if sp.Kind == claimtrail.SpeakerPerson && (r.lower(sp.Name) == r.lower(out[i].Name) || !r.plainlyNamedPerson(sp.Name)) {
					sp = r.unboundMention(m)
				} else if _, again := r.namedInOwnClause(m, sp.Name); again && sp.Kind == claimtrail.SpeakerPerson {
					sp = r.unboundMention(m)
				}
				out[i] = sp
			}
		}
		if out[i].Kind == claimtrail.SpeakerPerson {
			if sp, ok := r.pluralOwnerBody(m, out[i].Name); ok {
				out[i] = sp
			}
		}
		if out[i].Kind == claimtrail.SpeakerPerson {
			if sp, ok := r.describedSubjectBefore(m, out[i]); ok {
				out[i] = sp
			}
		}
		if k := out[i].Kind; k == claimtrail.SpeakerDescription || k == claimtrail.SpeakerGroup {
			if sp, ok := r.seatHolder(m); ok {
				out[i] = sp
			}
		}
		if k := out[i].Kind; (k == claimtrail.SpeakerOrganization || k == claimtrail.SpeakerGroup) && strings.Contains(out[i].Name, " ") {
			// a name the article wrote as a titled person's is that
			// person's, however the source's words read ("Lord Nicholls
			// of Birkenhead, in his ruling," is no body "of" a place)
			if ei, ok := r.byName[r.lower(out[i].Name)]; ok && r.ents[ei].kind == claimtrail.SpeakerPerson && r.ents[ei].gender != 0 && personTitled(r.ents[ei].titles) {
				out[i].Kind = claimtrail.SpeakerPerson
			}
		}
		if m.End-m.Start == 1 && m.Start > 0 && m.End <= len(d.Tokens) && places()[r.lowTok(m.Start)] {
			// a place after "in" or "of" ends a longer description ("Janet
			// Smith, Professor of Moral Theology at the Sacred Heart
			// Seminary in Detroit, recently wrote", "Bishop Robert
			// Morlino of the Diocese of Madison has confirmed"): the
			// place says nothing
			if lw := r.lowTok(m.Start - 1); lw == "in" || lw == "of" {
				out[i] = unknown(r.text(m.Start, m.End))
			}
		}
		if out[i].Kind == claimtrail.SpeakerPerson && pluralPeopleName(out[i].Name) {
			// "Tory MPs", "Law Lords", "Congressional Democrats": a
			// capitalised run ending in people in the plural is a group
			out[i].Kind = claimtrail.SpeakerGroup
		}
		if out[i].Kind == claimtrail.SpeakerPerson && m.End > m.Start && m.End <= len(d.Tokens) && isDeterminer(r.lowTok(m.Start)) && r.roleWordName(out[i].Name) {
			// "The IG also said", "the DJ admitted", "the Bishop said",
			// resolved to no one but the role's own word: a description
			// of the person, not a person so named
			out[i].Kind = claimtrail.SpeakerDescription
		}
		if out[i].Kind == claimtrail.SpeakerPerson && r.whichAfterName(m, out[i].Name) {
			// "BT Openzone, which operates most hotspots, told": no one
			// writes "which" of a person
			out[i].Kind = claimtrail.SpeakerOrganization
		}
		if out[i].Kind == claimtrail.SpeakerPerson && r.itsName(m, out[i].Name) {
			// "Hitachi recently announced a deal ... to strengthen its
			// presence": a lone word nothing marks as a person's, that
			// "its" goes on with, is a body's
			out[i].Kind = claimtrail.SpeakerOrganization
			if e, ok := r.byName[r.lower(out[i].Name)]; ok {
				r.ents[e].kind = claimtrail.SpeakerOrganization
			}
		}
		if out[i].Kind == claimtrail.SpeakerPerson && m.End-m.Start == 1 && m.End <= len(d.Tokens) && r.lowTok(m.Start) == "which" {
			// "property website Rightmove which suggested": "which" of a
			// name nothing marks as a person's is a body's
			if e, ok := r.byName[r.lower(out[i].Name)]; ok && r.ents[e].gender == 0 && len(r.ents[e].titles) == 0 && genderOfName(out[i].Name) == 0 {
				out[i].Kind = claimtrail.SpeakerOrganization
				r.ents[e].kind = claimtrail.SpeakerOrganization
			}
		}
		if out[i].Kind == claimtrail.SpeakerDescription && m.End > m.Start && m.End <= len(d.Tokens) && orgWords[r.lowTok(m.End-1)] &&
			isCap(d.Tokens[m.End-1].Text) && r.isTitleCase(d.Sents[d.Tokens[m.Start].Sent].Para) && !r.personWordIn(m.Start, m.End) {
			// a headline in title case writes every word in capitals, so
			// no name is collected there: "White House Asked Bill
			// Clinton to ..." is the White House, a body, by its last word
			out[i].Kind = claimtrail.SpeakerOrganization
		}
		// (a description may hold a name it is no one's: "Luciana Berger,
		// the MP for Liverpool Wavertree took to the stage")
		if k := out[i].Kind; k == claimtrail.SpeakerDescription || k == claimtrail.SpeakerOrganization || k == claimtrail.SpeakerUnknown && m.End-m.Start > 1 ||
			k == claimtrail.SpeakerPerson && m.End-m.Start > 2 && isDeterminer(r.lowTok(m.Start)) {
			if sp, ok := r.apposedPerson(m.Start, m.End); ok {
				out[i] = sp
			} else if sp, ok := r.roleThenName(m); ok && k != claimtrail.SpeakerPerson {
				out[i] = sp
			}
		}
		if out[i].Kind == claimtrail.SpeakerUnknown && m.End-m.Start == 1 && r.lowTok(m.Start) == "it" {
			// "Sony has said that ... “...,” it said": a lone word taken
			// for a surname that "it" goes on with is a company's name
			if j := r.companyBeforeIt(m.Start); j >= 0 {
				out[j].Kind = claimtrail.SpeakerOrganization
				r.sources[len(r.sources)-1].sp.Kind = claimtrail.SpeakerOrganization
				out[i] = Speaker{Name: out[j].Name, Kind: claimtrail.SpeakerOrganization, Confidence: 0.5}
			}
		}
		if out[i].Kind == claimtrail.SpeakerUnknown && m.End-m.Start == 1 && r.lowTok(m.Start) == "it" {
			// "Delta has been hit by rising fuel costs. It has said it
			// needs to cut jobs": the name opening the sentence before
			if sp, ok := r.subjectBeforeIt(m.Start); ok {
				out[i] = sp
			}
		}
		if out[i].Kind == claimtrail.SpeakerUnknown && m.End-m.Start >= 2 && m.End <= len(d.Tokens) && surveyedPeople[r.lowTok(m.End-1)] {
			// "Many of those questioned", "29% of the people it
			// questioned": a survey's people, described
			st := m.Start
			if lw := r.lowTok(st); lw == "the" || lw == "a" || lw == "an" {
				st++
			}
			out[i] = Speaker{Name: r.text(st, m.End), Kind: claimtrail.SpeakerDescription, Confidence: 0.5}
		}
		if out[i].Kind == claimtrail.SpeakerUnknown {
			// an explicit unknown has no name: the words of a source that
			// could not be resolved ("prices it", "the tax") name no one
			out[i].Name = ""
		}
		if sp := out[i]; sp.Name != "" && (sp.Kind == claimtrail.SpeakerOrganization || sp.Kind == claimtrail.SpeakerPerson) && r.hasSpokesWord(m) {
			r.spokes = append(r.spokes, spokesAt{tok: m.Start, sp: sp})
		}
		if m.Start >= 0 && m.End <= len(d.Tokens) && m.Start < m.End {
			r.sources = append(r.sources, sourceAt{tok: m.Start, end: m.End, sp: out[i], idx: i})
		}
		// the resolved speaker becomes salient for later pronouns (a
		// person named only where they speak, "Fletcher's daughter Jill
		// said", becomes an entity there)
		if slots[i] >= 0 {
			r.addSourceName(out[i])
		}
		if out[i].Kind == claimtrail.SpeakerPerson {
			r.noteOffice(m, out[i].Name)
		}
		if ei, ok := r.byName[r.lower(out[i].Name)]; ok && out[i].Kind != claimtrail.SpeakerUnknown && out[i].Kind != claimtrail.SpeakerDescription && slots[i] >= 0 {
			r.activate(slots[i], ei)
		}
	}
	for i := range out {
		out[i] = leadingRoleOff(out[i])
	}
	// (after a panic the resolver is simply not reused)
	r.release()
	resolverPool.Put(r)
	return out, nil
}

// itsName reports whether a source m resolved to the person called name
// is a body's: a lone word (no given name, title, or gender the article
// gave it, and no title or noun for a person: "the Bishop") that "its"
// goes on with after the source or after one of its
// last mentions before (the first pronoun after the name in its
// sentence, outside quotes, with no other name before it), and "he" or
// "she" never does there.
func (r *resolver) itsName(m Mention, name string) bool {
	ei, ok := r.byName[r.lower(name)]
	if lw := r.lower(name); !ok || strings.Contains(name, " ") || FirstName(name) || genderOfName(name) != 0 || titleWords[lw] || personNouns()[lw] {
		return false
	}
	if ent := &r.ents[ei]; ent.gender != 0 || len(ent.titles) > 0 {
		return false
	}
	its := false
	look := func(k int) bool { // false: a person's pronoun
		toks := r.d.Tokens
		for j := k; j < len(toks) && j < k+itsReach && toks[j].Sent == toks[k].Sent; j++ {
			if toks[j].Quote != 0 {
				continue
			}
			if j > k && isCap(toks[j].Text) && r.lowTok(j) != "i" {
				return true // another name first: "Quintaro reported that Veldmark had doubled its sales"
			}
			switch r.lowTok(j) {
			case "its", "itself":
				its = true
				return true
			case "he", "his", "him", "himself", "she", "her", "herself":
				return false
			}
		}
		return true
	}
	if m.End < len(r.d.Tokens) && !look(m.End) {
		return false
	}
	seen := 0
	for i := r.lastActive(r.before(m.Start) - 1); i >= 0 && seen < 8; i = r.lastActive(i - 1) {
		if nm := r.mentions[i]; nm.ent == ei {
			seen++
			if !look(nm.tok + 1) {
				return false
			}
		}
		if r.before(m.Start)-i > 200 {
			break
		}
	}
	return its
}

// itsReach bounds how many tokens after a name itsName reads for its
// pronoun.
const itsReach = 40

// addSourceName registers a person a source resolved to that the names
// collected before resolution do not hold: a given name alone or a name
// inside a description ("Fletcher's daughter Jill").
func (r *resolver) addSourceName(sp Speaker) {
	if sp.Kind != claimtrail.SpeakerPerson || sp.Confidence < 0.7 {
		return
	}
	key := r.lower(sp.Name)
	if _, ok := r.byName[key]; ok {
		return
	}
	words := sharedFields(sp.Name)
	if len(words) == 0 || len(words) > 3 {
		return
	}
	for _, w := range words {
		if !isCap(w) || strings.ContainsAny(w, "0123456789") {
			return
		}
	}
	r.ents = append(r.ents, entity{name: sp.Name, kind: claimtrail.SpeakerPerson, last: words[len(words)-1], gender: genderOfName(sp.Name)})
	r.byName[key] = len(r.ents) - 1
}

// leadingRoleOff drops from a person's name the words before a given
// name that are a role, an office, a party, a place or a hyphened
// description ("Congressman Anthony Weiner", "Philadelphia Archbishop
// Charles Chaput", "Fly-half Charlie Hodgson", "Liberal Democrat Paul
// Tyler"): titles the collected name kept. Only words known as such go,
// so a given name missing from the list of given names stays
// ("Mohamad Jamal Khweis"). It runs after every source is resolved: the
// entities are known by their names as collected.
func leadingRoleOff(sp Speaker) Speaker {
	if sp.Kind != claimtrail.SpeakerPerson {
		return sp
	}
	words := sharedFields(sp.Name)
	if len(words) < 3 || FirstName(words[0]) {
		return sp
	}
	for i := 1; i <= len(words)-2 && i <= 5; i++ {
		if !roleLike(words[i-1]) {
			return sp
		}
		if FirstName(words[i]) {
			sp.Name = strings.Join(words[i:], " ")
			return sp
		}
	}
	return sp
}

// roleLike reports whether w, written before a name, describes the
// person rather than names them.
func roleLike(w string) bool {
	lw := strings.ToLower(strings.TrimSuffix(w, "."))
	if FirstName(w) {
		return false
	}
	if titleWords[lw] || titleWords[lw+"."] || roleWords[lw] || personNouns()[lw] && !properNouns()[lw] || partyMember[lw] || places()[lw] || isNationality(w, lw) {
		return true
	}
	if k := strings.IndexByte(w, '-'); k > 0 && k+1 < len(w) {
		r := w[k+1]
		return r >= 'a' && r <= 'z' // "Fly-half", "Oscar-winner", "British-born"
	}
	if strings.HasSuffix(lw, "s") && personNouns()[strings.TrimSuffix(lw, "s")] && !properNouns()[strings.TrimSuffix(lw, "s")] {
		return true // "Judges Simon Cowell"
	}
	return false
}

// withoutRoleWord drops a spokesperson's or source's word that ends an
// organisation's name ("Department for Constitutional Affairs
// spokeswoman"): the organisation speaks through them, as "A Home Office
// spokeswoman" is the Home Office's.
func withoutRoleWord(sp Speaker) Speaker {
	if sp.Kind != claimtrail.SpeakerOrganization {
		return sp
	}
	k := strings.LastIndexByte(sp.Name, ' ')
	if k < 0 {
		return sp
	}
	if w := strings.ToLower(sp.Name[k+1:]); spokesWords[w] || w == "source" {
		sp.Name = strings.TrimSpace(sp.Name[:k])
	}
	return sp
}

// newspaperWords end newspapers' names, which news shortens to the word
// alone: "the Herald" after "the Catholic Herald".
var newspaperWords = wordSet("post times journal gazette herald tribune chronicle examiner inquirer courier dispatch bulletin " +
	"review-journal guardian telegraph observer")

// shortBodies head bodies' names that news shortens to the word alone
// ("the Bank", "the Commission"); a house, a church or a senate is
// named so on its own.
var shortBodies = wordSet("bank commission institute association academy agency authority board bureau council committee " +
	"foundation fund federation society ministry department tribunal")

// bodyNamed is the one organisation named in two words or more whose
// head is word as written (its last word, or the word before "of": "the
// Bank of England"), or -1 when there is none or more than one ("the
// Bank" after both the Bank of England and the World Bank).
func (r *resolver) bodyNamed(word string) int {
	found := -1
	for i := range r.ents {
		e := &r.ents[i]
		if e.kind != claimtrail.SpeakerOrganization {
			continue
		}
		f := sharedFields(e.name)
		if k := slices.Index(f, word); len(f) < 2 || k < 0 || k != len(f)-1 && f[k+1] != "of" {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = i
	}
	return found
}

// weekdayPaper reports whether token k, inside a capitalised run ending
// before j, is the day of a newspaper's name: "the Sunday Times", "The
// Sunday Telegraph" are papers, not the Times on a Sunday.
func (r *resolver) weekdayPaper(k, j int) bool {
	return k+1 < j && calendarWords[r.lowTok(k)] && strings.HasSuffix(r.lowTok(k), "day") && newspaperWords[r.lowTok(k+1)] && isCap(r.d.Tokens[k+1].Text)
}

// newspaperNamed is the one organisation named before whose name of two
// words or more ends in word, or -1 when there is none or more than one
// ("the Times" after both the New York Times and the Financial Times).
func (r *resolver) newspaperNamed(word string) int {
	found := -1
	for i := range r.ents {
		e := &r.ents[i]
		if e.kind != claimtrail.SpeakerOrganization || r.lower(e.last) != word || countFields(e.name) < 2 {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = i
	}
	return found
}

// resolverPool keeps resolvers for reuse: their maps and slices are
// cleared, not reallocated, for each article.
var resolverPool = sync.Pool{New: func() any {
	return &resolver{bySurname: map[string]int{}, byName: map[string]int{}, byFirst: map[string]int{}, titled: map[string]bool{}, orgSeen: map[string]bool{}, byTitle: map[string][]int{}}
}}

// reset readies a pooled (released) resolver for d.
func (r *resolver) reset(d *doc.Doc) {
	r.d = d
	r.entTags = 0
	r.spokes = r.spokes[:0]
	r.sources = r.sources[:0]
	r.shares = r.shares[:0]
	r.barred = -1
	r.notHolder = nil
	clear(r.entOffice)
	clear(r.entJob)
	clear(r.written)
	r.low = grow(r.low, len(d.Tokens))
	r.fl = grow(r.fl, len(d.Tokens))
	r.titleCase = grow(r.titleCase, len(d.Paras))
}

// grow returns s (which release left cleared) at length n, zeroed.
func grow[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	return s[:n]
}

// release clears what r holds, so that a pooled resolver keeps no article
// alive and its lower-case buffer can be written over: nothing made of
// that buffer leaves Resolve (speaker names are slices of the text or
// joined token texts).
func (r *resolver) release() {
	r.d = nil
	clear(r.bySurname)
	clear(r.byName)
	clear(r.byFirst)
	clear(r.titled)
	clear(r.orgSeen)
	r.outletAt, r.outletRead = nil, false
	clear(r.byTitle)
	r.titledEnts = r.titledEnts[:0]
	clear(r.ents)
	r.ents = r.ents[:0]
	r.mentions = r.mentions[:0]
	clear(r.low)
	r.low = r.low[:0]
	clear(r.fl)
	r.fl = r.fl[:0]
	clear(r.titleCase)
	r.titleCase = r.titleCase[:0]
	r.lowBuf = r.lowBuf[:0]
	r.lowMemo = lowMemo{} // its answers lie in lowBuf
}

// reserve places an inactive mention (ent -1) for each source mention
// that may become a name mention once resolved, where inserting it then
// would put it: after the collected names at or before its token, and
// after the sources before it in the list at the same token. Resolve
// activates a slot by setting its entity; readers of r.mentions skip
// inactive ones. (Inserting each resolved source into the sorted slice
// moved every later mention: quadratic in a paragraph of many "Smith
// said".) It returns each mention's slot, -1 for one outside the text.
func (r *resolver) reserve(mentions []Mention) []int {
	slots := make([]int, len(mentions))
	order := make([]int, 0, len(mentions))
	for i, m := range mentions {
		slots[i] = -1
		if m.Start >= 0 && m.Start < len(r.d.Tokens) {
			order = append(order, i)
		}
	}
	if len(order) == 0 {
		r.active.reset(r.mentions)
		return slots
	}
	sort.SliceStable(order, func(a, b int) bool { return mentions[order[a]].Start < mentions[order[b]].Start })
	names := r.mentions
	merged := make([]nameMention, 0, len(names)+len(order))
	k := 0
	for _, i := range order {
		tok := mentions[i].Start
		for k < len(names) && names[k].tok <= tok {
			merged = append(merged, names[k])
			k++
		}
		slots[i] = len(merged)
		merged = append(merged, nameMention{ent: -1, tok: tok, sent: r.d.Tokens[tok].Sent, isSource: true})
	}
	r.mentions = append(merged, names[k:]...)
	r.active.reset(r.mentions)
	return slots
}

// lastActive returns the last active mention at or before index i, -1
// for none, in O(log n) however many reserved slots lie between.
func (r *resolver) lastActive(i int) int {
	if i < 0 {
		return -1
	}
	return r.active.last(i)
}

// activate marks slot i (reserved, see reserve) as the name mention of
// entity ei.
func (r *resolver) activate(i, ei int) {
	if r.mentions[i].ent < 0 {
		r.active.add(i)
	}
	r.mentions[i].ent = ei
}

// activeSet is a Fenwick tree of the active mentions: counts in O(log n)
// the active ones up to an index, and finds the k-th.
type activeSet struct{ tree []int32 }

// reset sizes s for the mentions ms, marking the active ones.
func (s *activeSet) reset(ms []nameMention) {
	n := len(ms)
	if cap(s.tree) < n+1 {
		s.tree = make([]int32, n+1)
	}
	s.tree = s.tree[:n+1]
	clear(s.tree)
	for i, m := range ms {
		if m.ent >= 0 {
			s.tree[i+1]++
		}
	}
	for i := 1; i <= n; i++ { // linear build: each node adds to its parent
		if j := i + i&-i; j <= n {
			s.tree[j] += s.tree[i]
		}
	}
}

func (s *activeSet) add(i int) {
	for j := i + 1; j < len(s.tree); j += j & -j {
		s.tree[j]++
	}
}

// last returns the greatest active index <= i, or -1.
func (s *activeSet) last(i int) int {
	k := int32(0) // active mentions in [0, i]
	for j := i + 1; j > 0; j -= j & -j {
		k += s.tree[j]
	}
	if k == 0 {
		return -1
	}
	// descend to the k-th active index (1-based position pos+1)
	pos, n := 0, len(s.tree)-1
	step := 1
	for step*2 <= n {
		step *= 2
	}
	for ; step > 0; step /= 2 {
		if next := pos + step; next <= n && s.tree[next] < k {
			pos = next
			k -= s.tree[next]
		}
	}
	return pos // 0-based index of the k-th active mention
}

// before returns how many mentions start before token p (mentions are in
// text order), so that searches back from p skip the rest at once.
func (r *resolver) before(p int) int {
	return sort.Search(len(r.mentions), func(i int) bool { return r.mentions[i].tok >= p })
}

var honorific = map[string]byte{"mr.": 'm', "mr": 'm', "mrs.": 'f', "mrs": 'f', "ms.": 'f', "ms": 'f', "miss": 'f', "sir": 'm', "dame": 'f', "lord": 'm', "lady": 'f'}

// titleWords precede a person's name and are not part of it.
var titleWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`president vice prime minister secretary senator sen. sen rep. rep representative gov. gov governor mayor
	director chairman chairwoman chair chief ceo spokesman spokeswoman spokesperson general gen. gen admiral adm. judge justice
	dr. dr prof. prof professor sheriff attorney lt. col. colonel sgt. capt. captain officer ambassador commissioner councilman councilwoman
	councillor councilor alderman alderwoman assemblyman assemblywoman
	speaker leader minority majority whip deputy assistant former then-president then-candidate candidate nominee chancellor king queen prince princess
	pope rev. reverend father sister brother cardinal rabbi imam monsignor msgr. msgr mr. mrs. ms. mr mrs ms miss sir dame lord lady hon. state national intelligence defense homeland security
	foreign house senate democratic republican u.s. us american russian british chinese french german white press analyst strategist pollster
	advisor adviser aide lawyer economist executive founder co-founder host anchor correspondent editor reporter columnist counsel
	mp mep msp under-secretary vice-president vice-chairman vice-chair co-chairman co-chair
	director-general secretary-general attorney-general solicitor-general governor-general inspector-general surgeon-general
	principal rector provost headteacher headmaster headmistress superintendent
	detective det. det inspector insp. insp supt. supt constable sergeant sgt
	excellency eminence holiness highness majesty
	of the for and de la`) {
		titleWords[w] = true
	}
}

// roleAfterModifier reports whether a person noun stands at token j, or
// after one lower-case modifier there ("gold medallist"), with a
// capitalised word right after it.
func roleAfterModifier(r *resolver, j int) bool {
	toks := r.d.Tokens
	if personNouns()[r.lowTok(j)] && j+1 < len(toks) && isCap(toks[j+1].Text) {
		return true
	}
	return j+2 < len(toks) && !isCap(toks[j+1].Text) && personNouns()[r.lowTok(j+1)] && isCap(toks[j+2].Text) && toks[j+2].Sent == toks[j].Sent
}

// employerRoles are jobs written between an employer's name and the
// employee's ("Apacs spokeswoman Sandra Quinn").
var employerRoles = wordSet(`spokesman spokeswoman spokesperson chairman chairwoman economist analyst director boss manager
	singer guitarist drummer frontman vocalist striker midfielder defender goalkeeper coach captain executive founder`)

// roleModifiers go before an employerRoles word to name a post in a
// body ("chief executive", "managing director", "finance director"): no
// one is a person's chief executive.
var roleModifiers = wordSet("chief managing finance financial general assistant deputy technical commercial marketing sales operations communications")

// roleWords name a single person by role: "a spokesman", "an aide".
var roleWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`spokesman spokeswoman spokesperson official aide source adviser advisor lawyer attorney
	doctor nurse witness resident organizer organiser officer insider executive analyst expert economist teacher student
	farmer grower owner worker employee manager researcher scientist professor author writer voter supporter critic`) {
		roleWords[w] = true
	}
}

// firmOffices are offices held in a company or a body ("director of
// Spamhaus"), not in a government or a faith.
var firmOffices = wordSet("director president chairman chairwoman chair founder co-founder executive officer head chief boss " +
	"spokesman spokeswoman spokesperson manager owner editor publisher")

// connector words join title words ("Director of National Intelligence")
// but are no titles themselves.
var connector = map[string]bool{"of": true, "the": true, "for": true, "and": true, "de": true, "la": true}

// titleGender holds titles only men or only women bear.
var titleGender = map[string]byte{"pope": 'm', "cardinal": 'm', "king": 'm', "prince": 'm', "duke": 'm', "archduke": 'm', "emperor": 'm',
	"queen": 'f', "princess": 'f', "duchess": 'f', "empress": 'f'}

// invertedLeadVerbs open a sentence before the speaker and a colon:
// "Added Gibbs:", "Says Ms Lane:".
var invertedLeadVerbs = map[string]bool{"added": true, "adds": true, "says": true, "observes": true, "observed": true,
	"explains": true, "explained": true, "notes": true, "noted": true, "recalls": true, "recalled": true,
	"continues": true, "continued": true, "insists": true, "insisted": true, "warns": true, "warned": true, "concludes": true, "concluded": true}

// orgWords mark a capitalised phrase as an organisation.
var orgWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`house kremlin department ministry agency agencies committee commission council party campaign
	post times journal news network press associated reuters bbc cnn fox nbc abc cbs msnbc npr bloomberg guardian telegraph
	university institute foundation center centre bank fund corporation corp. inc. inc co. company group association union
	court congress senate parliament government administration office bureau service police fbi cia nsa pentagon
	organization organisation league coalition board authority council county city state
	health energy motors airlines airways systems holdings partners capital media labs technologies pharmaceuticals
	clinic hospital school college church club fc united union nations alliance federation ministry railways bank
	labour dems ukip snp gop nato subcommittee exchange pac
	gazette herald tribune chronicle examiner inquirer courier dispatch bulletin review-journal
	open cup championship championships olympics tournament festival awards prix trophy
	society ballet orchestra opera theatre theater trust charity consortium assembly forum watch industry industries
	agence presse magazine radio television zeitung`) {
		orgWords[w] = true
	}
}

// firmEnds end a firm's capitalised name ("Forrester Research", "Strategy
// Analytics", "Capital Economics"); lower-case, as heads of descriptions
// ("CEA research", "the economics minister"), they name no
// organisation, so they are not orgWords.
var firmEnds = wordSet("research analytics consulting consultancy associates securities ventures economics investments")

var pronouns = map[string]string{
	"he": "m", "him": "m", "his": "m", "himself": "m",
	"she": "f", "her": "f", "hers": "f", "herself": "f",
	"they": "p", "them": "p", "their": "p", "we": "p", "us": "p",
	"who": "r", "which": "r", "that": "r", "whom": "r",
	"i": "1", "me": "1", "my": "1", "mine": "1", "myself": "1", "you": "2", "your": "2", "it": "n", "its": "n",
}

func isCap(s string) bool {
	if len(s) > 0 && s[0] >= 'a' && s[0] <= 'z' {
		// the common case, a lower-case word, without decoding: only
		// "diGenova" (a particle of two letters or three) counts
		if len(s) < 5 || s[1] < 'a' || s[1] > 'z' {
			return false
		}
		if s[2] >= 'A' && s[2] <= 'Z' {
			return true
		}
		return s[2] >= 'a' && s[2] <= 'z' && s[3] >= 'A' && s[3] <= 'Z' && len(s) > 5
	}
	r, n := utf8.DecodeRuneInString(s)
	if unicode.IsUpper(r) {
		return true
	}
	// a name with a lower-case particle written on: "diGenova", "deBlasio"
	// (not a brand's one letter: "eBay", "iPhone")
	if unicode.IsLower(r) && len(s) > n+2 {
		for i, c := range s[n:] {
			if i >= 3 || !unicode.IsLetter(c) {
				break
			}
			if unicode.IsUpper(c) {
				return i >= 1 && len(s) > n+i+2
			}
		}
	}
	return false
}

// collectNames finds proper names: entity-tagged runs when the syntax
// stage tagged entities, else runs of capitalised words that are not
// sentence-initial function words.
func (r *resolver) collectNames() {
	toks := r.d.Tokens
	r.learnTitles()
	// whether the paragraph is title case, asked once per sentence
	sent, titled := -1, false
	for i := 0; i < len(toks); {
		t := &toks[i]
		if t.Sent != sent {
			sent, titled = t.Sent, r.isTitleCase(r.d.Sents[t.Sent].Para)
		}
		if titled {
			i++
			continue
		}
		if t.Ent != "" && t.Ent != "O" {
			typ := strings.TrimPrefix(strings.TrimPrefix(t.Ent, "B-"), "I-")
			j := i + 1
			for j < len(toks) && toks[j].Ent == "I-"+typ {
				j++
			}
			if typ == "PER" || typ == "ORG" {
				kind := claimtrail.SpeakerPerson
				if typ == "ORG" {
					kind = claimtrail.SpeakerOrganization
				}
				r.addName(i, j, kind)
			}
			i = j
			continue
		}
		if r.digitLedName(i) {
			r.addName(i, i+1, claimtrail.SpeakerOrganization) // "data analysis firm 1010data"
			i++
			continue
		}
		if r.hasEntTags() || plainLower(t.Text) || !isCap(t.Text) {
			i++
			continue
		}
		if notInNames[t.Text] {
			// "You Really Should Not Take EU's": a verb written in
			// capitals; after a capitalised word, a title-case line,
			// whose words after it name no one either ("Take EU",
			// "Democrat Leaders Demand White House Not Get Preview of
			// Mueller Report"; but "Does Francis" opens a question)
			title := i > 0 && toks[i-1].Sent == t.Sent && isCap(toks[i-1].Text)
			i++
			for title && i < len(toks) && toks[i].Sent == t.Sent && !r.d.LineBreakBefore(i) {
				i++
			}
			continue
		}
		if i > 0 && i+1 < len(toks) && stateAbbreviations[t.Text] && toks[i-1].Text == "," && isCap(toks[i+1].Text) && toks[i+1].Sent == t.Sent {
			// "in Norfolk, Va. Harris, 21, ...": the state ends the place,
			// the name starts after it
			i++
			continue
		}
		j := i
		// a name runs over capitalised words, initials, "of", name
		// particles ("Piet van Dam") and an ampersand between capitalised
		// words ("Standard & Poor's", "Ernst & Young": one firm, not a
		// person called Poor), within one sentence and one line
		for j < len(toks) && toks[j].Sent == t.Sent && (j == i || !r.d.LineBreakBefore(j)) && !notInNames[toks[j].Text] &&
			(!plainLower(toks[j].Text) && isCap(toks[j].Text) || j > i && (toks[j].Text == "of" || isNameParticle(toks[j].Text) || len(toks[j].Text) == 2 && toks[j].Text[1] == '.') ||
				j > i && toks[j].Text == "for" && bodyForHeads[toks[j-1].Text] && j+1 < len(toks) && isCap(toks[j+1].Text) ||
				j > i && toks[j].Text == "&" && r.firmAmpersand(j) ||
				j > i && toks[j].Text == "and" && r.bodyNameAnd(i, j) ||
				j > i && toks[j].Text == "on" && bodyOnHeads[toks[j-1].Text] && j+1 < len(toks) && isCap(toks[j+1].Text) && toks[j+1].Sent == t.Sent && r.flags(j+1)&fTemporal == 0 ||
				j > i && r.numberInName(j)) {
			j++
		}
		for j > i && !isCap(toks[j-1].Text) {
			j--
		}
		if j-i > 1 && sayingInName[toks[j-1].Text] {
			j-- // "Loomer Tweeted.", "Minister Says": the verb closing the run is no part of the name
		}
		if j-i > 1 && i == r.d.Sents[t.Sent].First && toks[i].POS == "JJ" && r.peopleWord(r.lowTok(j-1)) {
			i++ // "Prominent Republicans are calling for": an adjective capitalised by the sentence, before a people word
		}
		if j-i > 1 && i == r.d.Sents[t.Sent].First && r.capitalisedModifier(i, j) {
			i++ // "Outgoing Flake said", "Troubled Marsh has said": a participle the sentence capitalised
		}
		if j-i > 1 && (i == r.d.Sents[t.Sent].First && questionOpeners[r.lowTok(i)] || strings.Contains(toks[i].Text, "…")) {
			// "Was Bartleby hot and spicy?": the question's verb is no
			// part of the name, nor are words run together by an
			// ellipsis ("And…Other Alden")
			i++
		}
		if j == i+1 && r.givenBeforeNickname(i) {
			i = j
			continue
		}
		if j > i {
			n := len(r.mentions)
			r.addName(i, j, "")
			if len(r.mentions) > n {
				r.nicknamed(i, j, r.mentions[len(r.mentions)-1].ent)
			}
			if g := r.pronounAfterVerb(j); g != 0 && j == i+1 && len(r.mentions) > n {
				// "Federer admitted he was under pressure": a surname
				// that reports about "he" is a man's (no body is "he")
				// (its kind stays open: other runs are not merged into it)
				if e := &r.ents[r.mentions[len(r.mentions)-1].ent]; e.kind == "" && e.gender == 0 {
					e.gender = g
				}
			}
		}
		i = max(j, i+1)
	}
}

// nicknameSpan bounds the words between the marks of a nickname.
const nicknameSpan = 6

// nicknamed gives the entity ei, named by the surname run [i, j), the
// given name written before a nickname in quote marks ("Donald “Art of
// the Deal” Trump", "Brian 'Head' Welch", "Antonio "LA" Reid"): the name
// is the words outside the marks, never "Deal Trump" or "Reid" alone.
func (r *resolver) nicknamed(i, j, ei int) {
	toks := r.d.Tokens
	if j-i != 1 || i < 4 || !closingMark(toks[i-1].Text) || r.ents[ei].kind == claimtrail.SpeakerOrganization || strings.Contains(r.ents[ei].name, " ") {
		return
	}
	q := i - 2
	for q > 0 && q >= i-2-nicknameSpan && !openingMark(toks[q].Text) {
		q--
	}
	if q < 1 || q == i-2 || !openingMark(toks[q].Text) || !quotePair(toks[q].Text, toks[i-1].Text) || toks[q-1].Sent != toks[i].Sent ||
		!FirstName(toks[q-1].Text) || !isCap(toks[q-1].Text) || !isCap(toks[q+1].Text) || !isCap(toks[i-2].Text) {
		return // (a nickname's words open and close in capitals: not "The GREAT's")
	}
	name := toks[q-1].Text + " " + r.ents[ei].name
	if _, dup := r.byName[r.lower(name)]; dup {
		return
	}
	r.ents[ei].name = name
	r.ents[ei].kind = claimtrail.SpeakerPerson // a given name and a surname
	r.byName[r.lower(name)] = ei
}

// givenBeforeNickname reports whether the one-word run at i is a given
// name before a nickname in quote marks and a surname ("Antonio "LA"
// Reid"): it is collected with the surname (see nicknamed), never alone,
// or a later "he" would find "Antonio" as someone else.
func (r *resolver) givenBeforeNickname(i int) bool {
	toks := r.d.Tokens
	if i+3 >= len(toks) || !FirstName(toks[i].Text) || !openingMark(toks[i+1].Text) || !isCap(toks[i+2].Text) {
		return false
	}
	for c := i + 3; c < len(toks) && c <= i+2+nicknameSpan && toks[c].Sent == toks[i].Sent; c++ {
		if closingMark(toks[c].Text) && quotePair(toks[i+1].Text, toks[c].Text) {
			return c+1 < len(toks) && toks[c+1].Sent == toks[i].Sent && isCap(toks[c-1].Text) && isCap(toks[c+1].Text) && !plainLower(toks[c+1].Text) &&
				(c+2 >= len(toks) || !isCap(toks[c+2].Text))
		}
	}
	return false
}

// openingMark and closingMark report whether t is a quote mark that may
// open or close a nickname.
func openingMark(t string) bool { return t == "“" || t == "‘" || t == "\"" || t == "'" }
func closingMark(t string) bool { return t == "”" || t == "’" || t == "\"" || t == "'" }

// quotePair reports whether the marks open and close one quotation.
func quotePair(open, close string) bool {
	switch open {
	case "“":
		return close == "”"
	case "‘":
		return close == "’"
	}
	return open == close
}

// digitLedName reports whether token k is a company's name that opens
// with digits, written after a lower-case noun saying what kind of
// company it is ("data analysis firm 1010data", "genetics company
// 23andMe"): digits, then at least three letters (no quantity: "15km",
// "1990s", "10th" have fewer).
func (r *resolver) digitLedName(k int) bool {
	w := r.d.Tokens[k].Text
	if len(w) < 4 || w[0] < '0' || w[0] > '9' || k == 0 || !companyNouns[r.lowTok(k-1)] || isCap(r.d.Tokens[k-1].Text) {
		return false
	}
	d := 0
	for d < len(w) && w[d] >= '0' && w[d] <= '9' {
		d++
	}
	letters := 0
	for _, c := range w[d:] {
		if !unicode.IsLetter(c) {
			return false
		}
		letters++
	}
	return letters >= 3
}

// notInNames are capitalised words no name holds: auxiliaries and
// negation, which a headline or a title-case line writes in capitals
// ("Eurointelligence says You Really Should Not Take EU's Willingness
// ..." made a person "Really Should Not Take EU").
var notInNames = wordSet("Should Would Could Must Not Cannot Shall Might Does Did Is Are Was Were Has Have Had Do Don't Won't Can't Isn't")

// numberInName reports whether the number at token k goes on a name
// between capitalised words ("Il Sole 24 Ore", "Channel 4 News"): at
// most three digits, no date's ("Tuesday 14 December", "In 24 hours"),
// year's or rank's ("No. 3"), in one sentence and one line.
func (r *resolver) numberInName(k int) bool {
	toks := r.d.Tokens
	w := toks[k].Text
	if len(w) > 3 || k+1 >= len(toks) || toks[k+1].Sent != toks[k].Sent || r.d.LineBreakBefore(k) || r.d.LineBreakBefore(k+1) {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	if prev := toks[k-1].Text; prev == "No." || prev == "No" || prev == "Number" {
		return false // "the No. 3 House Democrat": a rank
	}
	next := toks[k+1].Text
	return isCap(toks[k-1].Text) && isCap(next) && !plainLower(next) &&
		r.flags(k-1)&(fFunction|fTemporal) == 0 && r.flags(k+1)&(fFunction|fTemporal) == 0
}

// bodyNameAnd reports whether the "and" at token k goes on a body's name
// that the run from token i has opened with a head and "of" or "for"
// ("Department of Housing and Urban Development", "National Institute of
// Economic and Social Research"): the words after it are capitalised and
// no given name ("the Department of Health and Tony Blair").
func (r *resolver) bodyNameAnd(i, k int) bool {
	toks := r.d.Tokens
	if k+1 >= len(toks) || !isCap(toks[k+1].Text) || toks[k+1].Sent != toks[k].Sent || genderOfWord(r.lowTok(k+1)) != 0 || honorific[r.lowTok(k+1)] != 0 {
		return false
	}
	for m := i + 1; m < k; m++ {
		if (toks[m].Text == "of" || toks[m].Text == "for") && bodyForHeads[toks[m-1].Text] {
			return true
		}
	}
	return false
}

// firmAmpersand reports whether the "&" at token k joins the capitalised
// words around it into one firm's name ("Standard & Poor's", "Marsh &
// McLennan", "Goldstein & Russell"), not two people's: the word after
// it is no given name ("Robert Spencer & Pamela Geller") and, within
// modifierReach tokens, is never written after one as a surname
// ("Henman & Murray" where the article names Andy Murray).
func (r *resolver) firmAmpersand(k int) bool {
	toks := r.d.Tokens
	if k+1 >= len(toks) || !isCap(toks[k+1].Text) || toks[k+1].Sent != toks[k].Sent || genderOfWord(r.lowTok(k+1)) != 0 {
		return false
	}
	after := toks[k+1].Text
	for i := max(1, k-modifierReach); i < len(toks) && i < k+modifierReach; i++ {
		if i != k+1 && toks[i].Text == after && genderOfWord(r.lowTok(i-1)) != 0 {
			return false
		}
	}
	return true
}

// standingNouns say where a named person or body stands among others,
// or a performer's or player's job, and news writes them right before
// the name at the start of a sentence or headline ("Veteran Martinez
// wins title", "Rival Sony has said", "Rapper Eminem has denied"):
// capitalised there, they are still no part of the name. (Offices and
// honorifics, "Judge", "Bishop", "Coach", are titles, kept apart.)
var standingNouns = wordSet("veteran rival fellow compatriot teammate team-mate newcomer rookie underdog singer rapper actor actress guitarist drummer striker midfielder defender goalkeeper")

// capitalisedModifier reports whether the first word of the capitalised
// run [i, j), which opens its sentence, is a participle or adjective
// the sentence capitalised ("Outgoing", "Troubled", "Ailing") rather
// than part of the name: it ends as participles do (or is a noun of
// standing before a one-word name, "Veteran Martinez"), is no given name
// or title, and the run's last word is written elsewhere in the article
// without it ("Senator Jeff Flake", "Marsh is also the focus"), and is
// no word of a body's name ("United Nations", "Ealing Council" keep
// their first word).
func (r *resolver) capitalisedModifier(i, j int) bool {
	toks := r.d.Tokens
	lw := r.lowTok(i)
	participle := len(lw) >= 6 && (strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "ing"))
	if !participle && !(j-i == 2 && standingNouns[lw]) || firstNameGender[lw] != 0 || titleWords[lw] || orgWords[r.lowTok(j-1)] {
		return false
	}
	last := toks[j-1].Text
	// (within a few thousand tokens: a long article of such runs is not
	// read once for each)
	for k := max(1, i-modifierReach); k < len(toks) && k < i+modifierReach; k++ {
		if k != j-1 && toks[k].Text == last && toks[k-1].Text != toks[i].Text {
			return true
		}
	}
	return false
}

// modifierReach bounds how far capitalisedModifier looks for the name
// written without its modifier.
const modifierReach = 4000

// pronounAfterVerb returns the gender of "he" or "she" written right
// after a verb at token k, or after the verb and "that" ("admitted he
// was", "says that she"), outside quote marks; 0 otherwise.
func (r *resolver) pronounAfterVerb(k int) byte {
	toks := r.d.Tokens
	if k+1 >= len(toks) || toks[k].Quote != 0 || toks[k].POS != "VBD" && toks[k].POS != "VBZ" {
		return 0
	}
	p := k + 1
	if r.lowTok(p) == "that" && p+1 < len(toks) {
		p++
	}
	if toks[p].Sent != toks[k].Sent || toks[p].Quote != 0 {
		return 0
	}
	switch r.lowTok(p) {
	case "he":
		return 'm'
	case "she":
		return 'f'
	}
	return 0
}

// entGender is the gender of entity i, from the pronouns and titles seen
// with it or, for a person, its given name.
func (r *resolver) entGender(i int) byte {
	e := &r.ents[i]
	if e.gender != 0 || e.kind != claimtrail.SpeakerPerson {
		return e.gender
	}
	return genderOfName(e.name)
}

// questionOpeners are the verbs a question opens with before its subject.
var questionOpeners = wordSet("was is are were did does do has have had can could will would should shall may might must")

// sayingInName are capitalised verbs of saying a run of capitalised
// words takes in after a name ("Loomer Tweeted.", a headline's "Trump
// Says"): no part of it.
var sayingInName = wordSetCase("Said Says Tweeted Tweets Wrote Writes Told Tells Added Adds Posted Posts Claimed Claims Insisted Insists Warned Warns Announced Announces")

// unisexNames are given names borne by men and women alike: the gender
// the name list gives them does not keep an honorific of the other one
// from the person ("Ms. O'Neill" after "Terry O'Neill").
var unisexNames = wordSet("terry jordan jesse chris pat dana kelly kim tracy tracey jody jamie robin leslie lesley casey taylor morgan alex sam lindsey jan jean andrea nicola")

// bodyOnHeads open the names of bodies that go on with "on" and what
// they are on ("Subcommittee on Investigations", "Council on Foreign
// Relations"; not "Committee on Wednesday").
var bodyOnHeads = wordSetCase("Committee Subcommittee Commission Council Panel Caucus")

// bodyForHeads open the names of public bodies that go on with "for"
// ("Department for International Development", "Institute for Fiscal
// Studies", "Campaign for Nuclear Disarmament").
var bodyForHeads = wordSetCase("Department Institute Centre Center Campaign Commission Council Committee Office Ministry Agency Society Foundation Fund Association Alliance Coalition Trust Organisation Organization Federation Union Board Bureau Authority")

// roleAt reports whether token k is a lower-case title, role or noun for
// a person ("candidate", "senator", "manager").
func (r *resolver) roleAt(k int) bool {
	lw := r.lowTok(k)
	return !isCap(r.d.Tokens[k].Text) && (titleWords[lw] || roleWords[lw] || personNouns()[lw])
}

// isNameParticle: lower-case words inside surnames.
func isNameParticle(w string) bool {
	switch w {
	case "van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "la", "le", "bin", "ibn", "al", "ter", "dos", "das":
		return true
	}
	return false
}

func (r *resolver) hasEntTags() bool {
	if r.entTags == 0 {
		r.entTags = -1
		for k := 0; k < len(r.d.Tokens) && k < 200; k++ {
			if r.d.Tokens[k].Ent != "" {
				r.entTags = 1
				break
			}
		}
	}
	return r.entTags > 0
}

// addName registers the name in tokens [i, j), stripping titles.
// clauseRun reports whether a run of capitalised words holds a subject
// pronoun after its first word: a title-case headline's clause ("Gillum
// Makes Promises He Can’t Keep"), no one's name; nor is a run with a
// possessive after its first word, a work's title ("Stars In Their
// Eyes"; not "Our", which names a church: "Our Lady of Guadalupe").
func (r *resolver) clauseRun(i, j int) bool {
	for k := i + 1; k < j; k++ {
		switch r.d.Tokens[k].Text {
		case "He", "She", "They", "We", "It", "His", "Their", "My", "Your", "Its":
			return true
		}
	}
	return false
}

func (r *resolver) addName(i, j int, kind claimtrail.SpeakerKind) {
	toks := r.d.Tokens
	if r.runOfNames(i, j) || r.shouted(i, j) || r.clauseRun(i, j) {
		return
	}
	var titles []string
	var gender byte
	// a role and "for" or "at" before the run name whom the role serves,
	// not the run: "Tony Macklin, spokesman for Ask Jeeves", "an analyst
	// at Harrow Capital" (the run is the employer, and no spokesman)
	employer := i >= 2 && toks[i-1].Sent == toks[i].Sent && (toks[i-1].Text == "for" || toks[i-1].Text == "at") &&
		roleWords[r.lowTok(i-2)] && !isCap(toks[i-2].Text)
	// (and a lower-case office in a body and "of": "Steve Linford,
	// director of Spamhaus", "president of Netcraft" hold offices in the
	// run; a capitalised office runs on into a name, "Director of
	// National Intelligence Dan Coats", and a minister or governor "of"
	// serves a place or a faith, not a firm)
	employer = employer || i >= 2 && toks[i-1].Sent == toks[i].Sent && toks[i-1].Text == "of" && firmOffices[r.lowTok(i-2)] && !isCap(toks[i-2].Text)
	// (a capitalised title is an office whose name runs on, and so is a
	// run with a given name inside: "Advisor for Strategy Jane Doe",
	// "adviser for Europe Denis MacShane")
	for k := i + 1; k < j && employer; k++ {
		employer = genderOfWord(r.lowTok(k)) == 0
	}
	// titles just before the run ("Russian President", "Mr.")
	for k := i - 1; k >= 0 && k >= i-4 && toks[k].Sent == toks[i].Sent && !employer; k-- {
		fl := r.flags(k)
		if fl&fTitle == 0 {
			if r.lowTok(k) == "shadow" && len(titles) > 0 {
				// "shadow chancellor Oliver Letwin" is no chancellor
				titles = append(titles, "shadow")
			}
			break
		}
		lw := r.lowTok(k)
		if lw == "the" && k == i-1 {
			// a role before "the" is no title of the name after it: "one
			// lawyer the IG report had not named" gives the IG no
			// "lawyer" (a title's own "the" stands inside it: "Chancellor
			// of the Exchequer Gordon Brown")
			break
		}
		if fl&fConnector != 0 {
			if lw == "and" && (len(titles) > 0 && honorific[titles[0]] != 0 || len(titles) == 0 && honorific[r.lowTok(i)] != 0) {
				// "the prime minister and Mr Brown": the office before
				// "and" is another person's ("president and chief
				// executive Tim Cook" is one person's two titles)
				break
			}
			continue
		}
		titles = append(titles, lw)
		if fl&fHonorific != 0 {
			gender = honorific[lw]
		}
	}
	// a capitalised run may open with words that are no part of a name:
	// "But Tony Blair", "On Monday Tony Blair", "Then I", page furniture
	// ("Media caption Mr Obama", "Posted Updated")
	for i < j && (r.flags(i)&(fFunction|fTemporal|fPronoun) != 0 || boilerplate[r.lowTok(i)] || nameOpeners[r.lowTok(i)]) && !r.weekdayPaper(i, j) {
		i++
	}
	// a place that modifies a role after it is no one: "Defeated Georgia
	// gubernatorial candidate Stacey Abrams" ("Georgia" is also a given
	// name, which a later "she" would take)
	// (only right before the role or its adjective, with no given name
	// before the place: "Bill Clinton and singer Harry Belafonte" is
	// Clinton)
	if j > i && j-i <= 2 && j+1 < len(toks) && places()[r.lowTok(j-1)] && r.flags(j-1)&fOrg == 0 && toks[j].Sent == toks[i].Sent &&
		(toks[j].POS == "JJ" || toks[j].POS == "NN") && (r.roleAt(j) || r.roleAt(j+1)) && (j-i == 1 || genderOfWord(r.lowTok(i)) == 0 && r.flags(i)&fTitle == 0) {
		return
	}
	// a capitalised adjective run before a role and a name modifies the
	// role, it is no one: "Double Olympic champion Kelly Holmes"
	// (also with a modifier before the role, "Sydney Olympic gold
	// medallist Jane Moore", and a place's name that is also a given
	// name, "Sydney")
	if last := r.lowTok(j - 1); j+1 < len(toks) && j > i && toks[j].Sent == toks[i].Sent && !isCap(toks[j].Text) && roleAfterModifier(r, j) &&
		(strings.HasSuffix(last, "ic") || strings.HasSuffix(last, "ean")) && r.flags(j-1)&(fOrg|fTitle) == 0 && (genderOfWord(r.lowTok(i)) == 0 || places()[r.lowTok(i)]) {
		return
	}
	// an organisation's initials before a person's name: "group EADS
	// Philippe Camus" (the run is Camus's name, EADS his employer)
	// (or a title: "EPA Pope Francis", a photo agency's credit)
	if j-i >= 3 && len(toks[i].Text) >= 3 && upperAlready(toks[i].Text) && isCap(toks[i].Text) &&
		(genderOfWord(r.lowTok(i+1)) != 0 || titleGender[r.lowTok(i+1)] != 0 || r.lowTok(i+1) == "president") {
		i++
	}
	// a speech verb written before the speaker, who a colon follows:
	// "Added Gibbs:", "Observes Mr Hadi:"
	if j-i >= 2 && j < len(toks) && toks[j].Text == ":" && i == r.d.Sents[toks[i].Sent].First && invertedLeadVerbs[r.lowTok(i)] {
		i++
	}
	// "the Manchester Central MP", "a Glasgow Kelvin MP": after a
	// determiner the words before the letters are a seat, no name
	if lw := r.lowTok(j - 1); j-i >= 2 && i > 0 && toks[i-1].Sent == toks[i].Sent && isDeterminer(r.lowTok(i-1)) && (lw == "mp" || lw == "mep" || lw == "msp") && !r.givenNameIn(i, j-1) {
		return
	}
	// a member's letters after the name: "Peter Ainsworth MP"
	for j-i >= 3 && (r.lowTok(j-1) == "mp" || r.lowTok(j-1) == "mep" || r.lowTok(j-1) == "msp") {
		j--
	}
	// a quantity: "Thousands of Tunisians"
	if i+2 < j && quantifiers[r.lowTok(i)] && toks[i+1].Text == "of" {
		i += 2
	}
	if i >= j {
		return
	}
	// a place after a full name: "Rick Perry of Texas", "Jamie Werner of
	// Ngatiwai" (but "Bank of America", "Director of National
	// Intelligence Dan Coats")
	for k := i + 2; k < j-1; k++ {
		if toks[k].Text != "of" {
			continue
		}
		// (an organisation's word before "of" keeps it: "Bank of America";
		// after it, the organisation is where the person works: "Alan
		// Brinkley of Columbia University")
		if r.flags(k-1)&(fTitle|fOrg) == 0 && r.flags(k-2)&(fTitle|fOrg|fConnector) == 0 && !r.anyOrg(i, k) {
			j = k
		}
		break
	}
	// an honorific inside the run starts the name: "Enter Ms. Lauten"
	for k := j - 2; k > i; k-- {
		if r.flags(k)&fHonorific != 0 {
			i = k
			break
		}
	}
	// a word that is no title before a title inside the run is none of
	// the name: "Keeping Cardinal Ottaviani", "Does Cardinal Müller"
	// (the title itself is stripped below)
	if r.flags(i)&fTitle == 0 && genderOfWord(r.lowTok(i)) == 0 && honorific[r.lowTok(i)] == 0 {
		for k := i + 1; k < j-1; k++ {
			if lw := r.lowTok(k); r.flags(k)&fTitle != 0 && (titleGender[lw] != 0 || lw == "monsignor" || lw == "rabbi" || lw == "imam") {
				i = k
				break
			}
		}
	}
	// a given name after a place, an organisation's word or a title run
	// on to it starts the name: "Treasury Paul Boateng", "Minnesota Matt
	// Pelikan", "Constable David Warcup" (title words before it are kept
	// as the person's titles)
	for k := i + 1; k < j-1; k++ {
		if genderOfWord(r.lowTok(k)) != 0 && genderOfWord(r.lowTok(k-1)) == 0 && isCap(toks[k+1].Text) && r.flags(j-1)&fOrg == 0 &&
			(places()[r.lowTok(k-1)] || r.flags(k-1)&(fOrg|fTitle) != 0 && r.flags(k-1)&fConnector == 0) {
			for t := i; t < k; t++ {
				if r.flags(t)&fTitle != 0 {
					titles = append(titles, r.lowTok(t))
				}
			}
			i = k
			break
		}
	}
	s := i
	// where it is based is no part of the name: "Paris-based Euronext"
	if j-s >= 2 && strings.HasSuffix(r.lowTok(s), "-based") {
		s++
	}
	// a role noun capitalised because it opens the sentence is a title:
	// "Historian Alan Brinkley of Columbia University told"
	// (and "Liberal Democrat Sarah Teather": the party's words after it)
	if s == r.d.Sents[toks[s].Sent].First && (j-s >= 3 || j-s == 2 && r.surnameElsewhere(s+1, j)) && r.flags(s)&fTitle == 0 && personNouns()[r.lowTok(s)] && !properNouns()[r.lowTok(s)] && genderOfWord(r.lowTok(s)) == 0 {
		titles = append(titles, r.lowTok(s))
		s++
		for j-s >= 3 && r.flags(s)&fTitle == 0 && personNouns()[r.lowTok(s)] && genderOfWord(r.lowTok(s)) == 0 {
			titles = append(titles, r.lowTok(s))
			s++
		}
	}
	// an organisation's name keeps its titles' words: "the U.S. Justice
	// Department", "The Republican Governors Association" (a person's
	// honorific says otherwise: "Dr Fox")
	orgName := r.flags(j-1)&fOrg != 0
	for k := s; k < j && orgName; k++ {
		switch lw := r.lowTok(k); lw {
		case "dr", "dr.", "prof", "prof.", "professor", "doctor", "rev", "rev.", "reverend":
			orgName = false
		default:
			orgName = honorific[lw] == 0
		}
	}
	for s < j && (r.flags(s)&fDeterminer != 0 || !orgName && r.titleIn(s, j) ||
		!orgName && s+1 < j && isNationality(toks[s].Text, r.lowTok(s)) && r.titleIn(s+1, j)) {
		lw, fl := r.lowTok(s), r.flags(s)
		if fl&(fConnector|fDeterminer) == 0 {
			titles = append(titles, lw)
		}
		if fl&fHonorific != 0 {
			gender = honorific[lw]
		}
		s++
	}
	if s >= j || isPartyState(toks[s].Text) {
		return
	}
	// what an office is of, with no given name in it, is no person: "the
	// President of South Vietnam", "the Governor of Texas" (a peer is
	// named by a place: "the Duke of Kent")
	// (three words or more may end in a name no list knows: "Mayor of
	// London Sadiq Khan"; and what it is for: "the Secretary of State for
	// Culture, Media and Sport")
	if (s > i && r.lowTok(s-1) == "of" || s > 0 && r.lowTok(s-1) == "for" && toks[s-1].Sent == toks[s].Sent) && len(titles) > 0 && !peerTitled(titles) && (j-s <= 2 || places()[r.lower(r.text(s, j))]) {
		given := false
		for k := s; k < j; k++ {
			given = given || genderOfWord(r.lowTok(k)) != 0
		}
		if !given {
			return
		}
	}
	// a title inside the run, with a full name after it: "UK Foreign
	// Secretary Jack Straw", "Ex-Labour MP Ann Rowe" (but "General Motors"
	// keeps its one word)
	// (a title after an "of" too: "in Virginia of Rep. Eric Cantor")
	lo := s
	for k := j - 3; k >= s; k-- {
		if toks[k].Text == "of" {
			lo = k + 1
			break
		}
	}
	if !r.hasConnectorOf(s, j) || lo > s {
		for k := j - 3; k >= lo; k-- {
			if r.flags(k)&fTitle == 0 || r.flags(k)&fConnector != 0 {
				continue
			}
			org := false
			for w := k + 1; w < j; w++ {
				org = org || r.flags(w)&fOrg != 0
			}
			if !org {
				if r.allTitleWords(k+1, j) {
					// titles all through: "Acting Detective Chief
					// Superintendent" is an office, no one's name
					return
				}
				for w := s; w <= k; w++ {
					titles = append(titles, r.lowTok(w))
				}
				s = k + 1
			}
			break
		}
	}
	// "Director of Coastal Planning Mara Ellery": after a title and "of",
	// the office runs on in capitals; the name is the last two words (and
	// any initials: "John D. Podesta")
	if s > i && r.hasConnectorOf(i, s) && j-s > 2 {
		k := j - 2
		for k-1 > s && isInitial(toks[k-1].Text) {
			k--
		}
		if k-1 > s && isInitial(toks[k].Text) {
			k--
		}
		// a known given name starts the name: "Secretary of State
		// Hillary Rodham Clinton"
		for g := s; g < k; g++ {
			if genderOfWord(r.lowTok(g)) != 0 {
				k = g
				break
			}
		}
		for w := s; w < k; w++ {
			titles = append(titles, r.lowTok(w))
		}
		s = k
	}
	// "Advisor for Strategy Ilse Marren": after a capitalised title and
	// "for", the office runs on to a known given name
	if s == i && s > 1 && toks[s-1].Text == "for" && isCap(toks[s-2].Text) && len(titles) > 0 && j-s >= 3 && genderOfWord(r.lowTok(s)) == 0 {
		for g := s + 1; g < j-1; g++ {
			if genderOfWord(r.lowTok(g)) != 0 {
				for w := s; w < g; w++ {
					titles = append(titles, r.lowTok(w))
				}
				s = g
				break
			}
		}
	}
	// a nationality before a full name: "Australian Lynton Crosby" (but
	// "British Medical Association", "American Airlines": organisations)
	if kind != claimtrail.SpeakerOrganization && j-s == 3 && nationalities[r.lowTok(s)] && r.flags(j-1)&fOrg == 0 &&
		r.flags(s+1)&(fTitle|fOrg) == 0 && isCap(toks[s+1].Text) {
		titles = append(titles, r.lowTok(s))
		s++
	}
	// words before a known given name and its surname are no part of the
	// name: a headline's adjective or a writer's epithet ("Defiant Matt
	// Williams says", "Kritarch Patti Saris", "East Midlands MEP Robert
	// Kilroy-Silk")
	if kind != claimtrail.SpeakerOrganization && j-s >= 3 {
		org := false
		for k := s; k < j; k++ {
			org = org || r.flags(k)&fOrg != 0
		}
		for k := s + 1; k < j-1 && !org; k++ {
			if genderOfWord(r.lowTok(k)) != 0 {
				// only after a title ("MEP Robert") or a headline's
				// adjective that opens the sentence ("Defiant Matt"), not
				// after a given name the list lacks ("Carlo Maria Viganò")
				before := r.lowTok(k - 1)
				if genderOfWord(r.lowTok(s)) == 0 && (r.flags(k-1)&fTitle != 0 || r.describesPerson(k-1) ||
					k == s+1 && s == r.d.Sents[toks[s].Sent].First && adjectiveLike(before)) {
					s = k
				}
				break
			}
		}
	}
	// titles written after the name: "Andrew Tyrie MP"
	for j-1 > s && postNominals[r.lowTok(j-1)] {
		j--
	}
	// words in capitals are a shouted headline or quote, no name: "THEIR
	// LAWYER ARGUED THAT THERE WAS A DOUBLE STANDARD"
	if j-s >= 4 {
		shouted := true
		for k := s; k < j && shouted; k++ {
			w := toks[k].Text
			shouted = len(w) >= 2 && upperAlready(w) && strings.ToLower(w) != w && !strings.Contains(w, ".")
		}
		if shouted {
			return
		}
	}
	// a time is no name: "New Year", "Christmas Week"
	for k := s; k < j; k++ {
		if r.flags(k)&fTemporal != 0 && !r.weekdayPaper(k, j) {
			return
		}
	}
	// sentence-initial capitalised function words are not names ("Be
	// warned", "Asked about it")
	// (after an owner's "'s" the word is a name: "Britain's May says")
	if kind == "" && j-s == 1 && (r.flags(s)&fFunction != 0 || noPhraseStart[r.lowTok(s)] || quantifiers[r.lowTok(s)] || r.lowTok(s) == "few") &&
		!(s > 0 && (toks[s-1].Text == "'s" || toks[s-1].Text == "’s") && isCap(toks[s].Text)) {
		return
	}
	var wordBuf [8]string
	words := wordBuf[:0]
	for k := s; k < j; k++ {
		words = append(words, toks[k].Text)
	}
	// a peer styled by a place keeps the title the style belongs to
	// ("Lord Nicholls of Birkenhead"), and is found by the word before
	// "of" ("Lord Nicholls said", "He"), one person under one name
	peerLast := ""
	if of := slices.Index(words, "of"); of >= 1 && of+1 < len(words) && s > i && peerTitled(titles) && PeerTitle(toks[s-1].Text) && isCap(toks[s-1].Text) && kind != claimtrail.SpeakerOrganization {
		peerLast = words[of-1]
		words = append([]string{toks[s-1].Text}, words...)
	}
	name := strings.Join(words, " ")
	if kind == "" && strings.Contains(name, " & ") {
		kind = claimtrail.SpeakerOrganization // joined by firmAmpersand
	}
	if kind == "" && employer && j-s >= 2 && gender == 0 && len(titles) == 0 && genderOfWord(r.lowTok(s)) == 0 {
		kind = claimtrail.SpeakerOrganization
	}
	// a name before a job and another name is the employer: "Apacs
	// spokeswoman Sandra Quinn", "Southcorp chairman Brian Finn",
	// "Arsenal striker Thierry Henry", "Muse singer Matt Bellamy"
	if kind == "" && j+1 < len(toks) && toks[j].Sent == toks[s].Sent && employerRoles[r.lowTok(j)] && !isCap(toks[j].Text) && isCap(toks[j+1].Text) &&
		gender == 0 && len(titles) == 0 && genderOfWord(r.lowTok(s)) == 0 && !places()[r.lower(name)] {
		kind = claimtrail.SpeakerOrganization
	}
	if kind == "" && j+2 < len(toks) && toks[j+1].Sent == toks[s].Sent && roleModifiers[r.lowTok(j)] && !isCap(toks[j].Text) && employerRoles[r.lowTok(j+1)] &&
		!isCap(toks[j+1].Text) && isCap(toks[j+2].Text) && gender == 0 && len(titles) == 0 && genderOfWord(r.lowTok(s)) == 0 && !places()[r.lower(name)] {
		// the same with a word that makes the role a body's post before
		// it: "Liverpool chief executive Rick Parry", "Chelsea finance
		// director Ann Lee"
		kind = claimtrail.SpeakerOrganization
	}
	if kind == "" {
		kind = claimtrail.SpeakerPerson
		for k := s; k < j; k++ {
			if r.flags(k)&fOrg != 0 {
				kind = claimtrail.SpeakerOrganization
			}
		}
		if j-s >= 2 && firmEnds[r.lowTok(j-1)] {
			kind = claimtrail.SpeakerOrganization // "Jupiter Research", "Strategy Analytics"
		}
		// a person's title or given name outweighs a word that also names
		// companies: "Dr Fox", "Liam Fox", "Michael R. Bloomberg" (but
		// "Fox News")
		if kind == claimtrail.SpeakerOrganization && !r.anyOrg(s, j-1) && (gender != 0 || personTitled(titles) && j-s == 1 ||
			genderOfWord(r.lowTok(s)) != 0 && (j-s == 2 || j-s == 3 && isInitial(toks[s+1].Text))) {
			kind = claimtrail.SpeakerPerson
		}
		if kind == claimtrail.SpeakerPerson && len(words) == 1 && len(titles) == 0 && gender == 0 {
			kind = "" // a lone capitalised word: decided by later use
		}
	}
	last := words[len(words)-1]
	if strings.HasSuffix(last, ".") && len(words) > 1 && (last == "Jr." || last == "Sr.") {
		last = words[len(words)-2]
	}
	if peerLast != "" {
		last = peerLast
	}
	if campaignVerbs[r.lowTok(s)] {
		// "Stop Soros", "Vote Leave", "Let's": a campaign's name or a
		// verb, never a person whose surname the next "Soros" is
		if j-s == 1 {
			return
		}
		kind = claimtrail.SpeakerOrganization
	}
	if kind == claimtrail.SpeakerPerson && pluralPeopleName(name) {
		kind = "" // no one "he" is: "Liberal Democrats", "Tory MPs" (a party or a group, by later use)
	}
	lname, llast := r.lower(name), r.lower(last)
	idx := -1
	if e, ok := r.byName[lname]; ok && !(len(words) == 1 && countFields(r.ents[e].name) > 1 && r.lower(r.ents[e].last) == llast) &&
		!r.titledSurnameOfBody(e, kind, titles, llast) {
		idx = e
	} else if e, ok := r.bySurname[llast]; ok && kind != claimtrail.SpeakerOrganization && (len(words) == 1 || strings.HasSuffix(r.lower(r.ents[e].name), lname)) {
		idx = r.sameSurname(e, llast, gender)
		if g := r.pronounAfterVerb(j); g != 0 && gender == 0 && len(words) == 1 && idx >= 0 && r.entGender(idx) != g {
			// "Jackson said he had no excuses": of two Jacksons named in
			// full, the man (only one whose gender is known to be his)
			if alt := r.sameSurname(e, llast, g); alt >= 0 && r.entGender(alt) == g {
				idx = alt
			}
		}
		if t := r.titledSurname(llast, titles); t >= 0 {
			idx = t
		}
		if n := r.fullJustBefore(llast, s); len(words) == 1 && gender != 0 && n >= 0 && n != idx && (r.entGender(n) == gender || r.entGender(n) == 0) {
			// "the photojournalist Askia Muhammad ... and that Mr.
			// Muhammad kept the photo": the one written in full just
			// before, in this sentence or the one before, not the first
			// Muhammad of the article
			idx = n
		}
		if idx >= 0 && plainHonorific(titles) && knighted(r.ents[idx].titles) {
			// a knight is "Sir Ian", never "Mr Blair": another Blair
			idx = r.unknightedSurname(llast, idx)
		}
	} else if e, ok := r.bySurname[llast]; ok && len(words) > 1 && countFields(r.ents[e].name) == 1 && r.mayLengthen(e, r.lowTok(s)) && !r.siblingNames(s) {
		// a full name after a surname-only mention: upgrade the entity
		idx = e
		r.ents[e].name = name
		r.byName[lname] = e // later mentions and resolved sources find it by its full name
	}
	if e, ok := r.bySurname[llast]; ok && idx < 0 && len(words) == 2 && kind != claimtrail.SpeakerOrganization && r.headlineForm(e, words[0]) {
		// the headline's word before the surname was no given name
		// ("Mogul Wilson backing UK rap band" ... "Tony Wilson")
		idx = e
		r.ents[e].name = name
		r.byName[lname] = e
	}
	if idx < 0 && len(words) == 1 && kind != claimtrail.SpeakerOrganization {
		idx = r.misspelt(llast)
	}
	if idx < 0 && len(words) == 1 && kind == claimtrail.SpeakerOrganization && newspaperWords[llast] && s > 0 && r.lowTok(s-1) == "the" {
		idx = r.newspaperNamed(llast)
	}
	if idx < 0 && len(words) == 1 && kind == claimtrail.SpeakerOrganization && shortBodies[llast] && s > 0 && r.lowTok(s-1) == "the" {
		// "The Bank of England (BoE) has kept rates on hold ... the Bank
		// said", "the Commission" after "The European Commission"
		idx = r.bodyNamed(words[0])
	}
	if idx < 0 && len(words) > 1 && kind != claimtrail.SpeakerOrganization {
		// a full name after the given name alone: "her mother, Fiona, ...
		// Fiona Parry"
		if e, ok := r.byName[r.lower(words[0])]; ok && countFields(r.ents[e].name) == 1 && genderOfWord(r.lower(words[0])) != 0 {
			idx = e
			r.ents[e].name, r.ents[e].last = name, last
			r.byName[lname] = e
			if _, dup := r.bySurname[llast]; !dup {
				r.bySurname[llast] = e
			}
		}
	}
	if idx < 0 && len(words) == 1 && kind != claimtrail.SpeakerOrganization {
		// (after "Mr", "Dr" or "General" a name is a surname, after "Sir"
		// or "Dame" a given name)
		// a one-word name that opened a person's full name and ends none:
		// a family name written first ("Lee Jae-myung ... Lee said", "Yoon
		// Suk Yeol ... Yoon"), or a given name alone ("Digby Jones ...
		// Digby"); other words that open names are companies' ("Sony PSP",
		// "Texas Instruments"), so only those, or a full name that is
		// surely a person's
		// (and a tweet signed with the given name alone: "— Kashana
		// (@kashanacauley)" after "writer Kashana Cauley")
		if e, ok := r.byFirst[llast]; ok && (familyNameFirst[llast] || givenNameTitles(titles) && (genderOfWord(llast) != 0 || r.ents[e].gender != 0 || personTitled(r.ents[e].titles) || r.tweetSigner(s, j))) {
			idx = e
		}
	}
	if idx < 0 {
		idx = len(r.ents)
		if len(words) >= 2 && kind == claimtrail.SpeakerPerson {
			if _, dup := r.byFirst[r.lower(words[0])]; !dup {
				r.byFirst[r.lower(words[0])] = idx
			}
		}
		r.ents = append(r.ents, entity{name: name, kind: kind, last: last})
		r.byName[lname] = idx
		// ("Center for Jewish History" is no "History", "Ward of Kestrel"
		// no "Kestrel", and the children in "Malia and Sasha Obama's
		// appearance" are not whom a later "President Obama" names)
		if kind != claimtrail.SpeakerOrganization && (peerLast != "" || !slices.Contains(words, "for") && !slices.Contains(words, "of")) && !(len(words) > 1 && r.childNames(s, titles)) {
			if _, dup := r.bySurname[llast]; !dup {
				r.bySurname[llast] = idx
			}
		}
	}
	e := &r.ents[idx]
	if e.kind == "" && kind != "" {
		e.kind = kind
	}
	if len(words) > countFields(e.name) && kind == claimtrail.SpeakerPerson && !strings.Contains(e.name, " ") {
		e.name = name
		r.byName[lname] = idx
	}
	for _, t := range titles {
		if !slices.Contains(e.titles, t) {
			r.byTitle[t] = append(r.byTitle[t], idx)
			if f := fullTitle(t); f != t {
				r.byTitle[f] = append(r.byTitle[f], idx) // "Gov." is a "governor"
			}
		}
	}
	if len(e.titles) == 0 && len(titles) > 0 {
		r.titledEnts = append(r.titledEnts, idx)
	}
	e.titles = append(e.titles, titles...)
	for _, t := range titles {
		if g := titleGender[t]; g != 0 && gender == 0 && e.kind == claimtrail.SpeakerPerson {
			gender = g // "Pope Francis" is no "she"
		}
	}
	if gender == 0 && e.kind == claimtrail.SpeakerPerson && !r.unisexGiven(e.name) {
		gender = genderOfName(e.name) // (not Terry O'Neill's: Terry may be a woman)
	}
	if gender != 0 {
		e.gender = gender
	}
	e.seen++
	r.mentions = append(r.mentions, nameMention{ent: idx, tok: s, sent: toks[s].Sent})
}

// shouted reports whether a capitalised run [i, j) of four words or
// more is all written in capitals with a function word past its first
// ("ARGUED THAT THERE WAS A DOUBLE STANDARD" in a paragraph in capitals):
// a sentence shouted, not a name ("BBC", "NATO" have no such word; "IT
// firm Dimension Data" is not all capitals; a label such as "SEE ALSO"
// is left to the rules that know it).
func (r *resolver) shouted(i, j int) bool {
	if j-i < 4 {
		return false // a label: "SEE ALSO", "READ MORE"
	}
	function := false
	for k := i; k < j; k++ {
		t := r.d.Tokens[k].Text
		if strings.ToUpper(t) != t {
			return false
		}
		function = function || k > i && len(t) > 1 && r.flags(k)&fFunction != 0
	}
	return function
}

func isFunctionWord(w string) bool {
	switch w {
	case "the", "a", "an", "but", "and", "in", "on", "at", "for", "if", "when", "as", "after", "before", "while",
		"this", "that", "these", "those", "there", "it", "he", "she", "they", "we", "i", "his", "her", "their", "our",
		"however", "meanwhile", "still", "yet", "so", "then", "now", "also", "even", "why", "what", "how", "who", "where",
		"amid", "despite", "neither", "nor", "both", "all", "some", "many", "most", "no", "not", "yes", "one", "two":
		return true
	}
	return false
}

// isTitleCase reports a headline-like paragraph where most words are
// capitalised, so capitalisation says nothing about names there. It is
// worked out when first asked, so that the paragraph's tokens are read
// while collectNames reads them.
func (r *resolver) isTitleCase(pi int) bool {
	if pi < 0 || pi >= len(r.titleCase) {
		return false
	}
	if r.titleCase[pi] == 0 {
		r.titleCase[pi] = -1
		if r.titleCaseAt(pi) {
			r.titleCase[pi] = 1
		}
	}
	return r.titleCase[pi] > 0
}

func (r *resolver) titleCaseAt(pi int) bool {
	p := r.d.Paras[pi]
	if p.Last <= p.First {
		return false
	}
	last := r.d.Sents[p.Last-1].Last // the paragraph's tokens end here
	words, caps := 0, 0
	for si := p.First; si < p.Last; si++ {
		s := r.d.Sents[si]
		for k := s.First; k < s.Last; k++ {
			t := r.d.Tokens[k].Text
			if isPunct(t) {
				continue
			}
			words++
			if isCap(t) {
				caps++
			} else if titleCaseOut(words, caps, last-k-1) {
				return false
			}
		}
	}
	return words >= 4 && caps*10 >= words*7
}

// isNationality guesses a nationality or regional adjective by its ending
// ("Austrian", "Finnish", "Japanese", "Iraqi"); callers only trust it
// before a title word ("Austrian Chancellor"), where a given name such as
// "Brian" cannot stand.
// titleIn reports whether token k, in a capitalised run that ends at j,
// is a title; "White" is one only before "House" ("White House press
// secretary"), else it is a surname ("Kelli White").
// allTitleWords reports whether every token of [s, e) is a title's word
// (and none a connector).
func (r *resolver) allTitleWords(s, e int) bool {
	for k := s; k < e; k++ {
		if r.flags(k)&fTitle == 0 || r.flags(k)&fConnector != 0 {
			return false
		}
	}
	return s < e
}

func (r *resolver) titleIn(k, j int) bool {
	if r.flags(k)&fTitle == 0 {
		return false
	}
	return r.lowTok(k) != "white" || k+1 < j && r.lowTok(k+1) == "house"
}

// nationalWords are nationalities the suffixes of isNationality miss
// ("the Argentine said").
var nationalWords = wordSet("argentine thai swiss french dutch greek czech welsh slovak briton filipino cypriot croat serb")

func isNationality(w, lw string) bool {
	if len(w) < 4 || !isCap(w) {
		return false
	}
	if nationalWords[lw] {
		return true
	}
	for _, suf := range []string{"ian", "an", "ese", "ish", "ic", "i"} {
		if strings.HasSuffix(lw, suf) {
			return true
		}
	}
	return false
}

// placeEndings turn the stem of a people's word back into its place's
// name ("australi|an" -> "australia", "germ|an" -> "germany", "pol|ish"
// -> "poland").
var placeEndings = []string{"", "a", "ia", "y", "e", "o", "en", "on", "al", "as", "ay", "land", "and", "mark", "any", "ain", "ey", "eland"}

// placeStem reports whether lw, a word isNationality takes by its ending
// alone, is made from a place's name ("australian", "chinese", "iraqi",
// "european"): a word for that place's people. One that is not ("vatican",
// "taliban", "guardian") is a name of its own, that "the" may stand
// before ("the Vatican said").
func placeStem(lw string) bool {
	for _, suf := range []string{"ian", "an", "ese", "ish", "ic", "i"} {
		if !strings.HasSuffix(lw, suf) {
			continue
		}
		stem := lw[:len(lw)-len(suf)]
		for _, end := range placeEndings {
			if w := stem + end; places()[w] || properNouns()[w] {
				return true
			}
		}
	}
	return false
}

func (r *resolver) hasConnectorOf(i, j int) bool {
	for k := i; k < j; k++ {
		if r.d.Tokens[k].Text == "of" {
			return true
		}
	}
	return false
}

// isInitial: "D." in "John D. Podesta".
func isInitial(w string) bool { return len(w) == 2 && w[1] == '.' && isCap(w) }

// sameSurname picks, among the persons of the article with surname last,
// the one a surname mention with the given honorific gender refers to:
// first is the first one registered. "Mr. Obama" after "Malia Obama" and
// "Barack Obama" is Barack; a gender that conflicts with every one of
// them gives -1 (a new person).
func (r *resolver) sameSurname(first int, last string, gender byte) int {
	if gender == 0 {
		return r.latestInFull(first, last)
	}
	best, bestRank := -1, -1
	for i := range r.ents {
		e := &r.ents[i]
		if e.kind == claimtrail.SpeakerOrganization || r.lower(e.last) != last {
			continue
		}
		g := r.entGender(i)
		// (a name given to men and women alike, whose gender only the
		// name list guessed, no honorific: "Terry O'Neill, the president
		// of the National Organization for Women ... Ms. O'Neill")
		given, _, _ := strings.Cut(e.name, " ")
		unisex := unisexNames[r.lower(given)]
		for _, t := range e.titles {
			unisex = unisex && honorific[t] == 0
		}
		rank := 0
		switch {
		case g == gender:
			rank = 3
		case g == 0 && len(e.titles) > 0:
			rank = 2
		case g == 0 || unisex:
			rank = 1
		default:
			continue
		}
		if rank > bestRank {
			best, bestRank = i, rank
		}
	}
	return best
}

// pluralPeopleName reports whether name ends in a plural of people:
// an acronym's ("MPs", "MEPs"), a party's members ("Democrats",
// "Tories") or peers ("Lords").
func pluralPeopleName(name string) bool {
	if countFields(name) < 2 {
		return false // "Democrats" alone is left to the party rules
	}
	last := name[strings.LastIndexByte(name, ' ')+1:]
	return pluralAcronym(name) || pluralMembers[strings.ToLower(last)]
}

// pluralMembers are the members of a party or house, in the plural.
var pluralMembers = wordSet("democrats republicans conservatives tories liberals socialists lords peers senators congressmen congresswomen")

// runOfNames reports whether the capitalised run [i, j) is several
// persons' names run together, as a list whose separators the page lost
// ("John Bolton Richard Grenell Dina Powell Heather Nauert"): three given
// names or more stand after a word that is none, with no title, body's
// word or lower-case word among them. It is no one person.
func (r *resolver) runOfNames(i, j int) bool {
	if j-i < 6 {
		return false
	}
	n := 0
	for k := i + 1; k < j; k++ {
		if !isCap(r.d.Tokens[k].Text) || r.flags(k)&(fTitle|fOrg) != 0 {
			return false // "St. Louis County Prosecutor Bob McCulloch", "of South Carolina"
		}
		if genderOfWord(r.lowTok(k)) != 0 && genderOfWord(r.lowTok(k-1)) == 0 {
			n++
		}
	}
	return n >= 3
}

// plainHonorific reports whether titles hold "Mr", "Mrs" or "Ms".
func plainHonorific(titles []string) bool {
	return slices.ContainsFunc(titles, func(t string) bool { return plainHonorifics[t] })
}

// knighted reports whether titles hold "Sir", "Dame" or a peer's title,
// which news writes instead of "Mr" or "Mrs".
func knighted(titles []string) bool {
	return slices.ContainsFunc(titles, func(t string) bool { return knightTitles[t] })
}

var (
	plainHonorifics = wordSet("mr mr. mrs mrs. ms ms.")
	knightTitles    = wordSet("sir dame lord lady baroness baron")
)

// unknightedSurname is another person of surname last than the knight
// idx (the latest of them), or idx when there is none.
func (r *resolver) unknightedSurname(last string, idx int) int {
	alt := -1
	for i := range r.ents {
		e := &r.ents[i]
		if i != idx && e.kind == claimtrail.SpeakerPerson && r.lower(e.last) == last && !knighted(e.titles) {
			alt = i
		}
	}
	if alt < 0 {
		return idx
	}
	return alt
}

// titledSurname is the one person of surname last seen with one of the
// office titles of this mention ("Former Vice President Cheney" after
// "ex-Vice President Dick Cheney" and two daughters named Cheney), or
// -1 when none or several are.
func (r *resolver) titledSurname(last string, titles []string) int {
	found := -1
	for _, t := range titles {
		if honorific[t] != 0 || t == "former" || t == "mr." || t == "mr" || t == "ms." || t == "ms" || t == "mrs." || t == "mrs" || t == "dr." || t == "dr" {
			continue
		}
		// the latest misspeltWindow entities only, as misspelt: a page of
		// thousands of titled names must not compare each with all
		for i := max(0, len(r.ents)-misspeltWindow); i < len(r.ents); i++ {
			e := &r.ents[i]
			if e.kind == claimtrail.SpeakerOrganization || r.lower(e.last) != last || !slices.Contains(e.titles, t) {
				continue
			}
			if found >= 0 && found != i {
				return -1
			}
			found = i
		}
	}
	return found
}

// misspeltWindow is how many of the latest entities misspelt compares.
const misspeltWindow = 256

// misspelt finds the person whose full name ends in a surname one letter
// away from last (a substitution or a swap of neighbours): "Cowen" for
// "William Cowan". Short surnames are left alone.
func (r *resolver) misspelt(last string) int {
	if len(last) < 5 {
		return -1
	}
	found := -1
	// the latest misspeltWindow entities only: a misspelling stands near
	// the name it misspells, and a page of thousands of names must not
	// compare each with all
	for i := max(0, len(r.ents)-misspeltWindow); i < len(r.ents); i++ {
		e := &r.ents[i]
		if e.kind == claimtrail.SpeakerOrganization {
			continue
		}
		if oneEditApart(r.lower(e.last), last) {
			if found >= 0 && found != i {
				return -1 // two candidates: no guess
			}
			found = i
		}
	}
	return found
}

// oneEditApart reports whether two words of the same length differ in
// one letter, or in two neighbouring letters swapped; the first letters
// must agree.
func oneEditApart(a, b string) bool {
	if len(a) != len(b) || a == b || a[0] != b[0] {
		return false
	}
	var diff [2]int
	n := 0
	for i := 0; i < len(a); i++ {
		if a[i] != b[i] {
			if n == 2 {
				return false
			}
			diff[n] = i
			n++
		}
	}
	switch n {
	case 1:
		return true
	case 2:
		i, j := diff[0], diff[1]
		return j == i+1 && a[i] == b[j] && a[j] == b[i]
	}
	return false
}

// anyOrg reports whether a word of tokens [i, j) marks an organisation.
func (r *resolver) anyOrg(i, j int) bool {
	for k := i; k < j; k++ {
		if r.flags(k)&fOrg != 0 {
			return true
		}
	}
	return false
}

// isPartyState: "R-Ky.", "D-N.Y.", the party and state written after a
// legislator's name, are no name.
func isPartyState(w string) bool {
	return len(w) >= 3 && (w[0] == 'R' || w[0] == 'D' || w[0] == 'I') && w[1] == '-' && w[2] >= 'A' && w[2] <= 'Z'
}

// peerTitled reports whether titles hold a peer's rank, which news
// writes with a place for the name ("the Duke of Kent").
func peerTitled(titles []string) bool {
	for _, t := range titles {
		switch t {
		case "duke", "duchess", "earl", "countess", "baron", "baroness", "lord", "lady", "marquess", "viscount", "prince", "princess":
			return true
		}
	}
	return false
}

// personTitled reports whether one of titles is only ever a person's
// ("Dr", "Senator"; not "Republican" or "National").
func personTitled(titles []string) bool {
	for _, t := range titles {
		switch t {
		case "dr", "dr.", "prof", "prof.", "professor", "doctor", "sir", "lord", "lady", "dame", "rev", "rev.", "reverend":
			return true
		}
		if honorific[t] != 0 || officeWords[t] {
			return true
		}
	}
	return false
}

// latestInFull picks, for a bare surname with no honorific, which of
// the persons of that surname written with a given name it is: the one
// named most often among the last surnameReach name mentions (the one
// the passage is about: "Bill Clinton said ... Clinton said ... Clinton
// whispers to Hillary Clinton ... Clinton told Melvin" is Bill), and
// between equals the one last written in full ("Tom Fetter farmed ...
// His wife, Ann Fetter, kept the books. Fetter recalls": Ann). first is
// the first person registered with the surname; it is kept when fewer
// than two persons of that surname with given names are among those
// mentions. The look-back is bounded, so the cost stays linear.
func (r *resolver) latestInFull(first int, last string) int {
	if r.ents[first].kind == claimtrail.SpeakerOrganization {
		return first
	}
	count := map[int]int{}
	latest := map[int]int{} // how many mentions back each was last written in full
	for k, n := len(r.mentions)-1, 0; k >= 0 && n < surnameReach; k, n = k-1, n+1 {
		m := r.mentions[k]
		if m.ent < 0 || !r.givenAndSurname(m.ent, last) {
			continue
		}
		count[m.ent]++
		if _, ok := latest[m.ent]; !ok && r.lowTok(m.tok) != last { // starts before the surname: in full
			latest[m.ent] = n
		}
	}
	if len(count) < 2 {
		return first // one person of that surname in the passage (or none)
	}
	best := -1
	for e, c := range count {
		lb, okb := latest[best]
		le, oke := latest[e]
		if best < 0 || c > count[best] || c == count[best] && oke && (!okb || le < lb) || c == count[best] && oke == okb && le == lb && e < best {
			best = e
		}
	}
	if best < 0 {
		return first
	}
	return best
}

// fullJustBefore returns the person whose name ending in surname last
// (lower case) the latest mention of that surname before token s is of
// (written in full, or by the surname after one so written), when that
// mention is in s's sentence or the one before, else -1.
func (r *resolver) fullJustBefore(last string, s int) int {
	toks := r.d.Tokens
	for k, n := len(r.mentions)-1, 0; k >= 0 && n < surnameReach; k, n = k-1, n+1 {
		m := r.mentions[k]
		if m.tok >= s || m.ent < 0 {
			continue
		}
		if m.sent < toks[s].Sent-1 {
			return -1
		}
		if r.lower(r.ents[m.ent].last) != last || r.ents[m.ent].kind == claimtrail.SpeakerOrganization {
			continue
		}
		if countFields(r.ents[m.ent].name) < 2 {
			return -1
		}
		return m.ent
	}
	return -1
}

// titledSurnameOfBody reports whether a one-word name written with a
// person's title ("Dr Fox", "Mr Post") is found by its word as entity e,
// a body typed so only by a word that also names companies (a headline's
// lone "Fox" read as the broadcaster's), while a person of that surname
// is named in full ("Liam Fox"): the titled name is that person's, not
// the body's.
func (r *resolver) titledSurnameOfBody(e int, kind claimtrail.SpeakerKind, titles []string, llast string) bool {
	if kind != claimtrail.SpeakerPerson || !personTitled(titles) || r.ents[e].kind != claimtrail.SpeakerOrganization || countFields(r.ents[e].name) != 1 {
		return false
	}
	p, ok := r.bySurname[llast]
	return ok && p != e && r.ents[p].kind == claimtrail.SpeakerPerson && countFields(r.ents[p].name) > 1
}

// surnameReach is how many name mentions back latestInFull looks.
const surnameReach = 30

// mayLengthen reports whether a longer name whose first word is first
// (lower case) may be taken as the full name of entity e, so far known
// by one word: a person's full name after the surname ("Obama" ...
// "Barack Obama"). A one-word name already written alone three times
// or more is a name of its own, and a longer one ending in it is
// another entity ("Mozilla" ... "Air Mozilla", "Alice" ... "Edit
// Alice"), unless the longer one starts with a known given name or the
// one word was written with a person's title or honorific.
func (r *resolver) mayLengthen(e int, first string) bool {
	if genderOfWord(first) != 0 || r.ents[e].gender != 0 || personTitled(r.ents[e].titles) {
		return true // "Lord Butler" ... "Robin Butler"
	}
	return r.ents[e].seen < 3
}

// siblingNames reports whether the name starting at token s follows a
// given name and "and" ("Sasha and Malia Obama"): given names joined over
// one surname name a family's members, not the person already known by
// that surname ("President Obama").
func (r *resolver) siblingNames(s int) bool {
	toks := r.d.Tokens
	return s >= 2 && r.lowTok(s-1) == "and" && isCap(toks[s-2].Text) && genderOfWord(r.lowTok(s-2)) != 0
}

// childNames reports whether the name at s is the second of two bare
// given names over one surname ("criticized Malia and Sasha Obama's
// appearance"): no title before either, and the first stands alone, not
// ending a name of its own ("Prince Charles and Mrs Camilla Parker
// Bowles" are two persons' names).
func (r *resolver) childNames(s int, titles []string) bool {
	return len(titles) == 0 && r.siblingNames(s) && (s < 3 || !isCap(r.d.Tokens[s-3].Text))
}

// givenAndSurname reports whether entity i is a person written with a
// known given name and the surname last ("Ann Fetter"; not "Rolling
// Stone", "Novelist Arthur Hailey", "Sales of Blume").
func (r *resolver) givenAndSurname(i int, last string) bool {
	e := &r.ents[i]
	if e.kind == claimtrail.SpeakerOrganization || r.lower(e.last) != last {
		return false
	}
	first, n := firstField(e.name)
	return n > 1 && genderOfWord(r.lower(first)) != 0
}

// campaignVerbs open the names of campaigns ("Stop Stansted Expansion",
// "Vote Leave", "Save the Children"): imperatives, not given names.
var campaignVerbs = map[string]bool{"stop": true, "save": true, "vote": true, "ban": true, "let": true,
	"make": true, "keep": true, "end": true}

// partyShortForms are party words news writes before a member's name
// ("Lib Dem Norman Baker", "Labor PM Tony Blair").
var partyShortForms = wordSet("dem dems lib labor labour tory gop snp ukip")

// describesPerson reports whether token k, capitalised before a given
// name, is a word that describes the person rather than a part of the
// name: an office in capitals ("Irish PM Leo Varadkar", "Radio DJ Pete
// Mitchell"), a party's word ("Lib Dem Norman Baker"), or a noun for a
// person ("Italian Vaticanist Marco Tosatti", "Goalscorer Jimmy Floyd
// Hasselbaink", "Irish Taoiseach Leo Varadkar").
func (r *resolver) describesPerson(k int) bool {
	lw := r.lowTok(k)
	if genderOfWord(lw) != 0 {
		return false
	}
	return officeAcronyms[lw] || partyMember[lw] || partyShortForms[lw] || lw == "taoiseach" || personNouns()[lw] && !properNouns()[lw]
}

// givenNameIn reports whether a known given name stands among tokens
// [i, j).
func (r *resolver) givenNameIn(i, j int) bool {
	for k := i; k < j; k++ {
		if genderOfWord(r.lowTok(k)) != 0 {
			return true
		}
	}
	return false
}

// adjectiveLike reports whether a word ends as English adjectives and
// participles do ("defiant", "disappointed", "outgoing").
func adjectiveLike(w string) bool {
	for _, suf := range []string{"ed", "ing", "ant", "ent", "ful", "ous", "ive", "less"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// apposedPerson returns the person named right before a source [s, e)
// that is an aside set off by commas: "Matt Williams, a fund manager at
// Perpetual Trustees, said", "D.C.’s archbishop, Cardinal Donald Wuerl,
// former longtime leader of the Pittsburgh diocese, warned": the model
// chose the description, which stands for the name before it. The name
// must open its sentence or follow a comma ("Asked about Smith, the
// minister said" is the minister), and the aside must close with a comma
// before the cue, or the cue must go on without one ("Jane Doe, the
// mayor said, was wrong" is the mayor's).
func (r *resolver) apposedPerson(s, e int) (Speaker, bool) {
	toks := r.d.Tokens
	if s < 2 || e > len(toks) || toks[s-1].Text != "," {
		return Speaker{}, false
	}
	// (news often drops the closing comma: "Colin Asplin, Blackpool
	// Hotel Association said:"; then the cue follows, not a comma)
	if closed := toks[e-1].Text == "," || e < len(toks) && toks[e].Text == "," || r.relativeThenComma(e); !closed &&
		(e+1 >= len(toks) || !strings.HasPrefix(toks[e].POS, "VB") || toks[e+1].Text == ",") {
		return Speaker{}, false
	}
	i := r.lastActive(r.before(s-1) - 1)
	if i < 0 {
		return Speaker{}, false
	}
	nm := r.mentions[i]
	ent := r.ents[nm.ent]
	if toks[nm.tok].Sent != toks[s].Sent {
		return Speaker{}, false
	}
	// an organisation is named before a description of one: "The
	// Harbour Post, a Bridgeport newspaper that is ..., described"
	org := ent.kind == claimtrail.SpeakerOrganization && r.bodyDescription(s, e)
	if ent.kind != claimtrail.SpeakerPerson && !org {
		return Speaker{}, false
	}
	// the name runs up to the comma, its last word the surname (and no
	// company's: "the holding firm, Ambuja Cement India Ltd, a Holcim
	// statement said"; nor a headline's capitals)
	f := sharedFields(ent.name)
	if len(f) < 2 || !strings.EqualFold(toks[s-2].Text, f[len(f)-1]) || r.isTitleCase(r.d.Sents[toks[s].Sent].Para) {
		return Speaker{}, false
	}
	for _, w := range f {
		if lw := strings.ToLower(w); !org && (orgWords[lw] || companySuffixes[lw]) {
			return Speaker{}, false
		}
	}
	k := nm.tok
	for ; k < s-1; k++ {
		if !isCap(toks[k].Text) {
			return Speaker{}, false
		}
	}
	// titles before it ("Cardinal", "Sen.") belong to it; a place after
	// "In" is no one's name
	first := r.d.Sents[toks[s].Sent].First
	k = nm.tok
	for k > first && isCap(toks[k-1].Text) && strings.HasPrefix(toks[k-1].POS, "NNP") {
		k--
	}
	if org && k > first && r.lowTok(k-1) == "the" {
		k-- // "The Harbour Post"
	}
	if k > first && toks[k-1].Text != "," && !(toks[k-1].Text == "and" && !org && (genderOfName(ent.name) != 0 || ent.gender != 0)) {
		// (after "and" too: "... a motion, and Tony Lloyd, the
		// Manchester Central MP, has pledged")
		return Speaker{}, false
	}
	if org {
		return Speaker{Name: ent.name, Kind: claimtrail.SpeakerOrganization, Confidence: 0.8}, true
	}
	return Speaker{Name: ent.name, Kind: claimtrail.SpeakerPerson, Confidence: 0.8}, true
}

// relativeThenComma reports whether a relative clause starts at token e
// and a comma closes it within a few words ("a Bridgeport newspaper |
// that is the state's third-largest daily, described"): the aside closes
// there.
func (r *resolver) relativeThenComma(e int) bool {
	toks := r.d.Tokens
	if e >= len(toks) {
		return false
	}
	if w := r.lowTok(e); w != "that" && w != "which" && w != "who" {
		return false
	}
	for k := e + 1; k < len(toks) && k < e+14 && toks[k].Sent == toks[e].Sent; k++ {
		if toks[k].Text == "," {
			return true
		}
	}
	return false
}

// personWordIn reports whether a word of [s, e) names a person or people
// ("Third-Highest Ranking Republican In U.S. House": the Republican,
// not the House).
func (r *resolver) personWordIn(s, e int) bool {
	for k := s; k < e; k++ {
		lw := r.lowTok(k)
		if partyMember[lw] || capitalTitles[lw] || roleWords[lw] || honorific[lw] != 0 {
			return true
		}
	}
	return false
}

// whichAfterName reports whether source m is the name and a relative
// clause with "which" right after its comma ("BT Openzone, which
// operates a vast proportion of public hotspots,").
func (r *resolver) whichAfterName(m Mention, name string) bool {
	toks := r.d.Tokens
	n := countFields(name)
	k := m.Start
	if k < m.End && isDeterminer(r.lowTok(k)) {
		k++
	}
	if n == 0 || k+n+1 >= m.End || m.End > len(toks) {
		return false
	}
	return strings.EqualFold(r.text(k, k+n), name) && toks[k+n].Text == "," && r.lowTok(k+n+1) == "which"
}

// bodyNouns head the descriptions of an outlet or a company set after its
// name: "The Harbour Post, a Bridgeport newspaper,".
var bodyNouns = wordSet("newspaper paper daily tabloid broadcaster station network website site magazine outlet agency company firm group")

// bodyDescription reports whether [s, e) is an indefinite description of
// a body ("a Bridgeport newspaper that is the state's third-largest
// daily"): "a" or "an" and, before any clause, a body's noun.
func (r *resolver) bodyDescription(s, e int) bool {
	if w := r.lowTok(s); w != "a" && w != "an" {
		return false
	}
	for k := s + 1; k < e && k < s+6; k++ {
		lw := r.lowTok(k)
		if bodyNouns[lw] || itBodies[lw] {
			return true
		}
		if lw == "that" || lw == "which" || lw == "," || lw == "of" {
			return false
		}
	}
	return false
}

// headlineForm reports whether entity ei is known only by a two-word
// form from the first paragraph (a headline) whose first word is no given
// name, while first, the given name of a full name seen now, is one.
func (r *resolver) headlineForm(ei int, first string) bool {
	f := sharedFields(r.ents[ei].name)
	if len(f) != 2 || genderOfWord(strings.ToLower(first)) == 0 || genderOfWord(strings.ToLower(f[0])) != 0 || strings.EqualFold(f[0], first) {
		return false
	}
	for _, m := range r.mentions {
		if m.ent == ei {
			return r.d.Sents[m.sent].Para == 0
		}
	}
	return false
}

// nationalities are adjectives a writer puts before a person's name
// ("Australian Lynton Crosby"), never part of it.
var nationalities = wordSet(`american british australian canadian french german italian spanish portuguese russian chinese japanese
	indian irish scottish welsh english israeli iranian iraqi syrian saudi mexican brazilian argentine argentinian dutch belgian swiss
	austrian swedish norwegian danish finnish polish turkish greek egyptian nigerian kenyan pakistani afghan korean ukrainian
	palestinian lebanese jordanian cuban venezuelan colombian chilean peruvian african zimbabwean`)

// surnameElsewhere reports whether the one-word name at token k (up to
// e) is written elsewhere in the article after another given name
// ("Rocker Doherty" and "Pete Doherty"), while the capitalised word
// before it never stands capitalised inside a sentence (a role noun
// opening the sentence, not a given name: "Victor Wong", "Carter Page"
// are written so mid-sentence too): that word is then no part of the
// name.
func (r *resolver) surnameElsewhere(k, e int) bool {
	if e-k != 1 || k == 0 {
		return false
	}
	toks := r.d.Tokens
	w, role := toks[k].Text, toks[k-1].Text
	given := false
	// (within a few thousand tokens, as capitalisedModifier: an article of
	// many such runs is not read once for each)
	for i := max(1, k-modifierReach); i < len(toks) && i < k+modifierReach; i++ {
		t := toks[i].Text
		if t == role && i != k-1 && i != r.d.Sents[toks[i].Sent].First {
			return false
		}
		if i != k && t == w {
			if p := toks[i-1].Text; p != role && isCap(p) && i-1 != r.d.Sents[toks[i-1].Sent].First || genderOfWord(r.lowTok(i-1)) != 0 {
				if lp := r.lowTok(i - 1); !titleWords[lp] && honorific[lp] == 0 && !isPunct(toks[i-1].Text) {
					given = true
				}
			}
		}
	}
	return given
}

// givenNameTitles reports whether the titles before a one-word name
// allow it to be a given name: none, or only "Sir" or "Dame" ("Sir
// John"); "Mr Howard", "General Musharraf" are surnames.
func givenNameTitles(titles []string) bool {
	for _, t := range titles {
		if t != "sir" && t != "dame" {
			return false
		}
	}
	return true
}

// familyNameFirst holds common Chinese, Korean and Vietnamese family
// names, which news writes before the given name ("Lee Jae-myung", "Wang
// Yi", "Nguyen Xuan Phuc") and then alone ("Lee said").
var familyNameFirst = wordSet(`lee kim park choi jung chung kang cho yoon yun jang lim han oh seo shin kwon hwang ahn song moon yoo ryu
	hong jeon ko baek nam im
	wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie tang xi lu
	deng feng cao peng zeng xiao tian dong pan yuan cai jiang yu du ye cheng wei su ding ren shen yao qin
	wong chan leung lau cheung ho ng tsang lam chow tse
	nguyen tran le pham hoang phan vu dang bui ngo duong ly`)

// tweetSigner reports whether tokens [s, e) are the name that signs an
// embedded tweet: a dash before it, "(@handle" after it.
func (r *resolver) tweetSigner(s, e int) bool {
	toks := r.d.Tokens
	if s == 0 || e+1 >= len(toks) || toks[e].Text != "(" || !strings.HasPrefix(toks[e+1].Text, "@") {
		return false
	}
	switch toks[s-1].Text {
	case "—", "–", "-":
		return true
	}
	return false
}

// namedInOwnClause returns the entity a source resolved to by a pronoun
// or a description (no word of the name in it) when its own sentence
// names that entity after it, outside quotation marks: "he claims to
// have seen a video of Ellison", "the chancellor said Mr Fallon was
// impugning", "The Glasgow Kelvin MP ... accused Ms King of". No one
// calls a person "he" and then by name in the clause "he" is the
// subject of. A source in a clause that opens the sentence before its
// main one ("When he arrived, Ellison said") may stand for a name after
// it, and is left.
func (r *resolver) namedInOwnClause(m Mention, name string) (int, bool) {
	toks := r.d.Tokens
	if m.Start < 0 || m.End > len(toks) || m.Start >= m.End || toks[m.Start].Quote != 0 {
		return -1, false
	}
	ei, ok := r.byName[r.lower(name)]
	if !ok {
		return -1, false
	}
	if m.End-m.Start == 1 {
		if p := pronouns[r.lowTok(m.Start)]; p != "m" && p != "f" {
			return -1, false // (a relative pronoun's antecedent is fixed; "France" is a name)
		}
	} else if r.lowTok(m.Start) != "the" || isCap(toks[m.End-1].Text) {
		return -1, false
	}
	words := sharedFields(name)
	for k := m.Start; k < m.End; k++ {
		if isCap(toks[k].Text) && slices.Contains(words, toks[k].Text) {
			return -1, false // the name is written in the source
		}
	}
	sent := toks[m.Start].Sent
	for k := r.d.Sents[sent].First; k < m.Start; k++ {
		if subordinators[r.lowTok(k)] {
			return -1, false
		}
	}
	// (the clause ends at a comma, a dash, a colon or a bracket: "He
	// also said ... -- though, when asked, Weiner declined", "She
	// denied it, and Monahan tweeted about Ellison")
	end := m.End
	for end < len(toks) && toks[end].Sent == sent && !clauseBreak(toks[end].Text) {
		end++
	}
	for i := r.before(m.End); i < len(r.mentions); i++ {
		nm := r.mentions[i]
		if nm.tok >= end {
			break
		}
		if nm.ent == ei && nm.tok >= m.End && toks[nm.tok].Quote == 0 && !nm.isSource && !r.nameAsKind(nm.tok) {
			return ei, true
		}
	}
	// (a surname after "Mr" or "Ms" the names collected may not hold:
	// "accused Ms King of"; not after "Lord", a title one may take: "he
	// would take the title of Lord Kinnock")
	last := r.ents[ei].last
	if last == "" {
		last = words[len(words)-1]
	}
	for k := m.End; k < end; k++ {
		if lw := r.lowTok(k - 1); toks[k].Text == last && toks[k].Quote == 0 && (lw == "mr" || lw == "mr." || lw == "mrs" || lw == "mrs." || lw == "ms" || lw == "ms." || lw == "miss") {
			return ei, true
		}
	}
	return -1, false
}

// nameAsKind reports whether the name at tok follows "a" or "an" (over
// one lower-case word): "he believes it is time for the world to see a
// new Gordon Brown" speaks of a kind of him, and may be his own words.
func (r *resolver) nameAsKind(tok int) bool {
	k := tok - 1
	if k > 0 && !isCap(r.d.Tokens[k].Text) && !isIndefinite(r.lowTok(k)) {
		k--
	}
	return k >= 0 && isIndefinite(r.lowTok(k))
}

// clauseWords open a clause of their own inside a sentence: "he was an
// admirer of Mr. Farrakhan and that the minister was not" names
// Farrakhan twice.
var clauseWords = wordSet("that which who whom whose because while although though whereas if when after before since until unless")

// clauseBreak reports punctuation that may end the clause a source is
// the subject of.
func clauseBreak(t string) bool {
	switch t {
	case ",", ";", ":", "(", ")", "-", "--", "—", "–", "\"", "“", "”":
		return true
	}
	return false
}

// plainlyNamedPerson reports whether the article marks the person called
// name as a person: a gender, a title or a given name.
func (r *resolver) plainlyNamedPerson(name string) bool {
	ei, ok := r.byName[r.lower(name)]
	if !ok {
		return genderOfName(name) != 0
	}
	ent := r.ents[ei]
	return ent.gender != 0 || len(ent.titles) > 0 || genderOfName(name) != 0
}

// subordinators open a clause that may stand before its sentence's main
// clause.
var subordinators = wordSet("when after as while before since because although though if once until unless whereas whenever")

// unboundMention is what a source stands for when the person it was
// resolved to is the one its clause names: an explicit unknown for a
// pronoun, else its words as a description.
func (r *resolver) unboundMention(m Mention) Speaker {
	if m.End-m.Start == 1 {
		if _, ok := pronouns[r.lowTok(m.Start)]; ok {
			return Speaker{Kind: claimtrail.SpeakerUnknown, Confidence: 0.1}
		}
	}
	s, e := r.trim(m.Start, m.End)
	if s < e && r.lowTok(s) == "the" {
		s++
	}
	for k := s; k < e; k++ {
		if r.d.Tokens[k].Text == "," {
			e = k // (the aside after it says more of whom: "The Glasgow Kelvin MP, who was expelled ...,")
		}
	}
	if s >= e {
		return Speaker{Kind: claimtrail.SpeakerUnknown, Confidence: 0.1}
	}
	return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerDescription, Confidence: 0.4}
}

// officeKey is what "the <office>" with its head at h is called by: the
// head, or for a minister or a secretary the word before it too ("prime
// minister", "home secretary").
func (r *resolver) officeKey(h int) string {
	hw := r.lowTok(h)
	if (hw == "minister" || hw == "secretary") && h > 0 && !isCap(r.d.Tokens[h-1].Text) && !isDeterminer(r.lowTok(h-1)) && !isPunct(r.d.Tokens[h-1].Text) {
		return r.lowTok(h-1) + " " + hw
	}
	return hw
}

// notOfficeHolder reports whether the article names entity ei in a
// clause beside "the <office>" of key (no comma, dash, colon, bracket or
// quote mark between them, no copula or "as"): "between the chancellor
// and Tony Blair", "Vince Cable said the chancellor had failed", "the
// prime minister was less rough with Mr Kennedy": two people named in
// one clause are two, so that person holds no such office.
// The clause of the description being resolved, in sentence sent, does
// not count: namedInOwnClause reads that one.
func (r *resolver) notOfficeHolder(key string, ei, sent int) bool {
	if r.notHolder == nil {
		r.collectNotHolders()
	}
	in, ok := r.notHolder[key][ei]
	return ok && in != sent
}

// bareOffice returns the key of the one-holder office a source [s, e)
// is, when it is "the" and lower-case words ending in it, none a
// qualifier ("the home secretary", "the prime minister", "the mayor";
// not "the shadow chancellor", "the former president", "the Tory
// leader"), and whether it is one.
func (r *resolver) bareOffice(s, e int) (string, bool) {
	toks := r.d.Tokens
	if e-s < 2 || e-s > 4 || r.lowTok(s) != "the" {
		return "", false
	}
	h := e - 1
	hw := r.lowTok(h)
	if !titleWords[hw] || connector[hw] || orgWords[hw] {
		return "", false
	}
	for k := s + 1; k < e; k++ {
		lw := r.lowTok(k)
		if isCap(toks[k].Text) || isPunct(toks[k].Text) || titleQualifiers[lw] || lw == "former" || strings.HasPrefix(lw, "ex-") || lw == "acting" || lw == "interim" {
			return "", false
		}
	}
	key := r.officeKey(h)
	if !singleHolder[key] && !strings.Contains(key, " ") {
		return "", false
	}
	return key, true
}

// noteOffice records the one-holder office a bare "the <office>" source
// m was resolved to the person called name by, or the job a bare "the
// <job>" was ("the businessman"; see heldOffice). A first office
// resolution stands: one person holds one such office in a story.
func (r *resolver) noteOffice(m Mention, name string) {
	e := m.End
	for k := m.Start + 2; k < m.End; k++ {
		if r.d.Tokens[k].Text == "," {
			e = k // an aside after it: "The businessman, whose latest venture is a casino,"
			break
		}
	}
	key, ok := r.bareOffice(m.Start, e)
	job := !ok && r.bareJob(m.Start, e)
	if !ok && !job {
		return
	}
	ei, ok := r.byName[r.lower(name)]
	if !ok {
		return
	}
	if job {
		if r.entJob == nil {
			r.entJob = map[int]bool{}
		}
		r.entJob[ei] = true
		return
	}
	if _, had := r.entOffice[ei]; had {
		return
	}
	if r.entOffice == nil {
		r.entOffice = map[int]string{}
	}
	r.entOffice[ei] = key
}

// bareJob reports whether a source [s, e) is "the" and lower-case words
// ending in a noun for what a person does that is no office, age,
// kinship or nationality ("the businessman", "the veteran actor", "the
// Spectator editor" not, for its capitals).
func (r *resolver) bareJob(s, e int) bool {
	toks := r.d.Tokens
	if e-s < 2 || e-s > 4 || r.lowTok(s) != "the" {
		return false
	}
	for k := s + 1; k < e; k++ {
		if isCap(toks[k].Text) || isPunct(toks[k].Text) {
			return false
		}
	}
	hw := r.lowTok(e - 1)
	if _, kin := kinNoun(hw); kin || !personNouns()[hw] || titleWords[hw] || ageNoun(hw) || genericPersons[hw] || isPlural(hw) {
		return false
	}
	return true
}

// genericPersons say nothing of what a person does: any office holder
// may be one.
var genericPersons = wordSet("man woman person politician official figure leader member veteran boy girl guy lady gentleman individual")

// heldOffice reports whether entity ei was already read as the holder of
// a one-holder office other than key: "The home secretary said" read as
// Mr Blunkett's, he is not "the prime minister" a paragraph on, nor "the
// Spectator editor" the prime minister (news varies a person's name by
// their office, and one person holds one office of a kind). With key ""
// any such office counts. For a one-holder office (key not ""), one read
// as a job's holder is none either: "The businessman said" is not "the
// prime minister" after him.
func (r *resolver) heldOffice(ei int, key string) bool {
	k, ok := r.entOffice[ei]
	return ok && k != key || key != "" && r.entJob[ei]
}

// singleHolder are offices one person holds in a place at a time, which
// a story about it means one person by (with "prime minister", "home
// secretary" and the like, offices of two words): not "the officer",
// "the senator" or "the judge", of whom a story may have several.
var singleHolder = wordSet("president governor mayor chancellor speaker pope king queen sheriff premier")

// someNotHolder reports whether notOfficeHolder rules anyone out of the
// office of key for a description in sentence sent.
func (r *resolver) someNotHolder(key string, sent int) bool {
	if r.notHolder == nil {
		r.collectNotHolders()
	}
	for _, in := range r.notHolder[key] {
		if in != sent {
			return true
		}
	}
	return false
}

// collectNotHolders fills notHolder from every "the <office>" of the
// article (a title word, after "the" and at most three modifiers, not a
// possessive and not written before a name: "the prime minister Tony
// Blair" is his).
func (r *resolver) collectNotHolders() {
	r.notHolder = map[string]map[int]int{}
	toks := r.d.Tokens
	for h := 1; h < len(toks); h++ {
		hw := r.lowTok(h)
		if !titleWords[hw] || connector[hw] || isCap(toks[h].Text) {
			continue
		}
		if n := h + 1; n < len(toks) && (isCap(toks[n].Text) || possessive(toks[n].Text) || prepositions[r.lowTok(n)]) {
			continue // (and not "the pastoral assistant of the Wels-St. parish": a place or body of its own)
		}
		d := h - 1
		for d > 0 && d >= h-3 && !isDeterminer(r.lowTok(d)) && !isPunct(toks[d].Text) && toks[d].Sent == toks[h].Sent {
			d--
		}
		if r.lowTok(d) != "the" || toks[d].Sent != toks[h].Sent {
			continue
		}
		qualified := false
		for k := d + 1; k < h; k++ {
			if lw := r.lowTok(k); titleQualifiers[lw] || lw == "former" || strings.HasPrefix(lw, "ex-") {
				qualified = true // "the shadow chancellor said Mr Brown" is another office
			}
		}
		if qualified {
			continue
		}
		sent := toks[h].Sent
		from, to := d, h+1
		for from > r.d.Sents[sent].First && !clauseBreak(toks[from-1].Text) && !clauseWords[r.lowTok(from-1)] {
			from--
		}
		for to < len(toks) && toks[to].Sent == sent && !clauseBreak(toks[to].Text) && !clauseWords[r.lowTok(to)] {
			to++
		}
		key := r.officeKey(h)
		if !singleHolder[key] && !strings.Contains(key, " ") {
			continue // "the officer asked for backup from Guyger": one of many officers
		}
		for i := r.before(from); i < len(r.mentions) && r.mentions[i].tok < to; i++ {
			nm := r.mentions[i]
			if nm.ent < 0 || nm.tok >= d && nm.tok <= h || r.ents[nm.ent].kind != claimtrail.SpeakerPerson {
				continue
			}
			a, b := nm.tok, d
			if a > b {
				a, b = h, nm.tok
			}
			linked := false
			for k := a + 1; k < b; k++ {
				if lw := r.lowTok(k); copulas[lw] || lw == "as" {
					linked = true
				}
			}
			if linked {
				continue
			}
			if r.notHolder[key] == nil {
				r.notHolder[key] = map[int]int{}
			}
			if in, ok := r.notHolder[key][nm.ent]; ok && in != sent {
				r.notHolder[key][nm.ent] = -1
			} else {
				r.notHolder[key][nm.ent] = sent
			}
		}
	}
}

// learnTitles marks as a title a capitalised word no dictionary has for
// one that the article writes before a given name and surname and before
// the surname alone ("Kritarch Patti Saris ... Kritarch Saris"): no one's
// given name stands before their surname with and without another given
// name between, and a word that is no given name (not "John" of "John
// Fitzgerald Kennedy ... John Kennedy") is what the writer calls them.
func (r *resolver) learnTitles() {
	toks := r.d.Tokens
	var learned map[string]bool
	for k := 0; k+2 < len(toks); k++ {
		x := toks[k].Text
		if !isCap(x) || plainLower(x) || toks[k+2].Sent != toks[k].Sent || !isCap(toks[k+1].Text) || !isCap(toks[k+2].Text) ||
			genderOfWord(r.lowTok(k)) != 0 || FirstName(x) || r.flags(k)&(fTitle|fOrg|fFunction|fConnector) != 0 || genderOfWord(r.lowTok(k+1)) == 0 || learned[x] {
			continue
		}
		z := toks[k+2].Text
		for m := 0; m+1 < len(toks); m++ {
			if m != k && toks[m].Text == x && toks[m+1].Text == z && toks[m+1].Sent == toks[m].Sent {
				if learned == nil {
					learned = map[string]bool{}
				}
				learned[x] = true
				break
			}
		}
	}
	for k := 0; k+1 < len(toks); k++ {
		if learned[toks[k].Text] && isCap(toks[k+1].Text) {
			r.fl[k] = r.flags(k) | fTitle
		}
	}
}

// roleWordName reports whether a speaker's name is one word for a
// title or an office ("IG", "DJ", "Bishop", "Archbishop"), no one's
// name (not any noun for a person: "Falconer", "Goldsmith" are
// surnames too).
func (r *resolver) roleWordName(name string) bool {
	if strings.Contains(name, " ") {
		return false
	}
	lw := r.lower(name)
	return titleWords[lw] || officeAcronyms[lw]
}

// describedSubjectBefore returns, for "he" or "she" opening a sentence
// resolved to sp, the person the sentence before (in its paragraph)
// names by a definite description as its subject, when that is someone
// else: "The home secretary has already admitted he was wrong ... He
// has apologised" goes on with the home secretary, not with the prime
// minister named last. The description is resolved as a source would
// be; when it names no one, the pronoun is left as it was.
func (r *resolver) describedSubjectBefore(m Mention, sp Speaker) (Speaker, bool) {
	toks := r.d.Tokens
	p := m.Start
	if m.End-m.Start != 1 || p >= len(toks) || toks[p].Quote != 0 {
		return Speaker{}, false
	}
	var gender byte
	switch r.lowTok(p) {
	case "he":
		gender = 'm'
	case "she":
		gender = 'f'
	default:
		return Speaker{}, false
	}
	s := toks[p].Sent
	if s == 0 || r.d.Sents[s].First != p || r.d.Sents[s-1].Para != r.d.Sents[s].Para {
		return Speaker{}, false
	}
	f := r.d.Sents[s-1].First
	if r.lowTok(f) != "the" || toks[f].Quote != 0 {
		return Speaker{}, false
	}
	k := f + 1
	for k < len(toks) && k < f+5 && toks[k].Sent == s-1 && !isCap(toks[k].Text) && !isPunct(toks[k].Text) && !r.verbAt(k) {
		k++
	}
	if k == f+1 || k >= len(toks) || toks[k].Sent != s-1 || !r.verbAt(k) {
		return Speaker{}, false
	}
	hw := r.lowTok(k - 1)
	if isPlural(hw) || !titleWords[hw] && !personNouns()[hw] || notThePerson[hw] {
		return Speaker{}, false
	}
	if strings.HasSuffix(hw, "woman") && gender != 'f' || strings.HasSuffix(hw, "man") && hw != "human" && !strings.HasSuffix(hw, "woman") && gender != 'm' {
		return Speaker{}, false
	}
	for j := len(r.sources) - 1; j >= 0 && r.sources[j].tok >= f; j-- {
		if r.sources[j].tok == f {
			return Speaker{}, false // a source: salience knows it
		}
	}
	d := withoutRoleWord(r.resolve(Mention{Start: f, End: k}))
	switch {
	case d.Kind == claimtrail.SpeakerPerson && d.Name == sp.Name:
		return Speaker{}, false
	case d.Kind == claimtrail.SpeakerPerson:
		return d, true
	}
	// (a description that names no one says nothing of the pronoun: it
	// may be the one salience picked, "The chancellor is travelling
	// ... He told" after "Mr Brown")
	return Speaker{}, false
}

// pluralOwnerBody returns the body a source names with a capitalised
// plural's possessive before its last words ("The Critics' Circle",
// "the Writers’ Guild") when it was resolved to a person called by the
// words after the apostrophe alone ("Circle"): no one has a name that
// people own, and the body's name holds the plural. A person's name
// after a body's ("Atticus' David Slager") has a given name, and is
// left.
func (r *resolver) pluralOwnerBody(m Mention, name string) (Speaker, bool) {
	toks := r.d.Tokens
	if m.Start < 0 || m.End > len(toks) || FirstName(sharedFields(name)[0]) || genderOfName(name) != 0 {
		return Speaker{}, false
	}
	for k := m.Start + 1; k+1 < m.End; k++ {
		if t := toks[k].Text; t != "'" && t != "’" {
			continue
		}
		owner := toks[k-1].Text
		if !isCap(owner) || len(owner) < 3 || owner[len(owner)-1] != 's' || toks[k+1].Text != sharedFields(name)[0] {
			return Speaker{}, false
		}
		b := k - 1
		for b > m.Start && isCap(toks[b-1].Text) && !isDeterminer(r.lowTok(b-1)) {
			b--
		}
		if b == m.Start || !isDeterminer(r.lowTok(b-1)) {
			return Speaker{}, false // "the" before the body's name
		}
		e := k + 1
		for e < m.End && isCap(toks[e].Text) {
			e++
		}
		return Speaker{Name: r.text(b, e), Kind: claimtrail.SpeakerOrganization, Confidence: 0.7}, true
	}
	return Speaker{}, false
}
