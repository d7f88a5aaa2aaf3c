package resolve

import (
	"strings"
	"sync"

	"github.com/claimtrail/claimtrail"
)

// boilerplate words are page furniture that a capitalised run or a
// source span picks up from captions, bylines and menus ("Media caption
// Mr Obama", "Posted Updated", "Read", "Analysis", a how-to page's
// "Example:"); they never name a speaker.
var boilerplate = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`media caption captions posted updated published read analysis photo photos picture
	pictures image images credit credits getty advertisement sponsored related share print
	subscribe click enter watch listen continue review opinion live update breaking exclusive example examples`) {
		boilerplate[w] = true
	}
}

// nameOpeners are subordinators, prepositions and participles that open
// a sentence before a name and get glued to it in a capitalised run
// ("Once Fetter arrived", "Although Dana Whitfield had doubts", "Like
// Alice, Bob ...", "Using Mercurial, ..."): no name starts with one.
// Words that do start names are left out ("Under Armour", "Per", "Via
// Rail").
var nameOpeners = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`once although though since because unless until whereas whether whenever
	like unlike using including following regarding concerning considering during despite without within
	through throughout upon onto into against across among amongst between beyond towards toward from by with about to
	under over behind beside near above below beneath inside outside around via amid past along
	thanks given having being plus also
	maybe perhaps sometimes indeed hence thus therefore instead however finally moreover furthermore
	nevertheless nonetheless otherwise besides likewise apparently clearly obviously surely certainly probably`) {
		nameOpeners[w] = true
	}
}

// postNominals are titles written after a name: "Andrew Tyrie MP".
var postNominals = map[string]bool{"mp": true, "mep": true, "msp": true, "qc": true, "mla": true, "kc": true}

// documentNouns are things that speak for their authors: "the report
// says", "the ad claims", "a statement said".
var documentNouns = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`record records alert advisory bulletin e-mail report study survey poll polls statement letter ad advert advertisement memo document
	filing complaint lawsuit suit resolution email tweet post article editorial paper newspaper website site blog
	magazine journal station channel broadcaster book video ruling verdict inquiry review audit research figures data
	statistics evidence source sources campaign head heads transcript release notice message manifesto proposal
	petition judgment judgement decision note notes spokesperson account slide slides presentation dossier cable
	recording footage testimony affidavit indictment warrant subpoena guidance guidelines guideline leaflet booklet brochure pamphlet handbook
	plan agreement treaty contract legislation draft text constitution policy strategy blueprint memorandum instructions
	newsletter circular flyer submission briefing communique communiqué analysis assessment estimate estimates forecast projections
	story stories log changelog announcement findings column essay obituary entry
	motion amendment`) {
		documentNouns[w] = true
	}
}

// nounSets are the generated WordNet list (nouns_gen.go) as sets of
// lower-case words: all of them, the proper nouns, and the words for
// one person (not only for a group).
type nounSets struct{ all, proper, person map[string]bool }

var loadNouns = sync.OnceValue(func() nounSets {
	n := nounSets{all: make(map[string]bool, 13000), proper: map[string]bool{}, person: make(map[string]bool, 11000)}
	for _, w := range strings.Fields(speakingNounList) {
		group := strings.HasPrefix(w, "+")
		w = strings.TrimPrefix(w, "+")
		l := strings.ToLower(w)
		n.all[l] = true
		if l != w {
			n.proper[l] = true
		}
		if !group {
			n.person[l] = true
		}
	}
	// people of the web, newer than WordNet 3.0: "Commenter Paul
	// Stoffregen noted"
	for _, w := range strings.Fields(webPersonNouns + " " + laterSensePersonNouns) {
		n.all[w], n.person[w] = true, true
	}
	return n
})

const webPersonNouns = "commenter commentor blogger vlogger podcaster influencer youtuber tweeter redditor streamer"

// laterSensePersonNouns are people in news whose person sense comes after
// WordNet's first two, or that WordNet lacks: "Some locals believe ..."
// (a local's first senses are a train and a branch of a union), "the
// Gloucester fly-half said".
const laterSensePersonNouns = "local figure fly-half full-back scrum-half stand-off winger flanker"

