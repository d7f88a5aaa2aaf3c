package resolve

import (
	"slices"
	"strings"
	"unicode"

	"github.com/claimtrail/claimtrail"
)

// bodyAnaphors head a definite description that refers back to a body
// the article has named ("the company said" after "Metrovias, the
// private firm which runs the lines, has offered"): a reporter varies a
// body's name so, and the description alone tells a reader nothing.
var bodyAnaphors = wordSet("company firm group organisation organization charity bank airline carrier retailer insurer lender " +
	"broadcaster publisher manufacturer maker operator supermarket brewer studio label chain website giant")

// businessAnaphors are the bodyAnaphors that only a business is called:
// "the company" is never the government or a ministry named before it.
var businessAnaphors = wordSet("company firm bank airline carrier retailer insurer lender broadcaster publisher manufacturer maker " +
	"operator supermarket brewer studio label chain website giant")

// publicBodyWords end the names of public bodies, which no reporter
// calls "the company" or "the firm".
var publicBodyWords = wordSet("department ministry agency committee commission council party court congress senate parliament " +
	"government administration office bureau service police assembly authority house executive board union " +
	"federation confederation foundation institute association coalition league society")

// bodyWindow is how many sentences before the description's own
// bodyAntecedent reads for the body it refers back to.
const bodyWindow = 2

// bodyAntecedent resolves "the company", "the firm", "the group" at
// token p (the determiner) to the body the article named just before,
// in the description's sentence or the bodyWindow before it: the only
// one named there (two sentences back only as a subject), or, of
// several, the one the article has named most often so far, a subject
// there counting once more; or, with none there, the only body the
// article has named so far. A name nothing marks as a person's (no
// given name, no title, no gender) that a body's description so refers
// back to is a body's name, and is retyped so. Anything else stays the
// description it is: the article may speak of a company it never names,
// and of two companies named as often the description says nothing.
func (r *resolver) bodyAntecedent(p int) (Speaker, bool) {
	return r.bodyAntecedentAt(p, p+1)
}

// bodyAntecedentAt is bodyAntecedent for a description whose noun, at
// token h, may follow modifiers ("the car giant", "The UK's biggest
// mortgage lender"): a body named inside the description ("the Delta
// subsidiary") is its owner, not it.
func (r *resolver) bodyAntecedentAt(p, h int) (Speaker, bool) {
	toks := r.d.Tokens
	if isCap(toks[h].Text) {
		return Speaker{}, false // "the Bank": a short name of its own (bodyNamed)
	}
	noun := r.lowTok(h)
	sent := toks[p].Sent
	if r.nounDescribedBefore(p, noun) {
		return Speaker{}, false
	}
	if ei, ok := r.bodyCalledSo(p, noun); ok && !r.nameWithin(ei, p, h) {
		ent := &r.ents[ei]
		ent.kind = claimtrail.SpeakerOrganization
		return Speaker{Name: ent.name, Kind: claimtrail.SpeakerOrganization, Confidence: 0.65}, true
	}
	var cands []bodyCand // in the order last named
	for i := r.lastActive(r.before(p) - 1); i >= 0; i = r.lastActive(i - 1) {
		nm := r.mentions[i]
		if nm.tok >= p || toks[nm.tok].Quote != 0 || nm.tok > 0 && r.lowTok(nm.tok-1) == "told" || !r.bodyCandidate(nm.ent, p, noun) || r.nameWithin(nm.ent, p, h) {
			continue // (after "told" whom it told: "Whataburger told Fox News")
		}
		k := 0
		for k < len(cands) && cands[k].ent != nm.ent {
			k++
		}
		if k == len(cands) {
			cands = append(cands, bodyCand{ent: nm.ent})
		}
		c := &cands[k]
		c.count++
		subj := nm.isSource || r.bodySubject(nm)
		c.everSubj = c.everSubj || subj
		if sent-nm.sent <= bodyWindow {
			c.window = true
			c.close = c.close || sent-nm.sent <= 1
			c.subj = c.subj || subj
			c.prevSubj = c.prevSubj || subj && sent-nm.sent == 1
		}
	}
	pick, windowed, best, tie := -1, 0, -1, false
	var only bodyCand
	for _, c := range cands {
		if !c.window {
			continue
		}
		windowed++
		only = c
		score := c.count
		if c.subj {
			score++
		}
		switch {
		case score > best:
			pick, best, tie = c.ent, score, false
		case score == best:
			tie = true
		}
	}
	if tie && r.d.Sents[sent].First == p {
		// of bodies named as often, the subject of the sentence just
		// before goes on as the subject of the next ("Boeing announced
		// a deal with HCL ... The US company also said" after Snecma
		// and HAL named as often): only when one alone is so
		pick, tie = r.prevSubjectAmong(cands, best)
	}
	if noun == "group" {
		// a group may be of people ("the group of voters making $100,000
		// or more ... The group also views"): only a body that spoke or
		// was a subject just before
		for _, c := range cands {
			if c.ent == pick && !c.subj {
				return Speaker{}, false
			}
		}
	}
	if windowed == 1 && !only.close && !only.subj {
		// two sentences back only as a subject: "Netanyahu said on NBC's
		// ... . When asked ... . ... the group released" is no NBC's
		return Speaker{}, false
	}
	switch {
	case windowed == 0 && len(cands) == 1 && cands[0].everSubj && cands[0].count >= 2:
		pick = cands[0].ent
	case windowed == 0 || tie || pick < 0:
		return Speaker{}, false
	}
	// (a body the article names more often, out of the window, may be
	// the one meant: "Unilever ... . Shell ... . Shell ... . The company
	// said" says nothing sure)
	picked := 0
	for _, c := range cands {
		if c.ent == pick {
			picked = c.count
		}
	}
	for _, c := range cands {
		if c.ent != pick && !c.window && c.count >= picked {
			return Speaker{}, false
		}
	}
	ent := &r.ents[pick]
	ent.kind = claimtrail.SpeakerOrganization
	return Speaker{Name: ent.name, Kind: claimtrail.SpeakerOrganization, Confidence: 0.6}, true
}

