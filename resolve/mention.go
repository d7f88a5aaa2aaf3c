package resolve

import (
	"math"
	"slices"
	"sort"
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
	for e > s && (isPunct(toks[e-1].Text) || e-1 > s && (toks[e-1].Text == "'s" || toks[e-1].Text == "’s")) {
		e-- // and a possessive ending cut off from its noun: "Uber’s"
	}
	for e-s >= 3 && (r.lowTok(e-1) == "mp" || r.lowTok(e-1) == "mep" || r.lowTok(e-1) == "msp") && !partyMember[r.lowTok(e-2)] {
		e-- // a member's letters after the name: "Jacob Rees-Mogg MP"
	}
	for s < e && (isPunct(toks[s].Text) || isDeterminer(r.lowTok(s)) || e-s >= 2 && leadingAdverbs[r.lowTok(s)]) {
		s++ // (and a sentence adverb the source took in: "Indeed, even Steele himself declared")
	}
	// an auxiliary the source took from the verb after it: "state
	// prosecutors have | said", "the administrators were in | talks"
	for e-s >= 2 && (trailingAuxiliaries[r.lowTok(e-1)] || r.lowTok(e-1) == "in" && trailingAuxiliaries[r.lowTok(e-2)]) && !isCap(toks[e-1].Text) {
		e--
	}
	// a count's hedge: "At least one GOP insider", "at most two"
	if e-s >= 3 && (r.lowTok(s) == "at" && (r.lowTok(s+1) == "least" || r.lowTok(s+1) == "most")) {
		s += 2
	}
	// a sentence adverb after the speaker: "The White House nevertheless"
	// (and a reflexive: "Mr. Morell himself")
	for e-s >= 2 && (sourceAdverbs[r.lowTok(e-1)] || reflexives[r.lowTok(e-1)]) {
		e--
		for e > s && isPunct(toks[e-1].Text) {
			e--
		}
	}
	// a duration after the speaker: "The president for months", "The
	// group for the past two years"
	if e-s >= 3 && durations[r.lowTok(e-1)] {
		for k := e - 2; k > s && k >= e-5; k-- {
			if r.lowTok(k) == "for" {
				e = k
				break
			}
		}
	}
	// a time after the speaker is no part of it: "The congressman over
	// the weekend", "NRA CEO Wayne LaPierre in December", "Sen. Bob
	// Menendez, D-NJ, Tuesday"
	if e-s >= 2 && temporal[r.lowTok(e-1)] && (!isCap(toks[e-1].Text) || calendarWords[r.lowTok(e-1)]) {
		k := e - 1
		for k > s && (timePreps[r.lowTok(k-1)] || isDeterminer(r.lowTok(k-1))) {
			k--
		}
		if k > s {
			e = k
			for e > s && isPunct(toks[e-1].Text) {
				e--
			}
			// and the participle before it: "a Fox News poll released
			// Friday", "The rules issued Thursday"
			if e-s >= 2 && timedParticiples[r.lowTok(e-1)] {
				e--
			}
		}
	}
	return s, e
}

// sourceAdverbs are sentence adverbs a source may end with.
var sourceAdverbs = map[string]bool{"nevertheless": true, "nonetheless": true, "however": true, "also": true, "too": true,
	"meanwhile": true, "instead": true, "still": true, "though": true, "therefore": true, "then": true, "now": true,
	"again": true, "likewise": true, "separately": true}

// fullTitle spells out an abbreviated title ("gov." → "governor") so that
// "Gov. Deval Patrick" is "the governor".
func fullTitle(t string) string {
	switch strings.TrimSuffix(t, ".") {
	case "gov":
		return "governor"
	case "sen":
		return "senator"
	case "rep":
		return "representative"
	case "pres":
		return "president"
	case "gen":
		return "general"
	case "lt":
		return "lieutenant"
	case "sec":
		return "secretary"
	case "supt":
		return "superintendent"
	}
	return t
}

var titleQualifiers = map[string]bool{"vice": true, "deputy": true, "assistant": true, "lieutenant": true, "associate": true, "shadow": true}

var reflexives = map[string]bool{"himself": true, "herself": true, "themselves": true, "itself": true}

// calendarWords are the times written with a capital in any place; any
// other capitalised time word belongs to a name ("Because the Night").
var calendarWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday january february march
	april may june july august september october november december`) {
		calendarWords[w] = true
	}
}

// timedParticiples put a document out at a time ("released Friday").
var timedParticiples = map[string]bool{"released": true, "issued": true, "published": true, "filed": true, "sent": true,
	"posted": true, "conducted": true, "made": true, "delivered": true}

// timePreps open a phrase of time after a speaker.
var timePreps = map[string]bool{"on": true, "in": true, "over": true, "during": true, "last": true, "this": true,
	"next": true, "early": true, "late": true, "earlier": true, "later": true}

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
	if m.End-m.Start > 2 && toks[m.Start+1].Text == "," && (r.lowTok(m.Start) == "i" || r.lowTok(m.Start) == "we") {
		// "I, gently calling to him behind the screen, said": the
		// pronoun and an aside about the speaker, no name "I"
		m.End = m.Start + 1
	}
	if m.End-m.Start == 1 {
		if p, ok := pronouns[r.lowTok(m.Start)]; ok {
			if r.acronym(m.Start) {
				// "the WHO said", "the US says": initials that spell a
				// pronoun name an organisation or a country
				return Speaker{Name: toks[m.Start].Text, Kind: claimtrail.SpeakerOrganization, Confidence: 0.7}
			}
			return r.pronoun(m.Start, p)
		}
		if m.Start > 0 && copulas[r.lowTok(m.Start-1)] && !isCap(toks[m.Start].Text) {
			// "snippets ... that became public on Friday to suggest":
			// a word after "became" describes the subject, it is none
			return Speaker{Kind: claimtrail.SpeakerUnknown, Confidence: 0.05}
		}
	}
	if sp, ok := r.itsDocument(m); ok {
		return sp
	}
	s, e := r.trim(m.Start, m.End)
	if s >= e {
		return Speaker{Kind: claimtrail.SpeakerUnknown, Confidence: 0.05}
	}
	if r.lowTok(m.Start) == "the" && m.Start == s-1 && e-s == 1 && r.peopleByNationality(s) {
		// "the Chinese want it lifted": a people, whose word is its own
		// plural, before a plural verb; no one person of that nationality
		return Speaker{Name: toks[s].Text, Kind: claimtrail.SpeakerGroup, Confidence: 0.5}
	}
	if sp, ok := r.documentToRecipient(s, e); ok {
		// "several letters to Congress saying", "A letter to Congress
		// said": the letter speaks for its writers, never for whom it
		// was sent to
		return sp
	}
	if k := r.nameAfterLowerTitle(s, e); k > s {
		// "Director of rugby Warren Gatland", "Candidate for the
		// Democrat presidential nomination Beto O'Rourke": the person
		// named after an office with lower-case words in it
		s = k
	}
	se := e
	if se < m.End && toks[se].Text == "%" {
		se++ // trim cut the share's sign: "The remaining 33%"
	}
	if of, ok := r.shareOfGroup(s, se); ok {
		// "Fifty nine percent of people", "Some 63% of respondents in
		// the Sunday Times poll": the part of a group a survey counts,
		// a group named by what it is a share of, never "63%"
		if of < 0 {
			// "The remaining 33% said": of the group the share before
			// counted, or of nothing the text says
			return r.shareBefore(s)
		}
		end := of
		for end < e && toks[end].Text != "," && toks[end].Text != "(" && toks[end].Text != "-" && toks[end].Text != "—" {
			end++
		}
		if end-of >= 2 && r.lowTok(of) == "the" {
			of++
		}
		// (the speaker keeps the share as written, which extract's
		// tests pin; a bare share after it takes the group alone)
		group := Speaker{Name: r.text(of, end), Kind: claimtrail.SpeakerGroup, Confidence: 0.6}
		ne := e
		if ne < m.End && toks[ne].Text == ")" && end < e && toks[end].Text == "(" {
			ne++ // trim cut the aside's close: "three-quarters of respondents (73%)"
		}
		sp := Speaker{Name: r.text(s, ne), Kind: claimtrail.SpeakerGroup, Confidence: 0.6}
		if end-of == 1 && pronouns[r.lowTok(of)] == "p" {
			// "Half of them argue": of the group "them" stands for
			if p := r.pronoun(of, "p"); p.Name != "" {
				group = Speaker{Name: p.Name, Kind: claimtrail.SpeakerGroup, Confidence: 0.5}
				sp = group
			}
		}
		r.shares = append(r.shares, sourceAt{tok: s, end: e, sp: group})
		return sp
	}
	if e-s == 1 && dottedCapitals(toks[s].Text) && s > 0 && r.lowTok(s-1) == "the" {
		// "the U.S. has announced", "the U.N. said": a country or a
		// body by its dotted initials, never a person
		return Speaker{Name: toks[s].Text, Kind: claimtrail.SpeakerOrganization, Confidence: 0.7}
	}
	if sp, ok := r.bothAnd(m.Start, s, e); ok {
		return sp
	}
	if workNouns[r.lowTok(s)] && e-s >= 2 && e-s <= 6 && isCap(toks[s+1].Text) {
		// "The album Exodus", "the book Shattered": a work by its title,
		// never a person called Exodus (whom the quotes after it would
		// take for their speaker)
		return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerDescription, Confidence: 0.4}
	}
	if toks[e-1].Text == "PM" && e-s <= 2 {
		// "the PM", "British PM": the prime minister, an office, never a
		// person called "PM"
		mods := []string{"prime"}
		if e-s == 2 {
			mods = append([]string{r.lowTok(s)}, mods...)
		}
		if sp := r.nominalAs(s, e, "minister", mods); sp.Kind == claimtrail.SpeakerPerson {
			return sp
		}
		// (else the person the story is about, when written with no other
		// office: as "the prime minister" is read by definitePerson)
		keep := func(ent *entity) bool {
			for _, t := range ent.titles {
				if t != "prime" && t != "minister" && t != "premier" && (officeWords[t] || roleWords[t] || pressJobs[t] || titleWords[t]) {
					return false
				}
			}
			return true
		}
		if sp := r.salient(s, 0, keep); sp.Kind == claimtrail.SpeakerPerson && sp.Confidence >= 0.8 {
			sp.Confidence = 0.6
			return sp
		}
		if r.d.Sents[toks[s].Sent].Para == 0 {
			// a headline's "PM" names whom the story then titles so
			// ("British PM warns ... British Prime Minister Theresa May"),
			// when it titles one person so
			one := -1
			for i := range r.ents {
				if ent := &r.ents[i]; ent.kind == claimtrail.SpeakerPerson && (slices.Contains(ent.titles, "premier") || slices.Contains(ent.titles, "prime") && slices.Contains(ent.titles, "minister")) {
					if one >= 0 {
						one = -2
						break
					}
					one = i
				}
			}
			if one >= 0 {
				return Speaker{Name: r.ents[one].name, Kind: claimtrail.SpeakerPerson, Confidence: 0.6}
			}
		}
		return Speaker{Name: "prime minister", Kind: claimtrail.SpeakerDescription, Confidence: 0.4}
	}
	s = r.companyNameBefore(s, e)
	if sp, ok := r.titledPair(s, e); ok {
		return sp
	}
	if sp, ok := r.executiveBody(s, e); ok {
		return sp
	}
	s, e = r.clauseSubject(s, e)
	if sp, ok := r.documentWithAside(m.Start, s, e); ok {
		return sp
	}
	if lw := r.lowTok(s); lw == "who" && e-s > 1 && s > 0 && strings.HasPrefix(toks[s+1].POS, "VB") &&
		!isCap(toks[s-1].Text) && (isPlural(r.lowTok(s-1)) || irregularPlural[r.lowTok(s-1)]) {
		// a relative clause read as the source ("two women who spoke
		// with him in the square, asking"): the people its pronoun
		// stands for
		return r.pronoun(s, "r")
	}
	// where a named person is or writes: "U.S. District Judge Jane Roe
	// in Boston", "Ann Lee on the conservative site Daily Wire" are
	// theirs, not a group's or the site's
	if k := r.placeAfterPerson(s, e); k > s {
		e = k
	} else if k := r.placeAfterRole(s, e); k > s {
		e = k
	} else if k := r.timeAfterPerson(s, e); k > s {
		e = k
	}
	if isPartyState(toks[s].Text) && e-s <= 3 || partyMember[r.lowTok(s)] && s+2 < e && r.lowTok(s+1) == "of" && e-s <= 5 {
		// "Sen. John Cornyn, R-TX, ...", "Representative Peter Welch,
		// Democrat of Vermont,": the party and state stand for the
		// person named just before them
		if s >= 2 && toks[s-1].Text == "," {
			if i := r.lastActive(r.before(s-1) - 1); i >= 0 {
				nm := r.mentions[i]
				if ent := r.ents[nm.ent]; ent.kind == claimtrail.SpeakerPerson && nm.tok+countFields(ent.name) >= s-1 && toks[nm.tok].Sent == toks[s].Sent {
					return Speaker{Name: ent.name, Kind: claimtrail.SpeakerPerson, Confidence: 0.8}
				}
			}
		}
		return Speaker{Kind: claimtrail.SpeakerUnknown, Confidence: 0.05}
	}
	if e-s <= 2 && temporal[r.lowTok(e-1)] {
		// "on Wednesday said": a time, never a speaker
		return Speaker{Name: "", Kind: claimtrail.SpeakerUnknown, Confidence: 0.05}
	}
	// a relative clause taken whole, "who" its subject: "a Secret Service
	// agent who spoke on condition of anonymity revealed", "Mr Martin's
	// lawyer, who had represented him, had said": whom "who" stands for
	// (only after a name not governed by a preposition: "in Rome, who is
	// now an archbishop" is someone else, and a description before "who"
	// is left to the cases below)
	if e-s > 1 && (toks[s].Text == "who" || toks[s].Text == "which") && !r.hasNameAfter(s+1, e) && r.nameBeforeRelative(s) {
		if sp := r.pronoun(s, "r"); sp.Kind != claimtrail.SpeakerUnknown {
			return sp
		}
	}
	// "Many of them said", "Some of them": the plural subject of the
	// sentence before ("Military officers and government officials
	// described ... Many of them said"), a part of that group
	if e-s == 3 && groupQuantifiers[r.lowTok(s)] && r.lowTok(s+1) == "of" && r.lowTok(s+2) == "them" && s == r.d.Sents[toks[s].Sent].First && toks[s].Sent > 0 {
		if sp, ok := r.pluralSubject(toks[s].Sent-1, s); ok {
			return Speaker{Name: sp.Name, Kind: claimtrail.SpeakerGroup, Confidence: 0.5}
		}
	}
	// a lone pronoun
	if e-s == 1 {
		if p, ok := pronouns[r.lowTok(s)]; ok {
			if r.acronym(s) {
				return Speaker{Name: toks[s].Text, Kind: claimtrail.SpeakerOrganization, Confidence: 0.7}
			}
			return r.pronoun(s, p)
		}
		if indefinites[r.lowTok(s)] {
			// "Everybody believes", "Nobody knows": no one in particular
			return Speaker{Kind: claimtrail.SpeakerUnknown, Confidence: 0.1}
		}
	}
	if r.lowTok(s) == "whose" && e-s >= 2 && !isCap(toks[s+1].Text) {
		// "Michael Steele, whose spokesman tried to clarify": the
		// spokesman of the noun before, not the words "whose spokesman"
		ante := r.pronounSpeaker(s, "r")
		named := ante.Name != "" && (ante.Kind == claimtrail.SpeakerPerson || ante.Kind == claimtrail.SpeakerOrganization)
		for k := s + 1; k < e; k++ {
			if p := toks[k].POS; strings.HasPrefix(p, "VB") || copulas[r.lowTok(k)] || r.lowTok(k) == "include" || r.lowTok(k) == "includes" {
				// "Deutsche Boerse, whose market capitalisation is
				// more than £3bn -": a clause about the noun before,
				// which is the speaker
				if named {
					return ante
				}
				return Speaker{Kind: claimtrail.SpeakerUnknown, Confidence: 0.05}
			}
		}
		rest := r.text(s+1, e)
		if named {
			return Speaker{Name: ante.Name + "’s " + rest, Kind: claimtrail.SpeakerDescription, Confidence: 0.6}
		}
		return Speaker{Name: rest, Kind: claimtrail.SpeakerDescription, Confidence: 0.4}
	}
	if e-s == 2 && r.lowTok(s) == "dear" {
		// "Dear Reader, for you have seen": the writer's address
		return Speaker{Kind: claimtrail.SpeakerUnknown, Confidence: 0.05}
	}
	// "the spokesperson": whom the last spokesperson spoke for
	if m.End-m.Start == 2 && r.lowTok(m.Start) == "the" && spokesWords[r.lowTok(m.Start+1)] {
		if sp, ok := r.lastSpokes(s); ok {
			return sp
		}
	}
	// "the company", "the firm": the body named just before
	if m.End-m.Start == 2 && r.lowTok(m.Start) == "the" && bodyAnaphors[r.lowTok(m.Start+1)] {
		if sp, ok := r.bodyAntecedent(m.Start); ok {
			return sp
		}
	}
	// "the federation", "the union": the one body named before whose
	// name ends in that noun ("The Police Federation has said ... The
	// federation said")
	if m.End-m.Start == 2 && r.lowTok(m.Start) == "the" && nameHeadNouns[r.lowTok(m.Start+1)] && !isCap(toks[m.Start+1].Text) {
		if sp, ok := r.bodyByNameHead(m.Start, r.lowTok(m.Start+1)); ok {
			return sp
		}
	}
	// "the car giant", "The UK's biggest mortgage lender", "the
	// watchdog": a noun news writes with "the" for a business or a public
	// body is the body named just before, else a description; never the
	// person salience would pick for a noun that may also be a person's
	if h := e - 1; r.lowTok(m.Start) == "the" && h > m.Start && firmHeads[r.lowTok(h)] && !isCap(toks[h].Text) && !r.hasComma(s, e) && !r.hasDash(s, e) {
		if sp, ok := r.bodyAntecedentAt(m.Start, h); ok {
			return sp
		}
	}
	if sp, ok := r.bodyAfterModifiersAt(m.Start, e); ok {
		return sp
	}
	// a title with modifiers, "the Finnish leader", "the former senator":
	// the person last named with that title, when there is one (for a
	// spokesperson, one seen with the capitalised words before it too: "A
	// Microsoft spokesperson" is not Google's, "the Lib Dem spokesman" is
	// Vince Cable's when he was called so)
	// (an indefinite one, "A federal judge denied bail", only when the
	// article names the holder after it: news writes "a" for someone
	// new, whom a lede may name later, "A federal judge on Monday
	// ordered ... U.S. District Judge Jane Roe said", never for one it
	// named only before)
	indefinite := isIndefinite(r.lowTok(m.Start))
	if head := r.lowTok(e - 1); !isCap(toks[e-1].Text) && (titleWords[head] || head == "leader") && !orgWords[head] && !r.hasComma(s, e) && !r.hasDash(s, e) {
		if sp := r.nominal(s, e); sp.Kind == claimtrail.SpeakerPerson && (!indefinite || spokesWords[head] || r.namedAfter(sp.Name, e)) && sp.Confidence >= 0.6 && (!spokesWords[head] || r.titledWithCaps(sp.Name, s, e-1)) && !r.namedOwner(s, e-1) {
			return sp
		}
	}
	// a member of a parliament by seat: "The MP for Sittingbourne and
	// Sheppey said", "the Labour MP for Birkenhead asked": the subject of
	// the sentence before (else the description), never the seat as a
	// person nor a group of its "and"
	if r.lowTok(m.Start) == "the" && r.seatDescription(s, e) {
		if sp, ok := r.previousSubject(s, 0); ok && sp.Kind == claimtrail.SpeakerPerson {
			return sp
		}
		return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerDescription, Confidence: 0.5}
	}
	// one person described by party (and state) right after being
	// named: "Sen. John McCain, R-Ariz., said ... The Arizona Republican
	// said", "Stacey Abrams ended her run ..., but the Democrat said"
	if r.lowTok(m.Start) == "the" && m.Start < s && r.partyDescription(r.text(s, e)) {
		if sp := r.salient(s, 0, func(*entity) bool { return true }); sp.Kind == claimtrail.SpeakerPerson && sp.Confidence >= 0.8 {
			sp.Confidence = 0.6
			return sp
		}
	}
	// one person named by nationality right after being named: "...,"
	// said the American", "the Briton added" (sport and foreign news
	// vary the name so)
	// (and by age, family or a title written after names: "the
	// 64-year-old", "the mother-of-nine", "The MEP said")
	kinGender, kin := kinNoun(r.lowTok(s))
	// (an age may stand before the nationality: "the 24-year-old Swiss")
	aged := e-s == 2 && ageNoun(r.lowTok(s)) && nationalityNoun(toks[s+1].Text, r.lowTok(s+1))
	if r.lowTok(m.Start) == "the" && m.Start == s-1 && (e-s == 1 || aged) && (kin || ageNoun(r.lowTok(s)) || postNominals[r.lowTok(s)] || nationalityNoun(toks[s].Text, r.lowTok(s))) {
		gender := kinGender
		if lw := r.lowTok(e - 1); strings.HasSuffix(lw, "man") && lw != "german" {
			gender = 'm' // "the Frenchman" (but "the German" may be a woman)
		}
		if sp, ok := r.openingClauseSubject(s, gender, r.ofNationality(r.lowTok(e-1))); ok {
			return r.ageAgrees(s, e, sp)
		}
		if sp := r.salient(s, gender, r.ofNationality(r.lowTok(e-1))); sp.Kind == claimtrail.SpeakerPerson && (sp.Confidence >= 0.8 || (kin || ageNoun(r.lowTok(s)) || postNominals[r.lowTok(s)]) && sp.Confidence >= 0.5) {
			sp.Confidence = 0.6
			return r.ageAgrees(s, e, sp)
		}
		if sp, ok := r.previousSubject(s, gender); ok {
			return r.ageAgrees(s, e, sp)
		}
		if lw := r.lowTok(e - 1); nationalityNoun(toks[e-1].Text, lw) {
			// no one to stand for: an explicit unknown, never a person
			// called "Brazilian"
			return Speaker{Kind: claimtrail.SpeakerUnknown, Confidence: 0.1}
		}
	}
	// one person named by where they are from, right after being named:
	// "“...,” says the Waterford man", "the Leeds woman added" (as by
	// nationality: sport and local news vary the name so)
	// (the word after s is read only when there is one: a one-word
	// mention may end the text)
	next := ""
	if s+1 < len(toks) {
		next = r.lowTok(s + 1)
	}
	if lw := next; r.lowTok(m.Start) == "the" && m.Start == s-1 && e-s == 2 && isCap(toks[s].Text) && !isCap(toks[s+1].Text) && (lw == "man" || lw == "woman") &&
		(places()[r.lowTok(s)] || !FirstName(toks[s].Text) && !r.personWordIn(s, s+1)) {
		gender := byte('m')
		if lw == "woman" {
			gender = 'f'
		}
		if sp := r.salient(s, gender, nil); sp.Kind == claimtrail.SpeakerPerson && sp.Confidence >= 0.8 {
			sp.Confidence = 0.6
			return sp
		}
		if sp, ok := r.previousSubject(s, gender); ok {
			return sp
		}
	}
	// one player named by position right after being named: "England's
	// Josh Lewsey has claimed ... The Wasps wing insisted", "Adam Jones
	// says ... The prop said" (a team's capitalised words may stand
	// before the position)
	if r.lowTok(m.Start) == "the" && m.Start == s-1 && sportPositions[r.lowTok(e-1)] && !isCap(toks[e-1].Text) && e-s <= 3 && r.allCapsBefore(s, e-1) {
		if sp := r.salient(s, 0, func(*entity) bool { return true }); sp.Kind == claimtrail.SpeakerPerson && sp.Confidence >= 0.8 {
			sp.Confidence = 0.6
			return sp
		}
		if sp, ok := r.previousSubject(s, 0); ok {
			return sp
		}
	}
	// two people just named together: "Kenteris and Thanou withdrew ...
	// The pair spent four days in a hospital, claiming"
	if lw := r.lowTok(s); r.lowTok(m.Start) == "the" && m.Start == s-1 && e-s == 1 && (lw == "pair" || lw == "duo" || lw == "couple" || lw == "two") {
		if sp, ok := r.namedPair(s); ok {
			return sp
		}
	}
	// a definite description of one person: "the former Indiana
	// senator", "the communications pro", "the Trump administration's
	// top intelligence official" → the person the article is about
	if sp, ok := r.definitePerson(s, e, m.Start); ok {
		return sp
	}
	// and one with an aside after its comma: "The Idaho congressman,
	// echoing other conservatives,"
	if c := r.asideComma(s, e); c > s {
		if sp, ok := r.definitePerson(s, c, m.Start); ok {
			return sp
		}
	}
	// an office written in capitals and nothing else: "The Lord
	// Chancellor", "the Foreign Secretary": the person seen with it, else
	// the office as a description (not an unknown)
	if fw := r.lowTok(s); e-s >= 2 && e-s <= 4 && isCap(toks[s].Text) && r.onlyTitles(s, e) && (capitalTitles[r.lowTok(e-1)] || r.lowTok(e-1) == "justice") &&
		fw != "mr" && fw != "mr." && fw != "mrs" && fw != "mrs." && fw != "ms" && fw != "ms." && fw != "miss" {
		if sp := r.nominal(s, e); sp.Kind == claimtrail.SpeakerPerson && sp.Confidence >= 0.6 {
			return sp
		}
		return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerDescription, Confidence: 0.5}
	}
	// an office of a body with no name: "the former Chairman of the
	// Democratic Caucus" is the person seen with that office, else that
	// office as a description (not the body, not "Caucus")
	if sp, ok := r.officeOfBody(s, e); ok {
		return sp
	}
	// a person's name and where they work: "John Smith of the Brookings
	// Institution" is John Smith, not an organisation of that name
	if sp, ok := r.nameOfPlace(s, e); ok {
		return sp
	}
	if k := r.skipRoleWords(s, e); k > s {
		// "economist Gary Thayer of AG Edwards & Sons": the role before
		// the name is no part of it
		if sp, ok := r.nameOfPlace(k, e); ok {
			return sp
		}
	}
	// appositions: "Hugh Hill, a doctor," / "a spokeswoman, Anna White,"
	// the part with the surest name wins: "The leader of Ennahda, Rachid
	// Ghannouchi," is Ghannouchi's, not Ennahda's
	parts := r.splitCommas(s, e)
	if len(parts) > 1 && r.lowTok(parts[1][0]) == "including" {
		// "opponents of the bill, including Lord Campbell and the Bishop
		// of Winchester,": the people named are some of the speakers,
		// the plural before them is who speaks
		// (a plural opening the part may be capitalised: "Republicans on
		// Capitol Hill, including ..." are not the Hill)
		// (or a body of them: "the all-party group, including Ann Vell and
		// Tam Dorsey,")
		if h := r.head(parts[0][0], parts[0][1]); h >= 0 && (!isCap(toks[h].Text) || h == parts[0][0] && partyMembers[r.lowTok(h)]) && (isPlural(r.lowTok(h)) || memberBodies[r.lowTok(h)]) {
			return Speaker{Name: r.text(parts[0][0], parts[0][1]), Kind: claimtrail.SpeakerDescription, Confidence: 0.6}
		}
	}
	if r.nameList(parts) {
		// "Paramount, Universal and Warner Brothers": all of them; by
		// their names when each has a title ("British Prime Minister
		// Theresa May, French President Emmanuel Macron and ...")
		if names, ok := r.titledList(parts); ok {
			return Speaker{Name: names, Kind: claimtrail.SpeakerGroup, Confidence: 0.8}
		}
		return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerGroup, Confidence: 0.7}
	}
	if len(parts) > 1 && parts[0][1]-parts[0][0] == 1 && parts[0][0] == r.d.Sents[r.d.Paras[r.d.Sents[toks[s].Sent].Para].First].First && isDash(toks[parts[0][1]].Text) {
		parts = parts[1:] // a dateline: "Geneva - The World Health Organisation chief"
		parts[0][0], parts[0][1] = r.trim(parts[0][0], parts[0][1])
		if parts[0][0] >= parts[0][1] {
			return Speaker{Kind: claimtrail.SpeakerUnknown, Confidence: 0.05}
		}
	}
	// a relative clause inside a part describes it and names no one who
	// speaks ("One Facebook user who lives near Austin, Tex.,"), nor does
	// a state after a place
	for i := range parts {
		for k := parts[i][0] + 1; k < parts[i][1]; k++ {
			if t := toks[k].Text; (t == "who" || t == "which") && !isCap(toks[k-1].Text) && !isPunct(toks[k-1].Text) {
				parts[i][1] = k
				break
			}
		}
	}
	if len(parts) > 1 {
		kept := parts[:1]
		for _, p := range parts[1:] {
			if p[1]-p[0] != 1 || !stateAbbreviations[toks[p[0]].Text] {
				kept = append(kept, p)
			}
		}
		parts = kept
	}
	if sp, ok := r.joinedAcrossAside(parts); ok {
		return sp
	}
	var best, fallback Speaker
	haveBest, haveFallback := false, false
	var bestPart [2]int
parts:
	for i, p := range parts {
		if i > 0 && (r.participleAside(p[0], p[1]) || r.relayAside(p[0], p[1]) || r.agentAside(p[0], p[1])) {
			// "The firm, reporting its first results since listing in
			// June,", "the mainstream media, deferring to the CIA,": what
			// the speaker was doing, and the names in it do not speak;
			// nor do those who act on it ("The company, led by chief
			// executive Ann Lee,")
			continue
		}
		switch r.lowTok(p[0]) {
		case "including", "like", "notably", "especially":
			if len(parts) > 1 {
				// "Several conservatives, including Glenn Beck and Bill
				// O’Reilly,": examples of the speakers, not their name
				continue
			}
		case "who", "which", "that", "whose", "whom":
			if len(parts) > 1 {
				// a relative clause about the speaker, and the names in
				// the parts after it are in it ("The lawsuit, which was
				// brought by ..., Jon Bruning, and ..., Scott Pruitt,")
				if r.lowTok(p[0]) == "which" && parts[0][0] < p[0] {
					break parts
				}
				continue
			}
			p[0]++ // "which Amazon founder Jeff Bezos said"
			if p[0] >= p[1] {
				continue
			}
		}
		if i > 0 && p[1]-p[0] > 2 && r.lowTok(p[0]+1) == "by" && (authorParticiples[r.lowTok(p[0])] || authoredParticiples[r.lowTok(p[0])]) {
			p[0] += 2 // "The letter, written by Sir Ann Vell and Lord Tam Dorsey,": its makers
		}
		if sp, ok := r.named(p[0], p[1]); ok {
			if sp.Kind != claimtrail.SpeakerUnknown && sp.Kind != claimtrail.SpeakerDescription {
				// a later part wins only with a person's full name
				// (or after an office: "The Health Secretary, Tom Pell MSP,")
				if !haveBest || described(best, sp) && (r.lowTok(p[0]) == "the" || p[0] > 0 && r.lowTok(p[0]-1) == "the") || sp.Kind == claimtrail.SpeakerPerson && (best.Confidence < 0.9 && sp.Confidence >= 0.9 ||
					countFields(sp.Name) >= 2 && r.officePart(bestPart[0], bestPart[1]) ||
					givenNameFirst(sp.Name) && countFields(sp.Name) == p[1]-p[0] && best.Kind == claimtrail.SpeakerPerson && !givenNameFirst(best.Name) && genderOfName(best.Name) == 0) {
					// (and a part that is only a name with a given name
					// over a title taken for a name: "In his new book,
					// Lawless World, Philippe Sands, a QC, suggests")
					best, haveBest, bestPart = sp, true, p
				}
				continue
			}
			if !haveFallback {
				fallback, haveFallback = sp, true
			}
		}
	}
	if haveBest && best.Kind == claimtrail.SpeakerOrganization {
		// "Bank of England deputy governor Rachel Lomax": an
		// organisation's name opens the title that ends in a person's
		if sp, ok := r.trailingName(bestPart[0], bestPart[1]); ok {
			return sp
		}
	}
	if haveBest {
		if f := sharedFields(best.Name); best.Kind == claimtrail.SpeakerPerson && len(f) >= 2 && len(f) <= 3 &&
			capitalTitles[strings.ToLower(f[len(f)-1])] && firstNameGender[strings.ToLower(f[0])] == 0 && !strings.HasSuffix(f[0], ".") && genderOfName(best.Name) == 0 {
			// a title in capitals is no one's name ("America's Toughest
			// Sheriff"): the person seen with that title, or a
			// description
			if sp := r.nominal(bestPart[0], bestPart[1]); sp.Kind == claimtrail.SpeakerPerson && sp.Confidence >= 0.6 && sp.Name != best.Name {
				return sp
			}
			ps, pe := r.trim(bestPart[0], bestPart[1])
			return Speaker{Name: r.text(ps, pe), Kind: claimtrail.SpeakerDescription, Confidence: 0.4}
		}
		return best
	}
	if haveFallback {
		if sp, ok := r.trailingName(parts[0][0], parts[0][1]); ok && fallback.Kind == claimtrail.SpeakerDescription {
			return sp
		}
		return fallback
	}
	// a capitalised mention never registered (a headline): its last word
	// may be the surname of a person named in the body
	if last := r.lowTok(e - 1); isCap(toks[e-1].Text) {
		if ei, ok := r.bySurname[last]; ok && e-s <= 3 {
			ent := r.ents[ei]
			return Speaker{Name: ent.name, Kind: claimtrail.SpeakerPerson, Confidence: 0.75}
		}
		// in a title-case headline capitals say nothing: a word the body
		// never names is no organisation ("Leaves Shareholders With
		// Little Say")
		if r.isTitleCase(r.d.Sents[toks[s].Sent].Para) {
			if h := r.head(s, e); h >= 0 && canSpeak(r.lowTok(h)) && !isNumberWord(toks[h].Text) {
				return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerDescription, Confidence: 0.4}
			}
			return Speaker{Kind: claimtrail.SpeakerUnknown, Confidence: 0.05}
		}
	}
	// a long title that ends in a person's name: "White House reporter
	// for the Washington Post and NBC News political analyst Ashley
	// Parker" is Ashley Parker
	if sp, ok := r.trailingName(parts[0][0], parts[0][1]); ok {
		return sp
	}
	nom := r.nominal(parts[0][0], parts[0][1])
	if indefinite && nom.Kind == claimtrail.SpeakerPerson && !spokesWords[r.lowTok(parts[0][1]-1)] && !r.namedAfter(nom.Name, e) {
		nom = unknown(r.text(parts[0][0], parts[0][1])) // (as above: "a judge" is no one named)
	}
	return r.describe(parts[0][0], parts[0][1], nom)
}

// titleBefore reports whether [s, e) opens with a title or role word
// (after capitalised modifiers: "Shadow spokesman", "Home Office minister")
// followed by a preposition.
func (r *resolver) titleBefore(s, e int) bool {
	for k := s; k < e; k++ {
		lw := r.lowTok(k)
		if titleWords[lw] || roleWords[lw] {
			return k+1 < e && prepositions[r.lowTok(k+1)]
		}
		if !isCap(r.d.Tokens[k].Text) {
			return false
		}
	}
	return false
}

// trailingName returns the person whose name, as collected, ends the
// phrase [s, e) right after a lower-case title or role word.
func (r *resolver) trailingName(s, e int) (Speaker, bool) {
	toks := r.d.Tokens
	for i := r.lastActive(r.before(e) - 1); i >= 0; i = r.lastActive(i - 1) {
		nm := r.mentions[i]
		if nm.tok <= s {
			return Speaker{}, false
		}
		ent := r.ents[nm.ent]
		n := countFields(ent.name)
		if ent.kind != claimtrail.SpeakerPerson || n < 2 || nm.tok+n != e || !strings.EqualFold(strings.Join(fields(r.text(nm.tok, e)), " "), ent.name) {
			continue
		}
		// a role right before the name, itself after no preposition
		// ("daughter of activist Malcolm X" is the daughter); or a title
		// whose office ends in a thing, not a person ("Shadow spokesman
		// for sport Hugh Robertson": the name can only be the title's)
		lw := r.lowTok(nm.tok - 1)
		if isCap(toks[nm.tok-1].Text) || connector[lw] {
			return Speaker{}, false
		}
		if !(titleWords[lw] || roleWords[lw] || personNouns()[lw]) {
			if r.titleBefore(s, nm.tok-1) && toks[nm.tok-1].POS == "NN" {
				return Speaker{Name: ent.name, Kind: claimtrail.SpeakerPerson, Confidence: 0.8}, true
			}
			return Speaker{}, false
		}
		if nm.tok-2 >= s && prepositions[r.lowTok(nm.tok-2)] {
			return Speaker{}, false
		}
		// past a preposition only a second title joined by "and" ends
		// in the name ("reporter for the Post and NBC News analyst
		// Ashley Parker"); "close associate of former Yukos boss Mikhail
		// Khodorkovsky" is the associate
		for k := nm.tok - 1; k >= s; k-- {
			if lw := r.lowTok(k); lw == "and" {
				break
			} else if prepositions[lw] && !((lw == "of" || lw == "for" && bodyForHeads[toks[k-1].Text]) && k > s && isCap(toks[k-1].Text) && k+1 < nm.tok && isCap(toks[k+1].Text)) {
				// ("of" inside an organisation's name is none: "Bank
				// of England deputy governor Rachel Lomax"; nor "for"
				// after a body's head: "Commission for Racial Equality
				// chairman Trevor Phillips")
				return Speaker{}, false
			}
		}
		return Speaker{Name: ent.name, Kind: claimtrail.SpeakerPerson, Confidence: 0.8}, true
	}
	return Speaker{}, false
}

// topicPrepositions say what a document is about: "a story on X".
var topicPrepositions = map[string]bool{"on": true, "about": true, "into": true, "concerning": true, "regarding": true}

// receivedParticiples say who got a document, not who wrote it: "reports
// seen by Reuters" say what they say, Reuters relays them.
var receivedParticiples = map[string]bool{"seen": true, "obtained": true, "reviewed": true, "viewed": true, "read": true,
	"heard": true, "acquired": true, "received": true, "sent": true, "leaked": true, "shown": true, "examined": true}

// copulas link a subject to what is said of it.
var copulas = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"became": true, "become": true, "becomes": true, "remain": true, "remains": true, "remained": true,
	"seem": true, "seems": true, "seemed": true, "'s": true, "’s": true}

// temporal words are times, not speakers.
var temporal = map[string]bool{}

// timeSpan reports whether a plural noun counts time ("years",
// "decades", "weeks"): no group of people that a relative could stand for.
func timeSpan(w string) bool {
	switch w {
	case "days", "hours", "minutes", "decades", "centuries", "generations", "ages":
		return true
	}
	return temporal[strings.TrimSuffix(w, "s")]
}

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

// acronymAside reports whether token k opens "(WADA)", a body's
// initials in brackets after its capitalised name, inside s..e with a
// role and a capitalised name after it ("Agency (WADA) chief Dick
// Pound", "Union (HKRFU) chairman John Molloy"): the role is the
// person's in that body. Other asides ("(ICE) officials", "(D-NY) and
// House Speaker") split as before.
func (r *resolver) acronymAside(k, s, e int) bool {
	toks := r.d.Tokens
	if toks[k].Text != "(" || k == s || k+4 >= e || toks[k+2].Text != ")" || !isCap(toks[k-1].Text) || !isCap(toks[k+4].Text) {
		return false
	}
	ac := toks[k+1].Text
	if len(ac) < 2 || len(ac) > 6 || strings.ToUpper(ac) != ac || strings.ToLower(ac) == ac || acronymWords[strings.ToLower(ac)] {
		return false
	}
	role := r.lowTok(k + 3)
	return role == toks[k+3].Text && !connector[role] && (titleWords[role] || roleWords[role] || employerRoles[role])
}

// groupQuantifiers take part of a group ("Many of them", "Some of
// them").
var groupQuantifiers = wordSet("many most some several all both few none each")

// acronymWords are initials that read as words the passes below take
// for themselves ("(WHO) official": the relative "who").
var acronymWords = wordSet("who us it am an as at be by do he if in is me my no of on or so to up we")

// joinedAcrossAside resolves a source that joins two persons' full names
// with "and" after an aside set off by brackets or commas ("Senate
// Minority Leader Chuck Schumer (D-NY) and House Speaker Nancy Pelosi
// (D-CA)", "Former Labor PM Tony Blair, and former Conservative PM John
// Major,") to both of them, a group: the aside had split the source, and
// the first name alone was taken for the speaker. The parts are
// splitCommas'; the "and" opens a later part.
func (r *resolver) joinedAcrossAside(parts [][2]int) (Speaker, bool) {
	for i := 1; i < len(parts); i++ {
		p := parts[i]
		if r.lowTok(p[0]) != "and" || p[1]-p[0] < 3 {
			continue
		}
		for k := parts[0][0]; k < p[0]; k++ {
			switch r.lowTok(k) {
			case "who", "which", "that", "whose", "including", "includes", "include", "like":
				// the names after are in a clause about the speaker ("Yvette
				// Cooper, who leads the group that includes Nicky Morgan,
				// Oliver Letwin, and Nick Boles,")
				return Speaker{}, false
			}
		}
		second, ok := r.named(p[0]+1, p[1])
		if !ok || second.Kind != claimtrail.SpeakerPerson || countFields(second.Name) < 2 {
			return Speaker{}, false
		}
		// the persons named before it, in order ("Jeff Merkley (D-Ore.),
		// Sherrod Brown (D-Ohio) and Robert Menendez (D-N.J.)")
		var names []string
		for j := 0; j < i; j++ {
			first, ok := r.named(parts[j][0], parts[j][1])
			if !ok || first.Kind == claimtrail.SpeakerUnknown || first.Kind == claimtrail.SpeakerDescription {
				continue // an aside with no name: "(D-NY)", "a Democrat"
			}
			if first.Kind != claimtrail.SpeakerPerson || countFields(first.Name) < 2 || first.Name == second.Name {
				return Speaker{}, false
			}
			names = append(names, first.Name)
		}
		if len(names) == 0 {
			return Speaker{}, false
		}
		return Speaker{Name: strings.Join(names, ", ") + " and " + second.Name, Kind: claimtrail.SpeakerGroup, Confidence: 0.7}, true
	}
	return Speaker{}, false
}

func (r *resolver) splitCommas(s, e int) [][2]int {
	var out [][2]int
	a := s
	for k := s; k < e; k++ {
		switch r.d.Tokens[k].Text {
		case ",", "(", ")", "-", "--", "—", "–":
			if r.acronymAside(k, s, e) {
				// "World Anti-Doping Agency (WADA) chief Dick Pound":
				// the body's initials go on with its name; the role and
				// name after them are no part of their own
				k += 2
				continue
			}
			// (an aside between dashes is one too: "Deutsche Bank -
			// itself a target of a lawsuit -")
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

// fullNameEndsAt reports whether a mention starting at or after s ends
// at token j and writes a person's full name with a given name: what
// an "of" or "in" after it cannot be part of ("Director of National
// Intelligence" has no given name before its "of").
func (r *resolver) fullNameEndsAt(s, j int) bool {
	i := r.lastActive(r.before(j+1) - 1)
	if i < 0 || r.mentions[i].tok < s {
		return false
	}
	nm := r.mentions[i]
	ent := r.ents[nm.ent]
	n := countFields(ent.name)
	return ent.kind == claimtrail.SpeakerPerson && n >= 2 && nm.tok+n-1 == j && r.text(nm.tok, j+1) == ent.name && genderOfWord(r.lowTok(nm.tok)) != 0
}

// named resolves a part whose head is a proper name.
func (r *resolver) named(s, e int) (Speaker, bool) {
	// the name mention that ends the part is its head
	best := r.lastActive(r.before(e) - 1) // the last mention starting before e
	if best >= 0 && r.mentions[best].tok < s {
		best = -1
	}
	if best >= 0 {
		for k := s + 1; k < e; k++ {
			if lw := r.lowTok(k); (lw == "of" || lw == "in") && r.fullNameEndsAt(s, k-1) && !r.partyAfterAnd(k, e) {
				// "Aviation analyst Nick Van den Brul of BNP Paribas",
				// "Chief Judge Patti Saris of the US District Court in
				// Boston": a person's full name, then where they work or are
				// (not when another party is joined after it: "Peter Lilley
				// of Global Britain and Councillor Brendan Chilton")
				best, e = r.lastActive(r.before(k)-1), k
				break
			}
			if lw := r.lowTok(k); lw == "from" || lw == "at" || lw == "with" || lw == "for" {
				for i := r.before(s); i < len(r.mentions) && r.mentions[i].tok < k; i++ {
					if nm := r.mentions[i]; nm.ent >= 0 && r.ents[nm.ent].kind != claimtrail.SpeakerOrganization && countFields(r.ents[nm.ent].name) > 1 {
						best = i
					}
				}
				if r.mentions[best].tok < k {
					e = k
				}
				break
			}
		}
	}
	// a verb ends the phrase: "West Mercia police said the tablets"
	for k := s + 1; best >= 0 && k < e; k++ {
		if p := r.d.Tokens[k].POS; (p == "VBD" || p == "VBZ" || p == "MD") && k > r.mentions[best].tok {
			e = k
			break
		}
	}
	if best < 0 {
		return Speaker{}, false
	}
	for k := s + 1; k < r.mentions[best].tok; k++ {
		if lw := r.lowTok(k); lw == "that" || lw == "who" || lw == "whom" {
			// a name in a relative clause is not the head: "A third
			// person that Ramirez claimed was at the party" (a
			// description), "The DUP, on whom the Tories rely" (the
			// name before it)
			before := r.lastActive(r.before(k) - 1)
			for before >= 0 && r.mentions[before].tok >= s && r.afterPreposition(r.mentions[before].tok) {
				before = r.lastActive(before - 1) // "a former aide to Hillary Clinton who ..."
			}
			if before < 0 || r.mentions[before].tok < s {
				return r.describe(s, k, Speaker{Kind: claimtrail.SpeakerUnknown}), true
			}
			best, e = before, k
			break
		}
	}
	nm := r.mentions[best]
	ent := r.ents[nm.ent]
	if k := r.participleBy(s, nm.tok); k >= 0 {
		// "a sailor pardoned by Trump", "e-mails obtained by The Hill":
		// the noun before the participle speaks, not the name after
		// "by"; only a document's author speaks through it ("a
		// statement issued by Sarah Sanders")
		if !authorParticiples[r.lowTok(k-1)] || personNouns()[r.lowTok(k-2)] || roleWords[r.lowTok(k-2)] || !r.nameRightAfter(k+1, nm.tok) {
			return r.describe(s, k-1, Speaker{Kind: claimtrail.SpeakerUnknown}), true
		}
	}
	// the name must be the head: nothing but the name (and "Jr.") after it
	nameLen := countFields(ent.name)
	end := nm.tok
	for end < e && (!isPunct(r.d.Tokens[end].Text) && (isCap(r.d.Tokens[end].Text) || r.d.Tokens[end].Ent != "" && r.d.Tokens[end].Ent != "O") ||
		end == nm.tok && r.digitLedName(end) || // "data analysis firm 1010data"
		r.d.Tokens[end].Text == "&" && end > nm.tok && strings.Contains(ent.name, " & ") || // "Ernst & Young"
		isNameParticle(r.d.Tokens[end].Text) && end > nm.tok && end+1 < e && isCap(r.d.Tokens[end+1].Text)) { // "Nick Van den Brul"
		end++
	}
	if h := r.head(s, e); h >= 0 && h != nm.tok && spokesWords[r.lowTok(h)] && (end < e || h < nm.tok) &&
		(ent.kind == claimtrail.SpeakerOrganization || ent.gender == 0 && !plainlyPerson(ent) && genderOfName(ent.name) == 0) {
		// "a spokesman for UKIP", "Plaid Cymru health spokesman": the
		// organisation speaks through its spokesperson
		if sp, ok := r.ownedOffice(s, nm.tok, ent.name); ok {
			return sp, true
		}
		return Speaker{Name: ent.name, Kind: claimtrail.SpeakerOrganization, Confidence: 0.7}, true
	}
	if h := r.head(s, e); h >= 0 && h < nm.tok && r.speaksForName(h, nm.tok) {
		// "a lawyer for Mr. Grimm", "the wife of Mr. Smith", "an aide to
		// Senator Jones": someone who acts for, or is kin to, the person
		// named, and is not that person; a name in apposition ("...,
		// William McGinley of Patton Boggs,") wins over this description.
		// A spokesperson for what is not plainly a person ("a spokeswoman
		// for MTV", "a spokesman for Dell") speaks for an organisation.
		if spokesWords[r.lowTok(h)] && !plainlyPerson(ent) {
			return Speaker{Name: ent.name, Kind: claimtrail.SpeakerOrganization, Confidence: 0.7}, true
		}
		return r.describe(s, e, Speaker{Kind: claimtrail.SpeakerUnknown}), true
	}
	if end < e && !(r.endsHead(end) && r.writesName(nm.tok, end, ent.name)) {
		// the name modifies a common noun: "Trump critics", "a Bellwether
		// spokesman"
		return r.describe(s, e, r.group(s, e)), true
	}
	if r.hasOf(s, nm.tok) && r.allTitles(s, nm.tok) && ent.kind == claimtrail.SpeakerOrganization && s < nm.tok {
		// "The leader of Ennahda, Rachid Ghannouchi,": the organisation
		// is led, the person is named in another part
		return Speaker{}, false
	}
	if and := r.conjoined(s, nm.tok); and && !r.singularOfHead(s, nm.tok) {
		// "Obama and Netanyahu", "both Roscosmos and NASA"; an
		// organisation's name may hold an "and" ("World Travel and
		// Tourism Council")
		if ent.kind == claimtrail.SpeakerOrganization && !r.pluralsJoined(s, nm.tok, ent.name) {
			return Speaker{Name: r.text(s, end), Kind: claimtrail.SpeakerOrganization, Confidence: 0.8}, true
		}
		return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerGroup, Confidence: 0.7}, true
	}
	// "Speaking in Harrogate Mr Kennedy": a participle clause before the
	// name that ends the source; the name speaks
	participial := nm.tok-s >= 3 && end == e && r.participleOpens(s) // not its object: "celebrating Obamacare"
	if !participial && r.hasOf(s, nm.tok) && !r.allTitles(s, nm.tok) && !(r.officeOfThenName(s, nm.tok) && plainPersonName(ent.name)) {
		// the name sits in a modifier: "defenders of Trump", "analysts at
		// Crane & Lowe" (but "Director of National Intelligence Dan Coats")
		return r.describe(s, e, r.group(s, e)), true
	}
	if p := nm.tok - 1; s < p && !participial && topicPrepositions[r.lowTok(p)] && documentNouns[r.lowTok(p-1)] {
		// a document about the name: "a top-of-the-page story on
		// Inauguration Day", "a report on Tony Blair" say what they are
		// about, not who wrote them
		return r.describe(s, e, Speaker{Kind: claimtrail.SpeakerUnknown}), true
	}
	if k := r.participleHead(s, nm.tok-1); s < nm.tok && !participial && k >= 0 && (r.lowTok(nm.tok-1) != "by" || receivedParticiples[r.lowTok(k+1)]) {
		// the name sits in a participle's phrase after the noun that
		// speaks: "A letter sent to Martin Mubanga", "reports seen by
		// Reuters" (but "figures released by the BPI" are the BPI's)
		return r.describe(s, e, Speaker{Kind: claimtrail.SpeakerUnknown}), true
	}
	if s < nm.tok && !participial && r.fragment(s, nm.tok+1) {
		// the name ends a clause or a prepositional phrase: "shot at
		// President Obama", "when asked if he wanted President Trump"
		return Speaker{Kind: claimtrail.SpeakerUnknown, Confidence: 0.05}, true
	}
	if r.partyDescription(ent.name) {
		// "the Senate’s top Democrat", "Another senior Tory MP", "The
		// New York Democrat": one person described by party (and
		// state), never a person named "Democrat"
		return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerDescription, Confidence: 0.5}, true
	}
	kind := ent.kind
	if (kind == "" || kind == claimtrail.SpeakerPerson) && len(ent.titles) == 0 && ent.gender == 0 && genderOfName(ent.name) == 0 && !FirstName(ent.name) {
		// "the Fed" after "the Federal Reserve": the body it clips
		if full, ok := r.clippedBody(nm.ent); ok {
			return Speaker{Name: full, Kind: claimtrail.SpeakerOrganization, Confidence: 0.8}, true
		}
	}
	if (kind == "" || kind == claimtrail.SpeakerPerson) && len(ent.titles) == 0 && ent.gender == 0 && nameLen >= 2 && r.theBeforeName(ent.name) {
		// "the Federal Reserve said", "the Countryside Alliance": no
		// one writes "the" before a person's name; a document or a work
		// so named ("the Household Survey", "The Da Vinci Code") is
		// described by its name
		kind = claimtrail.SpeakerOrganization
		if f := sharedFields(r.lower(ent.name)); namedDocument(f[len(f)-1]) {
			kind = claimtrail.SpeakerDescription
		}
	}
	if (kind == "" || kind == claimtrail.SpeakerPerson) && nameLen <= 3 && len(ent.titles) == 0 && ent.gender == 0 && genderOfName(ent.name) == 0 &&
		!FirstName(sharedFields(ent.name)[0]) && !r.personSigns(nm.ent) && r.itsLater(nm.ent) {
		// "Age Concern argued ... . Its director": a body's "its"
		kind = claimtrail.SpeakerOrganization
	}
	if (kind == "" || kind == claimtrail.SpeakerPerson) && len(ent.titles) == 0 && ent.gender == 0 && places()[r.lower(ent.name)] && genderOfName(ent.name) == 0 {
		// a place speaks for its government: "South Africa said"
		kind = claimtrail.SpeakerOrganization
	}
	if (kind == "" || kind == claimtrail.SpeakerPerson) && nameLen == 1 && len(ent.titles) == 0 && ent.gender == 0 && genderOfName(ent.name) == 0 &&
		!FirstName(ent.name) && r.singularName(ent.name) && properGroup(r.lower(ent.name)) && !r.personSigns(nm.ent) {
		// a name the lexicon has only for a body of people, never for
		// one person ("Europe says the euro has had enough", "Interpol
		// said"): a one-word name nothing in the article writes as a
		// person's
		kind = claimtrail.SpeakerOrganization
	}
	if (kind == "" || kind == claimtrail.SpeakerPerson) && (len(ent.titles) == 0 || isAcronym(ent.name) && !honorificTitled(ent.titles)) && ent.gender == 0 && r.orgByForm(ent.name) {
		// "Acme LLC", "Celebrity Online", "the FSF": a company suffix, an
		// outlet's word or an acronym nobody in the article has for
		// initials
		kind = claimtrail.SpeakerOrganization
	}
	if (kind == "" || kind == claimtrail.SpeakerPerson) && nameLen == 1 && len(ent.titles) == 0 && ent.gender == 0 && r.pluralVerbAfter(ent.name) {
		// a plural verb after the name alone says a team or a firm even
		// when the name is also a given name ("Chelsea have yet to
		// confirm"): one person so named "has"
		kind = claimtrail.SpeakerOrganization
	}
	if (kind == "" || kind == claimtrail.SpeakerPerson) && namedParty(r.lower(ent.name)) {
		// "the Liberal Democrats say": a party by name
		kind = claimtrail.SpeakerOrganization
	}
	if (kind == "" || kind == claimtrail.SpeakerPerson) && nameLen <= 3 && len(ent.titles) == 0 && ent.gender == 0 && genderOfName(ent.name) == 0 &&
		!FirstName(sharedFields(ent.name)[0]) && (r.orgEvidence(ent.name) || nm.tok+nameLen == e && e < len(r.d.Tokens) && pluralCues[r.lowTok(e)] && r.singularName(ent.name)) {
		// a name without a given name, with shares, profits or an analyst
		// "at" it: "Gartner said", "Apple said", "budget airline Virgin
		// Blue"; or that takes a plural verb, as British English writes
		// bodies and no one writes a person ("Sepa predict", "Ofcom say")
		kind = claimtrail.SpeakerOrganization
	}
	if (kind == "" || kind == claimtrail.SpeakerPerson) && nameLen <= 2 && genderOfName(ent.name) == 0 && !FirstName(sharedFields(ent.name)[0]) &&
		!personTitled(ent.titles) && (r.singularName(ent.name) && (r.itsAfter(ent.name) || nameLen == 1 && r.theBefore(ent.name) || r.orgEvidence(ent.name)) ||
		r.notPeopleWordLast(ent.name) && r.itAfter(ent.name)) {
		// "Apple said its sales rose": no one writes "its" of a person
		// (a "he" wrongly given to the name before, or a title word seen
		// near it, does not outweigh that)
		kind = claimtrail.SpeakerOrganization
	}
	if (kind == "" || kind == claimtrail.SpeakerPerson) && nameLen == 2 && len(ent.titles) == 0 && ent.gender == 0 && genderOfName(ent.name) == 0 &&
		r.placeFirst(ent.name) && r.singularName(ent.name) {
		// "Scotland Yard confirmed", "Downing Street said": a place and
		// one more word, no given name, is an institution there, not a
		// person (a place that is also a given name, "Paris Hilton",
		// "Jordan Peterson", is left)
		kind = claimtrail.SpeakerOrganization
	}
	if kind == "" || kind == claimtrail.SpeakerPerson && nameLen == 1 && ent.gender == 0 && r.peopleWord(r.lower(ent.name)) {
		kind = claimtrail.SpeakerPerson
		if nameLen == 1 && r.peopleWord(r.lower(ent.name)) {
			// "Tories", "MPs", "Democrats": a capitalised word for people;
			// one only ever capitalised at a sentence's start is a common
			// noun ("Analysts said", "Critics claim")
			if r.onlySentenceInitial(nm.ent) && !r.properPlural(ent.name) {
				// with what it is of: "Members of the church", not
				// "Members"
				name := ent.name
				if k := nm.tok + nameLen; k+1 < e && (r.lowTok(k) == "of" || r.lowTok(k) == "in") {
					name = r.text(s, e)
				}
				return Speaker{Name: name, Kind: claimtrail.SpeakerDescription, Confidence: 0.6}, true
			}
			kind = claimtrail.SpeakerGroup
		} else if nameLen == 1 && isPlural(r.lower(ent.name)) && nm.tok == r.d.Sents[r.d.Tokens[nm.tok].Sent].First {
			// a capitalised plural opening a sentence, never written
			// with a first name: "Analysts said" (a lone "Jones said"
			// that opens a sentence is misread the same way)
			kind = claimtrail.SpeakerGroup
		}
	}
	if kind == claimtrail.SpeakerPerson && nameLen == 1 && ent.gender == 0 && len(ent.titles) == 0 && genderOfName(ent.name) == 0 &&
		r.d.Tokens[nm.tok].POS == "NN" && r.onlySentenceInitial(nm.ent) && (r.d.Sents[nm.sent].Para > 0 || r.writtenLower(nm.tok)) {
		// "Speculation suggests", "Research shows": a common noun the
		// tagger reads as one, capitalised only by the sentence it
		// opens, is no one's name (in the headline, where a company's
		// name may stand alone, only a word the body writes in lower
		// case: "Winemaker rejects offer")
		return Speaker{Name: ent.name, Kind: claimtrail.SpeakerDescription, Confidence: 0.4}, true
	}
	if sp, ok := r.ownedOffice(s, nm.tok, ent.name); ok {
		return sp, true
	}
	conf := 0.95
	if nameLen == 1 && kind == claimtrail.SpeakerPerson {
		conf = 0.7 // a surname alone, never written in full
	} else if !strings.EqualFold(strings.Join(fields(r.text(nm.tok, end)), " "), ent.name) {
		conf = 0.9 // a short form of a full name written elsewhere
	}
	return Speaker{Name: ent.name, Kind: kind, Confidence: conf}, true
}

// otherBareOffice returns the token of a bare "the <office>" of a
// one-holder office other than key, outside quotes, in the sentence of
// token p (before it) or the two before that ("the prime minister went
// back on a pledge" before "The chancellor has said"), or -1.
func (r *resolver) otherBareOffice(p int, key string) int {
	toks := r.d.Tokens
	first := r.d.Sents[max(0, toks[p].Sent-2)].First
	for k := p - 1; k >= first; k-- {
		if r.lowTok(k) != "the" || toks[k].Quote != 0 {
			continue
		}
		for e := k + 2; e <= k+4 && e < p; e++ {
			if other, ok := r.bareOffice(k, e); ok && other != key &&
				(r.endsNounPhrase(e) || toks[e].POS == "" && (prepositions[r.lowTok(e)] || itReporters[r.lowTok(e)] || r.verbAt(e))) {
				return k
			}
		}
	}
	return -1
}

// officeOfThenName reports whether the words before the name at tok are
// a lower-case office with its "of" phrase, the name right after them
// ("Spain's minister of sport Jaime Lissavetzky", "the head of
// communications Ann Lee"): the name is the office holder's, not the
// object of "of" ("defenders of Trump", "a critic of president Bill
// Clinton" keep theirs).
func (r *resolver) officeOfThenName(s, tok int) bool {
	toks := r.d.Tokens
	of := -1
	for k := s; k < tok; k++ {
		if r.lowTok(k) == "of" {
			of = k
		}
	}
	if of <= s || of+1 >= tok || !titleWords[r.lowTok(of-1)] || isCap(toks[of-1].Text) {
		return false
	}
	for k := of + 1; k < tok; k++ {
		if lw := r.lowTok(k); isCap(toks[k].Text) || isPunct(toks[k].Text) || prepositions[lw] || titleWords[lw] && k == tok-1 {
			return false
		}
	}
	return true
}

// plainPersonName reports whether a name of two words or more opens with
// its given name, or has none known after its first word: "Jaime
// Lissavetzky", not "Unison Dave Prentis" (a body's name run into the
// person's).
func plainPersonName(name string) bool {
	f := sharedFields(name)
	if len(f) < 2 {
		return false
	}
	if FirstName(f[0]) {
		return true
	}
	for _, w := range f[1:] {
		if FirstName(w) {
			return false
		}
	}
	return true
}

// ownedOffice returns the organisation named by whose it is, for a name
// that is one organisation word after a possessive of capitalised words
// in [s, ...): "the Information Commissioner's Office", "the Special
// Counsel’s Office", "the Musicians' Union" (the mention holds only
// "Office").
func (r *resolver) ownedOffice(s, tok int, name string) (Speaker, bool) {
	toks := r.d.Tokens
	if countFields(name) != 1 || !orgWords[r.lower(name)] || tok-2 < s || toks[tok-1].POS != "POS" || !isCap(toks[tok-2].Text) {
		return Speaker{}, false
	}
	k := tok - 2
	for k > s && isCap(toks[k-1].Text) && !isDeterminer(r.lowTok(k-1)) && !isPunct(toks[k-1].Text) {
		k--
	}
	return Speaker{Name: r.text(k, tok+1), Kind: claimtrail.SpeakerOrganization, Confidence: 0.8}, true
}

func fields(s string) []string { return sharedFields(s) }

// longInitials reports whether name is one word of capital letters (and
// digits) that is no person's: an organisation's initials ("NAACP",
// "ICE", "UN", "P2P"). Well-known initials of one person ("JFK") and two
// letters ending in J ("AJ", "TJ": nicknames) may be a person's.
func longInitials(name string) bool {
	if len(name) == 3 && personInitials[name] || len(name) == 2 && name[1] == 'J' {
		return false
	}
	if len(name) < 2 || name[0] < 'A' || name[0] > 'Z' {
		return false
	}
	for _, c := range name {
		if (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

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

// singularOfHead reports whether the words before the name at tok open
// with a lower-case singular noun and "of" ("The star of Rain Man and
// Tootsie", "the author of Hope and Fear"): one person described by the
// works named after "of", whatever "and" joins there; no group of them.
func (r *resolver) singularOfHead(s, tok int) bool {
	for k := s + 1; k < tok; k++ {
		if r.lowTok(k) != "of" {
			continue
		}
		h := r.d.Tokens[k-1].Text
		return h == strings.ToLower(h) && !isPlural(h) && (personNouns()[h] || roleWords[h] || titleWords[h])
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
	head := r.lowTok(e - 1)
	var mods []string
	for k := s; k < e-1; k++ {
		mods = append(mods, r.lowTok(k))
	}
	return r.nominalAs(s, e, head, mods)
}

// nominalAs is nominal for the description [s, e) read as head with
// modifiers mods ("the PM" is read as "prime minister").
func (r *resolver) nominalAs(s, e int, head string, mods []string) Speaker {
	toks := r.d.Tokens
	if (titleWords[head] && !orgWords[head]) || head == "leader" || head == "candidate" || head == "nominee" {
		// the latest matching mention before s (the first of those at
		// its token), searched back from s
		bestEnt, bestTok := -1, -1
		first := -1 // no entity has the title: nothing to search back for
		if r.anyTitled(head, mods) {
			first = r.lastActive(r.before(s) - 1)
		}
		// "the Tory leader": when someone is written "Tory leader X",
		// only they are (a bare "leader" matches any titled person)
		party := ""
		if head == "leader" && first >= 0 {
			for _, m := range mods {
				if !titleWords[m] && m != "former" {
					party = m
				}
			}
		}
		var partyLeaders map[int]bool
		if party != "" {
			partyLeaders = r.ledAs(party, first)
		}
		// a mention after a preposition is talked about ("an attack on
		// the asylum system under Tony Blair. The Tory leader said"): a
		// matching one elsewhere in its sentence comes first
		talkedAbout, talkedSent := -1, -1
		for i := first; i >= 0; i = r.lastActive(i - 1) {
			nm := r.mentions[i]
			if bestEnt >= 0 && nm.tok < bestTok || nm.sent < toks[s].Sent-nominalReach {
				break
			}
			if talkedAbout >= 0 && nm.sent != talkedSent {
				break
			}
			ent := r.ents[nm.ent]
			if ent.kind == claimtrail.SpeakerOrganization || partyLeaders != nil && !partyLeaders[nm.ent] {
				continue
			}
			if e > s && r.lowTok(e-1) == head && !isCap(toks[e-1].Text) && r.notOfficeHolder(r.officeKey(e-1), nm.ent, toks[s].Sent) {
				continue // "between the chancellor and Tony Blair": not Blair
			}
			if matchesTitle(ent.titles, head, mods) {
				if talkedAbout < 0 && partyLeaders == nil && r.talkedAbout(nm.tok) {
					talkedAbout, talkedSent = nm.ent, nm.sent
					continue
				}
				bestEnt, bestTok = nm.ent, nm.tok
			}
		}
		if bestEnt < 0 {
			bestEnt = talkedAbout
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

// nominalReach bounds how many sentences back nominal searches for a
// title's holder: an article of many unmatched titles is not read back
// to its start for each.
const nominalReach = 400

// ledAs returns the persons written "<party> leader <name>" (the party
// word right before "leader", right before the name) in the mentions up
// to index last, or nil for none.
func (r *resolver) ledAs(party string, last int) map[int]bool {
	var out map[int]bool
	for i := last; i >= 0; i = r.lastActive(i - 1) {
		nm := r.mentions[i]
		if nm.tok < 2 || r.ents[nm.ent].kind != claimtrail.SpeakerPerson {
			continue
		}
		if r.lowTok(nm.tok-1) == "leader" && r.lowTok(nm.tok-2) == party {
			if out == nil {
				out = map[int]bool{}
			}
			out[nm.ent] = true
		}
	}
	return out
}

// anyTitled reports whether some entity other than an organisation
// matches the title head with modifiers mods, so that a title no one in
// the article holds is not searched for back through every mention (a
// long article of "the president said" and no president). It is
// memoised per article: entities' titles and kinds are settled before
// sources are resolved.
func (r *resolver) anyTitled(head string, mods []string) bool {
	key := head + "\x00" + strings.Join(mods, " ")
	if v, ok := r.titled[key]; ok {
		return v
	}
	v := false
	// only entities seen with the head as a title can match ("leader":
	// any titled one); scanning every entity made articles of many names
	// quadratic
	candidates := r.byTitle[head]
	if head == "leader" {
		candidates = r.titledEnts
	}
	for _, i := range candidates {
		if r.ents[i].kind != claimtrail.SpeakerOrganization && matchesTitle(r.ents[i].titles, head, mods) {
			v = true
			break
		}
	}
	r.titled[key] = v
	return v
}

// matchesTitle: "president" matches an entity written as "President X";
// "leader" matches any titled person whose modifiers agree ("Russian").
func matchesTitle(titles []string, head string, mods []string) bool {
	has := func(w string) bool {
		for _, t := range titles {
			if t == w || fullTitle(t) == w {
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
	// a title's qualifier must be written too: "Vice President Joe Biden"
	// is not "the president", "Deputy Prime Minister" not "the prime
	// minister"
	for _, t := range titles {
		if titleQualifiers[t] && !slices.Contains(mods, t) {
			return false
		}
	}
	if head == "leader" {
		return len(titles) > 0
	}
	return has(head)
}

// previousSubject returns the person whose name opens the sentence
// before token p's, a sentence of narration with no quote in it, when
// no other person is named there or before p in its own sentence
// ("When Lleyton Hewitt shook his hand ..., the Australian said" is
// Hewitt's, whoever the sentence before was about): sport and foreign news introduce a
// speaker so and then vary the name ("Roddick was left frustrated after
// losing both his singles. “...,” said the American", with the coach
// who spoke before nearer to "he said" than to a description).
func (r *resolver) previousSubject(p int, gender byte) (Speaker, bool) {
	toks := r.d.Tokens
	sent := toks[p].Sent
	if sent == 0 {
		return Speaker{}, false
	}
	prev := r.d.Sents[sent-1]
	for t := prev.First; t < prev.Last && t < len(toks); t++ {
		if toks[t].Quote != 0 {
			return Speaker{}, false
		}
	}
	found := -1
	for i := r.before(prev.First); i < len(r.mentions) && r.mentions[i].tok < p; i++ {
		nm := r.mentions[i]
		if nm.ent < 0 {
			continue
		}
		if f := sharedFields(r.lower(r.ents[nm.ent].name)); len(f) > 1 && placeEnds[f[len(f)-1]] {
			continue // "Seville's Olympic Stadium": a place, whatever its kind
		}
		if ent := r.ents[nm.ent]; ent.kind == claimtrail.SpeakerPerson {
			if nm.sent == sent && found >= 0 && found != nm.ent && r.prepositionBeforeName(nm.tok) {
				// a person talked about in the description's own
				// sentence ("Reacting to a comment by chairman Tim
				// Phillips, the American said") is not who it is
				continue
			}
			if found >= 0 && found != nm.ent || nm.tok != prev.First && found < 0 && !r.subjectAfterTitles(prev.First, nm.tok, ent.name) {
				return Speaker{}, false // another person, or the first not the subject
			}
			found = nm.ent
		}
	}
	if found < 0 {
		return Speaker{}, false
	}
	ent := r.ents[found]
	if gender != 0 && (ent.gender != 0 && ent.gender != gender || ent.gender == 0 && genderOfName(ent.name) != 0 && genderOfName(ent.name) != gender) {
		return Speaker{}, false
	}
	return Speaker{Name: ent.name, Kind: claimtrail.SpeakerPerson, Confidence: 0.6}, true
}

// subjectAfterTitles reports whether the name at tok, after words that
// open its sentence at first, is the sentence's subject all the same:
// no other name before it, no comma or verb between, and a verb right
// after it ("World number one Lindsay Davenport has criticised").
func (r *resolver) subjectAfterTitles(first, tok int, name string) bool {
	toks := r.d.Tokens
	if tok-first > 5 {
		return false
	}
	for k := first; k < tok; k++ {
		if isPunct(toks[k].Text) || strings.HasPrefix(toks[k].POS, "VB") || toks[k].Quote != 0 || prepositions[r.lowTok(k)] {
			return false
		}
	}
	for i := r.before(first); i < len(r.mentions) && r.mentions[i].tok < tok; i++ {
		if nm := r.mentions[i]; nm.ent >= 0 && r.ents[nm.ent].kind == claimtrail.SpeakerPerson {
			return false
		}
	}
	v := tok + countFields(name)
	if v >= len(toks) || toks[v].Sent != toks[tok].Sent {
		return false
	}
	return auxiliary[r.lowTok(v)] || r.lowTok(v) == "has" || r.lowTok(v) == "have" || toks[v].POS == "VBD" || toks[v].POS == "VBZ" || toks[v].POS == "MD"
}

// openingClauseSubject returns the person named as the subject of a
// clause of time or reason that opens the sentence of token p, right
// after its "when" or "as" ("When Lleyton Hewitt shook his hand after
// another thrashing, the Australian said"), when no other person is
// named in the sentence before p: sport and foreign news name the
// speaker so and vary the name in the main clause.
func (r *resolver) openingClauseSubject(p int, gender byte, keep func(*entity) bool) (Speaker, bool) {
	toks := r.d.Tokens
	first := r.d.Sents[toks[p].Sent].First
	o := first
	if lw := r.lowTok(o); lw == "but" || lw == "and" || lw == "yet" {
		o++
	}
	if o >= p || !leadingSubordinators[r.lowTok(o)] || p < 1 || toks[p-1].Text != "," && r.lowTok(p-1) != "the" {
		return Speaker{}, false
	}
	found := -1
	for i := r.before(o); i < len(r.mentions) && r.mentions[i].tok < p; i++ {
		nm := r.mentions[i]
		if nm.ent < 0 || r.ents[nm.ent].kind != claimtrail.SpeakerPerson {
			continue
		}
		if found >= 0 && found != nm.ent || found < 0 && (nm.tok != o+1 || toks[nm.tok].Quote != 0) {
			return Speaker{}, false
		}
		found = nm.ent
	}
	if found < 0 {
		return Speaker{}, false
	}
	ent := r.ents[found]
	if g := r.entGender(found); gender != 0 && g != 0 && g != gender || keep != nil && !keep(&ent) {
		return Speaker{}, false
	}
	return Speaker{Name: ent.name, Kind: claimtrail.SpeakerPerson, Confidence: 0.6}, true
}

// prepositionBeforeName reports whether the name at tok is the object
// of a preposition a few words before it, over capitalised words and
// titles ("by All England Club chairman Tim Phillips").
func (r *resolver) prepositionBeforeName(tok int) bool {
	toks := r.d.Tokens
	for k := tok - 1; k >= 0 && k >= tok-6 && toks[k].Sent == toks[tok].Sent; k-- {
		switch lw := r.lowTok(k); {
		case prepositions[lw]:
			return true
		case isCap(toks[k].Text) || titleWords[lw] || roleWords[lw] || isDeterminer(lw):
			continue
		}
		return false
	}
	return false
}

// itsDocument resolves "its report", "its latest estimate" to the
// organisation "its" stands for, the one that spoke last, in its
// sentence or the two before: a body's own document says what the body
// says ("The Sri Lanka Banks Association said ... According to its
// estimate, ..."), and a later "it said" goes on with the body, not with
// the document.
func (r *resolver) itsDocument(m Mention) (Speaker, bool) {
	if m.End-m.Start < 2 || m.End-m.Start > 4 || r.lowTok(m.Start) != "its" || !documentNouns[r.lowTok(m.End-1)] {
		return Speaker{}, false
	}
	for k := m.Start + 1; k < m.End-1; k++ {
		if isCap(r.d.Tokens[k].Text) || isPunct(r.d.Tokens[k].Text) {
			return Speaker{}, false
		}
	}
	// the organisation that spoke last, in this sentence or the two
	// before
	if len(r.sources) == 0 {
		return Speaker{}, false
	}
	src := r.sources[len(r.sources)-1]
	if src.sp.Kind != claimtrail.SpeakerOrganization || src.sp.Name == "" || src.tok >= m.Start || r.d.Tokens[src.tok].Sent < r.d.Tokens[m.Start].Sent-2 {
		return Speaker{}, false
	}
	return Speaker{Name: src.sp.Name, Kind: claimtrail.SpeakerOrganization, Confidence: 0.6}, true
}

// dottedCapitals reports whether w is initials written with points,
// two letters or more: "U.S.", "U.K.", "U.A.E." (not an initial, "J.").
func dottedCapitals(w string) bool {
	if len(w) < 4 || len(w)%2 != 0 {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'A' || w[i] > 'Z' || w[i+1] != '.' {
			return false
		}
	}
	return true
}

// nationalityNoun reports whether w (lower-case lw) names one person by
// nationality: "American", "Briton", "Frenchman" (not "British" or
// "Chinese", which name a people).
func nationalityNoun(w, lw string) bool {
	if !isCap(w) {
		return false
	}
	switch lw {
	case "briton", "scot", "spaniard", "swede", "dane", "finn", "pole", "kiwi", "aussie", "swiss", "dutchman",
		"frenchman", "englishman", "welshman", "irishman", "scotsman",
		"argentine", "greek", "thai", "czech", "croat", "serb", "slovak", "filipino", "cypriot", "israeli", "iraqi", "pakistani", "saudi", "somali":
		return true
	}
	return nationalities[lw] && (strings.HasSuffix(lw, "an") || strings.HasSuffix(lw, "ian"))
}

// wordIn reports whether lower-case word w is one of tokens s..e-1.
// partyAfterAnd reports whether an "and" in [s, e) joins another party:
// a title, a given name or a lower-case word follows it ("of Global
// Britain and Councillor Brendan Chilton", "and other union bosses"),
// not the rest of a firm's name ("of Shearman and Sterling").
func (r *resolver) partyAfterAnd(s, e int) bool {
	for k := s; k+1 < e; k++ {
		if r.lowTok(k) != "and" {
			continue
		}
		next := r.d.Tokens[k+1].Text
		if !isCap(next) || titleWords[r.lowTok(k+1)] || Honorific(next) || genderOfWord(r.lowTok(k+1)) != 0 {
			return true
		}
	}
	return r.lowTok(e-1) == "and"
}

func (r *resolver) wordIn(s, e int, w string) bool {
	for k := s; k < e; k++ {
		if r.lowTok(k) == w {
			return true
		}
	}
	return false
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

// withOwner moves the start s of a noun phrase ending at k back over its
// owner's name when the phrase opens with, or just after, a possessive
// ending ("Harlow's own traffic studies, which", "Brussels' own impact
// studies, which"): a phrase cut after "'s" is a fragment.
func (r *resolver) withOwner(s, k int) int {
	toks := r.d.Tokens
	mark := -1
	switch {
	case s < k && possessive(toks[s].Text):
		mark = s
	case s > 0 && possessive(toks[s-1].Text):
		mark = s - 1
	default:
		return s
	}
	o := mark
	for o > 0 && mark-o < 3 && toks[o-1].Sent == toks[k].Sent && isCap(toks[o-1].Text) {
		o--
	}
	if o == mark {
		return mark + 1 // no name owns it: the phrase after the mark
	}
	return o
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
		if sp, ok := r.peopleBeforePhrase(p, k); ok {
			return sp
		}
		if lw := r.lowTok(p); (lw == "who" || lw == "whom") && k > 0 && !isCap(toks[k].Text) && !isPunct(toks[k].Text) &&
			r.pluralPersonNoun(r.lowTok(k)) {
			// "former Obama administration officials who said": the
			// officials, not the name inside the phrase (a phrase with no
			// name goes on below)
			s := k
			for s > 0 && k-s < 6 && toks[s-1].Sent == toks[k].Sent && !isPunct(toks[s-1].Text) && !isDeterminer(r.lowTok(s-1)) &&
				!prepositions[r.lowTok(s-1)] && !nameOpeners[r.lowTok(s-1)] && !leadingSubordinators[r.lowTok(s-1)] &&
				!auxiliary[r.lowTok(s-1)] && !strings.HasPrefix(toks[s-1].POS, "VB") {
				s--
			}
			for c := s; c < k; c++ {
				if isCap(toks[c].Text) {
					return r.group(s, k+1)
				}
			}
		}
		if lw := r.lowTok(p); (lw == "who" || lw == "whom") && k > 0 && !isCap(toks[k].Text) && !isPunct(toks[k].Text) &&
			personNouns()[r.lowTok(k)] && !isPlural(r.lowTok(k)) {
			// "a former Republican National Committee new media aide
			// who": the aide, not the committee named inside the phrase
			s := k
			for s > 0 && k-s < 6 && toks[s-1].Sent == toks[k].Sent && !isPunct(toks[s-1].Text) && !isDeterminer(r.lowTok(s-1)) &&
				!prepositions[r.lowTok(s-1)] && !auxiliary[r.lowTok(s-1)] && !strings.HasPrefix(toks[s-1].POS, "VB") {
				s--
			}
			// "Amber Guyger, the police officer who": the name in
			// apposition before the description
			c := s
			if c > 0 && isDeterminer(r.lowTok(c-1)) {
				c--
			}
			// (and its owner: "Bradley McVay, DOS’ interim general
			// counsel, who")
			if c > 2 && (toks[c-1].Text == "'s" || toks[c-1].Text == "’s" || toks[c-1].Text == "’" || toks[c-1].Text == "'") && isCap(toks[c-2].Text) {
				c--
				for c > 1 && isCap(toks[c-1].Text) && toks[c-1].Sent == toks[k].Sent {
					c--
				}
			}
			if c > 1 && toks[c-1].Text == "," {
				if i := r.lastActive(r.before(c-1) - 1); i >= 0 {
					nm := r.mentions[i]
					ent := r.ents[nm.ent]
					if ent.kind == claimtrail.SpeakerPerson && nm.tok+countFields(ent.name) >= c-1 && nm.tok < c-1 {
						return Speaker{Name: ent.name, Kind: claimtrail.SpeakerPerson, Confidence: 0.8}
					}
				}
			}
			// "The congressman, who described the incident as": a
			// definite description is the person the article is about
			if c := s - 1; c >= 0 && isDeterminer(r.lowTok(c)) {
				if sp, ok := r.definitePerson(s, k+1, c); ok {
					return sp
				}
			}
			return Speaker{Name: r.text(s, k+1), Kind: claimtrail.SpeakerDescription, Confidence: 0.5}
		}
		limit := k - 5
		for i := r.lastActive(r.before(k+1) - 1); i >= 0; i = r.lastActive(i - 1) {
			nm := r.mentions[i]
			if nm.tok > k {
				continue
			}
			if lw := r.lowTok(p); lw != "who" && lw != "whom" && k >= 0 && !isCap(toks[k].Text) && !isPunct(toks[k].Text) {
				break // "an article from New York that": the noun before is no name
			}
			if nm.tok >= limit && toks[nm.tok].Sent == toks[p].Sent {
				ent := r.ents[nm.ent]
				if lw := r.lowTok(p); (lw == "who" || lw == "whom") && nm.tok > 1 && limit == k-5 && r.placeAfterName(i) {
					// a place after the person: "Sheriff Joe Arpaio of
					// Maricopa County, Ariz., who" is the sheriff, when a
					// person's name stands just before the place
					if j := r.lastActive(i - 1); j >= 0 {
						if pm := r.mentions[j]; pm.tok >= nm.tok-8 && toks[pm.tok].Sent == toks[p].Sent && r.ents[pm.ent].kind != claimtrail.SpeakerOrganization &&
							countFields(r.ents[pm.ent].name) >= 2 {
							limit = nm.tok - 8
							continue
						}
					}
					if sp, ok := r.roleAppositionHead(nm.tok, p); ok {
						return sp
					}
				}
				if r.partyDescription(ent.name) {
					break // "a senior Conservative who": a description
				}
				if lw := r.lowTok(p); lw == "who" || lw == "whom" {
					if first, ok := r.personListBefore(i, p); ok {
						// "Senators Ann Vell, Tam Dorsey and Joe Pike, who have
						// all said": all of them
						return Speaker{Name: r.text(first, k+1), Kind: claimtrail.SpeakerGroup, Confidence: 0.7}
					}
				}
				kd := ent.kind
				if kd == "" {
					kd = claimtrail.SpeakerPerson
				}
				return Speaker{Name: ent.name, Kind: kd, Confidence: 0.85}
			}
			break
		}
		// "officials, who" → the plural noun phrase (not a time: "not
		// seen for over twenty years, who" is someone named before)
		if k >= 0 && (strings.HasSuffix(r.lowTok(k), "s") || irregularPlural[r.lowTok(k)]) && !isCap(toks[k].Text) && !timeSpan(r.lowTok(k)) {
			s := k
			// not past a preposition: "the point of contention for
			// Democratic lawmakers who" is the lawmakers
			// nor past a verb: "The mayor met three farmers who" is the
			// farmers
			for s > 0 && !isPunct(toks[s-1].Text) && !isDeterminer(r.lowTok(s-1)) && !prepositions[r.lowTok(s-1)] &&
				!strings.HasPrefix(toks[s-1].POS, "VB") && !auxiliary[r.lowTok(s-1)] && !groupStops[r.lowTok(s-1)] && toks[s-1].Sent == toks[k].Sent && k-s < 3 {
				s--
			}
			s = r.withOwner(s, k)
			return Speaker{Name: r.text(s, k+1), Kind: claimtrail.SpeakerGroup, Confidence: 0.6}
		}
		// "an article by New York magazine that claimed", "Netanyahu's
		// Likud party, which tried ... by saying": the noun phrase before
		// (a thing or a body, described)
		if lw := r.lowTok(p); (lw == "which" || lw == "that") && k >= 0 && strings.HasPrefix(toks[k].POS, "NN") && !isCap(toks[k].Text) && !temporal[r.lowTok(k)] &&
			toks[k].Sent == toks[p].Sent && (k == p-1 || k == p-2 && toks[p-1].Text == ",") {
			s := k
			for s > 0 && k-s < 4 && toks[s-1].Sent == toks[k].Sent && !isPunct(toks[s-1].Text) && !isDeterminer(r.lowTok(s-1)) && !prepositions[r.lowTok(s-1)] &&
				!strings.HasPrefix(toks[s-1].POS, "VB") && !auxiliary[r.lowTok(s-1)] {
				s--
			}
			if s < k || isCap(toks[s].Text) {
				return Speaker{Name: r.text(s, k+1), Kind: claimtrail.SpeakerDescription, Confidence: 0.4}
			}
		}
		return unknown(toks[p].Text)
	case "m", "f":
		return r.personPronoun(p, kind[0])
	case "p":
		return r.pluralPronoun(p)
	case "n":
		if sp, ok := r.itSpeaker(p); ok {
			return sp
		}
		if sp, ok := r.itSubject(p); ok {
			return sp
		}
	}
	return unknown(toks[p].Text)
}

// itSubject gives "it" the organisation named as the subject of a verb
// in its sentence or the one before ("Consumer goods giant Unilever is
// to merge its boards ... It blamed the results on", "T-Mobile also said
// it would add ... it announced"), when no source before it answered.
func (r *resolver) itSubject(p int) (Speaker, bool) {
	toks := r.d.Tokens
	if r.lowTok(p) != "it" || p+1 < len(toks) && (auxiliary[r.lowTok(p+1)] || copulas[r.lowTok(p+1)]) {
		return Speaker{}, false
	}
	sent := toks[p].Sent
	// an organisation that is the subject of a verb in the pronoun's own
	// sentence is its antecedent ("Even sports car maker Porsche may join
	// the race, although it insists"); else an organisation or group that
	// spoke just before is the extractor's to give (itFromContext), which
	// reads the attributions kept
	if sp, _, ok := r.itSubjectFrom(p, sent); ok && !r.trailingCue(p) { // ("..., Ireland and Malta would ..., it said": reported)
		return sp, true
	}
	prev, prevTok, prevOK := r.itSubjectFrom(p, sent-1)
	if prevOK && r.trailingCue(p) && toks[prevTok].Sent == sent {
		prevOK = false // (a name in what "..., it said" reports)
	}
	for i := len(r.sources) - 1; prevOK && i >= 0; i-- {
		// (a name after a source in its sentence is in what that source
		// reports: "The National Audit Office said although ..., the EU
		// still had no definition of fraud. It also expressed concern")
		if src := r.sources[i]; src.tok < prevTok && toks[src.tok].Sent == toks[prevTok].Sent {
			prevOK = false
		}
	}
	if !prevOK && sent > 0 {
		// a company's name the entity tagger missed, opening the
		// sentence before ("The Baltic Ferry Project Corp could now face
		// a fine. Last week, it denied ...")
		prev, prevTok, prevOK = r.companySubject(sent-1, p)
	}
	for i := len(r.sources) - 1; i >= 0; i-- {
		if src := r.sources[i]; src.tok < p {
			// (unless an organisation is the subject of a verb after it:
			// "Research by Earthlink and Webroot revealed that ... Before
			// now Microsoft has left the market ... It said")
			if toks[src.tok].Sent >= sent-2 && (src.sp.Kind == claimtrail.SpeakerOrganization || src.sp.Kind == claimtrail.SpeakerGroup) &&
				!(prevOK && toks[prevTok].Sent > toks[src.tok].Sent && prev.Name != src.sp.Name) {
				return Speaker{}, false
			}
			break
		}
	}
	if prevOK {
		return prev, true
	}
	// no name: a definite description of a body or a document that opens
	// its sentence or the one before as the subject of a verb ("The
	// company will have to persuade managers but it said", "The report is
	// published by ... It says")
	for s := sent; s >= sent-1 && s >= 0; s-- {
		if sp, ok := r.itDescription(s, p); ok {
			return sp, true
		}
	}
	for s := sent; s >= sent-1 && s >= 0; s-- {
		if sp, ok := r.itDocumentSubject(s, p); ok {
			return sp, true
		}
	}
	return Speaker{}, false
}

// partNouns name a piece of a document ("a key section of the cable").
var partNouns = wordSet("section sections part parts passage passages portion page pages paragraph paragraphs line lines excerpt excerpts")

// itDocumentSubject: a document that is the subject of a verb in
// sentence s (before token p), after the sentence's opening or the comma
// closing an opening phrase: "In addition to identifying ..., a key
// section of the cable, which remains classified, seemed to foreshadow
// the attack. | “...,” it said" is the cable's (a piece of a document
// speaks for the document).
func (r *resolver) itDocumentSubject(s, p int) (Speaker, bool) {
	toks := r.d.Tokens
	first, last := r.d.Sents[s].First, min(r.d.Sents[s].Last, p)
	for t := first; t < last; t++ {
		// a determiner that opens the sentence or follows its comma
		if !isDeterminer(r.lowTok(t)) || toks[t].Quote != 0 || t > first && toks[t-1].Text != "," {
			continue
		}
		h := t + 1
		for h < last && h < t+4 && (toks[h].POS == "JJ" || toks[h].POS == "NN" && !documentNouns[r.lowTok(h)] && !partNouns[r.lowTok(h)]) {
			h++
		}
		if h >= last || isCap(toks[h].Text) {
			continue
		}
		doc := h
		v := h + 1
		if partNouns[r.lowTok(h)] && v+1 < last && r.lowTok(v) == "of" {
			doc = v + 1
			if isDeterminer(r.lowTok(doc)) {
				doc++
			}
			v = doc + 1
		}
		if doc >= last || !documentNouns[r.lowTok(doc)] || isCap(toks[doc].Text) || isPlural(r.lowTok(doc)) {
			continue
		}
		if v < last && toks[v].Text == "," {
			// an aside on the document: ", which remains classified,"
			for v++; v < last && toks[v].Text != ","; v++ {
			}
			v++
		}
		if v = r.skipAdverbs(v, last); v < last && r.verbAt(v) {
			return Speaker{Name: r.lowTok(doc), Kind: claimtrail.SpeakerDescription, Confidence: 0.45}, true
		}
	}
	return Speaker{}, false
}

// itSubjectFrom returns the organisation, or lone capitalised word not
// known as a person's, named before p in sentences from first on that is
// the subject of a verb, the latest first, and the token it starts at.
func (r *resolver) itSubjectFrom(p, first int) (Speaker, int, bool) {
	toks := r.d.Tokens
	for i, n := r.lastActive(r.before(p)-1), 0; i >= 0 && n < 40; i, n = r.lastActive(i-1), n+1 {
		nm := r.mentions[i]
		if nm.sent < first {
			break
		}
		ent := r.ents[nm.ent]
		end := nm.tok + countFields(ent.name)
		// (a lone capitalised word not known as a person's is a company's
		// name: "Turkcell", "T-Mobile"; a lone "Office" is part of one)
		lone := ent.kind == "" && ent.gender == 0 && nm.tok != r.d.Sents[nm.sent].First && !isPlural(r.lower(ent.name)) &&
			!(strings.HasSuffix(ent.name, "s") && strings.ToUpper(ent.name[:len(ent.name)-1]) == ent.name[:len(ent.name)-1]) // "PCs"
		if !(ent.kind == claimtrail.SpeakerOrganization || lone) || toks[nm.tok].Quote != 0 ||
			r.afterPreposition(nm.tok) || end >= p || countFields(ent.name) == 1 && orgWords[r.lower(ent.name)] {
			continue
		}
		// (the verb tagged, or in a sentence the tagger skipped, an
		// auxiliary or a past tense: "the Countryside Alliance failed in
		// its attempt ... But it says")
		if v := r.skipAdverbs(end, p); v < p && (strings.HasPrefix(toks[v].POS, "VB") || toks[v].POS == "MD" || r.untaggedVerb(v) || toks[v].POS == "" && r.verbAt(v)) {
			return Speaker{Name: ent.name, Kind: claimtrail.SpeakerOrganization, Confidence: 0.5}, nm.tok, true
		}
	}
	return Speaker{}, -1, false
}

// executiveBody returns the body a capitalised name ending in
// "Executive" names ("the Scottish Executive", "The Health and Safety
// Executive"): a government or an agency, not an executive (a person is
// "Chief Executive Martin Sorrell", "Chief Executive of AOL UK"); and a
// station named by its number ("Radio 1 said").
func (r *resolver) executiveBody(s, e int) (Speaker, bool) {
	toks := r.d.Tokens
	k := s
	if r.lowTok(k) == "the" {
		k++
	}
	if e-k == 2 && (r.lowTok(k) == "radio" || r.lowTok(k) == "channel") && isCap(toks[k].Text) && channelNumber(r.lowTok(k+1)) {
		// "Radio 1 said", "Channel 4 said": a station
		return Speaker{Name: r.text(k, e), Kind: claimtrail.SpeakerOrganization, Confidence: 0.8}, true
	}
	if e-s < 2 || r.lowTok(e-1) != "executive" || !isCap(toks[e-1].Text) {
		return Speaker{}, false
	}
	if e-k < 2 || r.lowTok(k) == "chief" {
		return Speaker{}, false
	}
	for t := k; t < e-1; t++ {
		if lw := r.lowTok(t); !isCap(toks[t].Text) && lw != "and" && lw != "of" && lw != "for" {
			return Speaker{}, false
		}
	}
	return Speaker{Name: r.text(k, e), Kind: claimtrail.SpeakerOrganization, Confidence: 0.8}, true
}

// channelNumber reports whether lw numbers a station ("1", "4", "five").
func channelNumber(lw string) bool {
	switch lw {
	case "one", "two", "three", "four", "five":
		return true
	}
	return len(lw) <= 2 && allDigits(lw)
}

// companyNameBefore returns where a company's name starts when the
// source [s, e) is only its end after "and" ("China's Baoshan Iron and |
// Steel Co. said"): the source ends in a company suffix and capitalised
// words and "and" or "&" stand right before it. Else s.
func (r *resolver) companyNameBefore(s, e int) int {
	toks := r.d.Tokens
	if s < 2 || !companySuffixes[r.lowTok(e-1)] || !isCap(toks[s].Text) {
		return s
	}
	if w := toks[s-1].Text; w != "and" && w != "&" || !isCap(toks[s-2].Text) || toks[s-2].Sent != toks[s].Sent {
		return s
	}
	k := s - 2
	for k > 0 && k > s-6 && isCap(toks[k-1].Text) && toks[k-1].Sent == toks[s].Sent && !isDeterminer(r.lowTok(k-1)) {
		k--
	}
	return k
}

// collectiveNouns are singular nouns for several people that a "they"
// goes on with ("Steinle's family has expressed ... They have both
// condemned", "The band said ... they").
var collectiveNouns = wordSet("family band couple pair duo trio")

// memberBodies are bodies whose members a list after "including" names.
var memberBodies = wordSet("group coalition committee panel delegation alliance caucus team")

// skipAdverbs returns the first token from k on, before p, that is no
// adverb, passing at most two ("T-Mobile also said", "The CIA
// desperately does not want"): where the subject's verb is.
func (r *resolver) skipAdverbs(k, p int) int {
	for n := 0; n < 2 && k < p && r.d.Tokens[k].POS == "RB"; n++ {
		k++
	}
	return k
}

// itDescription is the subject of sentence s, before token p, when it is
// "the" and a body or document ("The opposition", "the cable") followed
// by its verb.
func (r *resolver) itDescription(s, p int) (Speaker, bool) {
	toks := r.d.Tokens
	k := r.d.Sents[s].First
	if lw := r.lowTok(k); lw == "but" || lw == "and" || lw == "so" || lw == "yet" {
		k++
	}
	if k >= p || r.lowTok(k) != "the" {
		return Speaker{}, false
	}
	for h := k + 1; h < p && h < k+5; h++ {
		if isCap(toks[h].Text) || toks[h].Quote != 0 || isPunct(toks[h].Text) {
			return Speaker{}, false
		}
		if v := r.skipAdverbs(h+1, p); v >= p || !r.verbAt(v) {
			continue
		}
		if hw := r.lowTok(h); documentNouns[hw] || orgHeads[hw] || orgWords[hw] || itBodies[hw] {
			return Speaker{Name: r.text(k+1, h+1), Kind: claimtrail.SpeakerDescription, Confidence: 0.5}, true
		}
		return Speaker{}, false
	}
	return Speaker{}, false
}

// maxCompanyWords bounds the capitalised words companySubject reads.
const maxCompanyWords = 7

// companySubject returns the organisation whose capitalised name, ending
// in a company suffix or a body's word ("Corp", "Ltd", "Authority"),
// opens sentence s (after "The") as the subject of a verb before token p,
// and the token it starts at.
func (r *resolver) companySubject(s, p int) (Speaker, int, bool) {
	toks := r.d.Tokens
	k := r.d.Sents[s].First
	if k < p && r.lowTok(k) == "the" {
		k++
	}
	j := k
	for j < p && j < k+maxCompanyWords && isCap(toks[j].Text) && toks[j].Quote == 0 {
		j++
	}
	if j-k < 2 || j >= p || toks[j].Sent != s || !r.verbAt(j) {
		return Speaker{}, -1, false
	}
	if last := r.lowTok(j - 1); !companySuffixes[last] && !orgWords[last] {
		return Speaker{}, -1, false
	}
	return Speaker{Name: r.text(k, j), Kind: claimtrail.SpeakerOrganization, Confidence: 0.5}, k, true
}

// itBodies are bodies that news calls "it" beside orgWords and orgHeads.
var itBodies = wordSet("firm opposition business retailer maker manufacturer insurer lender operator regulator watchdog " +
	"charity bank organisation organization")

// personSource reports whether a source is a person: a named one, or a
// description headed by a person noun or role ("an embassy
// spokeswoman").
func (r *resolver) personSource(src sourceAt) bool {
	switch src.sp.Kind {
	case claimtrail.SpeakerPerson:
		return true
	case claimtrail.SpeakerDescription:
		h := r.head(src.tok, src.end)
		if h < 0 {
			return false
		}
		hw := r.lowTok(h)
		return personNouns()[hw] || roleWords[hw] || spokesWords[hw] || genderedNoun(hw) != 0
	}
	return false
}

// itSpeaker resolves "it" as a source to the source just before it when
// that is an organisation or a thing that speaks ("The lawsuit alleges
// ... It also claims", "said the radio station. It added"): news goes on
// with "it" for the organisation it has just quoted. Only the latest
// source within two sentences counts, and only when nothing else speaks
// between: a person or group quoted last leaves "it" unknown, and so
// does an "it" that opens a passive or a copula ("It was reported",
// "It is understood"), which names no one. (extract's itFromContext
// runs after this on what is still unknown, over all attributions, with
// an organisation or group named last; this one sees only sources, and
// descriptions too.)
func (r *resolver) itSpeaker(p int) (Speaker, bool) {
	toks := r.d.Tokens
	if r.lowTok(p) != "it" {
		return Speaker{}, false
	}
	if p+1 < len(toks) && (auxiliary[r.lowTok(p+1)] || copulas[r.lowTok(p+1)] || r.lowTok(p+1) == "has" && p+2 < len(toks) && r.lowTok(p+2) == "been") {
		return Speaker{}, false
	}
	sent := toks[p].Sent
	i := len(r.sources) - 1
	for i >= 0 && r.sources[i].tok >= p {
		i--
	}
	// people who spoke since are no "it": the thing that spoke before
	// them may be ("“...,” the message says. ..., an embassy
	// spokeswoman said. “...,” it says")
	for i > 0 && r.personSource(r.sources[i]) && toks[r.sources[i-1].tok].Sent >= sent-2 {
		i--
	}
	if i < 0 {
		return Speaker{}, false
	}
	src := r.sources[i]
	if toks[src.tok].Sent < sent-2 || src.sp.Name == "" {
		return Speaker{}, false
	}
	switch src.sp.Kind {
	case claimtrail.SpeakerOrganization:
		for k := src.tok; k < src.end; k++ {
			if spokesWords[r.lowTok(k)] || roleWords[r.lowTok(k)] {
				return Speaker{}, false // "A Conservative spokeswoman": she, not it
			}
		}
	case claimtrail.SpeakerDescription:
		if strings.ContainsAny(src.sp.Name, "\"“”") || countFields(src.sp.Name) > 6 {
			return Speaker{}, false // no noun phrase: a clause taken for the source
		}
		h := r.head(src.tok, src.end)
		if h < 0 {
			return Speaker{}, false
		}
		hw := r.lowTok(h)
		if personNouns()[hw] || roleWords[hw] || genderedNoun(hw) != 0 || isPlural(hw) || !canSpeak(hw) {
			return Speaker{}, false
		}
	default:
		return Speaker{}, false
	}
	// a name opening a sentence between is the subject "it" may go back
	// to ("a parliamentary report suggested ... South Korea moved to
	// steady the markets. It issued a statement")
	for i := r.lastActive(r.before(p) - 1); i >= 0; i = r.lastActive(i - 1) {
		nm := r.mentions[i]
		if nm.tok < src.end {
			break
		}
		if r.isSubject(nm.tok) && toks[nm.tok].Quote == 0 && r.ents[nm.ent].name != src.sp.Name &&
			!(isPlural(r.lower(r.ents[nm.ent].name)) && r.onlySentenceInitial(nm.ent)) { // "Officials in both countries are ..." is no name
			return Speaker{}, false
		}
	}
	// nor may it pass over an organisation before a verb in its own
	// sentence ("Even sports car maker Porsche may join the race,
	// although it insists")
	if sp, _, ok := r.itSubjectFrom(p, sent); ok && sp.Name != src.sp.Name && !r.trailingCue(p) {
		if k := r.lastActive(r.before(p) - 1); k >= 0 && r.mentions[k].tok >= src.end {
			return Speaker{}, false
		}
	}
	sp := src.sp
	sp.Confidence = min(sp.Confidence, 0.6)
	return sp, true
}

// personPronoun picks the most salient compatible person before p: recent
// sentences first, sources and sentence subjects preferred.
func (r *resolver) personPronoun(p int, gender byte) Speaker {
	if sp, ok := r.cataphoricName(p, gender); ok {
		return sp
	}
	if sp, ok := r.relativeSubject(p, gender); ok {
		return sp
	}
	if sp, ok := r.subordinateAntecedent(p, gender); ok {
		return sp
	}
	if sp, ok := r.quoteSpeakerGoesOn(p, gender); ok {
		return sp
	}
	if sp, ok := r.subjectDescription(p, gender); ok {
		return sp
	}
	if sp, ok := r.pronounAfterIntroduction(p, gender); ok {
		return sp
	}
	if sp, ok := r.subjectBeforeDash(p, gender); ok {
		return sp
	}
	if sp, ok := r.pronounAfterRelative(p, gender); ok {
		return sp
	}
	if sp, ok := r.describedSource(p, gender); ok {
		return sp
	}
	if sp, ok := r.leadInPerson(p, gender); ok {
		return sp
	}
	return r.salient(p, gender, nil)
}

// leadInPerson resolves the pronoun that says a quote opening its
// sentence ("“...,” he said") to the one person named in the sentence
// just before, in the same paragraph, when that sentence quotes no one,
// reports nothing and writes no pronoun of the person's gender: a lead-in
// that names who speaks next ("That did not satisfy Justice Vell. “If
// ...,” he said"), not the speaker quoted before it. A lead-in naming two
// people, or one of the other gender, is left to salience.
func (r *resolver) leadInPerson(p int, gender byte) (Speaker, bool) {
	toks := r.d.Tokens
	sent := toks[p].Sent
	if gender == 0 || sent == 0 || toks[p].Quote != 0 {
		return Speaker{}, false
	}
	first := r.d.Sents[sent].First
	if p-first < 3 || toks[first].Quote == 0 {
		return Speaker{}, false
	}
	for k := first; k < p; k++ {
		if toks[k].Quote == 0 && toks[k].Text != "," {
			return Speaker{}, false
		}
	}
	prev := r.d.Sents[sent-1]
	if prev.Para != r.d.Sents[sent].Para || prev.Last-prev.First > 15 {
		return Speaker{}, false
	}
	for k := prev.First; k < prev.Last; k++ {
		lw := r.lowTok(k)
		if toks[k].Quote != 0 || pronouns[lw] == string(gender) || lw == "said" || lw == "says" || lw == ":" {
			return Speaker{}, false
		}
	}
	one := -1
	for i := r.lastActive(r.before(prev.Last) - 1); i >= 0; i = r.lastActive(i - 1) {
		nm := r.mentions[i]
		if nm.tok < prev.First {
			break
		}
		if nm.isSource {
			return Speaker{}, false
		}
		if ent := r.ents[nm.ent]; ent.kind == claimtrail.SpeakerPerson || ent.gender != 0 {
			if one >= 0 && one != nm.ent {
				return Speaker{}, false
			}
			one = nm.ent
		}
	}
	if one < 0 {
		return Speaker{}, false
	}
	ent := r.ents[one]
	if ent.gender != 0 && ent.gender != gender {
		return Speaker{}, false
	}
	if g := genderOfName(ent.name); g != 0 && g != gender && !r.unisexGiven(ent.name) {
		return Speaker{}, false
	}
	if g := r.writtenGender(one); ent.gender == 0 && g != 0 && g != gender {
		return Speaker{}, false
	}
	if ent.gender == 0 && len(ent.titles) == 0 && genderOfName(ent.name) == 0 {
		return Speaker{}, false // nothing says the name is a person's
	}
	r.ents[one].gender = gender // (as salience marks whom it picks)
	return Speaker{Name: ent.name, Kind: claimtrail.SpeakerPerson, Confidence: 0.8}, true
}

// cataphoraOpeners open a phrase before a sentence's main clause whose
// "he" or "his" is the person the main clause then names: "Despite his
// claims that he punishes the guilty, it was Francis who reversed".
var cataphoraOpeners = wordSet("despite after before although though while since unlike like following")

// cataphoraReach bounds how far after the opening phrase's comma the main
// clause names the person.
const cataphoraReach = 6

// cataphoricName resolves a pronoun inside a phrase that opens its
// sentence ("Despite his claims ..., Francis", "Although he denied it,
// it was Francis who") to the one person the main clause names within a
// few words of the phrase's comma, outside quote marks and not after a
// preposition: news names the person right after such a phrase, and the
// one quoted in the paragraph before is not meant. No person named in
// the phrase before the pronoun, one of the other gender, or none.
func (r *resolver) cataphoricName(p int, gender byte) (Speaker, bool) {
	toks := r.d.Tokens
	if gender == 0 || toks[p].Quote != 0 {
		return Speaker{}, false
	}
	first := r.d.Sents[toks[p].Sent].First
	o := first
	if lw := r.lowTok(o); lw == "but" || lw == "and" || lw == "yet" {
		o++
	}
	if o >= p || !cataphoraOpeners[r.lowTok(o)] || p-o > 3 {
		return Speaker{}, false
	}
	comma := -1
	for k := p + 1; k < len(toks) && toks[k].Sent == toks[p].Sent; k++ {
		if toks[k].Quote != 0 {
			return Speaker{}, false
		}
		if toks[k].Text == "," {
			comma = k
			break
		}
	}
	if comma < 0 {
		return Speaker{}, false
	}
	for i := r.before(first); i < len(r.mentions) && r.mentions[i].tok < p; i++ {
		if nm := r.mentions[i]; nm.ent >= 0 && r.ents[nm.ent].kind == claimtrail.SpeakerPerson {
			return Speaker{}, false // a person named in the phrase before the pronoun
		}
	}
	for i := r.before(comma); i < len(r.mentions); i++ {
		nm := r.mentions[i]
		if nm.tok > comma+cataphoraReach || toks[nm.tok].Sent != toks[p].Sent {
			break
		}
		if nm.ent < 0 {
			continue
		}
		ent := r.ents[nm.ent]
		if ent.kind != claimtrail.SpeakerPerson || toks[nm.tok].Quote != 0 || r.afterPreposition(nm.tok) {
			return Speaker{}, false
		}
		g := ent.gender
		if g == 0 {
			g = genderOfName(ent.name)
		}
		if g != 0 && g != gender {
			return Speaker{}, false
		}
		return Speaker{Name: ent.name, Kind: claimtrail.SpeakerPerson, Confidence: 0.7}, true
	}
	return Speaker{}, false
}

// describedSource resolves a pronoun that opens its sentence to the
// source of the sentence before when that source is a description of the
// pronoun's gender and no name of that gender comes between ("The
// unidentified woman says the incident took place at a party ... She
// alleges" is the woman's, not a senator named earlier).
func (r *resolver) describedSource(p int, gender byte) (Speaker, bool) {
	toks := r.d.Tokens
	sent := toks[p].Sent
	if gender == 0 || sent == 0 {
		return Speaker{}, false
	}
	// the pronoun opens its sentence, or follows its quotation ("“...,”
	// she said") or the report it closes ("The sites shared tips, she
	// said."), whose names are not the pronoun's
	trailing := r.trailingCue(p)
	for k := r.d.Sents[sent].First; k < p && !trailing; k++ {
		if toks[k].Quote == 0 && !isPunct(toks[k].Text) {
			return Speaker{}, false
		}
	}
	for i := r.before(p) - 1; i >= 0 && i >= r.before(p)-200; i-- {
		nm := r.mentions[i]
		if nm.sent < sent-3 {
			break
		}
		if trailing && nm.sent == sent {
			continue
		}
		if nm.ent >= 0 {
			ent := r.ents[nm.ent]
			g := ent.gender
			if g == 0 {
				g = genderOfName(ent.name)
			}
			if ent.kind == claimtrail.SpeakerPerson && (g == gender || g == 0) && !r.nameModifies(nm) {
				return Speaker{}, false // a name between: left to salience
			}
			if !nm.isSource || ent.kind == claimtrail.SpeakerPerson || !isIndefinite(r.lowTok(nm.tok)) {
				continue // "The Tory spokesman" may be a person named before
			}
			// a source resolved to the organisation it speaks for ("A
			// Conservative spokeswoman"): its head may be the pronoun's
		}
		if !nm.isSource || nm.sent == sent {
			continue
		}
		if pr := r.lowTok(nm.tok); nm.ent < 0 && (gender == 'f' && pr == "she" || gender == 'm' && pr == "he") {
			continue // the same pronoun before, as the source of its own sentence: who it is goes further back
		}
		// the source's head: a noun of the pronoun's gender within its
		// first words ("The unidentified woman", "the boy's mother")
		for k := nm.tok; k < nm.tok+5 && k < p && toks[k].Sent == nm.sent; k++ {
			if isPunct(toks[k].Text) || strings.HasPrefix(toks[k].POS, "VB") {
				break
			}
			lw := r.lowTok(k)
			if (roleWords[lw] || officeWords[lw] && r.possessiveAt(nm.tok, k)) && genderedNoun(lw) == 0 && (k+1 >= len(toks) || !isCap(toks[k+1].Text)) {
				// a role the article gives no name: "The official said
				// the government has not decided. “...,” he said"
				if sp, ok := r.sourceAt(nm.tok); ok && sp.Kind == claimtrail.SpeakerDescription && toks[p].Quote == 0 && !r.personOutsideQuotes(nm.sent) {
					return sp, true // (not "Courtney Tolliver, 26, a teacher in the district")
				}
				continue
			}
			if genderedNoun(lw) != gender || k+1 < len(toks) && isCap(toks[k+1].Text) {
				continue
			}
			if spokesWords[lw] {
				// as that source resolves: "The BBC spokeswoman" speaks
				// for the BBC
				sp, ok := r.sourceAt(nm.tok)
				if !ok {
					sp = r.resolve(Mention{Start: nm.tok, End: k + 1})
				}
				return sp, sp.Kind != claimtrail.SpeakerUnknown
			}
			if lw != "man" && lw != "woman" && (strings.HasSuffix(lw, "man") || strings.HasSuffix(lw, "woman")) {
				return Speaker{}, false // "the former chairman" may be a person named with the title
			}
			// a person the article does not name: "a woman", "The
			// unidentified woman" ("The man" goes back to a name)
			unnamed := false
			if !isDeterminer(r.lowTok(nm.tok)) {
				return Speaker{}, false // no noun phrase of its own: "many as a pioneering woman"
			}
			for u := nm.tok; u < k; u++ {
				switch r.lowTok(u) {
				case "a", "an", "unidentified", "unnamed", "anonymous", "another":
					unnamed = true
				}
			}
			if !unnamed {
				return Speaker{}, false
			}
			s := nm.tok
			if isDeterminer(r.lowTok(s)) {
				s++
			}
			return Speaker{Name: r.text(s, k+1), Kind: claimtrail.SpeakerDescription, Confidence: 0.5}, true
		}
		if nm.ent >= 0 {
			continue // an organisation's source with no spokesperson of the pronoun's gender
		}
		if r.lowTok(nm.tok) == "who" && toks[p].Quote == 0 {
			// the relative after a role the article gives no name ("“...,”
			// said a club official, who declined to be named. “...,” he
			// added"): as the relative resolved, when no person but one
			// quoted or one that modifies ("a Juventus official") is
			// named in its sentence
			if sp, ok := r.sourceAt(nm.tok); ok && sp.Kind == claimtrail.SpeakerDescription && !r.personOutsideQuotes(nm.sent) {
				f := sharedFields(r.lower(sp.Name))
				if last := f[len(f)-1]; roleWords[last] && (genderedNoun(last) == 0 || genderedNoun(last) == gender) {
					return sp, true
				}
			}
		}
		return Speaker{}, false
	}
	return Speaker{}, false
}

// acronym reports whether token k is written in capitals among words
// that are not ("the WHO said", "US and EU officials"): an
// organisation's initials that spell a pronoun, not the pronoun.
func (r *resolver) acronym(k int) bool {
	toks := r.d.Tokens
	t := toks[k].Text
	if len(t) < 2 || strings.ToUpper(t) != t {
		return false
	}
	for _, n := range []int{k - 1, k + 1} {
		if n >= 0 && n < len(toks) && toks[n].Sent == toks[k].Sent && !isPunct(toks[n].Text) {
			if u := toks[n].Text; strings.ToUpper(u) == u {
				return false // a line in capitals: "HE SAID"
			}
		}
	}
	return true
}

// placeAfterName reports whether name mention i follows a preposition
// ("of Maricopa County") or a comma after a name that does ("of Maricopa
// County, Ariz."): a place, not whom a relative pronoun after it means.
func (r *resolver) placeAfterName(i int) bool {
	nm := r.mentions[i]
	name := r.ents[nm.ent].name
	if nm.tok < 1 || strings.HasSuffix(name, "s") || isCap(r.d.Tokens[nm.tok-1].Text) && r.flags(nm.tok-1)&(fTitle|fHonorific) != 0 {
		return false // "the ire of Justice Antonin Scalia who", "a group of Republicans who"
	}
	the := nm.tok >= 2 && r.lowTok(nm.tok-1) == "the"
	if f := sharedFields(name); len(f) > 1 && !orgWords[strings.ToLower(f[len(f)-1])] && !the {
		return false
	}
	b := nm.tok - 1
	if the {
		b--
	}
	switch r.lowTok(b) {
	case "of", "in", "at", "from":
		return true
	case "on", "for":
		// "an expert on Google", "the spokesman for the Filial
		// Correction": what the role is about or speaks for, when
		// nothing writes it as a person
		return !plainlyPerson(r.ents[nm.ent])
	}
	if nm.tok < 2 || r.d.Tokens[nm.tok-1].Text != "," {
		return false
	}
	k := nm.tok - 2
	for k > 0 && k > nm.tok-6 && isCap(r.d.Tokens[k].Text) {
		k--
	}
	return k < nm.tok-2 && prepositions[r.lowTok(k)]
}

// roleAppositionHead returns the person named in full before a comma
// that opens a role in apposition, in which the name at tok is governed
// by a preposition, right before the relative at p ("Dr. Robert Epstein,
// a social scientist and an expert on Google, who", "Joseph Shaw, the
// head of the UK's Latin Mass Society and the spokesman for the Filial
// Correction, who"): the relative is the person's, not the body's the
// role is of. The role is read back at most 20 tokens, to the comma,
// over no verb, relative, quote or other comma.
func (r *resolver) roleAppositionHead(tok, p int) (Speaker, bool) {
	toks := r.d.Tokens
	c := -1
	for k := tok - 1; k >= 0 && k >= tok-20 && toks[k].Sent == toks[p].Sent; k-- {
		t := toks[k]
		if t.Text == "," {
			c = k
			break
		}
		if t.Quote != 0 || isPunct(t.Text) && !possessive(t.Text) || strings.HasPrefix(t.POS, "VB") || relativeOrSubordinate[r.lowTok(k)] {
			return Speaker{}, false
		}
	}
	if c < 2 || c+1 >= tok || isCap(toks[c+1].Text) && !isDeterminer(r.lowTok(c+1)) {
		return Speaker{}, false // the role opens in lower case or with a determiner ("a", "the", "chairman")
	}
	i := r.lastActive(r.before(c) - 1)
	if i < 0 {
		return Speaker{}, false
	}
	nm := r.mentions[i]
	ent := r.ents[nm.ent]
	n := countFields(ent.name)
	if nm.tok+n != c || !r.wordsAt(nm.tok, sharedFields(ent.name)) || ent.kind != claimtrail.SpeakerPerson || n < 2 {
		return Speaker{}, false // (the name just before the comma, a person's in full)
	}
	return Speaker{Name: ent.name, Kind: claimtrail.SpeakerPerson, Confidence: 0.8}, true
}

// stateAbbreviations are the US states as news abbreviates them after a
// place ("Austin, Tex."): no speaker, whatever their capitals.
var stateAbbreviations = wordSetCase(`Ala. Ariz. Ark. Calif. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Ky. La. Md. Mass. Mich. Minn.
	Miss. Mo. Mont. Neb. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Tex. Vt. Va. Wash. W.Va. Wis. Wyo. D.C.`)

// wordSetCase is the set of the space-separated words of s, as written.
func wordSetCase(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range sharedFields(s) {
		m[w] = true
	}
	return m
}

// capitalTitles are offices that end a capitalised title written like a
// name ("Toughest Sheriff", "Culture Secretary", "Economics Minister");
// a surname that is also a title (King, Judge) has a given name before
// it.
var capitalTitles = wordSet("sheriff secretary minister commissioner president chairman chairwoman governor mayor " +
	"senator ambassador chancellor director spokesman spokeswoman spokesperson representative attorney inspector colonel general")

// skipRoleWords returns the first token of [s, e) after lower-case
// role and title words ("economist", "senior analyst"), at most three.
func (r *resolver) skipRoleWords(s, e int) int {
	k := s
	for k < e && k < s+3 && !isCap(r.d.Tokens[k].Text) && (roleWords[r.lowTok(k)] || titleWords[r.lowTok(k)]) {
		k++
	}
	return k
}

// officeHeads are the offices officeOfBody reads before "of": the
// capitalTitles and the words for who leads.
var officeHeads = func() map[string]bool {
	m := wordSet("head leader chief chair founder boss")
	for w := range capitalTitles {
		m[w] = true
	}
	return m
}()

// officeModifiers stand before an office: "the former chairman".
var officeModifiers = wordSet("the a an former new current then acting interim outgoing incoming deputy vice")

// officeOfBody resolves [s, e) when it is an office of a body and names no
// person ("the former Chairman of the Democratic Caucus", "The Governor
// of the Bank of England"): the person the article names with that
// office's words, else the office as a description. An apposition
// (a comma) or a person's name after "of" leaves it to the rules after.
func (r *resolver) officeOfBody(s, e int) (Speaker, bool) {
	toks := r.d.Tokens
	k := s
	for k < e && officeModifiers[r.lowTok(k)] {
		k++
	}
	if k+2 >= e || !officeHeads[r.lowTok(k)] || r.lowTok(k+1) != "of" {
		return Speaker{}, false
	}
	for t := k + 2; t < e; t++ {
		if isPunct(toks[t].Text) || toks[t].Quote != 0 {
			return Speaker{}, false
		}
	}
	for i := r.before(k + 2); i < len(r.mentions) && r.mentions[i].tok < e; i++ {
		if nm := r.mentions[i]; nm.ent >= 0 && r.ents[nm.ent].kind == claimtrail.SpeakerPerson {
			return Speaker{}, false
		}
	}
	if sp := r.nominal(k, k+1); sp.Kind == claimtrail.SpeakerPerson && sp.Confidence >= 0.6 {
		return sp, true
	}
	from := s
	if w := r.lowTok(s); w == "the" || w == "a" || w == "an" {
		from++
	}
	return Speaker{Name: r.text(from, e), Kind: claimtrail.SpeakerDescription, Confidence: 0.5}, true
}

// nameOfPlace returns the person whose collected name opens [s, e) and is
// followed by "of": a person named with their organisation or town.
func (r *resolver) nameOfPlace(s, e int) (Speaker, bool) {
	i := r.before(s)
	for ; i < len(r.mentions) && r.mentions[i].tok == s; i++ {
		nm := r.mentions[i]
		if nm.ent < 0 {
			continue
		}
		ent := r.ents[nm.ent]
		n := countFields(ent.name)
		f := sharedFields(ent.name)
		if n < 2 || s+n+1 >= e || r.lowTok(s+n) != "of" || ent.kind == claimtrail.SpeakerOrganization || orgWords[r.lower(f[len(f)-1])] || titleWords[r.lower(f[len(f)-1])] ||
			firstNameGender[r.lower(f[0])] == 0 && ent.kind != claimtrail.SpeakerPerson && genderOfName(ent.name) == 0 && r.lowTok(s+n+1) != "the" ||
			!strings.EqualFold(strings.Join(fields(r.text(s, s+n)), " "), ent.name) {
			continue
		}
		return Speaker{Name: ent.name, Kind: claimtrail.SpeakerPerson, Confidence: 0.85}, true
	}
	return Speaker{}, false
}

// onlyTitles reports whether every token of [s, e) is a title word or an
// honorific, in capitals ("Lord Chancellor", "Attorney General").
func (r *resolver) onlyTitles(s, e int) bool {
	for k := s; k < e; k++ {
		lw := r.lowTok(k)
		if !isCap(r.d.Tokens[k].Text) || !titleWords[lw] && honorific[lw] == 0 || connector[lw] {
			return false
		}
	}
	return true
}

// isDash reports a dash standing as a token of its own.
func isDash(t string) bool { return t == "-" || t == "--" || t == "—" || t == "–" }

// isIndefinite reports whether an article opens a noun phrase as new.
func isIndefinite(lw string) bool { return lw == "a" || lw == "an" }

// sourceAt returns what the source mention starting at token tok
// resolved to, when it has been resolved.
func (r *resolver) sourceAt(tok int) (Speaker, bool) {
	i, ok := slices.BinarySearchFunc(r.sources, tok, func(s sourceAt, t int) int { return s.tok - t })
	if !ok {
		return Speaker{}, false
	}
	return r.sources[i].sp, true
}

// subjectDescription resolves a pronoun that opens a clause joined by
// "and" to its sentence's subject when that subject is a description of
// the pronoun's gender and no name of that gender comes between ("A year
// later, Mr. Jackson’s wife, knowing that ..., had it moved, and she
// asked a staff member to sell it" is the wife's, not a woman named
// three paragraphs back, nor "Martha’s Vineyard").
func (r *resolver) subjectDescription(p int, gender byte) (Speaker, bool) {
	toks := r.d.Tokens
	if gender == 0 || p < 2 || r.lowTok(p-1) != "and" {
		return Speaker{}, false
	}
	sn := r.d.Sents[toks[p].Sent]
	s := sn.First
	// an opening phrase of time ends at the sentence's first comma
	for k := sn.First; k < p && k < sn.First+6; k++ {
		if toks[k].Text == "," {
			s = k + 1
			break
		}
	}
	h := -1
	for k := s; k < p && k < s+6; k++ {
		if toks[k].Text == "," || toks[k].Quote != 0 || strings.HasPrefix(toks[k].POS, "VB") {
			break
		}
		if genderedNoun(r.lowTok(k)) == gender {
			h = k
		}
	}
	if h < 0 || h+1 >= p || p-h > 200 || toks[h+1].Text != "," && !strings.HasPrefix(toks[h+1].POS, "VB") {
		return Speaker{}, false
	}
	// a name of the pronoun's gender between the subject and the pronoun
	// may be whom it means
	for i := r.lastActive(r.before(p) - 1); i >= 0; i = r.lastActive(i - 1) {
		nm := r.mentions[i]
		if nm.tok <= h {
			break
		}
		if ent := r.ents[nm.ent]; ent.kind == claimtrail.SpeakerPerson && (ent.gender == gender || ent.gender == 0 && genderOfName(ent.name) != 0) {
			return Speaker{}, false
		}
	}
	sp := r.resolve(Mention{Start: s, End: h + 1})
	if sp.Kind == claimtrail.SpeakerUnknown {
		return Speaker{}, false
	}
	return sp, true
}

// pronounAfterIntroduction resolves a pronoun that opens its sentence,
// or says the quote that opens it ("“...,” he remarks"), right after a
// sentence that introduces a person: its subject is a name of two words
// or more, seen there first, that an age before it or a role after it
// marks as a newcomer's ("Piers Vell is senior benefit officer at the tax
// office. He said: ...", "On the outskirts of Kyoto, 83-year-old Yuji
// Shimo plays golf with his friends. “...,” he says"). News introduces a
// new voice so, and the pronoun is that voice, not the speaker quoted
// before the introduction. A name of the other gender is not meant.
func (r *resolver) pronounAfterIntroduction(p int, gender byte) (Speaker, bool) {
	toks := r.d.Tokens
	sent := toks[p].Sent
	if gender == 0 || sent == 0 || toks[p].Quote != 0 {
		return Speaker{}, false
	}
	if first := r.d.Sents[sent].First; p != first {
		// the quote that opens the sentence, then the pronoun and its verb
		if p-first < 3 || p+2 >= len(toks) || toks[p+1].Sent != sent || isCap(toks[p+1].Text) || isPunct(toks[p+1].Text) ||
			!r.verbAt(p+1) && toks[p+2].Text != "." && toks[p+2].Text != "," {
			return Speaker{}, false // (a verb the tagger took for a noun ends the sentence: "he remarks.")
		}
		for k := first; k < p; k++ {
			if toks[k].Quote == 0 {
				return Speaker{}, false
			}
		}
	}
	prev := r.d.Sents[sent-1]
	s0 := prev.First
	if prepositions[r.lowTok(s0)] {
		// an opening phrase of place or time: "On the outskirts of Kyoto,"
		for k := s0 + 1; k < len(toks) && k < prev.First+8 && toks[k].Sent == sent-1; k++ {
			if toks[k].Text == "," {
				s0 = k + 1
				break
			}
		}
	}
	aged := s0 < len(toks) && ageNoun(r.lowTok(s0))
	if aged {
		s0++ // "83-year-old Yuji Shimo"
	}
	i := r.before(s0)
	if i >= len(r.mentions) || r.mentions[i].ent < 0 || r.mentions[i].tok != s0 || toks[s0].Sent != sent-1 {
		// or the one person the sentence names, with a role set off
		// after the name: "One dissenting opinion came from Brian Vell,
		// vice-president of research at Gartner."
		if i = r.onlyPersonWithRole(prev.First, sent-1); i < 0 {
			return Speaker{}, false
		}
	}
	nm := r.mentions[i]
	ent := r.ents[nm.ent]
	if ent.kind != claimtrail.SpeakerPerson || countFields(ent.name) < 2 || ent.gender != 0 && ent.gender != gender ||
		r.nameEnd(nm.tok)-nm.tok < 2 || !aged && !r.roleAfterName(nm.tok) {
		return Speaker{}, false
	}
	if g := genderOfName(ent.name); g != 0 && g != gender && !r.unisexGiven(ent.name) {
		return Speaker{}, false
	}
	for j := r.lastActive(i - 1); j >= 0; j = r.lastActive(j - 1) {
		if r.mentions[j].ent == nm.ent {
			return Speaker{}, false // named before: the rules of salience decide
		}
	}
	return Speaker{Name: ent.name, Kind: claimtrail.SpeakerPerson, Confidence: 0.8}, true
}

// subjectBeforeDash resolves a pronoun right after a dash or a semicolon
// in its sentence to the person whose name opens that sentence as its
// subject ("Former Arkansas Rep. Asa Hutchinson, who led the review,
// appeared to ease off ... -- he said it's important"): the clause after
// the dash goes on about the subject, not about the speaker of the
// paragraph before. Titles may stand before the name; a name of the
// other gender is not meant, nor one inside a quote.
func (r *resolver) subjectBeforeDash(p int, gender byte) (Speaker, bool) {
	toks := r.d.Tokens
	if gender == 0 || p < 2 || toks[p].Quote != 0 {
		return Speaker{}, false
	}
	if d := toks[p-1].Text; d != "--" && d != "—" && d != "–" && d != ";" {
		return Speaker{}, false
	}
	sent := toks[p].Sent
	first := r.d.Sents[sent].First
	i := r.before(first)
	if i >= len(r.mentions) || r.mentions[i].ent < 0 || r.mentions[i].tok >= p || toks[r.mentions[i].tok].Sent != sent {
		return Speaker{}, false
	}
	nm := r.mentions[i]
	for k := first; k < nm.tok; k++ {
		if !isCap(toks[k].Text) || toks[k].Quote != 0 {
			return Speaker{}, false // only titles before the name: "Former Arkansas Rep."
		}
	}
	ent := r.ents[nm.ent]
	if ent.kind != claimtrail.SpeakerPerson || ent.gender != 0 && ent.gender != gender {
		return Speaker{}, false
	}
	if g := genderOfName(ent.name); g != 0 && g != gender && !r.unisexGiven(ent.name) {
		return Speaker{}, false
	}
	return Speaker{Name: ent.name, Kind: claimtrail.SpeakerPerson, Confidence: 0.8}, true
}

// onlyPersonWithRole returns the mention of the one person named in
// sentence sent (starting at token first), when a role set off by a comma
// follows the name ("from Brian Vell, vice-president of research at
// Gartner"), or -1: with two persons named, who is introduced is unsure.
func (r *resolver) onlyPersonWithRole(first, sent int) int {
	found := -1
	for i := r.before(first); i < len(r.mentions) && r.mentions[i].sent <= sent; i++ {
		nm := r.mentions[i]
		if nm.ent < 0 || nm.sent != sent || r.ents[nm.ent].kind != claimtrail.SpeakerPerson {
			continue
		}
		if found >= 0 && r.mentions[found].ent != nm.ent {
			return -1
		}
		if found < 0 {
			found = i
		}
	}
	if found < 0 || r.d.Tokens[r.mentions[found].tok].Quote != 0 {
		return -1
	}
	if e := r.nameEnd(r.mentions[found].tok); e >= len(r.d.Tokens) || r.d.Tokens[e].Text != "," || !r.roleAfterName(r.mentions[found].tok) {
		return -1
	}
	return found
}

// relativeReach bounds the words between a possessive that opens a
// sentence and the relative's name ("Her 48-year-old wife Shaela").
const relativeReach = 6

// pronounAfterRelative resolves a pronoun that opens its sentence right
// after a sentence whose subject is a relative named after a possessive
// and a noun of the pronoun's gender ("Her 48-year-old wife Shaela, who
// ..., sees Trump as ... She doubts ..."): the pronoun goes on with that
// subject, not with the person the possessive is of (whom salience
// picks). A name of the other gender is not meant.
func (r *resolver) pronounAfterRelative(p int, gender byte) (Speaker, bool) {
	toks := r.d.Tokens
	sent := toks[p].Sent
	if gender == 0 || sent == 0 || p != r.d.Sents[sent].First || toks[p].Quote != 0 {
		return Speaker{}, false
	}
	prev := r.d.Sents[sent-1]
	o := prev.First
	if lw := r.lowTok(o); lw == "and" || lw == "but" {
		o++
	}
	if lw := r.lowTok(o); lw != "his" && lw != "her" || toks[o].Quote != 0 {
		return Speaker{}, false
	}
	// (the name where it is written, not the source it opens: "Her
	// wife Shaela, who ..." as a source is noted at "Her")
	i := r.before(o)
	for ; i < len(r.mentions) && r.mentions[i].tok <= o+relativeReach; i++ {
		if nm := r.mentions[i]; nm.ent >= 0 && nm.tok > o && toks[nm.tok].Text == sharedFields(r.ents[nm.ent].name)[0] {
			break
		}
	}
	if i >= len(r.mentions) || r.mentions[i].tok > o+relativeReach || r.mentions[i].tok >= p {
		return Speaker{}, false
	}
	nm := r.mentions[i]
	ent := r.ents[nm.ent]
	if ent.kind != claimtrail.SpeakerPerson && ent.kind != "" || ent.gender != 0 && ent.gender != gender {
		return Speaker{}, false
	}
	if g := genderOfName(ent.name); g != 0 && g != gender {
		return Speaker{}, false
	}
	// the words between: the relation's noun of the pronoun's gender
	// right before the name (or its comma), lower-case modifiers before it
	n := nm.tok - 1
	if n > o && toks[n].Text == "," {
		n--
	}
	if n <= o || genderedNoun(r.lowTok(n)) != gender {
		return Speaker{}, false
	}
	for k := o + 1; k < n; k++ {
		if isCap(toks[k].Text) || isPunct(toks[k].Text) && toks[k].Text != "-" {
			return Speaker{}, false
		}
	}
	return Speaker{Name: ent.name, Kind: claimtrail.SpeakerPerson, Confidence: 0.7}, true
}

// genderedNoun is the gender a common noun for a person carries ('f' for
// "wife", 'm' for "husband"), or 0.
func genderedNoun(lw string) byte {
	switch lw {
	case "wife", "mother", "daughter", "sister", "widow", "girlfriend", "grandmother", "aunt", "niece", "mom", "mum",
		"woman", "lady", "queen", "princess", "duchess", "actress", "bride", "fiancee", "fiancée", "granddaughter", "stepmother":
		return 'f'
	case "husband", "father", "son", "brother", "widower", "boyfriend", "grandfather", "uncle", "nephew", "dad",
		"man", "king", "prince", "duke", "groom", "fiance", "fiancé", "grandson", "stepfather":
		return 'm'
	}
	switch {
	case strings.HasSuffix(lw, "woman"):
		return 'f'
	case strings.HasSuffix(lw, "man") && lw != "human" && len(lw) > 4:
		return 'm'
	}
	return 0
}

// subordinateAntecedent resolves a pronoun that opens a clause of time,
// reason or place hung on its own sentence ("One of Ryan’s best one-liners
// came when he sought to explain", "the comments Steele made Thursday, in
// which he said") to the one person named before that clause in the
// sentence, outside quote marks: news names the person and goes on in the
// same sentence. Two persons of the pronoun's gender there, or none, and
// it is left to salience.
func (r *resolver) subordinateAntecedent(p int, gender byte) (Speaker, bool) {
	toks := r.d.Tokens
	first := r.d.Sents[toks[p].Sent].First
	sub := -1
	for k := p - 1; k > first && k >= p-3; k-- {
		if subordinateWords[r.lowTok(k)] {
			sub = k
			break
		}
	}
	// a relative clause without its "that": "around the time she said it
	// occurred", "the comments he made"
	elided := false
	if sub < 0 && p+1 < len(toks) && p-1 > first && !isCap(toks[p-1].Text) && (toks[p-1].POS == "NN" || toks[p-1].POS == "NNS") &&
		(toks[p+1].POS == "VBD" || toks[p+1].POS == "VBZ") && toks[p-1].Quote == 0 {
		sub, elided = p-1, true
	}
	if sub < 0 {
		// and the main clause after an opening one: "But when the draft
		// was sent to Mr. Petraeus, he dismissed them"
		o := first
		if lw := r.lowTok(o); lw == "but" || lw == "and" || lw == "yet" {
			o++
		}
		if p < 2 || toks[p-1].Text != "," || o >= p || !openingSubordinators[r.lowTok(o)] {
			return Speaker{}, false
		}
		for k := o + 1; k < p-1; k++ {
			if toks[k].Text == "," || toks[k].Quote != 0 {
				return Speaker{}, false // the opening clause ends before the pronoun's comma
			}
		}
		sub = p - 1
	}
	found, foundTok := -1, -1
	for i, n := r.lastActive(r.before(sub)-1), 0; i >= 0 && n < 200; i, n = r.lastActive(i-1), n+1 {
		nm := r.mentions[i]
		if nm.tok < first {
			break
		}
		ent := r.ents[nm.ent]
		if ent.kind != claimtrail.SpeakerPerson || toks[nm.tok].Quote != 0 || gender != 0 && ent.gender != 0 && ent.gender != gender {
			continue
		}
		if after := nm.tok + 1; after < len(toks) && after < p && !isCap(toks[after].Text) && strings.HasPrefix(toks[after].POS, "NN") {
			continue // a name that modifies a noun: "the Mueller report"
		}
		if f := sharedFields(r.lower(ent.name)); len(f) > 1 && (bodyEnds[f[len(f)-1]] || orgWords[f[len(f)-1]] || placeEnds[f[len(f)-1]]) || places()[r.lower(ent.name)] {
			continue // no person: "Seventh Congressional District"
		}
		if elided && (gender == 0 || ent.gender != gender && genderOfName(ent.name) != gender) {
			// the weaker reading needs the person's gender written; one
			// whose gender is not known may still be the one meant
			if gender != 0 && ent.gender == 0 && genderOfName(ent.name) == 0 {
				return Speaker{}, false
			}
			continue
		}
		if found >= 0 && found != nm.ent {
			return Speaker{}, false // two candidates
		}
		found, foundTok = nm.ent, nm.tok
	}
	if found < 0 {
		return Speaker{}, false
	}
	// a description of a person as the main clause's subject, the name
	// its object: "Britain's wartime prime minister had such as Gavin
	// Williamson in mind when he famously said" is the prime minister's
	if sp, ok := r.describedSubject(first, foundTok, sub); ok {
		return sp, true
	}
	return Speaker{Name: r.ents[found].name, Kind: claimtrail.SpeakerPerson, Confidence: 0.7}, true
}

// describedSubject returns the subject of the sentence opening at first
// when it is a description of one person (a title or a person noun at
// its head, no capitalised name) that ends before the name at nameTok
// and before the clause at sub.
func (r *resolver) describedSubject(first, nameTok, sub int) (Speaker, bool) {
	toks := r.d.Tokens
	v := -1
	for k := first; k < sub && k < first+10; k++ {
		if pos := toks[k].POS; pos == "VBD" || pos == "VBZ" || pos == "VBP" || pos == "MD" || toks[k].Quote != 0 || toks[k].Text == "," {
			v = k
			break
		}
	}
	if v <= first+1 || v > nameTok || toks[v].Text == "," || toks[v].Quote != 0 {
		return Speaker{}, false
	}
	h := v - 1
	hw := r.lowTok(h)
	if isCap(toks[h].Text) || !(titleWords[hw] || roleWords[hw] || personNouns()[hw]) || connector[hw] || isPlural(hw) {
		return Speaker{}, false
	}
	s := first
	if isDeterminer(r.lowTok(s)) {
		s++
	}
	for k := s; k < v; k++ {
		if k > s && isCap(toks[k].Text) && k+1 < v && isCap(toks[k+1].Text) || prepositions[r.lowTok(k)] {
			return Speaker{}, false // a name in the subject, or no plain noun phrase ("During his time on the witness stand")
		}
	}
	return Speaker{Name: r.text(s, v), Kind: claimtrail.SpeakerDescription, Confidence: 0.5}, true
}

// placeEnds end the names of places and areas.
var placeEnds = map[string]bool{"district": true, "county": true, "province": true, "region": true, "valley": true,
	"island": true, "islands": true, "street": true, "square": true, "park": true, "stadium": true, "arena": true}

// openingSubordinators open a clause of time or reason before its main
// clause.
var openingSubordinators = map[string]bool{"when": true, "after": true, "as": true, "once": true, "while": true,
	"because": true, "since": true, "before": true}

// subordinateWords open a clause of time, reason or place ("in which").
var subordinateWords = map[string]bool{"when": true, "which": true, "where": true, "while": true, "after": true,
	"because": true, "since": true, "until": true, "whenever": true}

// relativeSubject resolves a pronoun that opens a relative clause's
// reporting aside ("Mr. Jordan produced White House visitor records that
// he said indicated ...", "a plan which she said would fail") to the
// subject of the clause the relative hangs on: the person named last
// before the relative's noun, outside quote marks and not after a
// preposition, in the same sentence and of the pronoun's gender.
func (r *resolver) relativeSubject(p int, gender byte) (Speaker, bool) {
	toks := r.d.Tokens
	if p < 2 {
		return Speaker{}, false
	}
	if rel := r.lowTok(p - 1); rel != "that" && rel != "which" {
		return Speaker{}, false
	}
	if noun := toks[p-2]; isCap(noun.Text) || isPunct(noun.Text) || !strings.HasPrefix(noun.POS, "NN") && noun.POS != "" {
		return Speaker{}, false
	}
	// "told House investigators that she suspected": people told, and
	// "that" opens what was told, not a relative clause
	if lw := r.lowTok(p - 2); personNouns()[lw] || personNouns()[strings.TrimSuffix(lw, "s")] {
		return Speaker{}, false
	}
	for i := r.lastActive(r.before(p-2) - 1); i >= 0; i = r.lastActive(i - 1) {
		nm := r.mentions[i]
		if toks[nm.tok].Sent != toks[p].Sent {
			break
		}
		ent := r.ents[nm.ent]
		if ent.kind != claimtrail.SpeakerPerson || toks[nm.tok].Quote != 0 || r.afterPreposition(nm.tok) {
			continue
		}
		if gender != 0 && ent.gender != 0 && ent.gender != gender {
			return Speaker{}, false
		}
		return Speaker{Name: ent.name, Kind: claimtrail.SpeakerPerson, Confidence: 0.7}, true
	}
	return Speaker{}, false
}

// salient picks the most salient person before token p whose gender
// agrees (any, for gender 0) and whom keep accepts (any, for nil).
func (r *resolver) salient(p int, gender byte, keep func(*entity) bool) Speaker {
	toks := r.d.Tokens
	sent := toks[p].Sent
	best, second := -1.0, -1.0
	bestEnt := -1
	seen, fallback := map[int]float64{}, map[int]float64{}
	var alone map[int]bool    // of names with no mark of a person: whether one of their mentions stands alone
	var spokenOf map[int]bool // entities named in the quote the pronoun closes
	lastSource := true        // the latest compatible source is still to come
	chain := r.narrativeChain(sent, gender)
	trailing := r.trailingCue(p)
	quoted := r.quotedSentsBefore(sent, p)
	for i := r.lastActive(r.before(p) - 1); i >= 0; i = r.lastActive(i - 1) {
		nm := r.mentions[i]
		if nm.tok >= p {
			continue
		}
		dist := sent - nm.sent
		if dist > 7 {
			break
		}
		if quoted > 0 && nm.sent < sent-quoted {
			// the sentences of the quote "he said" closes are the
			// speaker's, not distance from who introduced it ("Jones
			// made a discovery. “... ... ... ...,” he said")
			dist -= quoted
		}
		if nm.ent == r.barred {
			continue
		}
		ent := r.ents[nm.ent]
		// (a speaker named by a given name alone, "Michelle, a mother of
		// twins, said", is a person to "she" though no kind was given)
		// (or opens its sentence: "Jane, who runs the website, compiles a
		// chronicle ... “...,” she said")
		givenAlone := ent.kind == "" && (nm.isSource || nm.tok == r.d.Sents[toks[nm.tok].Sent].First) && gender != 0 &&
			countFields(ent.name) == 1 && genderOfWord(r.lower(ent.name)) == gender
		// (a surname alone that speaks, "Quinn also admits ...", may be
		// whom "he" goes on with: nothing says it is a body)
		speakingName := ent.kind == "" && nm.isSource && gender != 0 && countFields(ent.name) == 1 && genderOfWord(r.lower(ent.name)) == 0
		// (and one that reported about "he": "Federer admitted he was")
		reportedHe := ent.kind == "" && gender != 0 && ent.gender == gender
		if ent.kind != claimtrail.SpeakerPerson && !givenAlone && !speakingName && !reportedHe || (gender != 0 && ent.gender != 0 && ent.gender != gender) || keep != nil && !keep(&ent) {
			continue
		}
		if g := genderOfName(ent.name); gender != 0 && ent.gender == 0 && g != 0 && g != gender && !r.unisexGiven(ent.name) {
			continue // "she" is not Graham Norton (but may be Terry O'Neill)
		}
		if g := r.writtenGender(nm.ent); gender != 0 && ent.gender == 0 && g != 0 && g != gender {
			continue // "she" is not Lindsey Graham when the text writes "Graham had his time"
		}
		if g := genderOfWord(r.lower(ent.name)); gender != 0 && ent.gender == 0 && g != 0 && g != gender && countFields(ent.name) == 1 && !unisexNames[r.lower(ent.name)] {
			continue // nor is "he" a lone "Chelsea" (in "the former Chelsea chairman")
		}
		if r.onlyModifies(nm.ent) {
			continue // "The former Chelsea chairman sealed the deal ... He said": no Chelsea
		}
		if gender != 0 && ent.gender == 0 && len(ent.titles) == 0 && genderOfName(ent.name) == 0 {
			// a name nothing marks as a person's is one only if it stands
			// alone somewhere, not only before a noun or "'s" ("a
			// Google executive ... she" is no Google)
			if alone == nil {
				alone = map[int]bool{}
			}
			alone[nm.ent] = alone[nm.ent] || !r.modifierName(nm.tok)
		}
		before := chain > 0 && nm.sent < sent-chain // a name before the chain of "he" sentences
		if before {
			// the chain goes on about someone named before it: count
			// from its first sentence
			dist -= chain
			lastSource = false
		}
		score := 3 - 1.5*float64(min(dist, 3)) - 0.3*float64(max(dist-3, 0))
		if nm.isSource {
			score += 1.5
			if lastSource && toks[p].Quote == 0 {
				// "he said" goes on with the last speaker, however many
				// sentences of quotes lie between
				score += 0.3 * float64(min(dist, 5))
			}
			lastSource = false
		}
		if ent.gender == 0 && len(ent.titles) == 0 && genderOfName(ent.name) == 0 {
			score -= 1 // nothing says this name is a person's ("Whole Foods")
		}
		if places()[r.lower(ent.name)] || r.partyDescription(ent.name) {
			continue // a place is no "he" or "she", nor is "Democrat"
		}
		if gender != 0 && ent.gender == 0 && len(ent.titles) == 0 && genderOfName(ent.name) == 0 &&
			(loneWord(ent.name) && r.orgEvidence(ent.name) || r.initialledName(ent.name)) {
			// nor a name the article writes as a body's: "Shares in
			// Vantor fell", "The Assistive Mouse Adapter (AMA) is the
			// brainchild of ..." (of a longer name, only its initials
			// after it tell: a person's full name may stand where a
			// body's does)
			continue
		}
		if gender != 0 && longInitials(ent.name) {
			continue // nor the NAACP (three letters may be one person's: "JFK")
		}
		if f := sharedFields(r.lower(ent.name)); len(f) > 1 && (bodyEnds[f[len(f)-1]] || mediaNouns[f[len(f)-1]]) || sitePages[r.lower(ent.name)] || determinerInName(r.lower(ent.name)) {
			continue // nor is "PC Pro Magazine", "Radicati Group", "Privacy Policy" or "Email This"
		}
		if pluralAcronym(ent.name) || broadcasterName(ent.name) {
			continue // nor "Senior MPs" (a sentence-initial run read as a name), nor "Channel TV"
		}
		if ent.gender == 0 && len(ent.titles) == 0 && genderOfName(ent.name) == 0 && r.outletNamed(ent.name) {
			continue // nor what the article calls an outlet ("the Danish tabloid Ekstra Bladet")
		}
		if gender != 0 && ent.gender == 0 && len(ent.titles) == 0 && (gerundTitle(ent.name) || r.listOfWorks(nm.tok)) {
			continue // nor a work's title ("He has worked on the Star Wars DVD trilogy, Finding Nemo, The Incredibles and Indiana Jones")
		}
		if spokenOf[nm.ent] {
			continue // named in the quote this pronoun closes, before or after
		}
		if toks[nm.tok].Quote != 0 && toks[p].Quote == 0 {
			if dist == 0 {
				// the quote the pronoun's speaker says names someone
				// else: "“... lack of trust in Tony Blair,” he said";
				// nor is it that person named earlier ("“He (Bridge)
				// has no chance of playing ...,” he said" after a
				// paragraph about Bridge)
				if spokenOf == nil {
					spokenOf = map[int]bool{}
				}
				spokenOf[nm.ent] = true
				continue
			}
			// a name quoted is talked about: "“As Eloise deteriorated ...”
			// She added", "“... Brian and Seamus are in the same
			// position.” He said" (Walsh spoke; -1.5 left Dunne ahead)
			score -= 3
		}
		if r.passiveAgent(nm.tok) {
			// the agent of a passive verb acts: "reporters were told by
			// Jane Ortiz that ... “...” she said" is no name talked about
		} else if r.wordsFrom(nm.tok) || r.authorBy(nm.tok) {
			// words that came from the name: "a similar sentiment on
			// Twitter from former Rep. Beto O'Rourke. “...,” he wrote"
			// (who talks, not who is talked about)
			score += 1
		} else if r.afterPreposition(nm.tok) {
			// a name in a prepositional phrase is what is talked about,
			// not who talks: "Of Obama, he said", "criticism of Blair"
			score -= 1.5
		} else if r.isSubject(nm.tok) && !(dist > 0 && r.leadingClauseSubject(nm.tok)) {
			score += 1
			if dist == 1 && (!nm.isSource || before) && gender != 0 && ent.gender == gender && toks[nm.tok].Quote == 0 &&
				!r.reportedBy(sent-1, nm.ent) {
				// the subject of the sentence just before, of the
				// pronoun's gender, is who "she" goes on about: "a
				// nurse, Mary Lind, saw the scans first. She said she
				// was stunned" is Mary's, not the doctor quoted earlier
				score += 1
			}
		}
		if dist == 0 {
			if trailing && !nm.isSource {
				// the name is in what the pronoun reports: "Mr Blair
				// had been hurt by the controversy, he added" is not
				// Blair's
				continue
			}
			score -= 0.5 // a name in the pronoun's own sentence is rarely its antecedent
		}
		if speakingName {
			if old, ok := fallback[nm.ent]; !ok || score > old {
				fallback[nm.ent] = score
			}
			continue
		}
		if old, ok := seen[nm.ent]; !ok || score > old {
			seen[nm.ent] = score
		}
	}
	fellBack := false
	if len(seen) == 0 && len(fallback) > 0 {
		// no person: a surname alone that spoke is whom "he" goes on
		// with (its gender is not taken from the pronoun: one guess
		// should not steer the next)
		seen, fellBack = fallback, true
	}
	for ent, a := range alone {
		if !a {
			delete(seen, ent)
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
	if be := &r.ents[bestEnt]; gender != 0 && best < -2 && be.gender == 0 && len(be.titles) == 0 && genderOfName(be.name) == 0 {
		// a name far off and nothing marks as a person's: "passing
		// through Kings Cross station ... She called" is no one named
		return unknown(toks[p].Text)
	}
	if gender != 0 && !fellBack {
		r.ents[bestEnt].gender = gender
	}
	conf := 0.8
	if !math.IsInf(second, -1) && best-second < 1 {
		conf = 0.5
	}
	return Speaker{Name: r.ents[bestEnt].name, Kind: claimtrail.SpeakerPerson, Confidence: conf}
}

// gerundTitle reports whether a name of two words or more opens with a
// word in -ing that is no given name: a work's or a law's title
// ("Finding Nemo", "Hunting Act", "Walking With Destiny"), or a body's
// ("Clearing Services"), rather than a person's.
func gerundTitle(name string) bool {
	first, rest, ok := strings.Cut(name, " ")
	if !ok || rest == "" || len(first) < 6 || !strings.HasSuffix(first, "ing") {
		return false
	}
	return firstNameGender[strings.ToLower(first)] == 0
}

// listOfWorks reports whether the name at token tok is an item of a
// list of capitalised titles after "worked on", "starred in" or
// "appeared in" ("He has worked on the Star Wars DVD trilogy, Finding
// Nemo, The Incredibles and Indiana Jones"): works, not people.
func (r *resolver) listOfWorks(tok int) bool {
	toks := r.d.Tokens
	if tok < 2 {
		return false
	}
	if prev := r.lowTok(tok - 1); prev != "," && prev != "and" && prev != "on" && prev != "in" && prev != "the" {
		return false // (no list item: most names, asked for every pronoun)
	}
	k := tok - 1
	for ; k > 0 && tok-k < 24 && toks[k].Sent == toks[tok].Sent; k-- {
		t := toks[k].Text
		if t != "," && t != "and" && !isCap(t) && r.lowTok(k) != "the" && !plainLowerWorkWord[r.lowTok(k)] {
			break
		}
	}
	if k < 1 {
		return false
	}
	switch prep, verb := r.lowTok(k), r.lowTok(k-1); prep {
	case "on":
		return verb == "worked"
	case "in":
		return verb == "starred" || verb == "appeared" || verb == "featured"
	}
	return false
}

// plainLowerWorkWord are lower-case words inside a work's listed title
// ("the Star Wars DVD trilogy").
var plainLowerWorkWord = wordSet("trilogy series films film movies movie franchise sequel of")

// quotedSentsBefore counts the sentences before sentence sent that lie
// in the quote its first word opens or continues, when the pronoun at
// token p stands outside that quote (“... ... ...,” he said): they are
// the speaker's words, no distance from who introduced them. A quote
// before, closed, counts as distance as before.
func (r *resolver) quotedSentsBefore(sent, p int) int {
	toks := r.d.Tokens
	first := r.d.Sents[sent].First
	if toks[p].Quote != 0 || toks[first].Quote == 0 {
		return 0
	}
	at := toks[first].Start
	qi := sort.Search(len(r.d.Quotes), func(i int) bool { return r.d.Quotes[i].Start > at }) - 1
	for qi >= 0 && (r.d.Quotes[qi].Depth != 0 || r.d.Quotes[qi].End <= at) {
		qi--
	}
	if qi < 0 || r.d.Quotes[qi].End <= at {
		return 0
	}
	n := 0
	for k := sent - 1; k >= 0 && sent-k <= 8 && toks[r.d.Sents[k].First].Start >= r.d.Quotes[qi].Start; k-- {
		n++
	}
	return n
}

// unisexGiven reports whether a full name opens with a given name borne
// by men and women alike ("Terry O'Neill", "Jordan Peel").
func (r *resolver) unisexGiven(name string) bool {
	f := sharedFields(name)
	return len(f) > 1 && unisexNames[r.lower(f[0])]
}

// leadingSubordinators open a clause before the main one: "As Forsythe
// criticises this government, Hobbes has been criticised".
var leadingSubordinators = wordSet("as while when whilst although though because since if after before once whereas unless until")

// leadingClauseSubject reports whether the name at tok is the subject of
// a subordinate clause opening its sentence ("But as Forsythe criticises
// ..., Hobbes has been ..."): the sentence is about the main clause's
// subject, which a pronoun after it goes on with.
func (r *resolver) leadingClauseSubject(tok int) bool {
	k := r.d.Sents[r.d.Tokens[tok].Sent].First
	for k < tok {
		if w := r.lowTok(k); w == "but" || w == "and" || w == "yet" || w == "so" {
			k++
			continue
		}
		break
	}
	if k+1 != tok || !leadingSubordinators[r.lowTok(k)] {
		return false
	}
	// "As the Tory leader declared, the aim is ...": a clause ending in
	// its verb reports the main one, its subject is the speaker
	toks := r.d.Tokens
	for j := tok + 1; j < len(toks) && j < tok+12 && toks[j].Sent == toks[tok].Sent; j++ {
		if toks[j].Text == "," {
			return !r.verbAt(j - 1)
		}
	}
	return true
}

// trailingCue reports whether the pronoun at p follows a comma and
// closes its sentence with a saying verb, at most two more words and a
// full stop ("..., he added.", "..., she said on Monday."), or goes on
// with a participle that reports more ("..., he claimed, saying ..."): a
// name before it in the sentence that is no source is in what it
// reports.
func (r *resolver) trailingCue(p int) bool {
	toks := r.d.Tokens
	if p == 0 || p+1 >= len(toks) || toks[p-1].Text != "," || toks[p-1].Quote != 0 || toks[p+1].Sent != toks[p].Sent {
		return false
	}
	if lw := r.lowTok(p + 1); !strings.HasSuffix(lw, "ed") && lw != "said" && lw != "says" && lw != "told" && lw != "wrote" {
		return false
	}
	if p+3 < len(toks) && toks[p+2].Text == "," && toks[p+3].POS == "VBG" && toks[p+3].Sent == toks[p].Sent {
		return true // a participle after it reports on: "Mr Blair has failed, he claimed, saying he has the wrong solution"
	}
	last := r.d.Sents[toks[p].Sent].Last
	if last <= p+1 || toks[last-1].Text != "." {
		return false // "In a statement by Jay Wallace, he wrote:" goes on
	}
	return last-1-(p+2) <= 2
}

// modifierName reports whether the name starting at token k stands
// before a lower-case noun or a possessive ("a Google executive",
// "Google's contribution"): it names what something belongs to.
func (r *resolver) modifierName(k int) bool {
	toks := r.d.Tokens
	for k < len(toks) && isCap(toks[k].Text) {
		k++
	}
	if k >= len(toks) {
		return false
	}
	t := toks[k]
	return t.Text == "'s" || t.Text == "’s" || (t.POS == "NN" || t.POS == "NNS") && !isCap(t.Text)
}

// reportedBy reports whether sentence k holds the source of a report by
// someone other than entity ei: its subject is then what the report is
// about ("Paddock arrived at the seller's home “very polite,” Haig said.
// “...,” he said" goes on with Haig).
func (r *resolver) reportedBy(k, ei int) bool {
	sn := r.d.Sents[k]
	for i, n := r.lastActive(r.before(sn.Last)-1), 0; i >= 0 && n < 200; i, n = r.lastActive(i-1), n+1 {
		nm := r.mentions[i]
		if nm.tok < sn.First {
			break
		}
		if nm.isSource && nm.ent != ei && r.ents[nm.ent].kind == claimtrail.SpeakerPerson && !r.leadingClauseSubject(nm.tok) {
			// (a source in a clause opening the sentence reports within
			// that clause: "But as Marsh criticises this government,
			// Hale has been ...")
			return true
		}
	}
	return false
}

// narrativeChain counts the sentences just before sentence sent whose
// subject is a "he" (or "she", after gender) that no attribution claims,
// outside quote marks: "Mr. Cowan ... is a former chief of staff. From
// 1997 to 2009, he practiced civil litigation. He also served as ... He
// left ..., but said ..." goes on about Mr. Cowan, not about the person
// quoted before him. 0 when the sentence before is not such a one.
func (r *resolver) narrativeChain(sent int, gender byte) int {
	if gender == 0 {
		return 0
	}
	n := 0
	for k := sent - 1; k >= 0 && n < 6; k-- {
		if !r.pronounSubject(k, gender) {
			break
		}
		n++
	}
	return n
}

// chainOpeners may open a sentence before its pronoun subject ("But he
// then missed the entire campaign").
var chainOpeners = wordSet("but and yet so then later still")

// pronounSubject reports whether sentence k's subject is a personal
// pronoun of the gender, outside quote marks, that is no source.
func (r *resolver) pronounSubject(k int, gender byte) bool {
	toks := r.d.Tokens
	sn := r.d.Sents[k]
	for t := sn.First; t < sn.Last && t < sn.First+12; t++ {
		if toks[t].Quote != 0 {
			return false
		}
		lw := r.lowTok(t)
		if lw != "he" && lw != "she" {
			continue
		}
		// the subject opens the sentence, or follows an opening phrase
		// and its comma ("From 1997 to 2009, he practiced") or a
		// conjunction ("But he then missed"); not "Asked
		// whether he", "How will he", "Jackson said he"
		if lw == "he" && gender != 'm' || lw == "she" && gender != 'f' || t != sn.First && toks[t-1].Text != "," && !(t == sn.First+1 && chainOpeners[r.lowTok(sn.First)]) {
			return false
		}
		if i := r.before(t); i < len(r.mentions) && r.mentions[i].tok == t {
			return false // an attribution's source: "He added that ..."
		}
		return true
	}
	return false
}

// isSubject: the mention opens its sentence, or follows an introductory
// phrase and a comma.
func (r *resolver) isSubject(tok int) bool {
	toks := r.d.Tokens
	s := r.d.Sents[toks[tok].Sent].First
	if tok-s <= 2 {
		return true
	}
	// (a mention starts after its honorific or title: "..., Mr. Weiner")
	for tok > s && (honorific[r.lowTok(tok-1)] != 0 || titleWords[r.lowTok(tok-1)] && isCap(toks[tok-1].Text)) {
		tok--
	}
	// after an introductory phrase and a comma, or a short one and a
	// colon ("Small wonder: Poulet, who ...")
	return tok > 0 && (toks[tok-1].Text == "," && (tok-s < 12 || tok-s < maxOpeningPhrase && r.opensWithPhrase(s)) || toks[tok-1].Text == ":" && tok-s <= 4)
}

// maxOpeningPhrase bounds the words of a prepositional or subordinate
// phrase opening a sentence before its subject.
const maxOpeningPhrase = 25

// opensWithPhrase reports whether sentence-first token s opens a
// prepositional or subordinate phrase ("Despite the swirl of events that
// has buffeted him for several days, Mr. Weiner has ..."): the name after
// its comma is the subject however long the phrase.
func (r *resolver) opensWithPhrase(s int) bool {
	lw := r.lowTok(s)
	return nameOpeners[lw] || leadingSubordinators[lw]
}

// pluralPronoun: "they" → the last group or organisation source.
func (r *resolver) pluralPronoun(p int) Speaker {
	toks := r.d.Tokens
	for i := r.lastActive(r.before(p) - 1); i >= 0; i = r.lastActive(i - 1) {
		nm := r.mentions[i]
		if nm.tok >= p {
			continue
		}
		if toks[p].Sent-nm.sent > 2 {
			break
		}
		ent := r.ents[nm.ent]
		if ent.kind == claimtrail.SpeakerGroup && r.isSubject(nm.tok) && toks[nm.tok].Quote == 0 && !r.afterPreposition(nm.tok) {
			// "Republicans welcomed the release ... They also said":
			// the group that is the subject before
			return Speaker{Name: ent.name, Kind: claimtrail.SpeakerGroup, Confidence: 0.5}
		}
		if ent.kind == claimtrail.SpeakerOrganization {
			if ls, le, ok := r.nameList3(nm.tok); ok {
				// "Bank of America, UBS, Deutsche Bank and Citigroup.
				// They have all denied": all of the list
				return Speaker{Name: r.text(ls, le), Kind: claimtrail.SpeakerGroup, Confidence: 0.5}
			}
			return Speaker{Name: ent.name, Kind: claimtrail.SpeakerOrganization, Confidence: 0.5}
		}
	}
	// no named group: the plural noun phrase that is the subject of its
	// sentence or the one before ("The Communists are also hostile ...
	// they have expressed", "House of Lords law lords ruled ... They
	// said", "Obama administration officials who said ... They said")
	for s := toks[p].Sent; s >= toks[p].Sent-1 && s >= 0; s-- {
		if sp, ok := r.pluralSubject(s, p); ok {
			if s < toks[p].Sent && r.otherPluralSource(s, p, sp.Name) {
				// another plural that spoke after that subject is the
				// extractor's to give: "European sporting goods
				// companies have seen ..., analysts said. ..., they
				// added" is the analysts'
				return unknown(toks[p].Text)
			}
			return sp
		}
	}
	return unknown(toks[p].Text)
}

// nameList3 finds the list of three or more capitalised names, joined by
// commas and a final "and", that the name starting at token k belongs
// to, in its sentence: [s, e) from the first name to the end of the
// last.
func (r *resolver) nameList3(k int) (s, e int, ok bool) {
	toks := r.d.Tokens
	sent := toks[k].Sent
	// the run of capitalised words (with "of") around k is one item
	item := func(t int) (int, int) {
		a, b := t, t
		for a > 0 && toks[a-1].Sent == sent && (isCap(toks[a-1].Text) || toks[a-1].Text == "of" && a > 1 && isCap(toks[a-2].Text)) {
			a--
		}
		for b < len(toks) && toks[b].Sent == sent && (isCap(toks[b].Text) || toks[b].Text == "of" && b+1 < len(toks) && isCap(toks[b+1].Text)) {
			b++
		}
		return a, b
	}
	a, b := item(k)
	if a == b {
		return 0, 0, false
	}
	s, e = a, b
	n := 1
	// back over ", Name" (and "Name and" when k is the last)
	for s >= 2 && (toks[s-1].Text == "," || r.lowTok(s-1) == "and" && n == 1) && isCap(toks[s-2].Text) {
		a2, _ := item(s - 2)
		s, n = a2, n+1
	}
	// on over ", Name" and "and Name"
	for e+1 < len(toks) && toks[e].Sent == sent && (toks[e].Text == "," || r.lowTok(e) == "and") && isCap(toks[e+1].Text) {
		last := r.lowTok(e) == "and"
		_, b2 := item(e + 1)
		e, n = b2, n+1
		if last {
			break
		}
	}
	// a list's commas come first and its one "and" last ("US
	// Securities and Exchange Commission, Sina" is no list of three)
	commas, and := 0, -1
	for t := s; t < e; t++ {
		switch {
		case toks[t].Text == ",":
			if and >= 0 {
				return 0, 0, false
			}
			commas++
		case r.lowTok(t) == "and":
			if and >= 0 {
				return 0, 0, false
			}
			and = t
		}
	}
	return s, e, n >= 3 && commas >= 1 && and >= 0
}

// verbAt reports whether token k is a verb: by its tag, or, in a
// sentence the syntax stage left untagged, a form of "be" or "have" or a
// modal.
func (r *resolver) verbAt(k int) bool {
	pos := r.d.Tokens[k].POS
	if pos != "" {
		return strings.HasPrefix(pos, "VB") || pos == "MD"
	}
	lw := r.lowTok(k)
	return auxiliary[lw] || copulas[lw] || modalWords[lw]
}

var modalWords = wordSet("will would can could may might must should shall")

// pluralSubjectOpeners open a sentence or clause before its subject.
var pluralSubjectOpeners = wordSet("but and so yet then when if as after once because since while")

// pluralSubject is the subject of sentence s, before token p, when it is
// a plural noun phrase of people or bodies followed by its verb (or
// "who").
func (r *resolver) pluralSubject(s, p int) (Speaker, bool) {
	toks := r.d.Tokens
	k := r.d.Sents[s].First
	// (the openers of a clause before its subject: "Then when
	// administrators are confronted, they claim")
	for k < p && k < r.d.Sents[s].First+3 && pluralSubjectOpeners[r.lowTok(k)] {
		k++
	}
	// (and a short opening phrase with its comma: "In contrast,
	// Steinle's family has")
	for j := k; j < p && j < k+4; j++ {
		if toks[j].Text == "," {
			if prepositions[r.lowTok(k)] || nameOpeners[r.lowTok(k)] || toks[k].POS == "RB" {
				k = j + 1
			}
			break
		}
	}
	start := k
	if k < p && r.lowTok(k) == "the" {
		k++
	}
	for h := k; h < p && h < start+7; h++ {
		if t := toks[h].Text; (t == "'s" || t == "’s") && h > k {
			continue // "Steinle's family has"
		}
		if toks[h].Quote != 0 || isPunct(toks[h].Text) || pronouns[r.lowTok(h)] != "" {
			return Speaker{}, false
		}
		nx := h + 1
		if nx >= p {
			return Speaker{}, false
		}
		if t := toks[nx].Text; t == "'s" || t == "’s" {
			continue // a possessive, not "is"
		}
		if !r.verbAt(nx) && r.lowTok(nx) != "who" && !r.untaggedVerb(nx) && !(toks[nx].Text == "," && nx+1 < p && r.lowTok(nx+1) == "who") {
			// (untagged, a verb's past or a verb of saying ends the
			// subject too, and so does a relative clause in commas:
			// "The couple, who married last year, claimed")
			continue
		}
		hw := r.lowTok(h)
		sing := strings.TrimSuffix(hw, "s")
		capital := isCap(toks[h].Text) && h != r.d.Sents[s].First // ("Officials divulged": capital as the sentence's first word)
		plural := hw == "police" || collectiveNouns[hw] || strings.HasSuffix(hw, "s") && hw != sing && (personNouns()[sing] || orgHeads[sing] || roleWords[sing] || capital && len(hw) > 3) ||
			// ("companies", "authorities": a plural of a body's or a
			// person's noun; "The three have refused": a number of
			// people just named)
			!capital && plural32(hw) || h == k && k > start && pluralNumbers[hw]
		if !plural || capital && h > k && !isCap(toks[h-1].Text) {
			return Speaker{}, false
		}
		if capital && (partyMember[sing] || hw == "tories" || strings.HasSuffix(hw, "ists") || strings.HasSuffix(hw, "ans")) || !capital {
			return Speaker{Name: r.text(k, h+1), Kind: claimtrail.SpeakerGroup, Confidence: 0.5}, true
		}
		return Speaker{}, false
	}
	return Speaker{}, false
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

// endsHead reports whether token k, just after a name, ends the noun
// phrase the name heads: a preposition ("Alan Smith in November", "Jamie
// Werner of Ngatiwai"), a verb ("David Davis said the research") or a
// relative pronoun.
func (r *resolver) endsHead(k int) bool {
	lw := r.lowTok(k)
	return prepositions[lw] || isVerbTag(r.d.Tokens[k].POS) || lw == "who" || lw == "which" || lw == "that"
}

// peopleWord reports a capitalised plural whose singular is a word for a
// person or a party member ("tories", "mps", "democrats").
func (r *resolver) peopleWord(lw string) bool {
	if !isPlural(lw) && !(len(lw) == 3 && lw[2] == 's') {
		return false
	}
	for _, s := range singulars(lw) {
		if speakingNouns()[s] && firstNameGender[s] == 0 {
			return true
		}
	}
	return false
}

// writtenLower reports whether the word at token k is written in lower
// case anywhere in the article.
func (r *resolver) writtenLower(k int) bool {
	t := r.d.Tokens[k].Text
	for i := range r.d.Tokens {
		if w := r.d.Tokens[i].Text; w != t && strings.EqualFold(w, t) && !isCap(w) {
			return true
		}
	}
	return false
}

// onlySentenceInitial reports whether every mention of entity ei opens
// its sentence (after any opening quote mark).
func (r *resolver) onlySentenceInitial(ei int) bool {
	for _, nm := range r.mentions {
		if nm.ent != ei {
			continue
		}
		first := r.d.Sents[nm.sent].First
		for first < nm.tok && isPunct(r.d.Tokens[first].Text) {
			first++
		}
		if nm.tok != first {
			return false
		}
	}
	return true
}

// properPlural reports a plural word that is a proper noun: written with
// more than one capital ("MPs") or a proper noun in WordNet ("Tories").
func (r *resolver) properPlural(name string) bool {
	caps := 0
	for _, c := range name {
		if c >= 'A' && c <= 'Z' {
			caps++
		}
	}
	if caps > 1 {
		return true
	}
	for _, s := range singulars(r.lower(name)) {
		if properNouns()[s] {
			return true
		}
	}
	return false
}

// afterPreposition reports whether the name at tok follows a preposition
// (past any title or determiner words: "of President Obama").
// passiveAgent reports whether the name at tok is who told or informed
// someone, in the passive ("reporters were told by Jane Ortiz that"):
// a speaker, not a name talked about. Other passives are left alone:
// "the idea was proposed by Stephen Coleman" names an author of long
// ago, not the "he" who adds to a report.
func (r *resolver) passiveAgent(tok int) bool {
	toks := r.d.Tokens
	k := tok - 1
	for k >= 0 && r.flags(k)&(fTitle|fHonorific) != 0 && r.lowTok(k) != "by" {
		k--
	}
	if k < 1 || r.lowTok(k) != "by" || toks[k-1].Sent != toks[tok].Sent {
		return false
	}
	if toldParticiples[r.lowTok(k-1)] {
		return true
	}
	// the agent of "brought out by", "was raised by": a participle of
	// saying or showing, a particle between
	v := k - 1
	if toks[v].POS == "RP" && v > 0 {
		v--
	}
	return toks[v].POS == "VBN" && agentParticiples[r.lowTok(v)]
}

// agentParticiples are participles whose agent says something: "This
// point was brought out by Pope Pius XII ..., when he said:".
var agentParticiples = wordSet("brought made raised stated expressed voiced put set echoed repeated described explained noted argued claimed suggested proposed")

// authorBy reports whether the name at tok is a work's author: "by"
// right before it (titles aside) and a document noun within the six
// words before that ("a new book, Brown's Britain by Robert Peston. In it
// he alleges" is Peston's, who wrote, not who the book is about).
func (r *resolver) authorBy(tok int) bool {
	toks := r.d.Tokens
	k := tok - 1
	for k >= 0 && r.flags(k)&(fTitle|fHonorific) != 0 && r.lowTok(k) != "by" {
		k--
	}
	if k < 1 || r.lowTok(k) != "by" {
		return false
	}
	// the work or its making within three words before "by" ("a book
	// published this week by", "Brown's Britain by"), not what someone obtained ("emails
	// obtained by the Weekly Standard"); and no possessive after the name
	made := isCap(toks[k-1].Text)
	for j := k - 1; j >= 0 && j >= k-3 && !made; j-- {
		made = documentNouns[r.lowTok(j)] || authoredParticiples[r.lowTok(j)]
	}
	if !made {
		return false
	}
	if e := r.nameEnd(tok); e < len(toks) && (toks[e].Text == "'s" || toks[e].Text == "’s") {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-6 && toks[j].Sent == toks[tok].Sent; j-- {
		if documentNouns[r.lowTok(j)] {
			return true
		}
	}
	return false
}

// authoredParticiples make a work before its author's "by".
var authoredParticiples = wordSet("written published authored penned released compiled edited produced")

// nameEnd is the token after the capitalised run that starts at tok.
func (r *resolver) nameEnd(tok int) int {
	toks := r.d.Tokens
	e := tok
	for e < len(toks) && isCap(toks[e].Text) && toks[e].Sent == toks[tok].Sent {
		e++
	}
	return e
}

// toldParticiples are the participles of passive reports to someone.
var toldParticiples = map[string]bool{"told": true, "informed": true, "assured": true, "advised": true, "briefed": true,
	"warned": true, "reassured": true, "notified": true}

func (r *resolver) afterPreposition(tok int) bool {
	return r.afterPrepositionIn(tok, 0)
}

// afterPrepositionIn is afterPreposition for the name at tok that may be
// the depth-th later member of a list: "competition from Jamie Foxx, Jim
// Carrey and Johnny Depp" has all three after "from". A comma joins only
// inside a list that goes on after the name ("According to Reuters, Smith
// said" does not), and not after a sentence-opening phrase ("In London,
// Smith and Jones ...").
func (r *resolver) afterPrepositionIn(tok, depth int) bool {
	toks := r.d.Tokens
	k := tok - 1
	for k >= 0 && r.flags(k)&(fTitle|fDeterminer|fHonorific) != 0 && !prepositions[r.lowTok(k)] {
		k--
	}
	if k < 0 || toks[k].Sent != toks[tok].Sent {
		return false
	}
	if prepositions[r.lowTok(k)] {
		return depth == 0 || k > r.d.Sents[toks[k].Sent].First
	}
	if depth >= 6 || !(r.lowTok(k) == "and" || r.lowTok(k) == "or" || toks[k].Text == "," && r.listGoesOn(tok)) {
		return false
	}
	j := k - 1
	for j >= 0 && k-1-j < 8 && toks[j].Sent == toks[tok].Sent && isCap(toks[j].Text) && toks[j].Quote == 0 {
		j-- // (a name is short: a page of capitals stays linear)
	}
	if j+1 >= k {
		return false
	}
	return r.afterPrepositionIn(j+1, depth+1)
}

// talkedAbout reports whether the name at tok stands after a
// preposition other than "from" ("under Tony Blair", "an attack
// on Mr Brown"): what is talked about, not who talks ("a call ... from
// Charles Kennedy" may be who talks).
func (r *resolver) talkedAbout(tok int) bool {
	if !r.afterPreposition(tok) {
		return false
	}
	k := tok - 1
	for k >= 0 && r.flags(k)&(fTitle|fDeterminer|fHonorific) != 0 && !prepositions[r.lowTok(k)] {
		k--
	}
	return k < 0 || r.lowTok(k) != "from"
}

// wordsFrom reports whether the name at tok comes after "from" after a
// noun of what is said within the four words before it ("a similar
// sentiment on Twitter from", "a statement from", "criticism from").
func (r *resolver) wordsFrom(tok int) bool {
	toks := r.d.Tokens
	k := tok - 1
	for k >= 0 && r.flags(k)&(fTitle|fDeterminer|fHonorific) != 0 && !prepositions[r.lowTok(k)] {
		k--
	}
	if k < 1 || r.lowTok(k) != "from" || toks[k].Sent != toks[tok].Sent {
		return false
	}
	for j := k - 1; j >= 0 && j >= k-4 && toks[j].Sent == toks[tok].Sent; j-- {
		if saidNouns[r.lowTok(j)] {
			return true
		}
	}
	return false
}

// saidNouns name what someone said or wrote.
var saidNouns = wordSet("sentiment sentiments statement statements comment comments remark remarks tweet tweets message messages " +
	"response reaction reply criticism praise warning plea call words quote quotes letter email post")

// titledPair resolves two persons with their titles joined by "and"
// ("German Chancellor Gerhard Schroeder and Italian Prime Minister
// Silvio Berlusconi") to both, a group: the titles kept the pair from
// reading as one, and the last name alone took it.
func (r *resolver) titledPair(s, e int) (Speaker, bool) {
	and := -1
	for k := s; k < e; k++ {
		switch lw := r.lowTok(k); {
		case lw == "and":
			if and >= 0 {
				return Speaker{}, false
			}
			and = k
		case isPunct(r.d.Tokens[k].Text):
			return Speaker{}, false
		}
	}
	if and <= s || and >= e-1 {
		return Speaker{}, false
	}
	left, okL := r.titledPerson(s, and)
	right, okR := r.titledPerson(and+1, e)
	if !okL || !okR || left == right {
		return Speaker{}, false
	}
	return Speaker{Name: left + " and " + right, Kind: claimtrail.SpeakerGroup, Confidence: 0.8}, true
}

// titledPerson returns the person named at the end of [s, e) when the
// words before the name are titles or capitalised (an office: "Italian
// Prime Minister"), and at least one is an office's word, not an
// honorific ("Mr Magnier and Mr McManus" stays as written).
func (r *resolver) titledPerson(s, e int) (string, bool) {
	toks := r.d.Tokens
	for i := r.lastActive(r.before(e) - 1); i >= 0; i = r.lastActive(i - 1) {
		nm := r.mentions[i]
		if nm.tok < s {
			return "", false
		}
		if r.ents[nm.ent].kind != claimtrail.SpeakerPerson {
			continue
		}
		for k := nm.tok; k < e; k++ {
			if !isCap(toks[k].Text) {
				return "", false
			}
		}
		title := false
		for k := s; k < nm.tok; k++ {
			lw := r.lowTok(k)
			if !titleWords[lw] && !isCap(toks[k].Text) {
				return "", false
			}
			title = title || titleWords[lw] && !connector[lw] && honorific[strings.TrimSuffix(lw, ".")] == 0 && honorific[lw] == 0
		}
		return r.ents[nm.ent].name, title
	}
	return "", false
}

// described reports whether a later part's organisation, named in
// capitals (after "the"), is the one an earlier part only describes
// ("Manufacturers' organisation, the EEF,", "Retail group, the BRC,"):
// the description's head is a lower-case noun.
func described(best, later Speaker) bool {
	if best.Kind != claimtrail.SpeakerOrganization || later.Kind != claimtrail.SpeakerOrganization {
		return false
	}
	bf, lf := sharedFields(best.Name), sharedFields(later.Name)
	if len(bf) == 0 || len(lf) == 0 || isCap(bf[len(bf)-1]) {
		return false
	}
	for _, w := range lf {
		if !isCap(w) {
			return false
		}
	}
	return true
}

// listGoesOn reports whether the capitalised name at tok is a member of
// a list of names that is not its last: names and commas up to "and" or
// "or" and one more name ("Jim Carrey and Johnny Depp", "Foxx, Jim
// Carrey and"), not a name and an apposition ("Lew, the SSMU's
// vice-president").
func (r *resolver) listGoesOn(tok int) bool {
	toks := r.d.Tokens
	k := tok
	for n := 0; n < 8; n++ {
		start := k
		for k < len(toks) && k-start < 8 && isCap(toks[k].Text) && toks[k].Sent == toks[tok].Sent {
			k++
		}
		if k == start || k+1 >= len(toks) {
			return false
		}
		lw := r.lowTok(k)
		switch {
		case lw == "and" || lw == "or":
			return isCap(toks[k+1].Text) && toks[k+1].Sent == toks[tok].Sent
		case toks[k].Text == ",":
			k++
		default:
			return false
		}
	}
	return false
}

// definitePerson resolves a definite description of one person ("the
// former senator", "the communications pro", "the administration's top
// intelligence official") to the most salient person named before it,
// when one clearly stands out. Relatives and anonymous people ("the
// mother", "the man") are someone else, and a person known by another
// office ("Governor X" for "the senator") is not taken.
func (r *resolver) definitePerson(s, e, start int) (Speaker, bool) {
	toks := r.d.Tokens
	h := r.head(s, e)
	if h < 0 || isCap(toks[h].Text) {
		return Speaker{}, false
	}
	// an age or "former" right after "the" marks a person just named
	// ("The 58-year-old US singer of ...", "The former Scotland
	// international", "the former chairman of the Judiciary Committee"):
	// its head may be followed by an "of" phrase and need not be a
	// person noun
	first := s // the word after "the" (the mention may be trimmed of it)
	if r.lowTok(s) == "the" {
		first = s + 1
	}
	marked := first < h && r.lowTok(start) == "the" && (ageNoun(r.lowTok(first)) || r.lowTok(first) == "former") && r.isSubject(start)
	var spoke map[string]bool
	if marked {
		// an age or "former" describes whom the story quotes: of the
		// persons named in the sentences before, one that was a source
		// ("Strachan told the BBC. Club director Terry Brady held talks
		// with Strachan. The former Scotland international added" is
		// Strachan's); with none, the description stays one
		spoke = r.recentSources(s)
		marked = spoke != nil
	}
	if h != e-1 && !(marked && r.ofPhrase(h+1, e)) {
		return Speaker{}, false
	}
	hw := r.lowTok(h)
	if rest, ok := strings.CutPrefix(hw, "ex-"); ok && (congressNouns[rest] || titleWords[rest] && !connector[rest]) {
		// "the ex-congressman" is "the former congressman": the office
		// after the prefix is the head (not any noun: "the ex-sailor"
		// is left as it was)
		hw = rest
	}
	if ageNoun(hw) {
		// "the 64-year-old said": news writes a person's age for a
		// person just named, never for someone new
		hw = "person"
	} else if isPlural(hw) || !personNouns()[hw] && !titleWords[hw] && !marked || notThePerson[hw] || orgWords[hw] || documentNouns[hw] || firmHeads[hw] || hw == "affiliate" {
		return Speaker{}, false
	}
	definite := false
	switch r.lowTok(start) {
	case "the", "this", "that":
		definite = true
	}
	for k := s; k < h; k++ {
		if lw := r.lowTok(k); lw == "'s" || lw == "’s" {
			definite = true
		}
		if toks[k].Text == "," {
			return Speaker{}, false
		}
	}
	if definite && h == e-1 && first == h {
		if sp, ok := r.firmOfPlural(s, hw); ok {
			return sp, true
		}
	}
	if !definite || r.introducedUnnamed(s, hw) || r.personOwner(s, h) || r.personNounOwner(s, h) || !titleWords[hw] && r.namedOwnerUndecided(s, h) || roleWords[hw] && r.possessedRoleBefore(s) || r.agentOfOwner(first, h) {
		return Speaker{}, false
	}
	var gender byte
	switch {
	case strings.HasSuffix(hw, "woman") || hw == "spokeswoman" || hw == "chairwoman":
		gender = 'f'
	case strings.HasSuffix(hw, "man") && hw != "human":
		gender = 'm'
	}
	office := titleWords[hw] && !connector[hw]
	if office {
		if sp, ok := r.laterHolder(first, h); ok {
			return sp, true
		}
		if key, ok := r.bareOffice(start, e); ok {
			if sp, ok := r.apposedHolder(start, h, key); ok {
				return sp, true
			}
		}
	}
	// when someone in the article carries the office, only they do ("The
	// archbishop added" after "Archbishop Desmond Tutu" is not the
	// Foreign Secretary quoted just before)
	carried := false
	for k := range r.ents {
		if office {
			break // (offices are matched below, word by word)
		}
		for _, t := range r.ents[k].titles {
			if r.ents[k].kind == claimtrail.SpeakerPerson && titleFits(t, hw) {
				carried = true
			}
		}
	}
	// a candidate described by party and race ("the presumptive
	// Republican presidential nominee") is the one written with those
	// words before the name, not the last "GOP candidate" named
	var agreeing map[string]bool
	if candidateHeads[hw] {
		agreeing = r.modifiersAgree(first, h)
	}
	key := r.officeKey(h)
	exclusiveKey, exclusive := r.bareOffice(start, e)
	heldElse := false // keep ruled out one read as another office's holder
	qualifier := ""   // "deputy" of "the deputy speaker"
	for k := first; k < h; k++ {
		if lw := r.lowTok(k); titleQualifiers[lw] && lw != "shadow" {
			qualifier = lw
		}
	}
	checkHeld := true
	related := r.relatedTo(hw)
	keep := func(ent *entity) bool {
		if agreeing != nil && !agreeing[ent.name] {
			return false
		}
		if ei, ok := r.byName[r.lower(ent.name)]; ok && related[ei] {
			// "The actor's friend Budd Schulberg ... The actor
			// refused": the friend is not the actor
			return false
		}
		if ei, ok := r.byName[r.lower(ent.name)]; ok && checkHeld && (exclusive || pressJobs[hw]) && r.heldOffice(ei, exclusiveKey) {
			// "The home secretary said" was Mr Blunkett: he is not "the
			// prime minister", nor the prime minister "the editor"
			heldElse = true
			return false
		}
		if ei, ok := r.byName[r.lower(ent.name)]; ok && office && r.notOfficeHolder(key, ei, toks[s].Sent) {
			// "between the chancellor and Tony Blair": not Blair
			return false
		}
		if office && qualifier != "" && !slices.Contains(ent.titles, qualifier) {
			// "the deputy speaker" is an office of its own: only one
			// written with "deputy" holds it, not a peer named before
			// (a shadow minister is seldom so titled: left alone)
			return false
		}
		if office && checkHeld && ent.gender == 0 && placeTitlesOnly(ent.titles) && genderOfName(ent.name) == 0 && loneWord(ent.name) {
			// a lone capitalised word nothing marks as a person's holds
			// no office: "British Navy ships have helped and the prime
			// minister has said" is no Navy's
			heldElse = true
			return false
		}
		if office && r.someNotHolder(key, toks[s].Sent) && ent.gender == 0 && len(ent.titles) == 0 && genderOfName(ent.name) == 0 {
			// (and with someone so ruled out, only one plainly a
			// person: not "Again I")
			return false
		}
		if pluralMembers[r.lower(ent.last)] || namedParty(r.lower(ent.name)) {
			// "Senate Republicans' hope of confirming the nominee ... the
			// nominee said": a party or its members are no one person
			return false
		}
		if carried {
			for _, t := range ent.titles {
				if titleFits(t, hw) {
					return true
				}
			}
			return false
		}
		if spoke != nil && (!spoke[ent.name] || ent.gender == 0 && len(ent.titles) == 0 && genderOfName(ent.name) == 0) {
			return false // (and one marked as a person: no "A Different Story")
		}
		if agentRoles[hw] && hw != "representative" && !slices.ContainsFunc(ent.titles, func(t string) bool { return agentRoles[t] }) {
			// "the aide", "the spokesman": someone who speaks for another,
			// only one written as such (not Mr Kell after "a spokesperson
			// for Mr Kell"; a representative may be a congressman)
			return false
		}
		if !office {
			return true
		}
		// a person written with titles must carry this one, and not as
		// a deputy's: "Deputy Mayor Nicky Gavron" is not "the mayor"
		for _, t := range ent.titles {
			if titleQualifiers[t] && !r.wordIn(s, h, t) {
				return false
			}
		}
		for _, t := range ent.titles {
			if t == hw || fullTitle(t) == hw || chiefHeads[hw] && leadTitles[t] {
				return true
			}
		}
		for _, t := range ent.titles {
			if officeWords[t] || roleWords[t] || pressJobs[t] {
				// another office or a job: "BBC political editor Andrew
				// Marr" is not "the prime minister"
				return false
			}
		}
		return true
	}
	sp := r.salient(s, gender, keep)
	if sp.Kind != claimtrail.SpeakerPerson || sp.Confidence < 0.8 {
		return Speaker{}, false
	}
	if heldElse {
		// the one salience would pick without those rules (one read as
		// another office's or a job's holder, a lone word) is no
		// holder: the next is one only when named in the sentences just
		// before ("Mr Blunkett was joined by Tony Blair ... The prime
		// minister said"); for a job ("the Spectator editor") the next
		// is no surer, and the description stays one
		checkHeld = false
		alt := r.salient(s, gender, keep)
		checkHeld = true
		if alt.Kind == claimtrail.SpeakerPerson && alt.Name != sp.Name && (!exclusive || !r.namedNear(sp.Name, s, 2)) {
			return Speaker{}, false
		}
	}
	if exclusive {
		ei, seen := r.byName[r.lower(sp.Name)]
		if k := r.otherBareOffice(start, exclusiveKey); k >= 0 && !(seen && r.entOffice[ei] == exclusiveKey) && r.salient(k, 0, nil).Name == sp.Name {
			// "A new book says the prime minister went back on a pledge
			// to Mr Brown ... The chancellor has said": the person
			// salience picks for this office it picks for another
			// one-holder office just before, and one person holds one
			// such office in a story; the description stays one (unless
			// a source of this office was already read as the person's)
			return Speaker{}, false
		}
	}
	if office && r.headOfState(first, h) {
		if alt, ok := r.prominentHolder(s, sp.Name, keep); ok {
			sp = alt
		}
	}
	if !office && spoke == nil {
		if alt, ok := r.introducedJustBefore(s, gender, keep); ok && alt.Name != sp.Name {
			alt.Confidence = 0.6
			return alt, true
		}
	}
	if age := r.describedAge(first, h); age != "" {
		if ei, ok := r.byName[r.lower(sp.Name)]; ok && r.otherAgeStated(ei, s, age) {
			return Speaker{}, false // (as ageAgrees)
		}
	}
	if r.mainSubjectBefore(start, sp.Name) {
		// "Frank Capra was the butt of one gaffe when the host opened
		// the envelope": a writer says "he" of the main clause's
		// subject in a clause that goes on from it, so "the host" is
		// someone else; no one named (left to the other rules)
		return Speaker{}, false
	}
	if gender == 0 {
		if g := r.reportedPronoun(e); g != 0 {
			if ei, ok := r.byName[r.lower(sp.Name)]; ok && r.personGender(ei) != 0 && r.personGender(ei) != g {
				// "the first minister said his comments had been
				// distorted": the speaker is a man, not the woman
				// salience picks (who wrote to him); the next one is no
				// surer, and the description stays one
				return Speaker{}, false
			}
		}
	}
	sp.Confidence = 0.6
	return sp, true
}

// introducedJustBefore returns the person the sentence before token s
// introduces as the subject of its verb, named in full for the first
// time there ("Meanwhile, Perpignan centre Jean-Philippe Granclaude is
// delighted ... “...,” the youngster said"): a bare description right
// after goes on with the newcomer, not the one the story quoted before.
func (r *resolver) introducedJustBefore(s int, gender byte, keep func(*entity) bool) (Speaker, bool) {
	toks := r.d.Tokens
	sent := toks[s].Sent
	if sent == 0 {
		return Speaker{}, false
	}
	found := -1
	for i := r.lastActive(r.before(s) - 1); i >= 0; i = r.lastActive(i - 1) {
		nm := r.mentions[i]
		if nm.sent < sent-1 {
			break
		}
		if nm.sent == sent {
			continue
		}
		ent := &r.ents[nm.ent]
		n := countFields(ent.name)
		if ent.kind != claimtrail.SpeakerPerson || n < 2 || toks[nm.tok].Quote != 0 || nm.tok+n >= len(toks) || !r.verbAt(nm.tok+n) ||
			!r.wordsAt(nm.tok, sharedFields(ent.name)) {
			continue
		}
		if !r.opensSentence(nm.tok) {
			continue
		}
		if gender != 0 && ent.gender != 0 && ent.gender != gender || keep != nil && !keep(ent) {
			return Speaker{}, false
		}
		found = i
	}
	if found < 0 {
		return Speaker{}, false
	}
	nm := r.mentions[found]
	n := 0
	for i := r.lastActive(found - 1); i >= 0; i = r.lastActive(i - 1) {
		if n++; r.mentions[i].ent == nm.ent || n > newcomerReach {
			return Speaker{}, false // named before (or too far to tell): no newcomer
		}
	}
	return Speaker{Name: r.ents[nm.ent].name, Kind: claimtrail.SpeakerPerson, Confidence: 0.6}, true
}

// newcomerReach bounds the name mentions introducedJustBefore reads back
// to tell that a person is named for the first time.
const newcomerReach = 400

// opensSentence reports whether the name at tok is its sentence's
// subject by place: only an opening adverb and its comma and the words
// that describe the name come before it ("Meanwhile, Perpignan centre
// Jean-Philippe Granclaude is"), no verb, no preposition (not "the
// impact manager Jose Mourinho has had").
func (r *resolver) opensSentence(tok int) bool {
	first := r.d.Sents[r.d.Tokens[tok].Sent].First
	if tok-first > 8 || r.afterPreposition(tok) {
		return false
	}
	for k := first; k < tok; k++ {
		if r.verbAt(k) || prepositions[r.lowTok(k)] || isDeterminer(r.lowTok(k)) && k > first {
			return false
		}
	}
	return true
}

// mainSubjectBefore reports whether the person called name opens the
// sentence of token p as the subject of its verb, and a subordinating
// word ("when", "as", "after") stands between that verb and p: p is in
// a clause that goes on from the main one.
func (r *resolver) mainSubjectBefore(p int, name string) bool {
	toks := r.d.Tokens
	ei, ok := r.byName[r.lower(name)]
	if !ok {
		return false
	}
	first := r.d.Sents[toks[p].Sent].First
	if p-first > 40 || toks[p].Quote != 0 {
		return false
	}
	n := 0
	for i := r.before(first); i < len(r.mentions) && r.mentions[i].tok == first; i++ {
		if r.mentions[i].ent == ei {
			n = countFields(r.ents[ei].name)
		}
	}
	if n == 0 || !r.wordsAt(first, sharedFields(r.ents[ei].name)) || first+n >= p || !r.verbAt(first+n) {
		return false
	}
	for k := first + n + 1; k < p; k++ {
		switch r.lowTok(k) {
		case "when", "as", "after", "before", "because", "while", "until":
			return true
		}
	}
	return false
}

// ageAgrees returns sp for the description [s, e) that an age opens
// ("The 13-year-old also told the FBI"), unless the article gave the
// person another age ("Siraj Ibn Wahhaj, 40,"): then the description,
// as no one else is surer.
func (r *resolver) ageAgrees(s, e int, sp Speaker) Speaker {
	if age := r.describedAge(s, e-1); age != "" && sp.Kind == claimtrail.SpeakerPerson {
		if ei, ok := r.byName[r.lower(sp.Name)]; ok && r.otherAgeStated(ei, s, age) {
			return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerDescription, Confidence: 0.5}
		}
	}
	return sp
}

// describedAge returns the number of years an age in [first, h] gives
// ("13" of "The 13-year-old"), or "".
func (r *resolver) describedAge(first, h int) string {
	for k := first; k <= h && k < len(r.d.Tokens); k++ {
		if w := r.lowTok(k); ageNoun(w) {
			return strings.TrimSuffix(w, "-year-old")
		}
	}
	return ""
}

// otherAgeStated reports whether the article gives entity ei, before
// token s, an age other than age: after a mention and a comma ("Siraj
// Ibn Wahhaj, 40,") or before it ("35-year-old Jany Leveille"). It reads
// back at most newcomerReach name mentions.
func (r *resolver) otherAgeStated(ei, s int, age string) bool {
	toks := r.d.Tokens
	n := 0
	for i := r.lastActive(r.before(s) - 1); i >= 0 && n < newcomerReach; i = r.lastActive(i - 1) {
		n++
		nm := r.mentions[i]
		if nm.ent != ei {
			continue
		}
		if nm.tok > 0 {
			if w := r.lowTok(nm.tok - 1); ageNoun(w) && strings.TrimSuffix(w, "-year-old") != age {
				return true
			}
		}
		e := nm.tok
		for e < len(toks) && e < nm.tok+5 && isCap(toks[e].Text) {
			e++
		}
		if e+2 < len(toks) && toks[e].Text == "," && ageDigits(toks[e+1].Text) && (toks[e+2].Text == "," || toks[e+2].Text == ".") && toks[e+1].Text != age {
			return true
		}
	}
	return false
}

// ageDigits reports whether w is a number of one to three digits, as an
// age is written.
func ageDigits(w string) bool {
	return len(w) <= 3 && allDigits(w)
}

// allDigits reports whether w is a non-empty run of ASCII digits.
func allDigits(w string) bool {
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return w != ""
}

// reportedPronoun returns the gender of the pronoun that opens what a
// source ending at token e reports ("the minister said his comments",
// "the chairwoman added that she"): the first subject or possessive
// pronoun within a few
// lower-case words after the source, in its sentence and outside
// quotes, with no name or punctuation before it; 0 when there is none.
// News writes such a pronoun for the speaker.
func (r *resolver) reportedPronoun(e int) byte {
	toks := r.d.Tokens
	if e <= 0 || e >= len(toks) {
		return 0
	}
	for k := e; k < len(toks) && k < e+4 && toks[k].Sent == toks[e-1].Sent && toks[k].Quote == 0; k++ {
		if isCap(toks[k].Text) || isPunct(toks[k].Text) {
			return 0
		}
		switch r.lowTok(k) {
		case "he", "his":
			return 'm'
		case "she":
			return 'f' // (not "her": "the minister told her")
		case "they", "their", "it", "its", "we", "i", "you", "him", "her":
			return 0
		}
	}
	return 0
}

// personGender returns the gender the article gives entity ei: the
// pronouns or titles seen with it, else its given name's.
func (r *resolver) personGender(ei int) byte {
	if g := r.ents[ei].gender; g != 0 {
		return g
	}
	return genderOfName(r.ents[ei].name)
}

// writtenGender returns the gender of the pronouns the text writes right
// after entity ei's name as the subject of a verb, as the first pronoun
// before any punctuation, quote, other name or clause opener ("When
// Graham had his time to speak", "Lindsey Graham said he"): 'm' or 'f'
// when all such pronouns agree, else 0. A given name on one list ("Lindsey") says
// less than the text does. Read once an article per entity, at most 8
// tokens after each mention.
func (r *resolver) writtenGender(ei int) byte {
	if g, ok := r.written[ei]; ok {
		return g
	}
	toks := r.d.Tokens
	n := countFields(r.ents[ei].name)
	var g byte
	mixed := false
	for _, nm := range r.mentions {
		if nm.ent != ei || nm.isSource || toks[nm.tok].Quote != 0 || genderedPronoun(r.lowTok(nm.tok)) {
			continue
		}
		e := nm.tok + 1 // (the mention may be the surname alone)
		for e < len(toks) && e < nm.tok+n && isCap(toks[e].Text) {
			e++
		}
		if e >= len(toks) || !r.verbAt(e) && !r.untaggedVerb(e) {
			continue // only the name as a verb's subject ("Graham had his time"), not "called Sacheen Littlefeather to collect his award"
		}
		for k := e; k < len(toks) && k < e+8 && toks[k].Sent == nm.sent; k++ {
			lw := r.lowTok(k)
			var w byte
			// (not "him" nor "her": an object is someone else, "Kilgore
			// talked about the song without crediting her", and "her"
			// may be one; they end the scan as other pronouns do)
			switch lw {
			case "he", "his", "himself":
				w = 'm'
			case "she", "hers", "herself":
				w = 'f'
			}
			if w != 0 {
				if g != 0 && g != w {
					mixed = true
				}
				g = w
				break
			}
			if pronouns[lw] != "" || isCap(toks[k].Text) || toks[k].Quote != 0 || clauseOpeners[lw] || isPunct(toks[k].Text) {
				break
			}
		}
	}
	if mixed {
		g = 0
	}
	if r.written == nil {
		r.written = map[int]byte{}
	}
	r.written[ei] = g
	return g
}

// loneWord reports whether name is one word after the words that
// describe a person ("Navy", "British Navy", "rival Shell"): no given
// name and surname.
func loneWord(name string) bool {
	f := sharedFields(name)
	for len(f) > 1 && !FirstName(f[0]) && (nationalWords[strings.ToLower(f[0])] || nationalities[strings.ToLower(f[0])] || roleWords[strings.ToLower(f[0])] || titleWords[strings.ToLower(f[0])]) {
		f = f[1:]
	}
	return len(f) == 1
}

// namedNear reports whether the person called name is named, outside
// quote marks, before token p in its sentence or the back sentences
// before it.
func (r *resolver) namedNear(name string, p, back int) bool {
	ei, ok := r.byName[r.lower(name)]
	if !ok {
		return false
	}
	toks := r.d.Tokens
	for i := r.lastActive(r.before(p) - 1); i >= 0; i = r.lastActive(i - 1) {
		nm := r.mentions[i]
		if nm.sent < toks[p].Sent-back {
			break
		}
		if nm.ent == ei && toks[nm.tok].Quote == 0 {
			return true
		}
	}
	return false
}

// chiefHeads are what news calls whoever leads a body, a club or a team
// ("the Warriors chief", "the Rovers boss"), whatever their title, and
// leadTitles the titles of those who lead one: "Wigan chairman Maurice
// Lindsay" is "the Warriors chief", no other office.
var (
	chiefHeads = wordSet("chief boss head")
	leadTitles = wordSet("chairman chairwoman chair president director manager coach executive ceo owner founder principal")
)

// placeTitlesOnly reports whether titles, lower-case, are none or only
// nationalities and places ("british" of "British Navy"), which mark no
// one as a person.
func placeTitlesOnly(titles []string) bool {
	for _, t := range titles {
		if !places()[t] && !nationalWords[t] && !nationalities[t] {
			return false
		}
	}
	return true
}

// firmOfPlural returns the body the article wrote right after the plural
// of a bare description's head before token s ("Argonaut called in
// administrators David Rubin & Partners ... The administrator told"): a
// firm of them, which the description goes on with, not the person
// salience would pick.
func (r *resolver) firmOfPlural(s int, hw string) (Speaker, bool) {
	toks := r.d.Tokens
	plural := hw + "s"
	for k := s - 1; k >= 0 && k >= s-apposedHolderReach; k-- {
		if r.lowTok(k) != plural || isCap(toks[k].Text) || k+1 >= len(toks) || !isCap(toks[k+1].Text) {
			continue
		}
		for i := r.before(k + 1); i < len(r.mentions) && r.mentions[i].tok == k+1; i++ {
			if nm := r.mentions[i]; nm.ent >= 0 && r.ents[nm.ent].kind == claimtrail.SpeakerOrganization {
				return Speaker{Name: r.ents[nm.ent].name, Kind: claimtrail.SpeakerOrganization, Confidence: 0.6}, true
			}
		}
		return Speaker{}, false
	}
	return Speaker{}, false
}

// namedAfter reports whether the person called name is named again at or
// after token p.
func (r *resolver) namedAfter(name string, p int) bool {
	ei, ok := r.byName[r.lower(name)]
	if !ok {
		return false
	}
	for i := r.before(p); i < len(r.mentions); i++ {
		if r.mentions[i].ent == ei {
			return true
		}
	}
	return false
}

// personNounOwner reports whether a possessive in [s, e) is a person's
// written by a common noun ("the singer's agent", "the men's
// solicitor"): the description is someone who acts for the person the
// story is about, never that person, whom salience would pick.
func (r *resolver) personNounOwner(s, e int) bool {
	for k := s + 1; k < e; k++ {
		if lw := r.lowTok(k); (lw == "'s" || lw == "’s" || lw == "'" || lw == "’") && !isCap(r.d.Tokens[k-1].Text) {
			owner := r.lowTok(k - 1)
			if personNouns()[owner] || irregularPlural[owner] || isPlural(owner) && personNouns()[strings.TrimSuffix(owner, "s")] {
				return true
			}
		}
	}
	return false
}

// firmHeads are nouns that news writes after "the" for a business or a
// public body, though a dictionary has them for a person too: "the car
// giant", "the news and financial data seller", "the mortgage lender",
// "the local government watchdog", "the US regulator", "the Delta
// subsidiary". (Nor is "the CBS affiliate" a person; it is a station the
// article seldom names, and stays a description.)
var firmHeads = wordSet("giant seller lender retailer insurer airline watchdog regulator subsidiary exporter importer " +
	"supplier provider distributor conglomerate")

// bodyAfterModifiers head a body's description after modifiers ("the
// Russian space agency", "the radio station"), which news writes for a
// body it names by a name of its own ("Roscosmos", "Radio 1").
var bodyAfterModifiers = wordSet("agency station")

// bodyAfterModifiersAt resolves "the Russian space agency", "the radio
// station", "the Australian firm", "the net firm" (the determiner at p,
// modifiers, the head at e-1: a bodyAfterModifiers or bodyAnaphors noun)
// to the body named in the two sentences before it that
// bodyAntecedentAt finds, when the modifiers are lower-case or
// nationalities and no "he" or "she" follows (a maker may be a
// person): "the Reuters news
// agency" is named by its own words, and a body named only in its own
// sentence or further back (a dateline's "MOSCOW (AP) — ... the Russian
// space agency said") or a name that is one of the description's words
// ("Radio") is not meant.
func (r *resolver) bodyAfterModifiersAt(p, e int) (Speaker, bool) {
	toks := r.d.Tokens
	h := e - 1
	if r.lowTok(p) != "the" || h < p+2 || !bodyAfterModifiers[r.lowTok(h)] && !bodyAnaphors[r.lowTok(h)] || isCap(toks[h].Text) || r.hasComma(p, e) || r.hasDash(p, e) {
		return Speaker{}, false
	}
	for k := p + 1; k < h; k++ {
		if isCap(toks[k].Text) && !isNationality(toks[k].Text, r.lowTok(k)) || isPunct(toks[k].Text) {
			return Speaker{}, false
		}
	}
	for k := e; k < len(toks) && k <= e+3 && toks[k].Sent == toks[h].Sent; k++ {
		if g := pronouns[r.lowTok(k)]; g == "m" || g == "f" {
			return Speaker{}, false // a person's: "The veteran game maker says he has one problem"
		}
	}
	sp, ok := r.bodyAntecedentAt(p, h)
	if !ok || !r.namedNear(sp.Name, r.d.Sents[toks[p].Sent].First, 2) {
		return Speaker{}, false
	}
	for k := p + 1; k <= h; k++ {
		if r.lower(sp.Name) == r.lowTok(k) {
			return Speaker{}, false
		}
	}
	return sp, true
}

// peopleByNationality reports whether token k is a nationality whose
// word is its own plural ("Chinese", "French", "Swiss") with a plural
// verb after it ("the Chinese want", "the French are"): the people or
// their government, not one person ("The Swiss, who won, said" is).
func (r *resolver) peopleByNationality(k int) bool {
	toks := r.d.Tokens
	lw := r.lowTok(k)
	if !isNationality(toks[k].Text, lw) && !nationalityNoun(toks[k].Text, lw) || !strings.HasSuffix(lw, "ese") && !strings.HasSuffix(lw, "ish") && !strings.HasSuffix(lw, "ch") && !strings.HasSuffix(lw, "ss") {
		return false
	}
	if k+1 >= len(toks) || toks[k+1].Sent != toks[k].Sent {
		return false
	}
	v := r.lowTok(k + 1)
	return toks[k+1].POS == "VBP" || pluralVerbs[v] || toks[k+1].POS == "" && pluralReportVerbs[v]
}

// pluralReportVerbs are the plain forms of verbs that report what a
// people wants or says ("the French want", "the Japanese say"), read
// where no tagger marked the verb.
var pluralReportVerbs = wordSet("want say believe think fear insist argue claim hope")

// congressNouns name a member of the House of Representatives by the
// noun news writes after naming them with the title "Rep.": "Rep. Jane
// Roe ... The Democratic congresswoman said".
var congressNouns = wordSet("congressman congresswoman congressmember")

// titleFits reports whether a title written before a person's name is
// the one a description's head hw calls them by: the same word, its
// abbreviation ("sen." for "senator"), or, for a member of Congress,
// "Rep." for "the congressman".
func titleFits(t, hw string) bool {
	if t == hw || fullTitle(t) == hw {
		return true
	}
	return congressNouns[hw] && (congressNouns[t] || fullTitle(t) == "representative")
}

// headOfState reports whether the description [first, h] names an office
// one person holds in a country or a church, whom a story names
// throughout: "the prime minister", "the president", "the chancellor",
// "the pope".
func (r *resolver) headOfState(first, h int) bool {
	switch hw := r.lowTok(h); hw {
	case "president", "chancellor", "pope", "premier":
		return h == first
	case "minister":
		return h == first+1 && r.lowTok(first) == "prime"
	}
	return false
}

// prominentHolder returns, for a head of state or government at token s
// that salience gave to a person written with no title, another such
// person the article names far more often before s (three times or more,
// at least twice as often) and not in the sentence of s: the holder a
// story is about is named throughout it, while the last person quoted
// before "the prime minister told Mr Brown" ("Labour's Paul Flynn said")
// is named once.
func (r *resolver) prominentHolder(s int, name string, keep func(*entity) bool) (Speaker, bool) {
	ei, ok := r.byName[r.lower(name)]
	if !ok || len(r.ents[ei].titles) > 0 {
		return Speaker{}, false
	}
	sent := r.d.Tokens[s].Sent
	counts := map[int]int{}
	inSent := map[int]bool{}
	for i := range r.mentions {
		nm := r.mentions[i]
		if nm.ent < 0 {
			continue
		}
		if nm.sent == sent {
			inSent[nm.ent] = true
		}
		if nm.tok < s {
			counts[nm.ent]++
		}
	}
	best, bestN, tie := -1, 0, false
	for e, n := range counts {
		if e == ei || inSent[e] || r.ents[e].kind != claimtrail.SpeakerPerson || !keep(&r.ents[e]) {
			continue
		}
		switch {
		case n > bestN:
			best, bestN, tie = e, n, false
		case n == bestN:
			tie = true
		}
	}
	if best < 0 || tie || bestN < 3 || bestN < 2*counts[ei] {
		return Speaker{}, false
	}
	return Speaker{Name: r.ents[best].name, Kind: claimtrail.SpeakerPerson, Confidence: 0.6}, true
}

// laterHolder returns the one person the article writes with the office
// [first, h] only after the description, the same words right before
// the name: "The home secretary said he would not be launching an
// investigation. ... Home Secretary Charles Clarke told BBC One" is
// Clarke's, not the story's subject named just before. Another office
// that ends in the same words ("Shadow home secretary David Davis",
// "former chancellor Ken Clarke", "First Minister X" for "the minister")
// is not this one, and a holder named before the description is left to
// nominal's choice.
func (r *resolver) laterHolder(first, h int) (Speaker, bool) {
	toks := r.d.Tokens
	n := h - first + 1
	holder := -1
	for k := h + 1; k+n < len(toks) && k <= h+laterHolderReach; k++ {
		if r.lowTok(k) != r.lowTok(first) || !isCap(toks[k+n].Text) {
			continue
		}
		same := true
		for j := 1; j < n && same; j++ {
			same = r.lowTok(k+j) == r.lowTok(first+j)
		}
		// the office words open the title: after punctuation, a
		// function word or a verb of saying, not after another
		// modifier ("First Minister", "ex-Conservative chancellor")
		if pw := r.lowTok(k - 1); !same || !(isPunct(pw) || isFunctionWord(pw) && pw != "then" || sayingVerbs[pw] || toks[k].Sent != toks[k-1].Sent) {
			continue
		}
		for i := r.before(k); i < len(r.mentions) && r.mentions[i].tok <= k+n; i++ {
			nm := r.mentions[i]
			if nm.ent < 0 || r.ents[nm.ent].kind != claimtrail.SpeakerPerson || nm.ent == holder {
				continue
			}
			if holder >= 0 {
				return Speaker{}, false // two holders: which one is not plain
			}
			holder = nm.ent
		}
	}
	if holder < 0 {
		return Speaker{}, false
	}
	for i := r.lastActive(r.before(h) - 1); i >= 0; i = r.lastActive(i - 1) {
		if r.mentions[i].ent == holder {
			return Speaker{}, false
		}
	}
	return Speaker{Name: r.ents[holder].name, Kind: claimtrail.SpeakerPerson, Confidence: 0.6}, true
}

// apposedHolder returns the person the article set beside the office of
// key before the description [start, h] with commas: "In a letter to
// the Australian prime minister, Malcolm Turnbull, Julian's father,
// John Sherwin, wrote ... the current prime minister said" is Turnbull's,
// not the father's whom salience would pick; so is "Malcolm Turnbull,
// the prime minister,". An office so written with "former", "deputy" or
// the like is another one, and two persons so written leave it open.
func (r *resolver) apposedHolder(start, h int, key string) (Speaker, bool) {
	toks := r.d.Tokens
	holder := -1
	for k := start - 1; k > 0 && k >= start-apposedHolderReach; k-- {
		if r.lowTok(k) != r.lowTok(h) || isCap(toks[k].Text) || r.officeKey(k) != key {
			continue
		}
		d := k - 1 // the determiner before the office's modifiers
		for d > 0 && d >= k-4 && !isDeterminer(r.lowTok(d)) && !isPunct(toks[d].Text) {
			if lw := r.lowTok(d); titleQualifiers[lw] || lw == "former" || strings.HasPrefix(lw, "ex-") || lw == "acting" || lw == "interim" {
				d = -1
				break
			}
			d--
		}
		if d < 1 || r.lowTok(d) != "the" && !possessive(toks[d].Text) {
			continue
		}
		ei := -1
		if k+2 < len(toks) && toks[k+1].Text == "," {
			// "the prime minister, Malcolm Turnbull," (a name that
			// closes with punctuation: not "Asked if he trusted the
			// prime minister, Mr Brown replied")
			j := k + 2
			for j < len(toks) && j < k+7 && (isCap(toks[j].Text) || isInitial(toks[j].Text)) {
				j++
			}
			if j < len(toks) && j > k+2 && isPunct(toks[j].Text) {
				for n := k + 2; n < j && ei < 0; n++ {
					ei = r.personAt(n)
				}
			}
		} else if toks[d-1].Text == "," && d >= 2 && (k+1 >= len(toks) || isPunct(toks[k+1].Text)) {
			// "Malcolm Turnbull, the prime minister,"
			for n := d - 2; n >= 0 && n >= d-5 && isCap(toks[n].Text); n-- {
				if ei = r.personAt(n); ei >= 0 {
					if n+countFields(r.ents[ei].name) != d-1 && n+1 != d-1 {
						ei = -1
					}
					break
				}
			}
		}
		if ei < 0 {
			continue
		}
		if holder >= 0 && holder != ei {
			return Speaker{}, false
		}
		holder = ei
	}
	if holder < 0 {
		return Speaker{}, false
	}
	return Speaker{Name: r.ents[holder].name, Kind: claimtrail.SpeakerPerson, Confidence: 0.6}, true
}

// personAt returns the person entity a name mention at token k is of, or
// -1.
func (r *resolver) personAt(k int) int {
	for i := r.before(k); i < len(r.mentions) && r.mentions[i].tok == k; i++ {
		if nm := r.mentions[i]; nm.ent >= 0 && r.ents[nm.ent].kind == claimtrail.SpeakerPerson {
			return nm.ent
		}
	}
	return -1
}

// apposedHolderReach bounds how many tokens before an office description
// apposedHolder reads (a few paragraphs): the scan stays bounded per
// description.
const apposedHolderReach = 1500

// laterHolderReach bounds how many tokens after an office description
// laterHolder reads for its holder's name (a few paragraphs), so that an
// article of many such descriptions is not read once for each.
const laterHolderReach = 1500

// sayingVerbs may stand right before a title and name: "said Home
// Secretary Charles Clarke".
var sayingVerbs = wordSet("said says told added asked")

// agentRoles speak for someone else: a body's or a person's.
var agentRoles = wordSet("spokesman spokeswoman spokesperson aide adviser advisor lawyer attorney representative")

// agentOfOwner reports whether the description [first, h] is one that
// speaks for an owner it names, in capitals or with a possessive ("the
// M&S spokesman", "The prime minister's official spokesman", "the ADL
// official"): someone other than the persons named before, whom it would
// otherwise take for the one the article is about. (An "official" only
// right after a body's capitalised name: "the Trump administration's top
// intelligence official" may be the Director of National Intelligence
// the article is about.)
func (r *resolver) agentOfOwner(first, h int) bool {
	if r.lowTok(h) == "official" {
		return h > first && isCap(r.d.Tokens[h-1].Text)
	}
	if !agentRoles[r.lowTok(h)] {
		return false
	}
	for k := first; k < h; k++ {
		if lw := r.lowTok(k); lw == "'s" || lw == "’s" || isCap(r.d.Tokens[k].Text) {
			return true
		}
	}
	return false
}

// candidateHeads head descriptions of someone running for an office.
var candidateHeads = wordSet("nominee candidate contender hopeful challenger frontrunner front-runner")

// modifiersAgree returns the names of the persons that share the most of the
// description's modifiers [s, e) (other than "former") with the words
// written in the four tokens before one of their names, or nil when
// none shares any.
func (r *resolver) modifiersAgree(s, e int) map[string]bool {
	mods := map[string]bool{}
	for k := s; k < e; k++ {
		if lw := r.lowTok(k); lw != "former" && lw != "the" {
			mods[lw] = true
		}
	}
	shared := map[int]map[string]bool{}
	toks := r.d.Tokens
	for _, nm := range r.mentions {
		if nm.ent < 0 || nm.tok >= s || r.ents[nm.ent].kind != claimtrail.SpeakerPerson {
			continue
		}
		for k := nm.tok - 1; k >= 0 && k >= nm.tok-4 && toks[k].Sent == toks[nm.tok].Sent; k-- {
			if lw := r.lowTok(k); mods[lw] {
				if shared[nm.ent] == nil {
					shared[nm.ent] = map[string]bool{}
				}
				shared[nm.ent][lw] = true
			}
		}
	}
	most := 0
	for _, w := range shared {
		most = max(most, len(w))
	}
	if most == 0 {
		return nil
	}
	out := map[string]bool{}
	for ent, w := range shared {
		if len(w) == most {
			out[r.ents[ent].name] = true
		}
	}
	return out
}

// documentWithAside resolves "The cable, sent under Ambassador Stevens'
// signature and marked SECRET,", "The book, serialised in the Sunday
// Telegraph," and "The lawsuit, filed in Los Angeles on Friday," to the
// document they describe: a name in the aside is where or how it went
// out, not who speaks. An aside naming an author or sender ("The letter,
// from the Home Office,", "written by ...") is left to the other rules.
func (r *resolver) documentWithAside(start, s, e int) (Speaker, bool) {
	if s != start+1 || !isDeterminer(r.lowTok(start)) || s+2 >= e || r.d.Tokens[s+1].Text != "," {
		return Speaker{}, false
	}
	head := r.lowTok(s)
	if !documentNouns[head] {
		return Speaker{}, false
	}
	for k := s + 2; k < e && k < s+5; k++ {
		switch r.lowTok(k) {
		case "by", "from", "written", "signed", "sent", "authored", "penned", "issued", "co-written", "drafted":
			if r.lowTok(k) != "sent" || k+1 < e && (r.lowTok(k+1) == "by" || r.lowTok(k+1) == "from") {
				return Speaker{}, false
			}
		}
	}
	return Speaker{Name: r.d.Tokens[s].Text, Kind: claimtrail.SpeakerDescription, Confidence: 0.6}, true
}

// roleThenName resolves a role written before a person's full name to
// that person: "Merck's head of research Peter Kim", "Shadow leader of
// the Commons Oliver Heald", "general secretary of the public services
// union Unison Dave Prentis", "Accused Woman Abuser Keith Ellison", "a
// woman by the name of Karen Monahan". The name closes the mention and
// starts with a given name; the word before it is no preposition,
// article or possessive ("a spokesman for Mr Prescott", "the daughter of
// activist Malcolm X" and "Aides to Mr. Trump" describe someone else).
func (r *resolver) roleThenName(m Mention) (Speaker, bool) {
	toks := r.d.Tokens
	s, e := r.trim(m.Start, m.End)
	if s >= e {
		return Speaker{}, false
	}
	// the given name that opens the last capitalised run
	k := e
	for k > s && (isCap(toks[k-1].Text) || isInitial(toks[k-1].Text) || toks[k-1].Text == ".") {
		k--
	}
	for k < e-1 && !FirstName(toks[k].Text) {
		k++
	}
	if k <= s || k >= e-1 || !FirstName(toks[k].Text) || !isCap(toks[e-1].Text) {
		return Speaker{}, false
	}
	prev := r.lowTok(k - 1)
	if Honorific(prev) || prev == "dr." || prev == "dr" {
		prev = "" // "specialist in infectious diseases Dr. Sylvie Brand"
		if k-1 <= s {
			return Speaker{}, false
		}
		prev = r.lowTok(k - 2)
	}
	switch {
	case prev == "of" && k >= s+4 && r.lowTok(k-2) == "name" && r.lowTok(k-3) == "the" && r.lowTok(k-4) == "by":
		// "a woman by the name of Karen Monahan"
	case prepositions[prev], isDeterminer(prev), prev == "'s", prev == "’s", prev == "and", prev == "or", prev == "&", prev == ",", prev == "to", prev == "by", prev == "about":
		return Speaker{}, false
	}
	// one noun phrase: no comma, dash, bracket or "and" before the name
	// ("Claude Veron-Reville, a spokesman for EU trade commissioner Peter
	// Mandelson", "German Chancellor Gerhard Schroeder and French
	// President Jacques Chirac" are not the last name's), and no name
	// opening it
	for t := s; t < k; t++ {
		switch r.lowTok(t) {
		case ",", "-", "–", "—", "(", ")", "and", "&", "or", "who", "whose", "whom":
			return Speaker{}, false
		}
	}
	if i := r.before(s); i < len(r.mentions) && r.mentions[i].tok == s && r.mentions[i].ent >= 0 && r.ents[r.mentions[i].ent].kind == claimtrail.SpeakerPerson &&
		!partyMember[r.lower(lastField(r.ents[r.mentions[i].ent].name))] {
		return Speaker{}, false // (a party opens it: "Liberal Democrat spokeswoman for women Sandra Gidley")
	}
	// a relation, spokesperson, document or body of someone: "the
	// daughter of activist Malcolm X", "a spokesperson for President
	// Donald Tusk", "The court of Chief Justice John Roberts", "a letter
	// from ... chief Ken Hughes" speak for themselves
	for t := s + 1; t < k; t++ {
		if prepositions[r.lowTok(t)] || r.lowTok(t) == "to" {
			hw := r.lowTok(t - 1)
			role := titleWords[hw] || roleWords[hw] || hw == "head" || hw == "chief"
			// (a party's spokeswoman "for" a field in lower case is the
			// person named after it: "Liberal Democrat spokeswoman for
			// women Sandra Gidley")
			field := spokesWords[hw] && r.lowTok(t) == "for" && t+1 < k
			for u := t + 1; u < k && field; u++ {
				field = !isCap(toks[u].Text) && !isPunct(toks[u].Text) && !isDeterminer(r.lowTok(u))
			}
			if relationNouns[hw] || spokesWords[hw] && !field || !role && (documentNouns[hw] || orgWords[hw] || orgHeads[hw]) {
				return Speaker{}, false
			}
		}
	}
	// the name: a given name and one to three more capitalised words,
	// none a function word ("Louis Farrakhan In Iran"), after no "St."
	// ("the St. Paul Pioneer Press")
	if e-k > 4 || prev == "st." || prev == "st" || r.orgByForm(r.d.Text[toks[k].Start:toks[e-1].End]) {
		return Speaker{}, false
	}
	for t := k + 1; t < e; t++ {
		if isFunctionWord(r.lowTok(t)) || orgWords[r.lowTok(t)] {
			return Speaker{}, false
		}
	}
	// something before the name that describes: a lower-case word or a
	// title-case run of two words or more
	role := false
	for t := s; t < k; t++ {
		if w := toks[t].Text; !isCap(w) && !isPunct(w) || t >= s+1 && isCap(toks[s].Text) {
			role = true
			break
		}
	}
	if !role {
		return Speaker{}, false
	}
	name := r.d.Text[toks[k].Start:toks[e-1].End]
	if places()[r.lower(name)] {
		return Speaker{}, false
	}
	if i := r.lastActive(r.before(e) - 1); i >= 0 && r.mentions[i].tok == k && r.mentions[i].ent >= 0 {
		if ent := r.ents[r.mentions[i].ent]; ent.kind == claimtrail.SpeakerPerson {
			name = ent.name // as the article first writes it in full
		}
	}
	return Speaker{Name: name, Kind: claimtrail.SpeakerPerson, Confidence: 0.8}, true
}

// relationNouns stand for someone related to the name after them: "the
// daughter of", "a friend of", "lawyers for".
var relationNouns = wordSet("daughter daughters son sons wife husband widow widower mother father brother sister child children " +
	"friend friends aide aides lawyer lawyers attorney attorneys adviser advisers advisor advisors ally allies supporter supporters " +
	"critic critics family relative relatives office staff team campaign camp")

// recentSources are the names of the persons that are sources of
// attributions in the seven sentences before token s (nil for none).
func (r *resolver) recentSources(s int) map[string]bool {
	var out map[string]bool
	sent := r.d.Tokens[s].Sent
	for i := r.lastActive(r.before(s) - 1); i >= 0; i = r.lastActive(i - 1) {
		nm := r.mentions[i]
		if sent-nm.sent > 7 {
			break
		}
		if nm.ent < 0 || !nm.isSource || nm.tok >= s || r.ents[nm.ent].kind != claimtrail.SpeakerPerson {
			continue
		}
		if out == nil {
			out = map[string]bool{}
		}
		out[r.ents[nm.ent].name] = true
	}
	return out
}

// ofPhrase reports whether tokens [k, e) are an "of" phrase of words
// alone ("of the Judiciary Committee", "of Because the Night"): no
// comma, no verb, no relative pronoun.
func (r *resolver) ofPhrase(k, e int) bool {
	if k >= e || r.lowTok(k) != "of" || e-k > 8 {
		return false
	}
	for t := k + 1; t < e; t++ {
		switch lw := r.lowTok(t); {
		case isPunct(r.d.Tokens[t].Text), lw == "who", lw == "which", lw == "that", strings.HasPrefix(r.d.Tokens[t].POS, "VB") && t != e-1:
			return false
		}
	}
	return true
}

// introducedUnnamed reports whether the head noun hw was introduced
// without a name in the sentences before token s ("according to a senior
// Justice Department official" ... "the senior official said"): the
// definite description then goes back to that unnamed person, not to
// whoever is most salient.
// possessedRoleBefore reports whether, in the three sentences up to token
// s, someone is brought in by a possessive and a role with no name after
// it ("she was shocked to see her professor had failed her", "his lawyer
// said"): a role description after it ("according to the teacher") is
// more likely that person than the one the story is about.
func (r *resolver) possessedRoleBefore(s int) bool {
	toks := r.d.Tokens
	first := r.d.Sents[max(0, toks[s].Sent-3)].First
	for k := s - 1; k > first && k >= s-scanLimit; k-- {
		if toks[k].Quote != 0 || !roleWords[r.lowTok(k)] && !personNouns()[r.lowTok(k)] || genderedNoun(r.lowTok(k)) != 0 {
			continue
		}
		switch r.lowTok(k - 1) {
		case "his", "her", "their":
		default:
			continue
		}
		if k+1 < len(toks) && (isCap(toks[k+1].Text) || toks[k+1].Text == "," && k+2 < len(toks) && isCap(toks[k+2].Text)) {
			continue // named: "her lawyer, Dan Reyes"
		}
		return true
	}
	return false
}

func (r *resolver) introducedUnnamed(s int, hw string) bool {
	toks := r.d.Tokens
	if s == 0 {
		return false
	}
	first := r.d.Sents[max(0, toks[s].Sent-16)].First
	limit := s - 3*scanLimit // (a quoted email or list between two uses)
	// the chain below goes back at most twice as far again: the scan
	// stays bounded per description, linear over an article
	floor := max(0, s-6*scanLimit)
	floorFirst := r.d.Sents[max(0, toks[s].Sent-32)].First
	for k := s - 1; k >= first && k >= limit; k-- {
		if r.lowTok(k) != hw || toks[k].Quote != 0 {
			continue // what a speaker calls someone introduces no one: "“a fourth-choice striker”"
		}
		// only the nearest earlier use counts: "an Islamist mayor" ...
		// "The current Labour mayor, John Biggs," ... "The mayor added"
		// is Biggs
		n := k + 1
		if n < len(toks) && toks[n].Text == "," {
			n++
		}
		if n < len(toks) && isCap(toks[n].Text) {
			return false // named right after it: "a spokesman, Dan Reyes,"
		}
		chained := false
		for d := k - 1; d >= first && d >= k-5; d-- {
			lw := r.lowTok(d)
			if lw == "a" || lw == "an" {
				// not what someone is or becomes ("to become an actor"),
				// nor a name's apposition ("Emery, a writer for Snopes")
				if d >= 2 && toks[d-1].Text == "," && isCap(toks[d-2].Text) {
					return false
				}
				return d == 0 || !copulas[r.lowTok(d-1)] && r.lowTok(d-1) != "as" && r.lowTok(d-1) != "become"
			}
			if lw == "the" && d == k-1 {
				// a bare "the official" again, no name after it: it stands
				// for whom the use before it stood for ("A former NSA
				// official told Fox News ... According to the official, ...
				// The official told"), so look further back
				chained = true
				break
			}
			if isPunct(toks[d].Text) || isDeterminer(lw) || prepositions[lw] {
				break
			}
		}
		if !chained {
			return false
		}
		// the chain goes on from the bare use: sixteen sentences and
		// three scans' length before it ("A professor at the university failed
		// ... The professor, according to BuzzFeed, ... the professor
		// said")
		first = max(floorFirst, min(first, r.d.Sents[max(0, toks[k].Sent-16)].First))
		limit = max(floor, min(limit, k-3*scanLimit))
	}
	return false
}

// asideComma is the comma in tokens [s, e) after which a participle or a
// relative clause is set off ("The Idaho congressman, echoing other
// conservatives,"), or -1.
func (r *resolver) asideComma(s, e int) int {
	toks := r.d.Tokens
	for k := s + 1; k < e-1; k++ {
		if toks[k].Text != "," {
			continue
		}
		n := toks[k+1]
		lw := r.lowTok(k + 1)
		untagged := n.POS == "" && !isCap(n.Text) && (strings.HasSuffix(lw, "ing") || strings.HasSuffix(lw, "ed"))
		if n.POS == "VBG" || n.POS == "VBN" || untagged || lw == "who" || lw == "whose" {
			return k
		}
		return -1
	}
	return -1
}

// participleAside reports whether the part [s, e) of a source is a
// participle phrase set off by commas, what its speaker was doing:
// "reporting its results", "deferring to the CIA", "speaking during a
// tour". A participle that modifies a role noun opens a title, not an
// aside: "managing director of T-Mobile", "leading economist Ann Lee".
func (r *resolver) participleAside(s, e int) bool {
	toks := r.d.Tokens
	if e-s < 2 || isCap(toks[s].Text) {
		return false
	}
	lw := r.lowTok(s)
	if len(lw) < 6 || !strings.HasSuffix(lw, "ing") || toks[s].POS != "" && toks[s].POS != "VBG" {
		return false
	}
	next := toks[s+1]
	switch next.POS {
	case "NN", "NNS":
		return false
	case "":
		return !isCap(next.Text) && participleObjects[r.lowTok(s+1)]
	}
	return true
}

// roleAfterName reports whether the name at tok is said to hold a
// person's role right after it: "Piers Vell is senior benefit officer
// at ...", "Tam Quist, a shop steward," (a given name the lists do not
// know marks no person, but the role does).
func (r *resolver) roleAfterName(tok int) bool {
	toks := r.d.Tokens
	k := r.nameEnd(tok)
	if k >= len(toks) || toks[k].Sent != toks[tok].Sent {
		return false
	}
	if lw := r.lowTok(k); lw != "is" && lw != "was" && lw != "," {
		return false
	}
	k++
	if k < len(toks) && isDeterminer(r.lowTok(k)) {
		k++
	}
	for e := k; e < len(toks) && e < k+4 && toks[e].Sent == toks[tok].Sent; e++ {
		if isCap(toks[e].Text) || isPunct(toks[e].Text) {
			return false
		}
		lw := r.lowTok(e)
		if h := strings.LastIndexByte(lw, '-'); h >= 0 && titleWords[lw[h+1:]] {
			lw = lw[h+1:] // "vice-president"
		}
		if personNouns()[lw] && !isPlural(lw) {
			return true
		}
	}
	return false
}

// personListBefore reports whether the person named by mention i, just
// before the relative pronoun at p, ends a list of two or more persons'
// names joined by commas and one "and" ("Ann Vell, Tam Dorsey and Joe
// Pike, who have all said"), and where the list starts. Only a plural
// verb or "all"/"both" after the pronoun says so: "celebrities like Ann
// Vell and Tam Dorsey, who joked" may be about the last one alone.
func (r *resolver) personListBefore(i, p int) (int, bool) {
	toks := r.d.Tokens
	plural := false
	for k := p + 1; k < len(toks) && k <= p+3 && toks[k].Sent == toks[p].Sent; k++ {
		lw := r.lowTok(k)
		if lw == "all" || lw == "both" || lw == "are" || lw == "were" || lw == "have" || lw == "do" || toks[k].POS == "VBP" {
			plural = true
			break
		}
		if toks[k].POS == "VBZ" || toks[k].POS == "VBD" || lw == "is" || lw == "was" || lw == "has" || isPunct(toks[k].Text) {
			break
		}
	}
	if !plural {
		return 0, false
	}
	if r.ents[r.mentions[i].ent].kind != claimtrail.SpeakerPerson {
		return 0, false
	}
	first, n, sawAnd := r.mentions[i].tok, 1, false
	for j := r.lastActive(i - 1); j >= 0 && n < 8; j = r.lastActive(j - 1) {
		nm := r.mentions[j]
		sep := first - 1
		if sep <= nm.tok || r.nameEnd(nm.tok) != sep || toks[nm.tok].Sent != toks[p].Sent {
			break
		}
		switch r.lowTok(sep) {
		case "and":
			if sawAnd {
				return 0, false
			}
			sawAnd = true
		case ",":
			if !sawAnd {
				return 0, false // "Ann Vell, Tam Dorsey, who": an apposition
			}
		default:
			return 0, false
		}
		if r.ents[nm.ent].kind != claimtrail.SpeakerPerson {
			return 0, false
		}
		first, n = nm.tok, n+1
	}
	// (the objects of a preposition are no subject: "an adviser to Ann
	// Vell and Tam Dorsey, who wrote", "parallels between Ann Vell and
	// Tam Dorsey, who")
	return first, n >= 2 && sawAnd && !r.afterPreposition(first) && (first == 0 || r.lowTok(first-1) != "between")
}

// agentAside reports whether the part [s, e) of a source is a passive
// participle with its agent, set off by commas: "led by chief executive
// Ann Lee", "majority-owned by Japan's Suzuki", "flanked by the Irish
// prime minister". The part says who acts on the speaker, and the agent
// is not who speaks; only a document's maker speaks through it ("The
// letter, written by two former generals,"), so the participles of
// making are left to the other rules.
func (r *resolver) agentAside(s, e int) bool {
	if e-s < 3 || isCap(r.d.Tokens[s].Text) {
		return false
	}
	k := s
	if r.lowTok(k) == "jointly" || r.lowTok(k) == "partly" || r.lowTok(k) == "largely" || r.lowTok(k) == "wholly" {
		k++ // "partly owned by"
	}
	if k+1 >= e || r.lowTok(k+1) != "by" {
		return false
	}
	lw := r.lowTok(k)
	if i := strings.LastIndexByte(lw, '-'); i >= 0 {
		lw = lw[i+1:] // "majority-owned"
	}
	if !strings.HasSuffix(lw, "ed") && !byIrregulars[lw] {
		return false
	}
	return !authorParticiples[lw] && !authoredParticiples[lw]
}

// byIrregulars are the irregular past participles that take an agent
// after a source ("led by", "run by").
var byIrregulars = wordSet("run held won beaten overseen chosen driven bought sold taken")

// nameBeforeRelative reports whether the relative pronoun at s follows
// a capitalised name (a comma between allowed) that no preposition
// governs: "Neil Herron, who gained fame", "Iyad Allawi, who this week".
func (r *resolver) nameBeforeRelative(s int) bool {
	toks := r.d.Tokens
	k := s - 1
	if k >= 0 && toks[k].Text == "," {
		k--
	}
	if k < 0 || !isCap(toks[k].Text) || toks[k].Sent != toks[s].Sent {
		return false
	}
	for k > 0 && isCap(toks[k-1].Text) && toks[k-1].Sent == toks[s].Sent {
		k--
	}
	return k == 0 || !prepositions[r.lowTok(k-1)]
}

// seatDescription reports whether tokens [s, e) are a member's seat: up
// to two words (a party) and "MP", "MEP", "MSP" or "AM", then "for" and
// the seat's capitalised name to the end ("Labour MP for Birkenhead").
func (r *resolver) seatDescription(s, e int) bool {
	toks := r.d.Tokens
	for k := s; k < e-2 && k <= s+2; k++ {
		switch toks[k].Text {
		case "MP", "MEP", "MSP", "AM":
		default:
			continue
		}
		if r.lowTok(k+1) != "for" || !isCap(toks[k+2].Text) {
			return false
		}
		for j := k + 2; j < e; j++ {
			if !isCap(toks[j].Text) && r.lowTok(j) != "and" && toks[j].Text != "-" {
				return false
			}
		}
		return true
	}
	return false
}

// hasNameAfter reports whether tokens [s, e) open with a capitalised
// word: "who Caitlin Johnstone points out" has its own subject.
func (r *resolver) hasNameAfter(s, e int) bool {
	return s < e && isCap(r.d.Tokens[s].Text)
}

// relayAside reports whether the part [s, e) of a source says who got
// hold of the document that speaks: "A copy of the report, obtained by
// The Washington Times, outlines ...", "the memo, seen by Reuters,": the
// outlet relays the document and does not speak.
func (r *resolver) relayAside(s, e int) bool {
	return e-s >= 3 && relayParticiples[r.lowTok(s)] && r.lowTok(s+1) == "by"
}

// relayParticiples say how an outlet came by a document (relayAside).
var relayParticiples = wordSet("obtained seen reviewed acquired viewed received")

// participleObjects are the words that follow a participle opening an
// aside, read when no tagger ran: what it governs, not a role noun.
var participleObjects = map[string]bool{
	"the": true, "a": true, "an": true, "his": true, "her": true, "its": true, "their": true, "to": true, "with": true,
	"in": true, "on": true, "for": true, "at": true, "by": true, "from": true, "during": true, "after": true,
	"that": true, "this": true, "behind": true, "about": true, "over": true, "against": true,
}

// ageNoun reports whether w is an age used as a noun: "64-year-old",
// "22-year-old" (not "year-olds", a group).
func ageNoun(w string) bool {
	n, ok := strings.CutSuffix(w, "-year-old")
	return ok && allDigits(n)
}

// sitePages are the pages every web site links to, named in capitals in
// the boilerplate that pages leave in their text ("You also agree to
// this site's Privacy Policy and Terms of Use."): no one speaks by them.
var sitePages = map[string]bool{"privacy policy": true, "terms of use": true, "terms of service": true, "cookie policy": true,
	"terms and conditions": true, "user agreement": true, "privacy notice": true}

// determinerInName reports whether a capitalised run holds a determiner
// after its first word ("Email This field is for validation", "Share
// Your Story"): a web form's labels, not a person's name.
func determinerInName(lname string) bool {
	f := sharedFields(lname)
	for _, w := range f[min(1, len(f)):] {
		switch w {
		case "this", "that", "these", "those", "your", "our", "my":
			return true
		}
	}
	return false
}

// bodyEnds are last words of an organisation's name that are never a
// person's surname.
var bodyEnds = map[string]bool{"group": true, "party": true, "association": true, "institute": true, "foundation": true,
	"company": true, "corporation": true, "inc.": true, "ltd": true, "council": true, "committee": true, "agency": true,
	"department": true, "ministry": true, "university": true, "commission": true, "organisation": true,
	"organization": true, "federation": true, "coalition": true, "authority": true, "bureau": true, "research": true}

// notThePerson are nouns for someone other than the person a story is
// about: relatives, friends, anonymous people, and the people around an
// event who are no party to it ("The cameraman replies" in a story about
// a congressman who grabbed him).
var notThePerson = map[string]bool{}

// pressJobs are titles of jobs in the press and business that no
// holder of a public office bears at the same time.
var pressJobs = wordSet("editor reporter columnist correspondent anchor host strategist pollster founder co-founder ceo counsel")

// officeWords are titles that tell offices apart.
var officeWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`mother father wife husband son daughter brother sister parent child friend
	neighbor neighbour partner girlfriend boyfriend fiance fiancee widow widower uncle aunt cousin nephew niece
	grandmother grandfather grandson granddaughter man woman person boy girl kid baby teenager victim suspect
	gunman attacker driver passenger officer stranger someone anyone other another colleague rival opponent
	lawyer attorney doctor judge
	cameraman camerawoman photographer reporter interviewer witness caller coroner staffer bystander onlooker heckler`) {
		notThePerson[w] = true
	}
	for _, w := range strings.Fields(`president senator governor mayor minister secretary chancellor speaker director
	chairman chairwoman ambassador sheriff judge justice representative rep. sen. gov. pope king queen prince
	commissioner general admiral mp mep`) {
		officeWords[w] = true
	}
}

// participleBy returns the index of a "by" in [s, tok) that follows a
// participle after a noun ("pardoned by", "released by"), or -1.
func (r *resolver) participleBy(s, tok int) int {
	for k := s + 1; k < tok; k++ {
		if r.lowTok(k) == "by" && k-2 >= s && strings.HasSuffix(r.lowTok(k-1), "ed") && (k-2 == s || !isCap(r.d.Tokens[k-2].Text)) {
			return k
		}
	}
	return -1
}

// nameRightAfter reports whether only a determiner, possessives, titles
// and capitalised words stand between token a and the name at tok ("by
// the government's Cabinet Office", "by White House Press Secretary
// Sarah Sanders"; not "by Republican senators on the ... Subcommittee").
func (r *resolver) nameRightAfter(a, tok int) bool {
	for k := a; k < tok; k++ {
		lw := r.lowTok(k)
		if lw != "the" && lw != "'s" && lw != "’s" && !titleWords[lw] && !isCap(r.d.Tokens[k].Text) {
			return false
		}
	}
	return true
}

// authorParticiples say who made a document: its maker speaks through it.
// (Obtained, seen, reviewed or quoted by an outlet, it is still the
// document that speaks.)
var authorParticiples = map[string]bool{"released": true, "issued": true, "published": true, "conducted": true,
	"commissioned": true, "written": true, "signed": true, "sent": true, "compiled": true, "prepared": true,
	"produced": true, "filed": true, "circulated": true, "gathered": true, "collected": true}

// workNouns name a work that a title after them names ("the album
// Exodus"): what it says is the work's, no person's.
var workNouns = wordSet("album book film movie song single novel play documentary musical poem track memoir autobiography biography")

// leadingAdverbs open a source only when the model took a sentence
// adverb in with it (trim).
var leadingAdverbs = wordSet("indeed even also however meanwhile moreover furthermore nonetheless nevertheless similarly likewise instead")

// trailingAuxiliaries end a source only when the model cut the verb
// phrase after them off (trim).
var trailingAuxiliaries = wordSet("have has had were was is are will would could")

// bothAnd resolves a source that opens with "both" and joins two parties
// with "and" ("Both the prime minister and Chancellor Gordon Brown",
// "Both the Italian government and Alitalia") to both of them, a group:
// never the last one alone, whatever stands before the "and". start is
// the mention's first token, [s, e) the source trimmed of it.
func (r *resolver) bothAnd(start, s, e int) (Speaker, bool) {
	if r.lowTok(start) != "both" || s <= start {
		return Speaker{}, false
	}
	depth := 0
	for k := s + 1; k < e-1; k++ {
		switch r.d.Tokens[k].Text {
		case "(":
			depth++
		case ")":
			depth--
		case ",":
			return Speaker{}, false // an aside: "Both sides, ..., and"
		}
		if depth == 0 && r.lowTok(k) == "and" {
			if e < len(r.d.Tokens) && r.d.Tokens[e].Text == ")" && depth+strings.Count(r.text(k, e), "(") > strings.Count(r.text(k, e), ")") {
				e++ // (trim took the closing parenthesis: "... Building Society Association (BSA)")
			}
			return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerGroup, Confidence: 0.7}, true
		}
	}
	return Speaker{}, false
}

// conjoined reports names joined by "and" or "&" before the head name
// at tok: "Obama and Netanyahu", "Henman & Murray" (but "Procter &
// Gamble" is one name: firmAmpersand made it one mention).
func (r *resolver) conjoined(s, tok int) bool {
	for k := tok - 1; k > s; k-- {
		if lw := r.lowTok(k); lw == "and" || lw == "&" {
			if r.secondPerson(s, k) {
				return true
			}
			// names on both sides: a capitalised word before "and", only
			// titles between it and the head name ("Snopes fact checker
			// and staff writer David Emery" is one person)
			if !isCap(r.d.Tokens[k-1].Text) || titleWords[r.lowTok(k-1)] {
				// a title before "and" is one person's second title:
				// "Connecticut Attorney General and U.S. Senate
				// candidate Richard Blumenthal"
				return false
			}
			for w := k + 1; w < tok; w++ {
				// (or a quantifier: "Democrats and some Republicans")
				if lw := r.lowTok(w); r.flags(w)&(fTitle|fHonorific) == 0 && !quantifiers[lw] && lw != "other" && lw != "the" {
					return false
				}
			}
			for i := r.before(s); i < len(r.mentions) && r.mentions[i].tok < k; i++ {
				if r.mentions[i].ent >= 0 {
					return true
				}
			}
			return false
		}
	}
	return false
}

// pluralsJoined reports whether the "and" before the head name at tok
// joins plurals, so several bodies speak: "Tories and Lib Dems",
// "Conservatives and Lib Dems" (both sides plural), "Eight US states and
// the District of Columbia" (a common plural before it); not "Securities
// and Exchange Commission" or "World Travel and Tourism Council", one
// body's name.
func (r *resolver) pluralsJoined(s, tok int, head string) bool {
	for k := tok - 1; k > s; k-- {
		if r.lowTok(k) != "and" {
			continue
		}
		before := r.d.Tokens[k-1].Text
		if !isPlural(strings.ToLower(before)) {
			return false
		}
		return !isCap(before) || isPlural(strings.ToLower(head[strings.LastIndexByte(head, ' ')+1:]))
	}
	return false
}

// secondPerson reports whether the "and" at token k, in a source
// starting at s, joins a second person to a first: one written as
// theirs ("The prime minister and his campaign boss Alan Milburn",
// "Gibson and his partner Bruce Davey"), or one after a person's full
// name ("singer Gary Lightbody and drummer Jonny Quinn", "Rep. Steve
// King (R-Iowa) and Rep. Michelle Bachmann"). A title's second title
// ("chairman and chief executive Tim Cook") and a firm's name ("Ernst and
// Young's Sanjay Mehta") join no one.
func (r *resolver) secondPerson(s, k int) bool {
	toks := r.d.Tokens
	if k <= s || k+1 >= len(toks) {
		return false
	}
	if w := r.lowTok(k + 1); w == "his" || w == "her" || w == "their" {
		return true
	}
	j := k - 1
	if toks[j].Text == ")" {
		for j > s && toks[j].Text != "(" {
			j--
		}
		j--
	}
	if j < s {
		return false
	}
	// (a full name with a given name, ending right before "and": not a
	// title run the name was found through, nor an outlet taken for a
	// person, "the Daily Ledger and KTV News political analyst Dana
	// Whitfield")
	return r.fullNameEndsAt(s, j) && !titleWords[r.lowTok(j)]
}

// writesName reports whether tokens [s, e) write the entity's name or
// its end ("Howard" for "Michael Howard"; not "Defenders" for
// "Defenders of Halvorsen").
func (r *resolver) writesName(s, e int, name string) bool {
	w := strings.ToLower(strings.Join(fields(r.text(s, e)), " "))
	n := strings.ToLower(name)
	return w != "" && strings.HasSuffix(n, w) && (len(n) == len(w) || n[len(n)-len(w)-1] == ' ')
}

// participleOpens reports a source opening with a participle: "Speaking
// in Harrogate Mr Kennedy", "Asked about it, Mr Blair".
func (r *resolver) participleOpens(s int) bool {
	switch r.d.Tokens[s].POS {
	case "VBG", "VBN":
		return true
	case "":
		// untagged (the fast mode): a lower-case-able word in -ing/-ed
		lw := r.lowTok(s)
		return len(lw) > 4 && (strings.HasSuffix(lw, "ing") || strings.HasSuffix(lw, "ed")) && !speakingNouns()[lw]
	}
	return false
}

// spokesWords name someone who speaks for an organisation.
var spokesWords = map[string]bool{"spokesman": true, "spokeswoman": true, "spokesperson": true, "spokespeople": true, "spokesmen": true}

// companySuffixes end the names of companies and outlets ("Acme LLC",
// "Hartwell GmbH", "Daily Mail Online"); orgWords holds the ones that
// also mark a name inside it ("Inc.", "Corp.").
var companySuffixes = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`inc inc. corp corp. co co. llc l.l.c. ltd ltd. limited gmbh plc llp lp ag s.a. n.v. pty
	online blog magazine radio tv`) {
		companySuffixes[w] = true
	}
}

// personInitials are initials that name one person the world over; any
// other acronym is taken for a person only when the article writes a
// person whose name has those initials ("Richard M. Stallman (RMS)").
var personInitials = map[string]bool{"JFK": true, "FDR": true, "LBJ": true, "MLK": true, "RFK": true, "RBG": true, "AOC": true, "DJT": true}

// officeAcronyms are offices written in capitals: a person holds them.
var officeAcronyms = map[string]bool{"cto": true, "cfo": true, "coo": true, "cio": true, "cmo": true, "cso": true,
	"cpo": true, "vp": true, "evp": true, "svp": true, "md": true, "gm": true, "da": true, "ag": true, "pm": true, "dj": true, "mc": true, "ig": true, "a.g.": true}

// orgByForm reports whether a name is an organisation's by its form: its
// last word is a company suffix or an outlet's word, or it is one word
// in capitals (two to six letters: "FSF", "NIH", "ACLU") that is neither
// well-known initials nor those of a person named in the article.
func (r *resolver) orgByForm(name string) bool {
	if webAddress(name) {
		return true // "Arduino.cc", "VDARE.com", "MoveOn.org": a site
	}
	if sp := strings.IndexByte(name, ' '); sp >= 0 && webAddress(name[:sp]) {
		return true // "Arduino.cc IDE": a site's thing
	}
	if strings.Contains(name, " & ") {
		return true // "Marsh & McLennan", "Ernst & Young": partners' names joined make a firm's
	}
	if sp := strings.LastIndexByte(name, ' '); sp >= 0 {
		return companySuffixes[r.lower(strings.TrimRight(name[sp+1:], ","))]
	}
	if !isAcronym(name) || personInitials[name] {
		return false
	}
	if lw := strings.ToLower(name); titleWords[lw] || postNominals[lw] || officeAcronyms[lw] {
		return false // "Mozilla's CTO, Brendan Eich": an office, a person's
	}
	for i := range r.ents {
		e := &r.ents[i]
		if f := sharedFields(e.name); e.kind == claimtrail.SpeakerOrganization || len(f) > 1 && isPlural(r.lower(f[len(f)-1])) && !FirstName(f[0]) {
			// (nor a name that ends in a plural with no given name before
			// it: "Electronic Arts" is no person's, and "EA" its initials)
			continue
		}
		var ini []byte
		for _, w := range sharedFields(e.name) {
			if c := w[0]; c >= 'A' && c <= 'Z' {
				ini = append(ini, c)
			}
		}
		if len(ini) >= 2 && string(ini) == name {
			return false
		}
	}
	return true
}

// honorificTitled reports whether titles hold an honorific ("Mr", "Dr",
// "Sir"): a person's, whereas an office word may have come to an
// acronym from the name after it ("NAACP director Ann Lee").
func honorificTitled(titles []string) bool {
	for _, t := range titles {
		switch t {
		case "dr", "dr.", "prof", "prof.", "professor", "doctor", "sir", "lord", "lady", "dame", "rev", "rev.", "reverend":
			return true
		}
		if honorific[t] != 0 {
			return true
		}
	}
	return false
}

// isAcronym: two to six capital ASCII letters ("&" and digits allowed
// after the first).
func isAcronym(w string) bool {
	if len(w) < 2 || len(w) > 6 || w[0] < 'A' || w[0] > 'Z' {
		return false
	}
	letters := 0
	for i := 0; i < len(w); i++ {
		switch c := w[i]; {
		case c >= 'A' && c <= 'Z':
			letters++
		case c == '&' || c >= '0' && c <= '9':
		default:
			return false
		}
	}
	return letters >= 2
}

// indefinites are pronouns for no one in particular.
var indefinites = map[string]bool{"everybody": true, "everyone": true, "nobody": true, "no-one": true, "noone": true,
	"somebody": true, "someone": true, "anybody": true, "anyone": true}

// speaksForName reports whether the lower-case head noun at h names a
// person by role or kin ("lawyer", "spokesman", "wife", "aide") and is
// followed by "for", "of", "to", "on", "at", "from" or "with" and then
// only the name that starts at tok ("the" and capitalised words between:
// "for Vice President Mike Pence", "a commissioner on the Seattle-based
// International Pacific Halibut Commission").
func (r *resolver) speaksForName(h, tok int) bool {
	lw := r.lowTok(h)
	if isCap(r.d.Tokens[h].Text) && !r.commonAtStart(h) || !(roleWords[lw] || personNouns()[lw]) || h+1 >= tok {
		return false
	}
	switch r.lowTok(h + 1) {
	case "for", "of", "to":
		if officeWords[lw] || lw == "leader" || lw == "chief" {
			return false // "the leader of Ennahda": the body's head is told apart elsewhere
		}
	case "on", "at", "from", "with":
	default:
		return false
	}
	for k := h + 2; k < tok; k++ {
		if !isCap(r.d.Tokens[k].Text) && !(k == h+2 && r.lowTok(k) == "the") {
			return false
		}
	}
	return true
}

// personOwner reports whether tokens [s, e) hold a person's possessive
// ("Mr Blair's official spokesman", "Campbell’s attorney"): the role is
// someone who works for that person, not whoever is most in view ("Russia's
// foreign minister" is a title of its own).
func (r *resolver) personOwner(s, e int) bool {
	for k := s + 1; k < e; k++ {
		if lw := r.lowTok(k); (lw == "'s" || lw == "’s") && isCap(r.d.Tokens[k-1].Text) {
			last := r.lowTok(k - 1)
			if ei, ok := r.bySurname[last]; ok && r.ents[ei].kind == claimtrail.SpeakerPerson {
				return true
			}
			if ei, ok := r.byName[last]; ok && r.ents[ei].kind == claimtrail.SpeakerPerson {
				return true
			}
		}
	}
	return false
}

// namedOwnerUndecided reports whether tokens [s, e) hold the possessive
// of a one-word name whose kind the article has not settled, and that
// is no place or party ("Juninho's agent", "Smith's lawyer"): someone who
// works for them, not whoever is most in view (the headline's "Juninho
// demand for O'Neill talks" gave the agent's words to O'Neill). Only for
// a description that is no office: "Google's chief executive" is the
// office holder named.
func (r *resolver) namedOwnerUndecided(s, e int) bool {
	for k := s + 1; k < e; k++ {
		if lw := r.lowTok(k); (lw == "'s" || lw == "’s") && isCap(r.d.Tokens[k-1].Text) {
			last := r.lowTok(k - 1)
			if places()[last] || namedParty(last) || isAcronym(r.d.Tokens[k-1].Text) {
				return false // ("the UK's biggest lender": a country's, a body's)
			}
			if ei, ok := r.byName[last]; ok && r.ents[ei].kind == "" {
				return true
			}
		}
	}
	return false
}

// namedOwner reports whether tokens [s, e) hold a name's possessive
// ("Campbell’s attorney", "Mr. Reid's spokesman"): the role is someone's,
// not a title ("the attorney general").
func (r *resolver) namedOwner(s, e int) bool {
	for k := s + 1; k < e; k++ {
		if lw := r.lowTok(k); (lw == "'s" || lw == "’s") && isCap(r.d.Tokens[k-1].Text) {
			return true
		}
	}
	return false
}

// titledWithCaps reports whether the entity called name was seen with
// every capitalised word in tokens [s, e): among its titles, or written
// just before one of its last 200 mentions before s ("Lib Dem spokesman
// Vince Cable").
func (r *resolver) titledWithCaps(name string, s, e int) bool {
	ei, ok := r.byName[r.lower(name)]
	if !ok {
		return false
	}
	var caps []string
	for k := s; k < e; k++ {
		if isCap(r.d.Tokens[k].Text) && !slices.Contains(r.ents[ei].titles, r.lowTok(k)) && !(k == s && isDeterminer(r.lowTok(k))) {
			caps = append(caps, r.lowTok(k))
		}
	}
	if len(caps) == 0 {
		return true
	}
	n := 0
	for i := r.lastActive(r.before(s) - 1); i >= 0 && n < 200; i = r.lastActive(i - 1) {
		n++
		nm := r.mentions[i]
		if nm.ent != ei {
			continue
		}
		all := true
		for _, c := range caps {
			seen := false
			for k := max(0, nm.tok-6); k < nm.tok; k++ {
				seen = seen || r.lowTok(k) == c
			}
			all = all && seen
		}
		if all {
			return true
		}
	}
	return false
}

// hasSpokesWord reports whether mention m holds a word for a
// spokesperson.
func (r *resolver) hasSpokesWord(m Mention) bool {
	for k := m.Start; k < m.End && k < m.Start+12; k++ {
		if spokesWords[r.lowTok(k)] {
			return true
		}
	}
	return false
}

// lastSpokes is whom the latest spokesperson source before token s,
// within the last eight sentences, spoke for.
func (r *resolver) lastSpokes(s int) (Speaker, bool) {
	sent := r.d.Tokens[s].Sent
	for i := len(r.spokes) - 1; i >= 0; i-- {
		at := r.spokes[i]
		if at.tok >= s {
			continue
		}
		if sent-r.d.Tokens[at.tok].Sent > 8 {
			break
		}
		return at.sp, true
	}
	return Speaker{}, false
}

// commonAtStart reports whether token t is a noun for people that is
// capitalised only because it opens its sentence ("Aides to Mr. Romney
// declined"): a common noun, not a name.
func (r *resolver) commonAtStart(t int) bool {
	lw := r.lowTok(t)
	return t == r.d.Sents[r.d.Tokens[t].Sent].First && (roleWords[lw] || personNouns()[lw])
}

// plainlyPerson reports whether ent is written as a person: with a title
// of a person ("Mr Blair", "Sen. Chuck Grassley"; "spokesman" in "a
// spokesman for MTV" is kept as a title of MTV and does not count) or as a first name and a surname
// ("Michael Howard"). A single word ("Dell", "MTV") is not, whatever
// first names it resembles.
func plainlyPerson(ent entity) bool {
	return personTitled(ent.titles) || countFields(ent.name) >= 2 && (ent.gender != 0 || genderOfName(ent.name) != 0)
}

// auxiliary are forms of "be" and "have" that end a noun phrase read
// backwards ("was denied by UKIP spokesman").
var auxiliary = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"has": true, "have": true, "had": true}

// partyDescription reports whether a name is a party member's word,
// alone or after a place ("Democrat", "New York Democrat"): a
// description of someone, not a person's name.
func (r *resolver) partyDescription(name string) bool {
	f := sharedFields(r.lower(name))
	return len(f) > 0 && partyMember[f[len(f)-1]] && (len(f) == 1 || places()[strings.Join(f[:len(f)-1], " ")])
}

// partyMember words name one member of a party: a capitalised word that
// describes a person and is never the person's name.
var partyMember = map[string]bool{"democrat": true, "republican": true, "tory": true, "conservative": true,
	"liberal": true, "socialist": true, "libertarian": true, "unionist": true, "nationalist": true}

// clauseSubject is the part of a source that runs on into its own clause
// that names who speaks: the name before its first finite verb, when no
// relative pronoun or subordinator comes before that verb ("Former Vice
// President Cheney has publicly voiced support for same-sex marriage
// and, mirroring Elizabeth’s stance," is Cheney's: the name after the
// verb is what the clause is about), or the subject of a clause joined by
// "and" ("Duff sustained a knee injury and manager Jose Mourinho" is
// Mourinho's). [s, e) when the source has no such verb.
func (r *resolver) clauseSubject(s, e int) (int, int) {
	toks := r.d.Tokens
	if toks[s].Sent != toks[e-1].Sent {
		return s, e // a source over two sentences: the later one speaks
	}
	for k := s; k < e && k < s+scanLimit; k++ {
		if toks[k].Text == "." || toks[k].Text == "?" || toks[k].Text == "!" {
			return s, e // and one the segmenter did not split
		}
	}
	for v := s + 1; v < e && v < s+scanLimit; v++ {
		lw := r.lowTok(v)
		if relativeOrSubordinate[lw] || toks[v].Text == "," || toks[v].Quote != 0 {
			return s, e
		}
		if p := toks[v].POS; p != "VBZ" && p != "VBD" || isCap(toks[v].Text) {
			continue
		}
		if v+1 < e && isCap(toks[v+1].Text) || !isCap(toks[v-1].Text) && !r.pronounSubjectOf(s, v, e) {
			// a title the tagger read as a verb ("Gunners boss Arsene
			// Wenger"), or a verb after no name or lone pronoun
			return s, e
		}
		if a := r.newSubjectAfterAnd(v, e); a > 0 {
			return a, e
		}
		return s, v
	}
	return s, e
}

// pronounSubjectOf reports whether a source [s, e) opens with a personal
// pronoun that is the subject of the verb at v, and no name follows a
// verb after it: "she said in a speech at the show," (but not "she
// avoided the kiss, then heard Franken", where Franken speaks, nor a
// relative "who had represented him").
func (r *resolver) pronounSubjectOf(s, v, e int) bool {
	if p, ok := pronouns[r.lowTok(s)]; !ok || p == "r" || v != s+1 {
		return false
	}
	toks := r.d.Tokens
	for k := v + 1; k < e; k++ {
		if isCap(toks[k].Text) && strings.HasPrefix(toks[k-1].POS, "VB") {
			return false
		}
	}
	return true
}

// newSubjectAfterAnd is where a clause joined by "and" in tokens (v, e)
// starts when it has a subject of its own (a capitalised word right after
// the "and", or after one lower-case word: "and manager Jose Mourinho"),
// or 0.
func (r *resolver) newSubjectAfterAnd(v, e int) int {
	toks := r.d.Tokens
	for k := v + 1; k < e-1; k++ {
		if r.lowTok(k) != "and" {
			continue
		}
		if isCap(toks[k+1].Text) || k+2 < e && isCap(toks[k+2].Text) && !isPunct(toks[k+1].Text) {
			return k + 1
		}
	}
	return 0
}

// relativeOrSubordinate open a clause inside a source whose verb is not
// the source's own.
var relativeOrSubordinate = map[string]bool{"who": true, "whom": true, "whose": true, "which": true, "that": true,
	"when": true, "after": true, "before": true, "while": true, "as": true, "if": true, "because": true, "since": true}

// scanLimit bounds how many tokens a rule reads from one source.
const scanLimit = 200

// hasComma reports whether tokens [s, e) hold a comma: a source in parts
// ("Monsignor Fabian Pedacchio, his Argentine secretary") names its
// speaker in one of them.
func (r *resolver) hasComma(s, e int) bool {
	for k := s; k < e; k++ {
		if r.d.Tokens[k].Text == "," {
			return true
		}
	}
	return false
}

// hasDash reports a dash standing alone in [s, e): "Lord Bingham - a
// senior law lord -" is a name with an aside, not a title with modifiers.
func (r *resolver) hasDash(s, e int) bool {
	for k := s; k < e; k++ {
		if isDash(r.d.Tokens[k].Text) {
			return true
		}
	}
	return false
}

// nameList reports whether comma parts are a list of names: short
// capitalised parts, the last two joined by "and" ("Paramount, Universal
// and Warner Brothers").
func (r *resolver) nameList(parts [][2]int) bool {
	if len(parts) < 2 {
		return false
	}
	last := parts[len(parts)-1]
	and := -1
	for k := last[0] + 1; k < last[1]-1; k++ {
		if r.lowTok(k) == "and" {
			and = k
			break
		}
	}
	if and < 0 {
		return false
	}
	for _, p := range parts[:len(parts)-1] {
		if !r.listMember(p[0], p[1]) {
			return false
		}
	}
	return r.listMember(last[0], and) && (r.listMember(and+1, last[1]) || r.pluralPhrase(and+1, last[1]))
}

// titledList names the persons of a list whose every member is a
// titled person, "A, B and C".
func (r *resolver) titledList(parts [][2]int) (string, bool) {
	last := parts[len(parts)-1]
	and := -1
	for k := last[0] + 1; k < last[1]-1 && and < 0; k++ {
		if r.lowTok(k) == "and" {
			and = k
		}
	}
	spans := append(append([][2]int{}, parts[:len(parts)-1]...), [2]int{last[0], and}, [2]int{and + 1, last[1]})
	names := make([]string, 0, len(spans))
	for _, p := range spans {
		name, ok := r.titledPerson(p[0], p[1])
		if !ok {
			return "", false
		}
		names = append(names, name)
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1], true
}

// listMember reports whether [s, e) is one name of a list: up to six
// words, capitalised or titles, joined by "of" or "&", perhaps after
// "the" ("the Guardian Media Group", "Sen. Cory Booker of New Jersey");
// not a title alone, nor an office "for" a brief ("Minister for
// Children").
func (r *resolver) listMember(s, e int) bool {
	toks := r.d.Tokens
	if e-s < 1 || e-s > 6 {
		return false
	}
	if r.lowTok(s) == "the" {
		s++
	}
	if s >= e || !isCap(toks[s].Text) || r.lowTok(e-1) == "of" || r.flags(e-1)&fTitle != 0 {
		return false
	}
	for k := s; k < e; k++ {
		if lw := r.lowTok(k); !isCap(toks[k].Text) && lw != "of" && lw != "&" {
			return false
		}
	}
	return true
}

// pluralPhrase reports whether [s, e) is a plural noun phrase in lower
// case ending a list of names: "Google, AOL, Yahoo and many smaller
// firms", "Indonesian, Indian and Hong Kong stock markets".
func (r *resolver) pluralPhrase(s, e int) bool {
	if e-s < 1 || e-s > 5 || !isPlural(r.lowTok(e-1)) || isCap(r.d.Tokens[e-1].Text) {
		return false
	}
	for k := s; k < e; k++ {
		if isPunct(r.d.Tokens[k].Text) {
			return false
		}
	}
	return true
}

// timeAfterPerson returns the token where a phrase of time opens after a
// person's full name at the end of [s, e), in a source written after its
// cue ("..., said Culture Secretary Tessa Jowell after the meeting",
// "said Jane Roe before the vote"): when the person spoke, no part of the
// name; else -1.
func (r *resolver) timeAfterPerson(s, e int) int {
	toks := r.d.Tokens
	for k := s + 2; k+1 < e; k++ {
		switch r.lowTok(k) {
		case "after", "before", "during", "following":
		default:
			continue
		}
		if !isCap(toks[k-1].Text) || !isDeterminer(r.lowTok(k+1)) && pronouns[r.lowTok(k+1)] == "" {
			return -1
		}
		for i := k + 1; i < e; i++ {
			if isCap(toks[i].Text) || isPunct(toks[i].Text) {
				return -1
			}
		}
		for i := r.lastActive(r.before(k) - 1); i >= 0; i = r.lastActive(i - 1) {
			nm := r.mentions[i]
			if nm.tok < s {
				break
			}
			if ent := r.ents[nm.ent]; ent.kind == claimtrail.SpeakerPerson && countFields(ent.name) >= 2 && nm.tok+countFields(ent.name) == k {
				return k
			}
		}
		return -1
	}
	return -1
}

// placeAfterPerson returns where "in", "at", "from" or "on" starts a
// place or an outlet after a person's full name that [s, e) ends in
// ("Judge Jane Roe in Boston", "Ann Lee on the site Daily Wire"), or -1.
func (r *resolver) placeAfterPerson(s, e int) int {
	toks := r.d.Tokens
	for k := e - 2; k > s+1; k-- {
		switch toks[k].Text {
		case ",", "who", "which", "and":
			return -1
		case "in", "at", "from", "on":
		default:
			continue
		}
		if !isCap(toks[e-1].Text) || !isCap(toks[k-1].Text) {
			return -1
		}
		for i := s; i < k; i++ {
			if toks[i].Text == "and" || toks[i].Text == "," {
				return -1 // two people: "Attorney Jo Lin and Special Agent in Charge Al Ruiz"
			}
		}
		for i := r.lastActive(r.before(k) - 1); i >= 0; i = r.lastActive(i - 1) {
			nm := r.mentions[i]
			if nm.tok < s {
				break
			}
			ent := r.ents[nm.ent]
			if n := countFields(ent.name); ent.kind == claimtrail.SpeakerPerson && n >= 2 && nm.tok+n == k &&
				!(strings.HasSuffix(ent.last, "s") && personNouns()[strings.TrimSuffix(r.lower(ent.last), "s")]) { // "Conservative Republicans in the House"
				return k
			}
		}
		return -1
	}
	return -1
}

// placeAfterRole returns where "in" starts a capitalised place after
// "spokesman" (or a like word) that [s, e) ends in ("An EU spokesman in
// Washington"), or -1: the place says where the spokesman is, not whom
// he speaks for. "at" and "for" are left alone ("a spokesman at
// Microsoft" speaks for Microsoft), and so are other roles: "a federal
// judge in Michigan" is not any judge the article names.
func (r *resolver) placeAfterRole(s, e int) int {
	toks := r.d.Tokens
	for k := e - 1; k > s; k-- {
		if toks[k].Text != "in" {
			if !isCap(toks[k].Text) || toks[k].Quote != 0 {
				return -1
			}
			continue
		}
		if k == e-1 || isCap(toks[k-1].Text) {
			return -1
		}
		if spokesWords[r.lowTok(k-1)] {
			return k
		}
		return -1
	}
	return -1
}

// irregularPlural: plural nouns of people without a final s.
var irregularPlural = map[string]bool{"women": true, "men": true, "children": true, "people": true, "police": true}

// groupStops end a plural noun phrase read back from "who": "as even
// lawmakers who", "concern amongst experts who".
var groupStops = map[string]bool{"as": true, "amongst": true, "than": true, "like": true, "unlike": true}

// officePart reports whether [s, e) is an office written in capitals and
// no name: "The Health Secretary", "Scottish Finance Minister".
func (r *resolver) officePart(s, e int) bool {
	s, e = r.trim(s, e)
	if s >= e {
		return false
	}
	for k := s; k+1 < e; k++ {
		// an office of a body: "shadow chief secretary to the Treasury"
		if lw := r.lowTok(k); (capitalTitles[lw] || titleWords[lw]) && !isCap(r.d.Tokens[k].Text) {
			switch r.lowTok(k + 1) {
			case "to", "of", "for", "at":
				return true
			}
		}
	}
	if !capitalTitles[r.lowTok(e-1)] {
		return false
	}
	for k := s; k < e; k++ {
		if !isCap(r.d.Tokens[k].Text) || genderOfWord(r.lowTok(k)) != 0 {
			return false
		}
	}
	return true
}

// durations end a "for" phrase that says how long a speaker has been
// saying something.
var durations = map[string]bool{"months": true, "years": true, "weeks": true, "days": true, "decades": true, "hours": true}

// pluralAcronym reports whether name ends in initials made plural
// ("MPs", "Senior MEPs", "CEOs"): many people, never one person's name.
func pluralAcronym(name string) bool {
	last := name
	if k := strings.LastIndexByte(name, ' '); k >= 0 {
		last = name[k+1:]
	}
	if len(last) < 3 || last[len(last)-1] != 's' {
		return false
	}
	for i := 0; i < len(last)-1; i++ {
		if last[i] < 'A' || last[i] > 'Z' {
			return false
		}
	}
	return true
}

// broadcasterName reports whether name ends in a word that ends only
// broadcasters' and outlets' names ("Channel TV", "Sky News", "Talk
// Radio"), never a person's.
func broadcasterName(name string) bool {
	k := strings.LastIndexByte(name, ' ')
	if k < 0 {
		return false
	}
	switch strings.ToLower(name[k+1:]) {
	case "tv", "radio", "television", "news":
		return true
	}
	return false
}

// orgEvidence reports whether the article writes the one-word name as
// an organisation's somewhere: after a company's noun ("research firm
// Gartner"), with a company's possession after it ("Apple's shares"),
// with a role "at" it ("an analyst at Gartner"), or before ", which".
func (r *resolver) orgEvidence(name string) bool {
	return r.memoOrg(name, func() bool { return r.orgEvidenceIn(name) })
}

// memoOrg returns the answer kept for key in this article, asking read
// for it the first time: a company's "said" recurs, and each evidence
// reads every token.
func (r *resolver) memoOrg(key string, read func() bool) bool {
	if v, ok := r.orgSeen[key]; ok {
		return v
	}
	v := read()
	r.orgSeen[key] = v
	return v
}

// outletNamed reports whether the article writes the name right after a
// lower-case word for a news outlet ("the Danish tabloid Ekstra Bladet",
// "the newspaper Politiken"): a masthead, not a person, though nothing
// else in the article says so. The tokens after such words are read once
// an article (a page of many names must not read every token for each).
func (r *resolver) outletNamed(name string) bool {
	toks := r.d.Tokens
	if !r.outletRead {
		r.outletRead = true
		for k := 1; k < len(toks); k++ {
			// (the capitals first: they rule out most tokens without a
			// look-up in the set, once per token of every article)
			if isCap(toks[k].Text) && !isCap(toks[k-1].Text) && mediaNouns[r.lowTok(k-1)] {
				if r.outletAt == nil {
					r.outletAt = map[string][]int{}
				}
				r.outletAt[toks[k].Text] = append(r.outletAt[toks[k].Text], k)
			}
		}
	}
	if r.outletAt == nil {
		return false
	}
	words := sharedFields(name)
	for _, k := range r.outletAt[words[0]] {
		if k+len(words) <= len(toks) && r.wordsAt(k, words) {
			return true
		}
	}
	return false
}

// initialsOf returns the capitals that open words, minor words left out
// ("Assistive Mouse Adapter" -> "AMA", "Food and Drug Administration" ->
// "FDA").
func initialsOf(words []string) string {
	var b strings.Builder
	for _, w := range words {
		switch w {
		case "of", "the", "and", "for", "&":
			continue
		}
		if c := w[0]; c >= 'A' && c <= 'Z' {
			b.WriteByte(c)
		}
	}
	return b.String()
}

// orgEvidenceIn is orgEvidence read from the tokens, without the memo.
func (r *resolver) orgEvidenceIn(name string) bool {
	toks := r.d.Tokens
	words := sharedFields(name)
	for k := range toks {
		if toks[k].Text != words[0] || k+len(words) > len(toks) {
			continue
		}
		same := r.wordsAt(k, words)
		if !same || len(words) > 1 && k >= 2 && (r.lowTok(k-1) == "for" || r.lowTok(k-1) == "of") && isCap(toks[k-2].Text) {
			continue // a piece of a longer name: "the Center for Jewish History's"
		}
		if e := k + len(words) - 1; e+2 < len(toks) && (toks[e+1].Text == "'s" || toks[e+1].Text == "’s") && orgPossessions[r.lowTok(e+2)] {
			return true
		}
		if e := k + len(words) - 1; len(words) == 1 && e+2 < len(toks) && toks[e+1].Text == "," && r.lowTok(e+2) == "which" {
			// (one word only: "the trial of Kobili Traore, which the
			// court ordered" has its "which" on the trial)
			return true
		}
		if k >= 2 && r.lowTok(k-1) == "in" && (r.lowTok(k-2) == "shares" || r.lowTok(k-2) == "stake") {
			return true // "Shares in Virgin Blue plunged"
		}
		if e := k + len(words) - 1; len(words) >= 2 && e+3 < len(toks) && toks[e+1].Text == "(" && toks[e+3].Text == ")" && toks[e+2].Text == initialsOf(words) {
			// "The Assistive Mouse Adapter (AMA)": bodies, laws and
			// things are shortened to their initials; people are not
			return true
		}
		if k >= 2 && r.lowTok(k-1) == "at" && (roleWords[r.lowTok(k-2)] || spokesWords[r.lowTok(k-2)]) {
			return true
		}
		if len(words) == 1 && k >= 2 && r.lowTok(k-1) == "of" && !isCap(toks[k-2].Text) && r.officeOf(r.lowTok(k-2)) {
			return true // "chief operating officer of Sony", "the founder of Napster"
		}
		if k >= 1 && companyNouns[r.lowTok(k-1)] && !isCap(toks[k-1].Text) {
			return true // "research firm Gartner", "drinks giant Diageo"
		}
		if k >= 1 && firmPlurals[r.lowTok(k-1)] && !isCap(toks[k-1].Text) {
			return true // "technology analysts Gartner": a plural before one name is a firm of them
		}
		if k >= 2 && (r.lowTok(k-1) == "called" || r.lowTok(k-1) == "named") && companyNouns[r.lowTok(k-2)] {
			return true // "a company called Akamai"
		}
		if k >= 3 && toks[k-1].Text == "," && companyNouns[r.lowTok(k-2)] && !isCap(toks[k-2].Text) && isDeterminer(r.lowTok(k-3)) {
			return true // "The firm, Paion, said"
		}
		if len(words) == 1 && r.shortFormOfBody(k) {
			return true // "General Motors (GM)", "the Chilean Copper Commission (Cochilco)"
		}
		if e := k + len(words); r.bodyApposed(e) {
			return true // "Parmalat, the Italian food group at the centre of ...", "Technorati, a blog search engine,"
		}
		if k >= 2 && r.lowTok(k-1) == "leader" && r.lowTok(k-2) == "market" {
			return true // "Market leader Nintendo"
		}
		if k >= 3 && r.lowTok(k-1) == "by" && surveyNouns[r.lowTok(k-2)] {
			return true // "A survey by Hostway"
		}
		if k >= 3 && toks[k-1].Text == "," && companyNouns[r.lowTok(k-2)] && !isCap(toks[k-2].Text) && !isCap(toks[k-3].Text) && !isPunct(toks[k-3].Text) {
			return true // "telecoms regulator, Ofcom,"
		}
		if len(words) == 1 && r.officeAtName(k) {
			return true // "director of product management at Google", "head of market development at Nokia"
		}
		if e := k + len(words) - 1; len(words) == 1 && e+2 < len(toks) && possessive(toks[e+1].Text) && e+3 < len(toks) && isCap(toks[e+2].Text) && isCap(toks[e+3].Text) && givenNameFirst(r.text(e+2, e+4)) {
			return true // "Oxfam's Barbara Stocking": a body's person
		}
		if e := k + len(words) - 1; len(words) == 1 && e+1 < len(toks) && !isCap(toks[e+1].Text) && staffPlurals[r.lowTok(e+1)] {
			return true // "Google executives", "Nokia employees"
		}
		if k >= 2 && r.lowTok(k-1) == "tank" && r.lowTok(k-2) == "think" {
			return true // "think tank Demos"
		}
		if k >= 1 && strings.HasSuffix(r.lowTok(k-1), "-based") {
			return true // "Paris-based Euronext": companies and bodies are based somewhere, people live
		}
		if e := k + len(words) - 1; len(words) == 1 && e+3 < len(toks) && possessive(toks[e+1].Text) && r.lowTok(e+2) == "chief" && firmChiefs[r.lowTok(e+3)] {
			return true // "Boeing's chief executive", "Hitachi's chief financial officer"
		}
		if e := k + len(words) - 1; len(words) == 1 && e+2 < len(toks) && possessive(toks[e+1].Text) && r.firmPartAt(e+2) {
			return true // "Microsoft's Windows Server division", "Toyota's plants"
		}
		if len(words) == 1 && k >= 2 && r.lowTok(k-1) == "from" && findingsNouns[r.lowTok(k-2)] {
			return true // "the latest surveys from Nationwide", "figures from Halifax"
		}
		if len(words) == 1 && k >= 1 && !isCap(toks[k-1].Text) && (bodyHeads[r.lowTok(k-1)] || storeWords[r.lowTok(k-1)]) && r.modifiedHead(k-1) {
			return true // "state gas monopoly Gazprom", "department store Nordstrom"
		}
		if len(words) == 1 && k >= 2 && !isCap(toks[k-1].Text) && firmPlurals[r.lowTok(k-1)+"s"] && r.modifiedHead(k-1) && !seniority[r.lowTok(k-2)] {
			// "market analyst Datamonitor": one word, no given name,
			// after a trade and its field is a firm of them (a person
			// so named has a given name; "senior analyst Brandt" is a
			// rank, left)
			return true
		}
		if len(words) == 1 && r.corporateNameAt(k) {
			return true // "Qwest Communications", "Daiwa Securities": the firm's full name
		}
		if len(words) == 1 && r.firmListAt(k) {
			return true // "electronics giants Hitachi and Matsushita", "firms such as Boeing and Airbus"
		}
		if e := k + 1; len(words) == 1 && e+1 < len(toks) && pluralVerbs[r.lowTok(e)] && !isCap(toks[e+1].Text) &&
			(k == 0 || !listJoiners[r.lowTok(k-1)]) && !strings.HasSuffix(r.lowTok(k), "s") && !r.modalBefore(k) {
			// "Arsenal have gradually lost", "Sony are to cut": British
			// news writes a team or a firm with a plural verb, a person
			// never (not after "and": "Smith and Jones have"; nor after
			// a modal: "What would St. John the Baptist have said")
			return true
		}
	}
	return false
}

// seniority are ranks written before a trade ("senior analyst"): a
// person's, not a firm's field.
var seniority = wordSet("senior junior chief lead leading top former veteran independent principal")

// firmChiefs follow "chief" in a business's offices: "X's chief
// executive" is a firm's, as no person has one.
var firmChiefs = wordSet("executive operating financial technology")

// firmParts are what a business has and a person has not, written after
// its possessive ("Microsoft's division", "Toyota's plants").
var firmParts = wordSet("division divisions subsidiaries unit units plant plants factory factories operations")

// firmPartAt reports whether a firm's part is written at k, after at
// most three capitalised words that name it ("Windows Server division").
func (r *resolver) firmPartAt(k int) bool {
	toks := r.d.Tokens
	for j := k; j < len(toks) && j <= k+3 && toks[j].Sent == toks[k].Sent; j++ {
		if !isCap(toks[j].Text) {
			return firmParts[r.lowTok(j)]
		}
	}
	return false
}

// findingsNouns are what a body publishes from its data ("the latest
// surveys from Nationwide", "figures from Halifax"); a person's is a
// statement or a letter, which are not among them.
var findingsNouns = wordSet("survey surveys poll polls study studies figures data index indices research")

// storeWords head a shop's description before its name ("department
// store Nordstrom").
var storeWords = wordSet("store stores shop chain")

// modifiedHead reports whether the lower-case noun at h has a lower-case
// word before it in its sentence that is no article nor "his", "her"
// ("state gas monopoly", "department store"), or a lower-case plural's
// possessive ("producers' cartel"); not "the office" or "her union"
// alone, which may end a clause before a name.
func (r *resolver) modifiedHead(h int) bool {
	toks := r.d.Tokens
	if h >= 2 && (toks[h-1].Text == "'" || toks[h-1].Text == "’") && !isCap(toks[h-2].Text) && isPlural(r.lowTok(h-2)) {
		return true // "producers' cartel Opec": a plural's possessive modifies it too
	}
	if h < 1 || toks[h-1].Sent != toks[h].Sent || isPunct(toks[h-1].Text) {
		return false
	}
	lw := r.lowTok(h - 1)
	return !isDeterminer(lw) && !isFunctionWord(lw) && lw != "his" && lw != "her" && lw != "their"
}

// corporateTails end a business's full name and never a person's ("Qwest
// Communications", "Daiwa Securities", "Matsushita Electric"): a lone
// word the article also writes before one is that business, shortened.
// (No foundation, trust or institute: a person's surname often names
// one, "the Clinton Foundation".)
var corporateTails = wordSet("communications securities electric electronics motors motor airlines airways holdings industries " +
	"technologies telecom telecommunications pharmaceuticals software computer computers networks semiconductor steel petroleum " +
	"inc inc. corp corp. corporation plc ltd ltd. llc gmbh")

// corporateNameAt reports whether the one capitalised word at k opens a
// business's full name: one or two more capitalised words in its
// sentence, the last of them a corporate tail.
func (r *resolver) corporateNameAt(k int) bool {
	toks := r.d.Tokens
	for j := k + 1; j < len(toks) && j <= k+2 && toks[j].Sent == toks[k].Sent && isCap(toks[j].Text); j++ {
		if corporateTails[r.lowTok(j)] {
			return true
		}
	}
	return false
}

// firmListPlurals are plurals of what businesses are, which news writes
// before a list of their names ("electronics giants Hitachi and
// Matsushita", "rival carmakers"); no noun for people ("producers
// Smith and Jones") is among them.
var firmListPlurals = wordSet("firms companies giants groups makers retailers banks carriers airlines brewers insurers " +
	"manufacturers chains clubs networks broadcasters newspapers supermarkets carmakers conglomerates lenders operators")

// firmListAt reports whether the one capitalised word at k is in a list
// of names after a lower-case plural of firmListPlurals, with "such as",
// "including" or "like" between or not: "giants Hitachi and
// Matsushita", "companies such as Boeing, Airbus and Embraer". The scan
// back reads at most a dozen tokens.
func (r *resolver) firmListAt(k int) bool {
	toks := r.d.Tokens
	j := k - 1
	for n := 0; n < 4 && j >= 1; n++ {
		// step back over one name of the list and what joins it
		if lw := r.lowTok(j); lw == "and" || lw == "or" || toks[j].Text == "," {
			if j-1 < 0 || !isCap(toks[j-1].Text) {
				return false
			}
			j--
			for j >= 1 && isCap(toks[j-1].Text) && k-j < 12 && toks[j-1].Sent == toks[k].Sent && !isDeterminer(r.lowTok(j-1)) {
				j--
			}
			j--
			continue
		}
		break
	}
	if j < 0 || toks[j].Sent != toks[k].Sent {
		return false
	}
	switch r.lowTok(j) {
	case "including", "like":
		j--
	case "as":
		if j >= 1 && r.lowTok(j-1) == "such" {
			j -= 2
		}
	case "such":
		j-- // "Giants such Boeing and Airbus"
	}
	// (capitalised only where it opens the sentence: "Giants such as")
	return j >= 0 && (!isCap(toks[j].Text) || r.d.Sents[toks[j].Sent].First == j) && firmListPlurals[r.lowTok(j)] && toks[j].Sent == toks[k].Sent
}

// shortFormOfBody reports whether the one word at k stands in
// parentheses right after a capitalised name that is an organisation's
// by its kind or its form ("General Motors (GM)", "Incomes Data
// Services' (IDS)"): the short form names the same body. A person's
// initials after a person's name ("Richard M. Stallman (RMS)") are not.
func (r *resolver) shortFormOfBody(k int) bool {
	toks := r.d.Tokens
	if k < 2 || k+1 >= len(toks) || toks[k-1].Text != "(" || toks[k+1].Text != ")" {
		return false
	}
	e := k - 1
	if p := toks[e-1].Text; p == "'" || p == "’" || p == "'s" || p == "’s" {
		e-- // "Incomes Data Services' (IDS)"
	}
	b := e
	for b > 0 && e-b < 6 && isCap(toks[b-1].Text) && toks[b-1].Sent == toks[k].Sent && !isDeterminer(r.lowTok(b-1)) {
		b--
	}
	if b == e {
		return false
	}
	name := r.text(b, e)
	if ei, ok := r.byName[r.lower(name)]; ok {
		if r.ents[ei].kind == claimtrail.SpeakerPerson || r.ents[ei].gender != 0 {
			return false
		}
		if r.ents[ei].kind == claimtrail.SpeakerOrganization {
			return true
		}
	}
	return r.orgByForm(name) || orgWords[r.lowTok(e-1)]
}

// appositionLookahead bounds the words bodyApposed reads for the head.
const appositionLookahead = 8

// bodyApposed reports whether the tokens from k are a comma and a noun
// phrase with an article whose head is a body's noun ("Parmalat, the
// Italian food group at the centre of ...", "Wal-Mart, the largest US
// retailer,", "EA, a leading games developer and publisher,"): the head
// is the last word before a comma, a preposition or a relative; a
// person's apposition has a person's head ("Jones, the firm's boss").
func (r *resolver) bodyApposed(k int) bool {
	toks := r.d.Tokens
	if k+2 >= len(toks) || toks[k].Text != "," || toks[k+1].Sent != toks[k].Sent {
		return false
	}
	switch r.lowTok(k + 1) {
	case "a", "an", "the":
	default:
		return false
	}
	head := -1
	for j := k + 2; j < len(toks) && j <= k+1+appositionLookahead && toks[j].Sent == toks[k].Sent; j++ {
		lw := r.lowTok(j)
		if toks[j].Text == "'s" || toks[j].Text == "’s" || toks[j].Text == "'" || toks[j].Text == "’" {
			return false // "the firm's boss": whose, not what
		}
		if isPunct(toks[j].Text) || prepositions[lw] || lw == "which" || lw == "that" || lw == "who" || r.verbAt(j) {
			break
		}
		head = j
	}
	return head >= 0 && !isCap(toks[head].Text) && (companyNouns[r.lowTok(head)] || bodyHeads[r.lowTok(head)])
}

// bodyHeads head a description of a body in apposition to its name
// (with companyNouns): "a blog search engine", "the state gas monopoly".
var bodyHeads = wordSet("engine monopoly cartel body organisation organization association federation union institute foundation " +
	"office commission authority department ministry service provider lender brokerage conglomerate multinational " +
	"partnership consortium venture startup start-up")

// firmPlurals, written before one name, make it a firm of such people
// ("technology analysts Gartner", "consultants Accenture").
var firmPlurals = wordSet("analysts consultants pollsters researchers")

// itsAfter reports whether the article writes the name as the subject of
// a verb with "its" right after ("Apple said its sales rose", "Napster
// has cut its prices"): a thing's possessive, before any other name or a
// person's pronoun. Memoised per article with orgEvidence.
func (r *resolver) itsAfter(name string) bool {
	return r.memoOrg("its "+name, func() bool { return r.itsAfterIn(name) })
}

// theBefore reports whether the article writes the one-word name after
// "the" ("the Fed said", "the Treasury", "the Nationwide"), which no one
// writes before a person's surname. Words for people and offices ("the
// Pope", "the Australian", "the PM") are no such names.
func (r *resolver) theBefore(name string) bool {
	return r.memoOrg("the "+name, func() bool { return r.theBeforeIn(name) })
}

// theBeforeIn is theBefore read from the tokens, without the memo.
func (r *resolver) theBeforeIn(name string) bool {
	lw := r.lower(name)
	if titleWords[lw] || personNouns()[lw] || officeAcronyms[lw] || isNationality(name, lw) && (nationalWords[lw] || placeStem(lw)) || r.peopleWord(lw) || genderOfWord(lw) != 0 {
		return false
	}
	toks := r.d.Tokens
	for k := 1; k < len(toks); k++ {
		if toks[k].Text == name && r.lowTok(k-1) == "the" && toks[k].Quote == 0 && (k+1 >= len(toks) || r.endsNounPhrase(k+1)) {
			return true
		}
	}
	return false
}

// endsNounPhrase reports whether token k, after a noun, starts no more of
// its noun phrase: a verb, a preposition, a conjunction, punctuation or a
// possessive ("the Fed said", "the Treasury's", "the Navy, which"), not a
// noun ("the Obama years", "the Trump Administration").
func (r *resolver) endsNounPhrase(k int) bool {
	t := r.d.Tokens[k]
	if isPunct(t.Text) || t.Text == "'s" || t.Text == "’s" {
		return true
	}
	switch {
	case strings.HasPrefix(t.POS, "VB"), t.POS == "MD", t.POS == "IN", t.POS == "CC", t.POS == "TO", t.POS == "WDT", t.POS == "RB", t.POS == "POS":
		return true
	}
	return false
}

// officeOf reports whether lw, before "of" and a name, is an office in
// an organisation ("chief operating officer of Sony", "the founder of
// Napster"): the name is the organisation's.
func (r *resolver) officeOf(lw string) bool {
	switch lw {
	case "executive", "officer", "founder", "spokesman", "spokeswoman", "spokesperson":
		return true
	}
	return officeHeads[lw]
}

// pluralPersonNoun reports whether lw is the plural of a noun for a
// person ("officials", "residents"), not a plural that is no one.
func (r *resolver) pluralPersonNoun(lw string) bool {
	if !isPlural(lw) {
		return false
	}
	for _, sing := range singulars(lw) {
		if personNouns()[sing] || roleWords[sing] {
			return true
		}
	}
	return false
}

// peopleBeforePhrase resolves "who" at p whose noun phrase ends at k in a
// prepositional phrase about a thing, after the people it describes
// ("some conservatives on social media who maintain", "certain leaders of
// the past who recommended", "the man quoted in the news story who had
// complained"): the whole phrase, a group for a plural head, else a
// description. Names inside it are left to the other rules.
func (r *resolver) peopleBeforePhrase(p, k int) (Speaker, bool) {
	toks := r.d.Tokens
	if lw := r.lowTok(p); lw != "who" && lw != "whom" || k < 1 || isCap(toks[k].Text) || personNouns()[r.lowTok(k)] || r.pluralPersonNoun(r.lowTok(k)) || irregularPlural[r.lowTok(k)] {
		return Speaker{}, false // (people right before it: the rules below)
	}
	for q := k - 1; q > 0 && q >= k-5 && toks[q].Sent == toks[p].Sent; q-- {
		if isCap(toks[q].Text) || isPunct(toks[q].Text) {
			return Speaker{}, false
		}
		if !prepositions[r.lowTok(q)] && r.lowTok(q) != "quoted" {
			continue
		}
		h := q - 1
		if r.lowTok(q) == "quoted" || h > 0 && strings.HasSuffix(r.lowTok(h), "ed") && (personNouns()[r.lowTok(h-1)] || r.pluralPersonNoun(r.lowTok(h-1))) {
			// ("the man quoted in the story": the participle after the noun)
			h--
			if r.lowTok(q) == "quoted" {
				h = q - 1
			}
		}
		plural := r.pluralPersonNoun(r.lowTok(h))
		if !plural && !personNouns()[r.lowTok(h)] || isCap(toks[h].Text) {
			continue
		}
		st := h
		for st > 0 && h-st < 3 && toks[st-1].Sent == toks[h].Sent && !isPunct(toks[st-1].Text) && !isCap(toks[st-1].Text) && toks[st-1].POS != "CC" &&
			!prepositions[r.lowTok(st-1)] && !strings.HasPrefix(toks[st-1].POS, "VB") && !auxiliary[r.lowTok(st-1)] {
			st--
		}
		if plural {
			return Speaker{Name: r.text(st, k+1), Kind: claimtrail.SpeakerGroup, Confidence: 0.6}, true
		}
		if sp, ok := r.appositionPerson(st); ok {
			return sp, true
		}
		return Speaker{Name: r.text(st, k+1), Kind: claimtrail.SpeakerDescription, Confidence: 0.5}, true
	}
	return Speaker{}, false
}

// appositionPerson returns the person a description opening at token st
// stands in apposition to, through at most one more description before
// it ("David Kahn - a former Yale historian, and a leading expert on
// code-breaking, who"): a determiner opening the description, then a
// comma or dash (and "and") right after a person's name, or after a
// description of up to eight words that opens with a determiner after
// such a name.
func (r *resolver) appositionPerson(st int) (Speaker, bool) {
	toks := r.d.Tokens
	// the determiner: the description may open with "and" and it, or
	// with its modifiers ("a leading expert") read before
	c := st
	if r.lowTok(c) == "and" {
		c++
	}
	for n := 0; n < 3 && c < len(toks) && !isDeterminer(r.lowTok(c)) && c > 0; n++ {
		if isPunct(toks[c-1].Text) || toks[c-1].Sent != toks[st].Sent {
			return Speaker{}, false
		}
		c--
	}
	if !isDeterminer(r.lowTok(c)) {
		return Speaker{}, false
	}
	for hop := 0; hop < 2; hop++ {
		if c > 0 && r.lowTok(c-1) == "and" {
			c--
		}
		if c < 2 || !appositionMark(toks[c-1].Text) || toks[c-1].Sent != toks[st].Sent {
			return Speaker{}, false
		}
		x := c - 1 // the mark: a name ends right before it
		if i := r.lastActive(r.before(x) - 1); i >= 0 {
			nm := r.mentions[i]
			if ent := r.ents[nm.ent]; ent.kind == claimtrail.SpeakerPerson && nm.tok < x && nm.tok+countFields(ent.name) >= x &&
				isCap(toks[x-1].Text) && toks[nm.tok].Sent == toks[st].Sent {
				return Speaker{Name: ent.name, Kind: claimtrail.SpeakerPerson, Confidence: 0.75}, true
			}
		}
		// one more description before: "- a former Yale historian,"
		d := x - 1
		for d > 0 && x-d < 8 && !isDeterminer(r.lowTok(d)) && !isPunct(toks[d].Text) && toks[d].Sent == toks[st].Sent {
			d--
		}
		if d <= 0 || !isDeterminer(r.lowTok(d)) {
			return Speaker{}, false
		}
		c = d
	}
	return Speaker{}, false
}

// appositionMark: the comma or dash that sets off an apposition.
func appositionMark(t string) bool {
	return t == "," || t == "-" || t == "—" || t == "–"
}

// namedPair returns the two people named last, within two sentences
// before token p, as "A and B" ("Kenteris and Thanou", "Rapper 50 Cent
// ... his protege The Game" does not count: only names joined by "and").
func (r *resolver) namedPair(p int) (Speaker, bool) {
	toks := r.d.Tokens
	sent := toks[p].Sent
	var later *nameMention
	for i := r.lastActive(r.before(p) - 1); i >= 0; i = r.lastActive(i - 1) {
		nm := r.mentions[i]
		if sent-nm.sent > 2 {
			break
		}
		ent := r.ents[nm.ent]
		if ent.kind != claimtrail.SpeakerPerson {
			later = nil
			continue
		}
		if later != nil {
			end := nm.tok // (the mention may be a short form: "Kenteris")
			for end < later.tok && isCap(toks[end].Text) {
				end++
			}
			if end+1 == later.tok && r.lowTok(end) == "and" && toks[later.tok].Sent == nm.sent {
				return Speaker{Name: ent.name + " and " + r.ents[later.ent].name, Kind: claimtrail.SpeakerGroup, Confidence: 0.6}, true
			}
		}
		later = &r.mentions[i]
	}
	return Speaker{}, false
}

// kinNoun reports whether lw describes one person by family, as news
// varies a name ("the mother-of-nine", "the father-of-two"), and the
// gender it gives.
func kinNoun(lw string) (byte, bool) {
	if kin, _, ok := strings.Cut(lw, "-of-"); ok {
		switch kin {
		case "mother", "grandmother":
			return 'f', true
		case "father", "grandfather":
			return 'm', true
		}
	}
	return 0, false
}

// itsLookahead bounds the words itsAfter reads after the verb.
const itsLookahead = 4

// itsAfterIn is itsAfter read from the tokens, without the memo.
func (r *resolver) itsAfterIn(name string) bool {
	toks := r.d.Tokens
	words := sharedFields(name)
	for k := range toks {
		if toks[k].Text != words[0] || k+len(words) >= len(toks) {
			continue
		}
		same := r.wordsAt(k, words)
		v := k + len(words)
		if !same || !r.verbAt(v) || toks[k].Quote != 0 {
			continue
		}
		for j := v + 1; j < len(toks) && j <= v+itsLookahead && toks[j].Sent == toks[k].Sent; j++ {
			lw := r.lowTok(j)
			if lw == "its" {
				return true
			}
			if lw == "itself" && (j == v+1 || j == v+2 && r.verbAt(v+1)) {
				return true // "Boeing has set itself a target": the verb's own object
			}
			if pronouns[lw] != "" && lw != "it" || isCap(toks[j].Text) {
				break
			}
		}
	}
	return false
}

// initialledName reports whether the article writes a name of two words
// or more with its initials in brackets after it ("The Assistive Mouse
// Adapter (AMA)"): bodies, laws and things are shortened so, people are
// not. Memoised per article with orgEvidence.
func (r *resolver) initialledName(name string) bool {
	words := sharedFields(name)
	if len(words) < 2 {
		return false
	}
	return r.memoOrg("() "+name, func() bool {
		toks := r.d.Tokens
		ini := initialsOf(words)
		for k := range toks {
			if e := k + len(words) - 1; toks[k].Text == words[0] && e+3 < len(toks) && toks[e+1].Text == "(" && toks[e+3].Text == ")" &&
				toks[e+2].Text == ini && r.wordsAt(k, words) {
				return true
			}
		}
		return false
	})
}

// possessiveAt reports whether a possessive stands in [s, h): "Ireland's
// agriculture minister" is an office the article gives no holder's name
// when it resolves to a description.
func (r *resolver) possessiveAt(s, h int) bool {
	for k := s; k < h; k++ {
		if possessive(r.d.Tokens[k].Text) {
			return true
		}
	}
	return false
}

// placeFirst reports whether a name's first word is a place's and no
// given name ("Scotland Yard", "Downing Street", "Capitol Hill").
func (r *resolver) placeFirst(name string) bool {
	f := sharedFields(name)
	return len(f) > 1 && places()[r.lower(f[0])] && !FirstName(f[0]) && !isNationality(f[0], r.lower(f[0]))
}

// notPeopleWordLast reports whether a name's last word is no word for
// people ("Democrats", "Tories"): such a name reported with "it" is a
// group's "it", a dummy, not the name's.
func (r *resolver) notPeopleWordLast(name string) bool {
	f := sharedFields(name)
	return !r.peopleWord(r.lower(f[len(f)-1]))
}

// itAfter reports whether the article writes the name as the subject of
// a reporting verb whose content's subject is "it", the agent of a verb
// ("Whole Foods said it has lowered prices", "Time Warner said that it
// now owns 8%"): a person reports "he" or "she", and a plural-looking
// name so reported is one body. Memoised per article with orgEvidence.
func (r *resolver) itAfter(name string) bool {
	return r.memoOrg("it "+name, func() bool { return r.itAfterIn(name) })
}

// itAfterIn is itAfter read from the tokens, without the memo.
func (r *resolver) itAfterIn(name string) bool {
	toks := r.d.Tokens
	words := sharedFields(name)
	for k := range toks {
		if toks[k].Text != words[0] || k+len(words)+1 >= len(toks) || toks[k].Quote != 0 {
			continue
		}
		same := r.wordsAt(k, words)
		v := k + len(words)
		if lw := r.lowTok(v); (lw == "has" || lw == "had") && v+1 < len(toks) && itPerfects[r.lowTok(v+1)] {
			v++ // "Allianz has said it sees no impact"
		}
		if !same || !itReporters[r.lowTok(v)] {
			continue
		}
		j := v + 1
		for t := j; t < len(toks) && t <= v+itsLookahead+1 && toks[t].Sent == toks[k].Sent; t++ {
			// (a time or channel before the "that": "said on Friday that
			// it now owns", "said in a statement that it")
			if r.lowTok(t) == "that" {
				j = t + 1
				break
			}
		}
		if j < len(toks) && r.lowTok(j) == "it" && toks[j].Sent == toks[k].Sent && r.actsAfterIt(j+1) {
			return true
		}
	}
	return false
}

// progressiveAt reports whether token k is a verb's -ing form after "is"
// or "was" ("it is clamping down", "it was planning"), not an
// adjective's ("it is interesting") or a gerund subject's.
func (r *resolver) progressiveAt(k int) bool {
	lw := r.lowTok(k)
	if !strings.HasSuffix(lw, "ing") || len(lw) < 6 || lw == "being" {
		return false
	}
	pos := r.d.Tokens[k].POS
	return pos == "VBG" || pos == "" && !ingAdjectives[lw]
}

// ingAdjectives end in -ing and describe ("it is interesting").
var ingAdjectives = wordSet("interesting surprising disappointing encouraging worrying concerning striking amazing exciting " +
	"alarming shocking troubling misleading confusing frustrating embarrassing disturbing daunting challenging compelling")

// wordsAt reports whether the tokens from k on are words (the caller has
// checked words[0] and that they fit).
func (r *resolver) wordsAt(k int, words []string) bool {
	for i := 1; i < len(words); i++ {
		if r.d.Tokens[k+i].Text != words[i] {
			return false
		}
	}
	return true
}

// itReporters are the verbs after which a name's own "it" reports what
// it did or will do ("Whole Foods said it has lowered prices", "Time
// Warner said that it now owns 8%"): a person reports "he" or "she".
var itReporters = wordSet("said says announced added confirmed stated insisted warned claimed reported expects expected hopes hoped believes believed admitted denied")

// itPerfects are the itReporters a perfect's "has" or "had" may stand
// before ("Allianz has said it sees").
var itPerfects = wordSet("said announced added confirmed stated insisted warned claimed reported expected hoped believed admitted denied")

// itExpletiveVerbs are verbs "it" is a dummy subject of ("said it seemed
// unfair", "said it took time", "said it meant a lot"): no evidence that
// the speaker is a thing.
var itExpletiveVerbs = wordSet(`seem seems seemed appear appears appeared look looks looked feel feels felt sound sounds sounded
	take takes took taken matter matters mattered mean means meant make makes made depend depends depended happen happens happened
	hurt hurts help helps helped come comes came go goes went gone get gets got gotten remain remains remained become becomes became`)

// untaggedAdverbs are adverbs read between "it" and its verb when no
// tagger ran.
var untaggedAdverbs = wordSet("now also still already just never soon then again")

// actsAfterIt reports whether the words from k, after a reported "it",
// make that "it" the agent of a verb: adverbs and auxiliaries, then a
// verb that is no form of "be" and no verb "it" is a dummy subject of
// ("it has lowered prices", "it now owns", "it will close two plants";
// not "it was hard", "it would be wrong", "it had been a tough year",
// "it seemed unfair").
func (r *resolver) actsAfterIt(k int) bool {
	toks := r.d.Tokens
	aux := false
	for ; k < len(toks); k++ {
		lw := r.lowTok(k)
		pos := toks[k].POS
		switch {
		case pos == "RB" || lw == "not" || lw == "n't" || pos == "" && (strings.HasSuffix(lw, "ly") || untaggedAdverbs[lw]):
			continue
		case (lw == "is" || lw == "was") && k+1 < len(toks) && r.progressiveAt(k+1):
			return true // "Microsoft says it is clamping down": acting, not "it is likely"
		case copulas[lw] || lw == "being" || itExpletiveVerbs[lw]:
			return false
		case modalWords[lw] || lw == "has" || lw == "had" || lw == "have" || lw == "did" || lw == "does" || lw == "do":
			aux = true
		case strings.HasPrefix(pos, "VB"):
			return true
		case pos == "":
			// untagged (the fast mode): a word after an auxiliary, or
			// one in a verb's past or third-person form
			return aux || strings.HasSuffix(lw, "ed") || strings.HasSuffix(lw, "s") && !strings.HasSuffix(lw, "ss")
		default:
			return false
		}
	}
	return false
}

// singularName reports whether a name's last word is no plural and no
// pronoun ("Sepa", "Ofcom"; not "Analysts", "Tories", "Personally I"):
// only then does a plural verb after it say it is a body.
func (r *resolver) singularName(name string) bool {
	f := sharedFields(name)
	last := r.lower(f[len(f)-1])
	return !isPlural(last) && !r.peopleWord(last) && last != "i" && !strings.HasSuffix(last, ":i")
}

// partyMembers are the plurals that name a party's members.
var partyMembers = map[string]bool{"democrats": true, "republicans": true, "conservatives": true, "socialists": true, "liberals": true, "nationalists": true, "unionists": true, "greens": true}

// namedParty reports whether a two-word name is a party's ("Liberal
// Democrats", "Social Democrats", "Free Democrats"): a party word
// before its members' plural, not a chamber ("House Democrats" are
// people, a group).
func namedParty(lname string) bool {
	f := sharedFields(lname)
	if len(f) != 2 {
		return false
	}
	if !partyMembers[f[1]] {
		return false
	}
	switch f[0] {
	case "liberal", "social", "christian", "free", "national", "democratic", "new", "sweden", "progressive", "scottish", "welsh", "ulster":
		return true
	}
	return false
}

// pluralCues are present-tense cues in the plural: after a name, they
// say it is a body, not one person ("Sepa predict").
var pluralCues = wordSet("say predict warn claim argue believe insist expect estimate fear hope admit deny accept agree add suggest think want maintain")

// companyNouns, written before a name, say what kind of organisation it
// is.
var companyNouns = wordSet("firm company group giant maker retailer bank carrier airline brewer insurer manufacturer operator " +
	"chain publisher studio label club agency network broadcaster newspaper website charity watchdog regulator consultancy " +
	"supermarket distributor developer producer exchange think-tank thinktank tabloid magazine broadsheet daily weekly outlet channel")

// surveyNouns are studies a body publishes ("a survey by Hostway", "A
// statement by Symbian").
var surveyNouns = wordSet("survey surveys poll polls study studies statement")

// staffPlurals are who works for a body, written after its name
// ("Google executives").
var staffPlurals = wordSet("executives employees staff workers shareholders engineers bosses")

// officeAtName reports whether the name at token k follows "at" after
// an office or role and its "of" phrase, lower case ("director of
// product management at Google", "head of market development at
// Nokia"): where the person works, a body.
func (r *resolver) officeAtName(k int) bool {
	toks := r.d.Tokens
	if k < 3 || r.lowTok(k-1) != "at" {
		return false
	}
	for j := k - 2; j >= 0 && j >= k-6; j-- {
		lw := r.lowTok(j)
		if isCap(toks[j].Text) || isPunct(toks[j].Text) {
			return false
		}
		if (titleWords[lw] || roleWords[lw] || lw == "head") && r.lowTok(j+1) == "of" {
			return true
		}
	}
	return false
}

// orgPossessions are what a company has and a person does not.
var orgPossessions = wordSet("shares share profits profit revenue revenues sales shareholders stores products website customers " +
	"employees staff headquarters subsidiary stake earnings brand boss analysts executives board")

// sportPositions name a player by position ("the Wasps wing", "the
// prop", "the Gloucester fly-half"); many are no person nouns.
var sportPositions = wordSet("wing winger prop lock hooker flanker fly-half scrum-half full-back centre number-eight " +
	"striker midfielder defender keeper goalkeeper forward guard quarterback pitcher catcher shortstop")

// allCapsBefore reports whether every token in [s, h) is capitalised
// (a team's or a country's name before a position), or there is none.
func (r *resolver) allCapsBefore(s, h int) bool {
	for k := s; k < h; k++ {
		if !isCap(r.d.Tokens[k].Text) {
			return false
		}
	}
	return true
}

// shareOfGroup reports whether [s, e) is a share of a group: a number
// and "per cent", "percent" or "%", or a fraction (after "some", "only",
// "about", "an average of", ...), then "of" and a plural ("Fifty percent
// of Europeans", "Only 18% of all searchers", "three-quarters of
// respondents (73%)", "Almost 70% of those asked in a poll"), and where
// the plural starts; or -1 for a share of no group written ("Thirty per
// cent said", "The remaining 33%").
func (r *resolver) shareOfGroup(s, e int) (int, bool) {
	toks := r.d.Tokens
	k := s
	for k < e && (shareOpeners[r.lowTok(k)] || r.lowTok(k) == "of" && k > s && r.lowTok(k-1) == "average") {
		k++
	}
	num := false
	for k < e && (isNumberWord(toks[k].Text) || numberWords[r.lowTok(k)] || tensCompound(r.lowTok(k))) {
		num = true
		k++
	}
	if k >= e {
		if num && strings.HasSuffix(toks[k-1].Text, "%") && e-s <= 4 {
			return -1, true // "The remaining 33%"
		}
		return 0, false
	}
	percent := false
	switch lw := r.lowTok(k); {
	case fractionWords[lw] || fractionCompound(lw):
		// "More than half (55%) of the respondents", "Nearly two thirds -
		// 65% - of the 1,000 people interviewed", "three-quarters of"
		k++
	case !num:
		return 0, false
	case lw == "%" || lw == "percent":
		k, percent = k+1, true
	case lw == "per":
		if k+1 < e && r.lowTok(k+1) == "cent" {
			k, percent = k+2, true
		} else {
			return 0, false
		}
	default:
		if !strings.HasSuffix(toks[k-1].Text, "%") {
			return 0, false
		}
		percent = true
	}
	// the share again in an aside: "(55%)", "- 65% -"
	if k < e && (toks[k].Text == "(" || toks[k].Text == "-" || toks[k].Text == "—") {
		closer := toks[k].Text
		if closer == "(" {
			closer = ")"
		}
		for k++; k < e && k < s+12 && toks[k].Text != closer; k++ {
		}
		k++
	}
	if k >= e && percent && e-s <= 4 {
		return -1, true // "Thirty per cent said": a share of those polled
	}
	if k+1 >= e || r.lowTok(k) != "of" {
		return 0, false
	}
	for t := k + 1; t < e; t++ {
		if p := toks[t].POS; strings.HasPrefix(p, "VB") && !((p == "VBN" || p == "VBD") && r.peopleBefore(t)) {
			// a clause, not a noun phrase: "... suggests 69% of" (but a
			// participle after the people it is of: "those asked",
			// "members polled", "people surveyed")
			return 0, false
		}
	}
	return k + 1, true
}

// peopleBefore reports whether token t, a participle, follows "those" or
// a plural noun ("those asked", "members polled").
func (r *resolver) peopleBefore(t int) bool {
	lw := r.lowTok(t - 1)
	return lw == "those" || irregularPlural[lw] || isPlural(lw) && !isCap(r.d.Tokens[t-1].Text)
}

// shareBefore is the speaker of a share of no group written at token s:
// the group the share before it in the last few sentences was of ("84%
// of net users say ... The remaining 33% said"), else unknown.
func (r *resolver) shareBefore(s int) Speaker {
	toks := r.d.Tokens
	if n := len(r.shares); n > 0 {
		if sh := r.shares[n-1]; sh.tok < s && toks[sh.tok].Sent >= toks[s].Sent-shareReach {
			return Speaker{Name: sh.sp.Name, Kind: claimtrail.SpeakerGroup, Confidence: 0.5}
		}
	}
	// a share written where no source was found: "Only 52 percent of
	// registered voters agreed ..., while 73 percent said"
	first := r.d.Sents[max(0, toks[s].Sent-shareReach)].First
	for k := s - 2; k > first; k-- {
		if r.lowTok(k) != "of" || toks[k].Sent != toks[k+1].Sent {
			continue
		}
		if lw := r.lowTok(k - 1); lw != "percent" && lw != "cent" && lw != "%" && !strings.HasSuffix(lw, "%") && !fractionWords[lw] && !fractionCompound(lw) {
			continue
		}
		// (the group ends at its first plural: "registered voters")
		for e := k + 1; e < s && e < k+5 && toks[e].Sent == toks[k].Sent && !isPunct(toks[e].Text) && (!r.verbAt(e) || toks[e].POS == "VBN"); e++ {
			if lw := r.lowTok(e); lw != "those" && (isPlural(lw) || irregularPlural[lw]) && !isCap(toks[e].Text) {
				if e > k+1 && r.lowTok(k+1) == "the" {
					k++
				}
				return Speaker{Name: r.text(k+1, e+1), Kind: claimtrail.SpeakerGroup, Confidence: 0.5}
			}
		}
	}
	return Speaker{Kind: claimtrail.SpeakerUnknown, Confidence: 0.3}
}

// shareReach is how many sentences back a share of no group takes its
// group from the share before.
const shareReach = 4

// numberWords are numbers in words above ten ("Fifty percent", "Fifty
// nine percent"); isNumberWord knows one to ten.
var numberWords = wordSet("eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety")

// tensCompound reports whether lw is a hyphenated number ("forty-four").
func tensCompound(lw string) bool {
	a, b, ok := strings.Cut(lw, "-")
	return ok && numberWords[a] && isNumberWord(b)
}

// fractionCompound reports whether lw is a hyphenated fraction
// ("three-quarters", "two-thirds").
func fractionCompound(lw string) bool {
	a, b, ok := strings.Cut(lw, "-")
	return ok && isNumberWord(a) && fractionWords[b]
}

// fractionWords name a share of a group in words.
var fractionWords = wordSet("half third thirds quarter quarters fifth fifths")

var shareOpeners = wordSet("some about almost nearly only just over around roughly more than fewer a total an average the remaining another further")

// nameModifies reports whether the name mention nm, outside quote marks,
// modifies the lower-case noun for a person after it ("a Juventus
// official", "a Vell spokesman", "a Chelsea finance director"): a
// description's modifier, no person the pronoun may be.
func (r *resolver) nameModifies(nm nameMention) bool {
	toks := r.d.Tokens
	k := r.nameStart(nm)
	if toks[k].Quote != 0 || !isCap(toks[k].Text) {
		return false
	}
	if k > 0 && possessiveDeterminers[r.lowTok(k-1)] {
		// after "their", "his": "to keep alive their Grand Slam hopes",
		// "his Premiership debut": a name before any noun of theirs
		if e := r.nameEnd(k); e < len(toks) && toks[e].Sent == nm.sent && !isCap(toks[e].Text) && !isPunct(toks[e].Text) &&
			(strings.HasPrefix(toks[e].POS, "NN") || toks[e].POS == "" && !prepositions[r.lowTok(e)] && !connector[r.lowTok(e)]) {
			return true
		}
	}
	// (or owns one: "Ireland's agriculture minister")
	if e := r.nameEnd(k); e+1 < len(toks) && possessive(toks[e].Text) && toks[e].Sent == nm.sent {
		for o := e + 1; o < len(toks) && o <= e+3 && toks[o].Sent == nm.sent && !isCap(toks[o].Text) && !isPunct(toks[o].Text); o++ {
			if lw := r.lowTok(o); roleWords[lw] || officeWords[lw] {
				return true
			}
		}
	}
	// (the noun may come after other nouns: "a Chelsea finance
	// director", "a Microsoft security manager")
	// (tagged nouns only before it: untagged, the word right after)
	for e := r.nameEnd(k); e < len(toks) && e < r.nameEnd(k)+3 && toks[e].Sent == nm.sent; e++ {
		if isCap(toks[e].Text) || isPunct(toks[e].Text) || toks[e].POS != "" && !strings.HasPrefix(toks[e].POS, "NN") {
			return false
		}
		if lw := r.lowTok(e); roleWords[lw] || personNouns()[lw] && !isPlural(lw) {
			return true
		}
		if toks[e].POS == "" {
			return false
		}
	}
	return false
}

// possessiveDeterminers own the noun phrase after them.
var possessiveDeterminers = wordSet("their his her its our my your")

// nameStart returns the token where the name of mention nm is written,
// after any title its mention opens with ("the former Chelsea": at
// "Chelsea"), or nm.tok.
func (r *resolver) nameStart(nm nameMention) int {
	toks := r.d.Tokens
	first := sharedFields(r.ents[nm.ent].name)[0]
	for k := nm.tok; k < len(toks) && k < nm.tok+4 && toks[k].Sent == nm.sent; k++ {
		if toks[k].Text == first {
			return k
		}
	}
	return nm.tok
}

// onlyModifies reports whether the article writes entity ei only as a
// modifier of a noun for a person ("the former Chelsea chairman", "a
// Juventus official"): a club's or a body's name, no one a pronoun or an
// office may be. Memoised per article with orgEvidence.
func (r *resolver) onlyModifies(ei int) bool {
	return r.memoOrg("mod "+r.ents[ei].name, func() bool {
		first := sharedFields(r.ents[ei].name)[0]
		found := false
		for _, nm := range r.mentions {
			if nm.ent != ei || r.d.Tokens[r.nameStart(nm)].Text != first {
				continue // (a pronoun or a source resolved to it)
			}
			if !r.nameModifies(nm) {
				return false
			}
			found = true
		}
		return found
	})
}

// personOutsideQuotes reports whether sentence sent names a person
// outside quote marks, not as a modifier of a noun: a name quoted
// ("“Mutu will be in our stand,” said a club official") or one that
// modifies ("a Juventus official") is no person the description
// stands for.
func (r *resolver) personOutsideQuotes(sent int) bool {
	for _, nm := range r.mentions {
		if nm.sent == sent && nm.ent >= 0 && r.ents[nm.ent].kind == claimtrail.SpeakerPerson && r.d.Tokens[nm.tok].Quote == 0 && !r.nameModifies(nm) {
			return true
		}
	}
	return false
}

// webAddress reports whether name ends in a web domain's suffix
// ("Arduino.cc", "Kath.net", "Salon.com").
func webAddress(name string) bool {
	k := strings.LastIndexByte(name, '.')
	if k <= 0 || k == len(name)-1 || strings.ContainsRune(name, ' ') {
		return false
	}
	switch name[k+1:] {
	case "com", "org", "net", "cc", "co", "io", "info", "uk", "gov", "edu", "tv":
		return true
	}
	return false
}

// givenNameFirst reports whether name has two words or more and opens
// with a known given name.
func givenNameFirst(name string) bool {
	f := sharedFields(name)
	return len(f) >= 2 && FirstName(f[0])
}

// relatedTo returns the persons the article writes as someone's relation
// by the noun hw: the name after "the <hw>'s" and its noun ("The actor's
// friend Budd Schulberg", "the singer's agent Ann Bell"), who is never
// "the <hw>" later.
func (r *resolver) relatedTo(hw string) map[int]bool {
	toks := r.d.Tokens
	var out map[int]bool
	for k := 1; k+2 < len(toks); k++ {
		if r.lowTok(k) != hw || isCap(toks[k].Text) || !possessive(toks[k+1].Text) || r.lowTok(k-1) != "the" {
			continue
		}
		j := k + 2
		for j < len(toks) && j < k+5 && !isCap(toks[j].Text) && !isPunct(toks[j].Text) && toks[j].Sent == toks[k].Sent {
			j++
		}
		if j == k+2 || j >= len(toks) || !isCap(toks[j].Text) {
			continue
		}
		for i := r.before(j); i < len(r.mentions) && r.mentions[i].tok == j; i++ {
			if nm := r.mentions[i]; nm.ent >= 0 {
				if out == nil {
					out = map[int]bool{}
				}
				out[nm.ent] = true
			}
		}
	}
	return out
}

// nameHeadNouns end the names of bodies that news goes on to call by
// that noun alone ("the Police Federation ... the federation").
var nameHeadNouns = wordSet("federation confederation union council commission committee association institute foundation " +
	"coalition authority agency board league society trust university college")

// bodyByNameHead returns the body the article named before token p (the
// determiner of "the NOUN") with a name of two words or more ending in
// noun, when there is exactly one such.
func (r *resolver) bodyByNameHead(p int, noun string) (Speaker, bool) {
	found := -1
	for i := r.lastActive(r.before(p) - 1); i >= 0; i = r.lastActive(i - 1) {
		nm := r.mentions[i]
		if nm.tok >= p || nm.ent == found {
			continue
		}
		ent := r.ents[nm.ent]
		f := sharedFields(ent.name)
		if len(f) < 2 || r.lower(f[len(f)-1]) != noun || ent.kind != claimtrail.SpeakerOrganization && ent.kind != "" {
			continue
		}
		if found >= 0 {
			return Speaker{}, false // two of them: the noun says nothing
		}
		found = nm.ent
	}
	if found < 0 {
		return Speaker{}, false
	}
	ent := &r.ents[found]
	ent.kind = claimtrail.SpeakerOrganization
	return Speaker{Name: ent.name, Kind: claimtrail.SpeakerOrganization, Confidence: 0.65}, true
}

// nameAfterLowerTitle returns the start of a name of two or three
// capitalised words that ends the mention [s, e) after an office that
// opens it with a capitalised title word and holds a lower-case word
// right before the name ("Director of television Jana Bennett"); s when
// there is none.
func (r *resolver) nameAfterLowerTitle(s, e int) int {
	toks := r.d.Tokens
	if e-s < 4 || !isCap(toks[s].Text) || !titleWords[r.lowTok(s)] || connector[r.lowTok(s)] {
		return s
	}
	k := e
	for k > s && e-k < 3 && isCap(toks[k-1].Text) {
		k--
	}
	if e-k < 2 || k <= s+1 {
		return s
	}
	if w := toks[k-1].Text; isCap(w) || isPunct(w) || connector[strings.ToLower(w)] {
		return s
	}
	// the office only: no aside, clause, place or other person before
	// the name ("Mr. Reeves, a senior fellow at Harvard University", "Mr
	// Hirsch from Retail Banking Research", "Ms Robinson, who presents
	// The Weakest Link", "Governor Mary Pike and Senate candidate Richard
	// Olmos")
	for t := s + 1; t < k; t++ {
		if lw := r.lowTok(t); isPunct(toks[t].Text) || prepositions[lw] && lw != "of" && lw != "for" || lw == "who" || lw == "which" || lw == "that" || lw == "and" || lw == "or" || lw == "&" {
			return s
		}
	}
	if honorific[r.lowTok(s)] != 0 {
		return s // "Mr Hirsch ..." is the name already
	}
	return k
}

// documentToRecipient resolves a mention [s, e) that is a document sent
// to someone ("several letters to Congress", "a memo to staff"): a
// description of the document, not its recipient. The document noun
// comes within the first four words, right before "to".
func (r *resolver) documentToRecipient(s, e int) (Speaker, bool) {
	for k := s + 1; k < e-1 && k <= s+4; k++ {
		if r.lowTok(k) != "to" {
			continue
		}
		if !sentDocuments[r.lowTok(k-1)] {
			return Speaker{}, false
		}
		st := s
		if isDeterminer(r.lowTok(st)) && st+1 < k {
			st++
		}
		return Speaker{Name: r.text(st, e), Kind: claimtrail.SpeakerDescription, Confidence: 0.4}, true
	}
	return Speaker{}, false
}

// sentDocuments are written to someone ("a letter to", "a memo to").
var sentDocuments = wordSet("letter letters memo memos email emails e-mail e-mails note notes message messages petition petitions submission submissions")

// pluralVerbAfter reports whether the article writes the one-word name
// with a plural verb right after it, as orgEvidence reads it ("Arsenal
// have gradually lost"). Memoised per article with orgEvidence.
func (r *resolver) pluralVerbAfter(name string) bool {
	return r.memoOrg("pl "+name, func() bool {
		toks := r.d.Tokens
		for k := range toks {
			if toks[k].Text != name {
				continue
			}
			// (not after a preposition, whose head the verb agrees with:
			// "the critics of AL are wrong")
			if e := k + 1; e+1 < len(toks) && pluralVerbs[r.lowTok(e)] && !isCap(toks[e+1].Text) &&
				(k == 0 || !listJoiners[r.lowTok(k-1)] && !prepositions[r.lowTok(k-1)]) && !strings.HasSuffix(r.lowTok(k), "s") && !r.modalBefore(k) {
				return true
			}
		}
		return false
	})
}

// pluralVerbs agree with a plural subject only.
var pluralVerbs = wordSet("have are were")

// listJoiners join a name to others before it in a list.
var listJoiners = wordSet("and & or , nor")

// modalBefore reports whether a modal stands in the four tokens before k
// in its sentence ("would ... have said").
func (r *resolver) modalBefore(k int) bool {
	toks := r.d.Tokens
	for j := k - 1; j >= 0 && j >= k-4 && toks[j].Sent == toks[k].Sent; j-- {
		if modalWords[r.lowTok(j)] {
			return true
		}
	}
	return false
}