// places are the proper names of places (nouns_gen.go), lower-case with
// spaces: "russia", "south africa". A place that speaks is its
// government or people: an organisation ("South Africa said").
var places = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, 3000)
	for _, w := range strings.Fields(placeList) {
		m[strings.ToLower(strings.ReplaceAll(w, "_", " "))] = true
	}
	return m
})

func speakingNouns() map[string]bool { return loadNouns().all }

// properGroup reports whether lw (lower case) is a proper noun the
// lexicon has only for a group of people, never for one person
// ("europe", "interpol", "greenpeace").
func properGroup(lw string) bool   { return properNouns()[lw] && !personNouns()[lw] }
func properNouns() map[string]bool { return loadNouns().proper }
func personNouns() map[string]bool { return loadNouns().person }

// mediaNouns name the kind of an organisation after its name: "Vulture
// magazine", "the Tribune newspaper".
var mediaNouns = map[string]bool{"magazine": true, "newspaper": true, "website": true, "site": true, "network": true,
	"channel": true, "station": true, "paper": true, "blog": true, "journal": true, "tabloid": true, "daily": true,
	"weekly": true, "broadsheet": true, "broadcaster": true}

// orgHeads are common nouns for an organisation that speaks through its
// statements ("the group said", "the airline said") whose first WordNet
// senses are not groups of people ("group" is noun.Tops, "airline" an
// artifact, "label" a communication), so the WordNet list misses them.
var orgHeads = wordSet(`group airline carrier supermarket trust label studio airport alliance movement
	outlet exchange fund startup start-up pair duo trio couple side team squad media monopoly incumbent
	drugmaker carmaker automaker chipmaker tank`)

// canSpeak reports whether a lower-case common noun can head a speaker's
// description: a person, a group of people, or a document speaking for
// its authors. Plurals are tried singular too.
func canSpeak(w string) bool {
	if w == "" {
		return false
	}
	sn := speakingNouns()
	if sn[w] || documentNouns[w] || roleWords[w] || orgHeads[w] || anonymousSources[w] || titleWords[w] && !connector[w] {
		return true
	}
	for _, sing := range singulars(w) {
		if sn[sing] || documentNouns[sing] || roleWords[sing] || orgHeads[sing] || titleWords[sing] {
			return true
		}
	}
	return false
}

// singulars guesses the singular forms of a plural noun.
func singulars(w string) []string {
	switch {
	case strings.HasSuffix(w, "men"):
		return []string{w[:len(w)-3] + "man"}
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return []string{w[:len(w)-3] + "y"}
	case strings.HasSuffix(w, "es") && len(w) > 3:
		return []string{w[:len(w)-1], w[:len(w)-2]}
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 2:
		return []string{w[:len(w)-1]}
	}
	return nil
}

// noPhraseStart are words a noun phrase never opens with: a source span
// that starts with one is a fragment ("when asked if he wanted ...",
// "by Sunday Telegraph journalist ...", "Ahead of Mr Kennedy's launch").
var noPhraseStart = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`when if while after before ahead by as since because whether to in on at for with from
	of than though although unless until into onto upon about over under during without within through via per
	not also just only even still yet so then thus therefore however meanwhile instead and or but nor
	is are was were be been being has have had do does did will would can could should may might must
	said says say told asked according`) {
		noPhraseStart[w] = true
	}
}

// isVerbTag reports a finite or base verb tag: a source whose words
// before its head are tagged so is a clause, not a noun phrase ("promise
// her opponents").
func isVerbTag(tag string) bool {
	switch tag {
	case "VB", "VBD", "VBP", "VBZ", "MD":
		return true
	}
	return false
}