// nameWithin reports whether a word of entity ei's name stands between
// the description's determiner p and its noun h ("the Delta subsidiary"
// is not Delta).
func (r *resolver) nameWithin(ei, p, h int) bool {
	for k := p + 1; k < h; k++ {
		if isCap(r.d.Tokens[k].Text) && slices.Contains(sharedFields(r.ents[ei].name), r.d.Tokens[k].Text) {
			return true
		}
	}
	return false
}

// bodyCand is a body a description may refer back to (bodyAntecedent):
// how often the article has named it before the description, whether in
// the description's window, in its sentence or the one before, and as a
// subject there.
type bodyCand struct {
	ent, count                    int
	window, close, subj, everSubj bool
	prevSubj                      bool // a subject in the sentence just before
}

// prevSubjectAmong returns the one candidate in the window with score
// best (its count, one more as a subject there) that is a subject of
// the sentence just before the description, or -1 and true when none
// or more than one is.
func (r *resolver) prevSubjectAmong(cands []bodyCand, best int) (int, bool) {
	pick := -1
	for _, c := range cands {
		score := c.count
		if c.subj {
			score++
		}
		if !c.window || score != best || !c.prevSubj {
			continue
		}
		if pick >= 0 {
			return -1, true
		}
		pick = c.ent
	}
	return pick, pick < 0
}

// subjectMention reports whether the name mention at tok is the subject
// of its sentence (see isSubject), not after a preposition and not an
// item of a list ("brands include AEG, Zanussi and Frigidaire").
func (r *resolver) subjectMention(tok int) bool {
	toks := r.d.Tokens
	if !r.isSubject(tok) || r.afterPreposition(tok) {
		return false
	}
	if tok == 0 {
		return true
	}
	if r.lowTok(tok-1) == "and" {
		return false
	}
	if toks[tok-1].Text == "," {
		// after a comma only when an opening phrase ends there ("In
		// November, Absa said"), not a list's or an apposition's
		first := r.d.Sents[toks[tok].Sent].First
		return tok >= 2 && !isCap(toks[tok-2].Text) && (r.opensWithPhrase(first) || toks[first].POS == "RB" || temporal[r.lowTok(first)])
	}
	return true
}

// bodyCandidate reports whether entity ei may be what a body's
// description refers back to: an organisation, or a name nothing marks
// as a person's or a people's (tagged as a proper noun where tagged, not
// a word only ever opening a sentence, a nationality or a party); for a
// business's noun, not a place (its government) nor a name that ends in
// a public body's word.
func (r *resolver) bodyCandidate(ei, p int, noun string) bool {
	business := businessAnaphors[noun]
	ent := r.ents[ei]
	lname := r.lower(ent.name)
	f := sharedFields(lname)
	if len(f) == 0 || lname == noun || strings.ContainsAny(lname, "0123456789$£€") || places()[lname] || namedParty(lname) || r.partyDescription(ent.name) || len(f) == 1 && partyShortForms[lname] {
		return false
	}
	last := f[len(f)-1]
	if business && (publicBodyWords[last] || r.publicInitials(ent.name)) {
		return false
	}
	if r.owned(ei, p) {
		return false // a product, brand or unit of a body: "its Xbox shooter, Halo 2", "Sony's PlayStation"
	}
	// (a name that is no body's subject anywhere before, by its name or
	// as a source resolved to it, is no body the text goes on with: "in
	// Europe", "at 1200 GMT", "Halo 2" as an object)
	subject := false
	for _, nm := range r.mentions {
		if nm.ent != ei || nm.tok >= p || !nm.isSource && !r.bodySubject(nm) {
			continue
		}
		if r.bodyAgent(nm.tok) {
			subject = true
			break
		}
		if e := nm.tok + len(f); nm.isSource || e < len(r.d.Tokens) && !isCap(r.d.Tokens[e].Text) && r.lowTok(e) != "of" {
			subject = true
			break
		}
	}
	if !subject && !(ent.kind == claimtrail.SpeakerOrganization && r.orgEvidence(ent.name)) {
		return false
	}
	switch ent.kind {
	case claimtrail.SpeakerOrganization:
		return true
	case claimtrail.SpeakerPerson, "":
	default:
		return false
	}
	if len(ent.titles) > 0 || ent.gender != 0 || genderOfName(ent.name) != 0 || FirstName(f[0]) || r.peopleWord(last) ||
		personNouns()[last] || r.pluralPersonNoun(last) || isNationality(sharedFields(ent.name)[0], f[0]) ||
		len(f) == 1 && strings.HasSuffix(last, ".") {
		return false
	}
	// (a capitalised word only ever opening a sentence, or never tagged
	// as a proper noun where tagged, is none: "Looking ahead,", "Shares
	// in ...", "Last year,", "Islamic banking units")
	sentenceOnly := r.onlySentenceInitial(ei)
	tagged, proper := false, false
	for _, nm := range r.mentions {
		if nm.ent != ei || nm.isSource {
			continue
		}
		if pos := r.d.Tokens[nm.tok].POS; pos != "" {
			tagged = true
			proper = proper || strings.HasPrefix(pos, "NNP")
		}
	}
	if r.personSigns(ei) {
		return false
	}
	if len(f) == 1 && r.lowerElsewhere(ent.name) {
		return false // "New research from ...": a word the article also writes in lower case
	}
	if tagged && !proper || !tagged && sentenceOnly {
		return false
	}
	return true
}