// head finds the head word of a common-noun phrase [s, e): the last word
// before a preposition, a comma, a relative pronoun or a verb, after any
// possessive ("Mr Blair's supporters" → "supporters"). It returns -1 for
// an empty phrase.
func (r *resolver) head(s, e int) int {
	toks := r.d.Tokens
	h := -1
	// a quantity of people: "one of the officials", "many of his critics"
	if e-s > 2 && r.lowTok(s+1) == "of" && quantifiers[r.lowTok(s)] {
		s += 2
	}
	for k := s; k < e; k++ {
		t := toks[k].Text
		lw := r.lowTok(k)
		if k > s && (t == "," || t == "(" || t == "—" || t == "–" || lw == "who" || lw == "which" || lw == "that" ||
			prepositions[lw] || (toks[k].POS == "VBD" || toks[k].POS == "VBZ" || toks[k].POS == "MD") && k < e-1 ||
			r.postModifier(k, e)) {
			break
		}
		if lw == "'s" || lw == "’s" || lw == "'" || lw == "’" || isPunct(t) {
			continue
		}
		h = k
	}
	return h
}

// postModifier reports whether token k opens a phrase after a head noun
// that describes it: "a source close to the White House", "officials
// familiar with the talks". (A participle with "by" is left alone: "a
// sailor pardoned by Trump" would make the name after it the speaker.)
func (r *resolver) postModifier(k, e int) bool {
	if k+1 >= e {
		return false
	}
	lw, next := r.lowTok(k), r.lowTok(k+1)
	switch {
	case (lw == "close" || lw == "closest") && next == "to", lw == "familiar" && next == "with":
		return true
	}
	return false
}

// participleHead finds, in (s, h], a participle right after a common
// noun that can speak, opening a phrase that describes it ("a survey
// conducted on its behalf by NOP", "the affidavit filed in court", "some
// delegates attending", "the site hosting the screensaver" are the
// survey's, the affidavit's, the delegates', the site's), and returns
// that noun, else -1. A question word before it makes the words a clause
// read as a source ("Mr Reid how the executive proposed to"), no phrase.
func (r *resolver) participleHead(s, h int) int {
	toks := r.d.Tokens
	for k := s + 1; k <= h; k++ {
		if questionWords[r.lowTok(k)] {
			return -1
		}
		if p := toks[k].POS; p != "VBN" && p != "VBG" {
			continue
		}
		if namingParticiples[r.lowTok(k)] {
			return -1 // "an anchor named LeeAnn Tweeden" is hers
		}
		if prev := toks[k-1]; (prev.POS == "NN" || prev.POS == "NNS") && !isCap(prev.Text) && canSpeak(r.lowTok(k-1)) {
			return k - 1
		}
		return -1
	}
	return -1
}

// namingParticiples bring in the name of the noun before them.
var namingParticiples = map[string]bool{"named": true, "called": true, "dubbed": true, "titled": true, "entitled": true,
	"known": true, "nicknamed": true, "identified": true}

var questionWords = map[string]bool{"how": true, "what": true, "why": true, "whether": true, "if": true, "when": true, "where": true}

var prepositions = map[string]bool{"of": true, "at": true, "from": true, "for": true, "in": true, "with": true,
	"on": true, "to": true, "by": true, "about": true, "inside": true, "near": true, "among": true, "across": true,
	"within": true, "outside": true, "under": true, "over": true, "against": true, "behind": true,
	"along": true, "around": true, "throughout": true, "beyond": true, "alongside": true}