// lowerElsewhere reports whether the article writes the one-word name
// in lower case somewhere: a common word capitalised by its place.
func (r *resolver) lowerElsewhere(name string) bool {
	return r.memoOrg("lower "+name, func() bool {
		for i := range r.d.Tokens {
			if w := r.d.Tokens[i].Text; w != name && strings.EqualFold(w, name) && !isCap(w) {
				return true
			}
		}
		return false
	})
}

// genderedPronoun reports a pronoun of a man or a woman.
func genderedPronoun(lw string) bool {
	switch lw {
	case "he", "she", "him", "her", "his", "hers", "himself", "herself":
		return true
	}
	return false
}

// personSigns reports whether the article writes entity ei as a
// person's name anywhere: later by its last word alone ("Eliana Mario
// ... Mario then says"), as a source that is a "he" or a "she", or with
// "he", "his", "she" or "her" the first pronoun after it in its sentence
// ("Siraj Wahhaj is accused of fleeing Georgia with his young son").
func (r *resolver) personSigns(ei int) bool {
	toks := r.d.Tokens
	words := sharedFields(r.ents[ei].name)
	for _, nm := range r.mentions {
		if nm.ent != ei {
			continue
		}
		w := toks[nm.tok].Text
		if len(words) > 1 && w == words[len(words)-1] || genderedPronoun(r.lowTok(nm.tok)) {
			return true
		}
		if nm.isSource || w != words[0] || toks[nm.tok].Quote != 0 {
			continue
		}
		if e := nm.tok + len(words); e < len(toks) && r.nounAfterName(e) {
			continue // the name modifies a noun, whose "he" it may be: "a Microsoft security manager, said ... he"
		}
		for k := nm.tok + len(words); k < len(toks) && toks[k].Sent == nm.sent; k++ {
			lw := r.lowTok(k)
			if genderedPronoun(lw) {
				return true
			}
			if pronouns[lw] != "" || isCap(toks[k].Text) && !places()[lw] || toks[k].Quote != 0 || clauseOpeners[lw] || isPunct(toks[k].Text) {
				break // (another name, but for a place's, may be whose "his" it is; a new clause's subject may be another's)
			}
		}
	}
	// (and by its last word alone as a name of its own: "... Mario")
	if len(words) > 1 {
		if e, ok := r.byName[r.lower(words[len(words)-1])]; ok && e != ei {
			return true
		}
	}
	return false
}

// nounAfterName reports whether token e, right after a name, is a
// common noun the name modifies ("a Microsoft security manager", "a
// Whataburger restaurant"): by its tag, or untagged, a lower-case word
// that is no verb's past or third-person form, no auxiliary and no
// preposition.
func (r *resolver) nounAfterName(e int) bool {
	t := r.d.Tokens[e]
	if isCap(t.Text) || isPunct(t.Text) {
		return false
	}
	if t.POS != "" {
		return strings.HasPrefix(t.POS, "NN")
	}
	lw := r.lowTok(e)
	if r.verbAt(e) || itReporters[lw] || prepositions[lw] || lw == "who" || lw == "which" || lw == "that" || strings.HasSuffix(lw, "ed") {
		return false
	}
	// (a plural before a verb: "no Whataburger employees were involved")
	return !strings.HasSuffix(lw, "s") || e+1 < len(r.d.Tokens) && r.verbAt(e+1)
}

// clauseOpeners open a clause whose subject may be someone other than
// the name before them ("at Whataburger because he was wearing").
var clauseOpeners = wordSet("because when while as after before if and but or that who which although though since until so unless")

// theBeforeName reports whether the article writes the name of two or
// three words after "the", ending its noun phrase there ("the Federal
// Reserve said", "the Countryside Alliance's"), as no one writes a
// person's given name and surname; a last word for people or a title
// ("the Young Conservatives", "the Lord Chancellor") is no such name.
// Memoised per article with orgEvidence.
func (r *resolver) theBeforeName(name string) bool {
	return r.memoOrg("the+ "+name, func() bool {
		words := sharedFields(name)
		if len(words) < 2 || len(words) > 3 {
			return false
		}
		last := r.lower(words[len(words)-1])
		if romanNumeral(words[len(words)-1]) || titleWords[last] || personNouns()[last] || r.peopleWord(last) || FirstName(words[0]) || genderOfName(name) != 0 {
			return false
		}
		toks := r.d.Tokens
		for k := 1; k+len(words) <= len(toks); k++ {
			if toks[k].Text != words[0] || toks[k].Quote != 0 || !r.wordsAt(k, words) {
				continue
			}
			// (a place or its initials may stand between: "the US Federal
			// Reserve said")
			if r.lowTok(k-1) != "the" && !(k >= 2 && r.lowTok(k-2) == "the" && (places()[r.lowTok(k-1)] || len(toks[k-1].Text) >= 2 && upperAlready(toks[k-1].Text))) {
				continue
			}
			// (untagged, a preposition, a verb of saying or an auxiliary
			// ends it too)
			if e := k + len(words); e >= len(toks) || r.endsNounPhrase(e) ||
				toks[e].POS == "" && (prepositions[r.lowTok(e)] || r.lowTok(e) == "to" || itReporters[r.lowTok(e)] || r.verbAt(e)) {
				return true
			}
		}
		return false
	})
}