// fragment reports whether [s, e) cannot be a speaker's description: it
// opens like a clause or a prepositional phrase, it has a verb before its
// head, or its head is a number, a boilerplate word or a common noun
// that cannot speak ("many occasions", "32%", "a shot at President
// Obama and the first lady", "Posted Updated").
func (r *resolver) fragment(s, e int) bool {
	toks := r.d.Tokens
	if s >= e {
		return true
	}
	// (a capitalised word and "'s" is a possessor, whatever else it can
	// be: "May's supporters", "Will's friends")
	possessor := s+1 < e && isCap(toks[s].Text) && (toks[s+1].Text == "'s" || toks[s+1].Text == "’s")
	if !possessor && (noPhraseStart[r.lowTok(s)] || r.opensWithVerb(s, e)) {
		return true
	}
	h := r.head(s, e)
	if h < 0 {
		return true
	}
	if k := r.participleHead(s, h); k >= 0 {
		h = k
	}
	for k := s + 1; k < h; k++ {
		// inside, only unambiguous finite forms count: taggers take
		// nouns such as "rescue" in "whale rescue group" for VB or VBP
		if p := toks[k].POS; p == "VBD" || p == "VBZ" || p == "MD" {
			return true
		}
	}
	w := toks[h].Text
	lw := r.lowTok(h)
	if h > s && h+1 < e && r.lowTok(h+1) == "by" && strings.HasSuffix(lw, "ed") && canSpeak(r.lowTok(h-1)) {
		// "the statement released by each office": the noun before
		// the participle heads it
		return false
	}
	if r.digitLedName(h) {
		return false // "data analysis firm 1010data": a company's name
	}
	if isNumberWord(w) || toks[h].POS == "CD" {
		return true
	}
	if quantifiers[lw] || lw == "few" {
		return true // "Few would argue", "Many said"
	}
	if isCap(w) {
		// a capitalised head: a name, unless every word is furniture
		for k := s; k <= h; k++ {
			if !boilerplate[r.lowTok(k)] && !isPunct(toks[k].Text) {
				return false
			}
		}
		return true
	}
	if _, ok := pronouns[lw]; ok {
		return false
	}
	return !canSpeak(lw)
}

// isNumberWord: "32%", "1,000", "$10", "2015".
func isNumberWord(w string) bool {
	for _, c := range w {
		if c >= '0' && c <= '9' || c == '%' || c == '$' || c == '£' || c == '€' {
			return true
		}
	}
	switch strings.ToLower(w) {
	case "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozens", "hundreds", "thousands", "millions":
		return true
	}
	return false
}

// describe finishes a common-noun resolution: a fragment is an unknown
// speaker with no name and a low confidence; a description of people or
// of a document that the article does not name is a description speaker.
func (r *resolver) describe(s, e int, sp Speaker) Speaker {
	if r.fragment(s, e) {
		return Speaker{Kind: claimtrail.SpeakerUnknown, Confidence: 0.05}
	}
	h := r.head(s, e)
	if k := r.participleHead(s, max(h, s)); k >= 0 {
		// "A letter sent to Martin Mubanga": the noun before the
		// participle speaks, not a name in the phrase after it
		return Speaker{Name: r.text(s, e), Kind: claimtrail.SpeakerDescription, Confidence: 0.5}
	}
	if sp.Kind == claimtrail.SpeakerPerson && sp.Confidence >= 0.6 {
		return sp // a title resolved to a named person
	}
	if h < 0 || isCap(r.d.Tokens[h].Text) && !(r.commonAtStart(h) && isPlural(r.lowTok(h))) {
		return sp
	}
	if _, ok := pronouns[r.lowTok(h)]; ok {
		return sp
	}
	// a common noun heads it: people named by a name are a group ("Con
	// Edison officials"); anything else is a description of people or
	// a document that the article does not name ("analysts", "the
	// company", "a two-term Republican congressman from Idaho")
	if sp.Kind == claimtrail.SpeakerGroup && isPlural(r.lowTok(h)) && r.hasName(s, h) {
		return sp
	}
	if hw := r.lowTok(h); r.hasName(s, h) && (orgWords[hw] || mediaNouns[hw]) && !r.hasOf(s, h) {
		// "Vulture magazine", "the Obama campaign": an organisation by name
		return Speaker{Name: r.text(s, h+1), Kind: claimtrail.SpeakerOrganization, Confidence: 0.7}
	}
	sp.Kind = claimtrail.SpeakerDescription
	sp.Name = r.text(s, e)
	sp.Confidence = max(sp.Confidence, 0.5)
	return sp
}

// hasName reports whether a name the article registered lies in [s, e).
func (r *resolver) hasName(s, e int) bool {
	for i := r.before(s); i < len(r.mentions) && r.mentions[i].tok < e; i++ {
		if r.mentions[i].ent >= 0 {
			return true
		}
	}
	return false
}