// clippedBody returns the organisation whose name's first word the
// one-word name at entity ei clips ("the Fed" after "the Federal
// Reserve"): a name of three letters or more that opens that word and
// is shorter, when the article names one such organisation.
func (r *resolver) clippedBody(ei int) (string, bool) {
	short := r.ents[ei].name
	if countFields(short) != 1 || len(short) < 3 || !isCap(short) || upperAlready(short) || places()[r.lower(short)] {
		return "", false
	}
	found := ""
	for i := range r.ents {
		e := &r.ents[i]
		f := sharedFields(e.name)
		// (two letters cut at least, a word of letters and no place's
		// adjective: not "Georgian", "European", "Nuncios", "Iran‘s")
		// (or one word run together of capitalised parts, "Glaxo" of
		// "GlaxoSmithKline", clipped where a part starts)
		camel := len(f) == 1 && len(f[0]) >= len(short)+3 && strings.HasPrefix(f[0], short) && f[0][len(short)] >= 'A' && f[0][len(short)] <= 'Z'
		if i == ei || len(f) < 2 && !camel || len(f[0]) < len(short)+2 || !strings.HasPrefix(f[0], short) || !lettersOnly(f[0]) ||
			strings.HasSuffix(f[0], "an") || strings.HasSuffix(f[0], "ese") {
			continue
		}
		if !(e.kind == claimtrail.SpeakerOrganization || len(e.titles) == 0 && e.gender == 0 && (r.theBeforeName(e.name) || camel && r.orgEvidence(e.name))) {
			continue
		}
		if found != "" && found != e.name {
			return "", false
		}
		found = e.name
	}
	return found, found != ""
}

// lettersOnly reports whether w is made of letters alone.
func lettersOnly(w string) bool {
	for _, c := range w {
		if !unicode.IsLetter(c) {
			return false
		}
	}
	return w != ""
}

// romanNumeral reports a generation's numeral after a name ("III",
// "IV"): a person's.
func romanNumeral(w string) bool {
	switch w {
	case "II", "III", "IV", "V", "VI", "Jr", "Jr.", "Sr", "Sr.":
		return true
	}
	return false
}

// namedDocument reports whether lw, ending a name, makes it a
// document's or a work's ("Household Survey", "Beige Book", "Da Vinci
// Code"), not an outlet's ("Daily Mail", "Rothenberg Political Report"
// is a newsletter, but reports are documents as often).
func namedDocument(lw string) bool {
	switch lw {
	case "newspaper", "website", "site", "blog", "paper", "post", "journal", "times", "news", "report", "review", "magazine":
		return false
	case "code", "index", "amendment", "act", "bill", "show":
		return true
	}
	return documentNouns[lw] || workNouns[lw]
}

// nounDescribedBefore reports whether the description's noun at p+1
// stands earlier in its sentence or the bodyWindow before as a
// definite description of its own with more than its noun ("among the
// group of voters making $100,000 ... the high-earning group ... The
// group also views"): the
// description goes on with that, not with a name. The noun right before
// a name ("media group Reuters") or in apposition to one ("Metrovias,
// the private firm which runs ...", "the media watchdog, Reporters
// Without Borders") describes the name, and does not count.
func (r *resolver) nounDescribedBefore(p int, noun string) bool {
	toks := r.d.Tokens
	first := r.d.Sents[max(0, toks[p].Sent-bodyWindow)].First
	for k := first; k < p; k++ {
		if r.lowTok(k) != noun || isCap(toks[k].Text) || toks[k].Quote != 0 {
			continue
		}
		if k+1 < len(toks) && isCap(toks[k+1].Text) {
			continue // "media group Reuters"
		}
		if k+2 < len(toks) && toks[k+1].Text == "," && isCap(toks[k+2].Text) && toks[k+2].Sent == toks[k].Sent {
			continue // "the media watchdog, Reporters Without Borders"
		}
		// (only a definite description with more than its noun: "the
		// high-earning group", "the group of voters"; a bare "the
		// company" is the same anaphor, and "a new company" no body
		// the text goes on with surely)
		d := k - 1
		for d > first && d >= k-4 && !isDeterminer(r.lowTok(d)) && !isPunct(toks[d].Text) {
			d--
		}
		if r.lowTok(d) != "the" || d == k-1 && !(k+1 < len(toks) && r.lowTok(k+1) == "of") {
			continue
		}
		apposed := false
		for j := k - 1; j >= first && j >= k-8 && toks[j].Sent == toks[k].Sent && !apposed; j-- {
			// (", the private firm", ", a social conservative group")
			apposed = toks[j].Text == "," && j > 0 && isCap(toks[j-1].Text)
		}
		if !apposed {
			return true
		}
	}
	return false
}

// itsLater reports whether the article writes entity ei as the subject
// of a sentence that "its" (or an "it" that acts) goes on with: later in
// that sentence, before
// any other name, quote or a person's pronoun ("Lycos Europe reported a
// 500% increase in the messages its filters caught"), or opening the
// next sentence ("But Age Concern argued social care was under-funded.
// Its director ..."). No one writes "its" of a person.
func (r *resolver) itsLater(ei int) bool {
	toks := r.d.Tokens
	words := sharedFields(r.ents[ei].name)
	// (never a word for people: "Analysts said ... its", "Republicans")
	if last := r.lower(words[len(words)-1]); r.peopleWord(last) || personNouns()[last] || r.pluralPersonNoun(last) || isPlural(last) && r.onlySentenceInitial(ei) {
		return false
	}
	for _, nm := range r.mentions {
		if nm.ent != ei || nm.isSource || toks[nm.tok].Text != words[0] || toks[nm.tok].Quote != 0 || !r.subjectMention(nm.tok) {
			continue
		}
		k := nm.tok + len(words)
		if k < len(toks) && r.nounAfterName(k) {
			continue // "Lycos Europe's", "Apple boss": whose, not who
		}
		other, nounPhrase := false, false
		for ; k < len(toks) && toks[k].Sent == nm.sent; k++ {
			lw := r.lowTok(k)
			if lw == "its" || lw == "it" && (!nounPhrase || len(words) == 1) && k+1 < len(toks) && r.actsAfterIt(k+1) && r.lowTok(k-1) != "that" && !isPunct(toks[k-1].Text) {
				// (an "it" that acts, not a dummy: "Lycos claims that what
				// it is doing", not "said it was hard"; nor "said that it"
				// of a thing reported, "said it" after a comma)
				return true
			}
			if isCap(toks[k].Text) && !places()[lw] || toks[k].Quote != 0 || genderedPronoun(lw) || lw == "their" {
				other = true
				break
			}
			// (after a noun phrase an "it" may be that, unless the name is
			// one word no one has for a person's full name: "Chakib
			// Khelil said the cartel would act when it meets")
			nounPhrase = nounPhrase || lw == "the" || lw == "a" || lw == "an"
		}
		if !other && k < len(toks) && r.lowTok(k) == "its" && toks[k].Sent == nm.sent+1 && r.d.Sents[nm.sent].Para == r.d.Sents[nm.sent+1].Para {
			return true
		}
	}
	return false
}

// pluralNumbers stand for people just named as the head of a subject
// after "the" ("The three have refused to confirm").
var pluralNumbers = wordSet("two three four five both")

// plural32 reports whether lw is the plural of a noun for a person or a
// body, by its singulars ("companies", "authorities", "delegations").
func plural32(lw string) bool {
	if !isPlural(lw) {
		return false
	}
	for _, sing := range singulars(lw) {
		if personNouns()[sing] || roleWords[sing] || orgHeads[sing] || companyNouns[sing] || bodyHeads[sing] {
			return true
		}
	}
	return false
}

// untaggedVerb reports whether token k, in a sentence the syntax stage
// left untagged, is a verb's past or a verb of saying ("ruled",
// "said", "claims"), which ends the subject before it.
func (r *resolver) untaggedVerb(k int) bool {
	if r.d.Tokens[k].POS != "" {
		return false
	}
	lw := r.lowTok(k)
	return itReporters[lw] || strings.HasSuffix(lw, "ed") && len(lw) > 4 && !isCap(r.d.Tokens[k].Text)
}

// otherPluralSource reports whether a trailing report's source in
// sentence s or later, before token p, resolved to a plural description
// or group with another head than name.
func (r *resolver) otherPluralSource(s, p int, name string) bool {
	toks := r.d.Tokens
	for i := len(r.sources) - 1; i >= 0; i-- {
		src := r.sources[i]
		if src.tok >= p {
			continue
		}
		if toks[src.tok].Sent < s {
			break
		}
		// (a trailing report's, after its comma: ", analysts said"; of
		// another head than name's: "House Republicans" is "Republicans")
		if (src.sp.Kind == claimtrail.SpeakerDescription || src.sp.Kind == claimtrail.SpeakerGroup) && isPlural(r.lowTok(src.end-1)) &&
			src.tok > 0 && toks[src.tok-1].Text == "," && !strings.EqualFold(lastField(src.sp.Name), lastField(name)) {
			return true
		}
	}
	return false
}

// lastField is the last word of s.
func lastField(s string) string {
	f := sharedFields(s)
	if len(f) == 0 {
		return ""
	}
	return f[len(f)-1]
}

// quoteSpeakerGoesOn resolves "he" or "she" right after a quotation to
// the one who spoke it ("Lord Nicholls of Birkenhead, in his ruling,
// said: “...”. He said the weakness ...", "“...,” said one broker. He
// forecast", "David Laws said: “...,” he said"): a reporter goes on so
// with the speaker just quoted, not with a person named before. The
// pronoun opens its sentence with the quotation ending just before it,
// or follows the closing mark of a quotation its own sentence opened
// after the source. The source must be the only one of its sentence (in
// "Mr Howard denied Mr Yeo ... said the plans “stink”. He also said"
// the quote's source is inside another's report), and name the person
// in its words, of the pronoun's gender or none known ("the director
// behind JFK" names no director, "The Pope" may have been read as
// another cleric), or speak for a body by a spokesperson of that gender
// ("A spokesman for the Casino Association", "one London-based broker").
func (r *resolver) quoteSpeakerGoesOn(p int, gender byte) (Speaker, bool) {
	toks := r.d.Tokens
	if toks[p].Quote != 0 || gender == 0 {
		return Speaker{}, false
	}
	sent := toks[p].Sent
	first := r.d.Sents[sent].First
	afterMark := p > first && toks[p-1].Quote != 0 && closingMark(toks[p-1].Text)
	for k := first; k < p && !afterMark; k++ {
		if toks[k].Quote == 0 && !isPunct(toks[k].Text) {
			return Speaker{}, false
		}
	}
	last := -1
	for i := len(r.sources) - 1; i >= 0; i-- {
		if r.sources[i].tok < p {
			last = i
			break
		}
	}
	if last < 0 {
		return Speaker{}, false
	}
	src := r.sources[last]
	srcSent := toks[src.tok].Sent
	if afterMark && srcSent != sent || !afterMark && (srcSent >= sent || srcSent < sent-6 || r.d.Sents[srcSent].Para < r.d.Sents[sent].Para-1) {
		return Speaker{}, false
	}
	if last > 0 && toks[r.sources[last-1].tok].Sent == srcSent {
		return Speaker{}, false // another source in its sentence
	}
	// nothing but the source's own sentence, quotations and punctuation
	// between the source and the pronoun, and the last word before the
	// pronoun quoted (or the source's, after a quotation: "“...,” said
	// one broker.")
	quoted := false
	for k := src.end; k < p; k++ {
		if toks[k].Quote != 0 {
			quoted = true
		} else if toks[k].Sent != srcSent && k < first && !isPunct(toks[k].Text) {
			return Speaker{}, false
		}
	}
	if !quoted {
		for k := r.d.Sents[srcSent].First; k < src.tok && !quoted; k++ {
			quoted = toks[k].Quote != 0
		}
		for k := src.end; k < p && quoted; k++ {
			quoted = isPunct(toks[k].Text)
		}
	}
	if !quoted {
		return Speaker{}, false
	}
	sp := leadingRoleOff(src.sp)
	// (a quotation that names the speaker is someone else's words
	// about them: "Sean Long ... has expressed doubts “I think Sean's
	// situation ...,” he said")
	for k := src.end; k < p; k++ {
		if toks[k].Quote != 0 && isCap(toks[k].Text) && len(toks[k].Text) > 2 && slices.Contains(sharedFields(sp.Name), toks[k].Text) {
			return Speaker{}, false
		}
	}
	switch sp.Kind {
	case claimtrail.SpeakerPerson:
		// named in the source's words, not after a preposition
		words := sharedFields(sp.Name)
		named := false
		for k := src.tok; k < src.end && !named; k++ {
			named = toks[k].Text == words[0] && r.wordsAt(k, words) && (k == src.tok || !prepositions[r.lowTok(k-1)])
		}
		if !named {
			return Speaker{}, false
		}
		g := byte(0)
		if ei, ok := r.byName[r.lower(sp.Name)]; ok {
			g = r.entGender(ei)
		}
		if g == 0 {
			g = genderOfName(sp.Name)
		}
		if g != 0 && g != gender {
			return Speaker{}, false
		}
		return sp, true
	case claimtrail.SpeakerOrganization, claimtrail.SpeakerDescription, claimtrail.SpeakerGroup:
		// a spokesperson of the pronoun's gender among the source's
		// words, or one person it does not name ("one broker"); "the
		// Tory spokesman" may be a person named before
		indefinite := isIndefinite(r.lowTok(src.tok)) || r.lowTok(src.tok) == "one"
		if r.lowTok(src.tok) == "the" {
			return Speaker{}, false
		}
		head := src.tok
		for head < src.end && !spokesWords[r.lowTok(head)] && !roleWords[r.lowTok(head)] {
			head++
		}
		for k := head; k < src.end; k++ {
			if honorific[r.lowTok(k)] != 0 || r.flags(k)&fHonorific != 0 || genderOfWord(r.lowTok(k)) != 0 && isCap(toks[k].Text) ||
				toks[k].Text == "," && k+1 < src.end && isCap(toks[k+1].Text) {
				// the spokesperson named after the role: "A spokesman
				// for DLF Builders, Dr Vancheshwar," (not "Tony Blair's
				// official spokesman")
				return Speaker{}, false
			}
		}
		for k := src.tok; k < src.end; k++ {
			lw := r.lowTok(k)
			if g := genderedNoun(lw); spokesWords[lw] && (g == 0 || g == gender) || indefinite && roleWords[lw] && g == 0 && !isPlural(lw) {
				return sp, true
			}
		}
	}
	return Speaker{}, false
}