var quantifiers = map[string]bool{"number": true, "lot": true, "lots": true, "handful": true, "majority": true,
	"couple": true, "dozen": true, "dozens": true, "hundreds": true, "thousands": true, "millions": true, "host": true,
	"range": true, "variety": true, "series": true, "pair": true, "one": true, "some": true, "many": true, "most": true, "several": true, "each": true,
	"all": true, "none": true, "two": true, "three": true, "few": true, "both": true, "any": true, "either": true, "neither": true, "another": true}

// opensWithVerb reports a phrase that opens with a verb: a finite form,
// or a base form with its object after it ("promise her opponents"); a
// base form before a noun is more often a noun the tagger misread
// ("whale rescue group", after "according to").
func (r *resolver) opensWithVerb(s, e int) bool {
	switch r.d.Tokens[s].POS {
	case "VBD", "VBZ", "MD":
		return true
	case "VBG":
		// "celebrating Obamacare" (but "leading experts", and not
		// "Outgoing Flake", a participle the sentence capitalised)
		return s+1 < e && (r.d.Tokens[s+1].POS == "NNP" || r.d.Tokens[s+1].POS == "DT") &&
			!(s == r.d.Sents[r.d.Tokens[s].Sent].First && r.capitalisedModifier(s, s+2))
	case "":
		// untagged (the fast mode): a participle before a name or a
		// determiner
		return s+1 < e && r.participleOpens(s) && !isCap(r.d.Tokens[s].Text) &&
			(isCap(r.d.Tokens[s+1].Text) || isDeterminer(r.lowTok(s+1)))
	case "VB", "VBP":
		if s+1 < e {
			switch r.d.Tokens[s+1].POS {
			case "DT", "PRP", "PRP$", "IN", "TO", "RB":
				return true
			}
		}
	}
	return false
}

// anonymousSources are the heads of unnamed sources that WordNet files
// elsewhere than noun.person ("person" is noun.Tops, "source" a
// communication).
var anonymousSources = map[string]bool{"person": true, "people": true, "persons": true, "source": true, "sources": true,
	"someone": true, "insider": true, "insiders": true}

// PeopleNoun reports whether the head (last word) of a description names
// people rather than a thing: "senior officials", "person familiar with"
// (its head before a "with"/"familiar" tail is tried too) yes; "rising
// prices", "the report" no. Callers use it to tell a cited party from a
// cited reason.
func PeopleNoun(description string) bool {
	words := strings.Fields(strings.ToLower(description))
	for i := len(words) - 1; i >= 0; i-- {
		w := strings.Trim(words[i], ".,;:'’\"“”")
		switch w {
		case "with", "of", "familiar", "close", "to", "the", "a", "an", "matter", "knowledge", "plans", "talks", "situation", "investigation", "discussions":
			continue
		}
		if anonymousSources[w] {
			return true
		}
		pn := personNouns()
		if pn[w] || roleWords[w] {
			return true
		}
		for _, s := range singulars(w) {
			if pn[s] || roleWords[s] {
				return true
			}
		}
		return false
	}
	return false
}

// SpeakingWordIn reports whether any word of phrase is a noun that can
// head a speaker's description (a person, a group of people, an
// organisation, a document: see canSpeak): "The actors involved",
// "politicians and ordinary voters alike", "FEC records" yes; "the
// footage", "The Netflix app" no. Callers use it to tell a source the
// resolver could not type from a thing.
func SpeakingWordIn(phrase string) bool {
	for _, w := range strings.Fields(strings.ToLower(phrase)) {
		if canSpeak(strings.Trim(w, ".,;:'’\"“”()")) {
			return true
		}
	}
	return false
}

// wordSet is the set of the space-separated words of s.
func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// PersonNoun reports whether the lower-case word w is a noun for a person
// in WordNet ("member", "reporter", "widow").
func PersonNoun(w string) bool { return personNouns()[w] }