// bodyCalledSo resolves a body's description to the one body the article
// itself calls so, by the description's noun right before its name or in
// apposition after it ("Australian brewer Fosters has bought ... the
// brewer said", "Titan, a California-based company, pleaded guilty ...
// The company says"), or by a name that holds the noun ("Bank of England
// lending figures ... fell, the bank said"): named in the description's
// sentence or the bodyWindow before it, and so called where it is no
// object of a preposition ("a stake in newspaper company Jagran" is not
// what "the company" goes on with). Two such bodies say nothing.
func (r *resolver) bodyCalledSo(p int, noun string) (int, bool) {
	toks := r.d.Tokens
	sent := toks[p].Sent
	found := -1
	for i := r.lastActive(r.before(p) - 1); i >= 0; i = r.lastActive(i - 1) {
		nm := r.mentions[i]
		if nm.tok >= p || toks[nm.tok].Quote != 0 || sent-nm.sent > bodyWindow {
			continue
		}
		if nm.ent == found || r.ents[nm.ent].kind == claimtrail.SpeakerPerson && r.personSigns(nm.ent) {
			continue
		}
		ent := r.ents[nm.ent]
		if len(ent.titles) > 0 || r.lower(ent.name) == noun || places()[r.lower(ent.name)] || r.owned(nm.ent, p) ||
			countFields(ent.name) == 1 && r.onlySentenceInitial(nm.ent) {
			continue
		}
		if !r.calledSo(nm.ent, p, noun) {
			continue
		}
		if found >= 0 {
			return -1, false
		}
		found = nm.ent
	}
	return found, found >= 0
}

// calledSo reports whether the article, before token p, calls entity ei
// by noun: noun right before a mention of its name ("brewer Fosters",
// "media group Reuters") or right after it ("its Comair subsidiary"),
// before it in apposition ("the media watchdog, Reporters Without
// Borders"), or heading an apposition right after one
// ("Titan, a California-based company,", "Metrovias, the private firm
// which"), the mention no object of a preposition; or noun is a word of
// its name ("Bank of England", "Vestey Group").
func (r *resolver) calledSo(ei, p int, noun string) bool {
	toks := r.d.Tokens
	words := sharedFields(r.ents[ei].name)
	if len(words) > 1 {
		for _, w := range words {
			if r.lower(w) == noun {
				return true
			}
		}
	}
	for _, nm := range r.mentions {
		if nm.ent != ei || nm.tok >= p || toks[nm.tok].Quote != 0 || toks[nm.tok].Text != words[0] {
			continue
		}
		if e := nm.tok + len(words); e < len(toks) && r.lowTok(e) == noun && !isCap(toks[e].Text) && (e+1 >= len(toks) || !isCap(toks[e+1].Text)) {
			// the name modifying the noun: "Delta Air Lines' Comair
			// subsidiary", "the Virgin airline"
			return true
		}
		if k := nm.tok - 2; k > 0 && toks[nm.tok-1].Text == "," && r.lowTok(k) == noun && !isCap(toks[k].Text) && r.definiteBefore(k) {
			// the name in apposition to a definite description ending in
			// the noun, "by the media watchdog, Reporters Without
			// Borders": the description says what the name is, whatever
			// governs the phrase
			return true
		}
		if k := nm.tok - 1; k > 0 && r.lowTok(k) == noun && !isCap(toks[k].Text) {
			// the phrase the noun ends: back over its modifiers
			s := k
			for s > 0 && k-s < 4 && toks[s-1].Sent == toks[k].Sent && !isPunct(toks[s-1].Text) && !isDeterminer(r.lowTok(s-1)) &&
				!prepositions[r.lowTok(s-1)] && !r.verbAt(s-1) && !auxiliary[r.lowTok(s-1)] {
				s--
			}
			if s > 0 && isDeterminer(r.lowTok(s-1)) {
				s--
			}
			if s == 0 || toks[s-1].Sent != toks[s].Sent || !prepositions[r.lowTok(s-1)] && r.lowTok(s-1) != "to" {
				if !r.afterPreposition(nm.tok) {
					return true
				}
			}
			continue
		}
		e := nm.tok + len(words)
		if e+2 >= len(toks) || toks[e].Text != "," || !isDeterminer(r.lowTok(e+1)) || r.afterPreposition(nm.tok) {
			continue
		}
		for k := e + 2; k < len(toks) && k < e+8 && toks[k].Sent == nm.sent; k++ {
			lw := r.lowTok(k)
			if lw == noun && !isCap(toks[k].Text) {
				if n := k + 1; n >= len(toks) || toks[n].Text == "," || toks[n].Text == ")" || r.lowTok(n) == "which" || r.lowTok(n) == "that" {
					return true
				}
				break
			}
			if isPunct(toks[k].Text) || lw == "of" || lw == "and" {
				break
			}
		}
	}
	return false
}

// definiteBefore reports whether the noun at k ends a phrase that "the"
// opens, over at most three lower-case modifiers ("the media watchdog").
func (r *resolver) definiteBefore(k int) bool {
	toks := r.d.Tokens
	for j := k - 1; j >= 0 && j >= k-4 && toks[j].Sent == toks[k].Sent; j-- {
		lw := r.lowTok(j)
		if lw == "the" {
			return true
		}
		if isPunct(toks[j].Text) || isCap(toks[j].Text) || prepositions[lw] || r.verbAt(j) {
			return false
		}
	}
	return false
}

// owned reports whether the article writes entity ei, before token p, as
// something a body or a person has: right after a possessive ("Sony's
// PlayStation", "its Xbox consoles") or in apposition to a noun phrase
// a possessive opens ("its Xbox sci-fi shooter, Halo 2"). A place's
// possessive names where a body is, not whose ("Britain's BT").
func (r *resolver) owned(ei, p int) bool {
	toks := r.d.Tokens
	words := sharedFields(r.ents[ei].name)
	for _, nm := range r.mentions {
		if nm.ent != ei || nm.tok >= p || nm.isSource || toks[nm.tok].Text != words[0] {
			continue
		}
		if e := nm.tok + len(words); e < len(toks) && possessive(toks[e].Text) {
			continue // an owner itself: "Its BDO's output index"
		}
		k := nm.tok - 1
		// (right after the possessive, or in apposition to a phrase it
		// opens: "In its statement Valve said" is Valve's own)
		apposed := k > 0 && toks[k].Text == ","
		if apposed {
			k--
		}
		for n := 0; apposed && k >= 0 && n < 4 && toks[k].Sent == nm.sent && !isPunct(toks[k].Text) && !possessive(toks[k].Text) &&
			r.lowTok(k) != "its" && r.lowTok(k) != "their"; n, k = n+1, k-1 {
			if isDeterminer(r.lowTok(k)) || prepositions[r.lowTok(k)] || r.verbAt(k) || auxiliary[r.lowTok(k)] {
				k = -1
				break
			}
		}
		if k < 0 || toks[k].Sent != nm.sent {
			continue
		}
		if ps := k - 1; apposed && possessive(toks[k].Text) && ps > 0 && ps-1 == r.d.Sents[nm.sent].First || apposed && ps == r.d.Sents[nm.sent].First {
			// an opening phrase, no apposition: "In its statement, Valve
			// said", "Before Wednesday's announcement, BMW had"
			if w := r.lowTok(r.d.Sents[nm.sent].First); prepositions[w] || leadingSubordinators[w] || nameOpeners[w] {
				continue
			}
		}
		if lw := r.lowTok(k); lw == "its" || lw == "their" {
			return true
		}
		// (whose: a name the article has, not a word of the name itself,
		// "the Children's Defense Fund", nor a day, "Wednesday's")
		if possessive(toks[k].Text) && k > 0 && isCap(toks[k-1].Text) && !places()[r.lowTok(k-1)] && !isNationality(toks[k-1].Text, r.lowTok(k-1)) &&
			r.flags(k-1)&fTemporal == 0 && (k < 2 || r.lowTok(k-2) != "the") {
			if o, ok := r.byName[r.lowTok(k-1)]; ok && o != ei {
				return true
			}
		}
	}
	return false
}

// possessive reports a possessive's token ("'s", "’s", "'", "’").
func possessive(t string) bool { return t == "'s" || t == "’s" || t == "'" || t == "’" }

// publicInitials reports whether the one-word name is the initials the
// article writes in brackets after a public body's name ("the
// Securities and Exchange Commission (SEC)"): no business.
func (r *resolver) publicInitials(name string) bool {
	if countFields(name) != 1 || !upperAlready(name) {
		return false
	}
	toks := r.d.Tokens
	for k := 2; k+1 < len(toks); k++ {
		if toks[k].Text == name && toks[k-1].Text == "(" && toks[k+1].Text == ")" && publicBodyWords[r.lowTok(k-2)] && isCap(toks[k-2].Text) {
			return true
		}
	}
	return false
}

// memberLetters are the letters of a member of a parliament or an
// assembly, whom news names by the seat: "the MP for Ealing North".
var memberLetters = wordSet("mp mep msp mla am")

// seatHolder resolves "the MP for Ealing North", "the Tory MP for
// Sleaford and North Hykeham" to the person named in the sentence before
// or two ("Labour backbencher Stephen Pound labelled the schemes “a pile
// of pants”. The MP for Ealing North claimed"): news names a member by
// the seat right after naming them, never to bring in someone new. That
// person must be the only one named (outside quotes) from their
// sentence on, and no peer, in the description's paragraph or the one
// before.
func (r *resolver) seatHolder(m Mention) (Speaker, bool) {
	toks := r.d.Tokens
	s, e := m.Start, m.End
	for e > s && isPunct(toks[e-1].Text) {
		e--
	}
	if e-s < 4 || r.lowTok(s) != "the" {
		return Speaker{}, false
	}
	k := s + 1
	for k < e && isCap(toks[k].Text) && !memberLetters[r.lowTok(k)] {
		k++ // the party: "the Tory MP"
	}
	if k+2 >= e || !memberLetters[r.lowTok(k)] || !isCap(toks[k].Text) || r.lowTok(k+1) != "for" || !isCap(toks[k+2].Text) {
		return Speaker{}, false
	}
	sent := toks[s].Sent
	found, fsent := -1, -1
	for i := r.lastActive(r.before(s) - 1); i >= 0; i = r.lastActive(i - 1) {
		nm := r.mentions[i]
		if nm.tok >= s || toks[nm.tok].Quote != 0 || !isCap(toks[nm.tok].Text) || pronouns[r.lowTok(nm.tok)] != "" {
			continue // (named, not "the chancellor" or "his" resolved to someone)
		}
		if found < 0 && (sent-nm.sent > 2 || r.d.Sents[nm.sent].Para < r.d.Sents[sent].Para-1) || found >= 0 && nm.sent < fsent {
			break
		}
		if r.ents[nm.ent].kind != claimtrail.SpeakerPerson || namedDocument(r.lower(r.ents[nm.ent].last)) {
			continue // (a body, a bill: "the Bill was")
		}
		if e := nm.tok + countFields(r.ents[nm.ent].name); e < len(toks) && !isCap(toks[e].Text) && (titleWords[r.lowTok(e)] || roleWords[r.lowTok(e)]) {
			continue // a word before a role: "Former Cabinet minister Douglas Hogg"
		}
		if found >= 0 && nm.ent != found {
			return Speaker{}, false // two persons in that sentence
		}
		found, fsent = nm.ent, nm.sent
	}
	if found < 0 || peerTitled(r.ents[found].titles) {
		return Speaker{}, false
	}
	return Speaker{Name: r.ents[found].name, Kind: claimtrail.SpeakerPerson, Confidence: 0.6}, true
}

// ofNationality is whom "the Argentine" may be: when the article writes
// someone with that nationality before the name ("Argentine David
// Nalbandian"), only such a person; else anyone not written with
// another nationality ("the Russian" is not "Croatian Mario Ancic"). A
// word that is no nationality keeps everyone.
func (r *resolver) ofNationality(lw string) func(*entity) bool {
	all := func(*entity) bool { return true }
	if !nationalities[lw] && !nationalWords[lw] {
		return all
	}
	national := func(t string) bool { return nationalities[t] || nationalWords[t] }
	written := false
	for i := range r.ents {
		if r.ents[i].kind == claimtrail.SpeakerPerson && slices.Contains(r.ents[i].titles, lw) {
			written = true
			break
		}
	}
	return func(e *entity) bool {
		if written {
			return slices.Contains(e.titles, lw)
		}
		return !slices.ContainsFunc(e.titles, national)
	}
}

// bodySubject reports whether name mention nm acts in its sentence as a
// body does: its subject (subjectMention), unless a passive's whose
// agent is named ("The Video Relay Service is being piloted by the
// Royal National Institute for Deaf People"), or that agent itself.
func (r *resolver) bodySubject(nm nameMention) bool {
	if r.bodyAgent(nm.tok) {
		return true
	}
	if !r.subjectMention(nm.tok) {
		return false
	}
	if nm.ent < 0 {
		return true
	}
	return !r.passiveBy(nm.tok + countFields(r.ents[nm.ent].name))
}

// passiveBy reports whether a passive with "by" follows token k: a form
// of "be", then a past participle, then "by" ("is being piloted by",
// "was bought by").
func (r *resolver) passiveBy(k int) bool {
	toks := r.d.Tokens
	be := false
	for end := k + 4; k < len(toks) && k < end; k++ {
		lw := r.lowTok(k)
		if lw == "is" || lw == "was" || lw == "are" || lw == "were" || lw == "been" || lw == "being" || lw == "be" || lw == "has" || lw == "have" || lw == "had" {
			be = true
			continue
		}
		break
	}
	if !be || k+1 >= len(toks) || !(toks[k].POS == "VBN" || toks[k].POS == "" && strings.HasSuffix(r.lowTok(k), "ed")) {
		return false
	}
	return r.lowTok(k+1) == "by"
}

// bodyAgent reports whether the name at tok is the agent of a passive:
// after "by" (and "the") that follows a past participle.
func (r *resolver) bodyAgent(tok int) bool {
	toks := r.d.Tokens
	k := tok - 1
	if k > 0 && r.lowTok(k) == "the" {
		k--
	}
	if k < 1 || r.lowTok(k) != "by" || toks[k].Sent != toks[tok].Sent {
		return false
	}
	v := k - 1
	return toks[v].POS == "VBN" || toks[v].POS == "" && strings.HasSuffix(r.lowTok(v), "ed") && (!isCap(toks[v].Text) || v == r.d.Sents[toks[v].Sent].First)
}
