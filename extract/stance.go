package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
	"github.com/claimtrail/claimtrail/resolve"
)

// The statements view. PolNeAR annotates as attributions not only what a
// source says or thinks but what it wants, hopes, plans, backs or does
// ("Russia wants Turkey to close its borders", "the study showed",
// "Mr Obama has pushed for stricter gun control", "Congress passed"), and
// the models learn them from it. A fact-checker's record of who said what
// holds statements and thoughts only: on the hand-judged news pages such
// cues were the largest group of printed attributions that are not speech
// (39 of 310), and dropping them by a list cost PolNeAR source F1 each
// time it was tried, because PolNeAR counts them. So they are a view:
// by default (the statements view) an attribution whose cue holds no
// verb of saying and no verb of thinking is dropped; with stances on
// (Extractor.WithStances, the global --stances flag, and `eval polnear`,
// which scores PolNeAR's own definition) they are kept. The statements
// view also drops what research shows on any page (findingAside, which
// the stances view applies on writers' pages only) and what a bare
// demonstrative "says" ("That points to ...": demonstrativeSource).

// stanceCue reports whether a's cue reports no statement and no thought:
// it has words, and none of them is a verb of saying (WordNet's first
// sense a communication one, or a reporting verb WordNet classes
// otherwise: "added", "wrote", "tweeted"), a verb of belief ("think",
// "believe", "expect", "estimate"), a noun naming speech ("in a
// statement", "comments") or an adjective of conviction ("is confident").
// Cues without letters (a colon, a dash) and "according to" are layouts
// of speech and stay.
func stanceCue(a *claimtrail.Attribution) bool {
	if a.Cue == nil || !strings.ContainsFunc(a.Cue.Text, unicode.IsLetter) ||
		strings.HasSuffix(strings.TrimSpace(a.Cue.Text), ":") {
		// a colon opens what the cue's subject says ("continued:")
		return false
	}
	if a.Source != nil && documentNouns[sourceHead(a.Source.Text, findingPreps)] &&
		(cueLemmaIn(a.Cue.Text, findingVerbs) || hasWord(a.Cue.Text, "find") || hasWord(a.Cue.Text, "finds") || hasWord(a.Cue.Text, "found")) {
		// a document reports what its authors state ("the audit report
		// shows that", "official figures show", "records show"); research
		// findings on a writer's page are findingAside's
		return false
	}
	if hasWord(a.Cue.Text, "guilty") {
		return true // "pleaded guilty": a plea in court, not a statement
	}
	for _, w := range lowerFieldsApos(a.Cue.Text) {
		w = strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) })
		if w == "" {
			continue
		}
		if statementWord(w) {
			return false
		}
	}
	return true
}

// statementWord reports whether lower-case word w, in a cue, names an act
// of saying or thinking.
func statementWord(w string) bool {
	if speechNouns[w] || convictions[w] {
		return true
	}
	if lemma, ok := lemmaOf(w); ok {
		switch {
		case notStatementVerbs[lemma]:
			return false
		case verbClass[lemma]&1 != 0, beliefVerbs[lemma], speechVerbsOther[lemma]:
			return true
		}
		return false
	}
	// verbs WordNet does not class as communication or cognition
	// ("tweeted", "maintains", "slammed", "feared")
	return inflectionOf(w, func(stem string) bool { return speechVerbsOther[stem] || beliefVerbs[stem] }, true)
}

var (
	// speechVerbsOther report speech but have no communication first
	// sense in WordNet (or no entry among its communication and
	// cognition verbs at all).
	speechVerbsOther = wordSet("add write tweet post maintain reveal respond confirm insist reject recall " +
		"blast slam lash hit rebut retweet text email publish testify quip read remind rule")
	// beliefVerbs report a thought: PolNeAR's and the issue's "reported
	// thoughts" ("Putin believes", "analysts expect").
	beliefVerbs = wordSet("think believe conclude estimate suspect doubt guess reckon assume expect fear " +
		"wonder predict consider suppose speculate calculate figure hypothesize hypothesise judge")
	// notStatementVerbs have a communication first sense in WordNet but
	// in news report an action or a stance ("opposed the talks",
	// "signed the bill", "ignored city regulators", "amended the rule").
	notStatementVerbs = wordSet("oppose ignore amend sign illustrate approve refuse preach present file sentence subpoena summon nominate")
	// speechNouns name speech in a cue ("said in a statement", "in
	// comments to reporters", "his view that").
	speechNouns = wordSet("according statement statements comment comments remark remarks interview interviews " +
		"tweet tweets post posts testimony letter announcement speech report reports words quote quotes " +
		"message memo email op-ed opinion response reply answer warning claim claims assertion argument " +
		"quoted saying reportedly allegedly")
	// documentNouns name documents that state what their authors found.
	documentNouns = wordSet("report reports poll polls survey surveys audit audits record records document documents " +
		"filing filings review inquiry investigation probe transcript transcripts memo letter figures statistics census")
	// convictions are adjectives of a held belief after "is", "was".
	convictions = wordSet("confident convinced sure certain adamant emphatic unequivocal clear")
)

// venueCue reports whether a's cue says only that someone spoke, and
// where, to whom or when ("spoke at a demonstration", "spoke to her
// privately after the show", "talked to the Daily Caller again", "spoke
// as part of a panel"): the words after it are the occasion, not what was
// said. A topic ("spoke about", "talked of") stays: it reports what the
// speech was about. Words in quote marks stay.
func venueCue(a *claimtrail.Attribution) bool {
	if a.Cue == nil || claimtrail.HasMarkedQuote(a.Content) || len(a.Content) > 0 && strings.HasPrefix(a.Content[0].Text, "that ") {
		return false // "testified that ..." says what
	}
	words := lowerFields(a.Cue.Text)
	for len(words) > 0 && (auxiliaryWords[words[0]] || leadAdverbs[words[0]] || strings.HasSuffix(words[0], "ly")) {
		words = words[1:] // "is talking with Brown's parents", "also spoke at the rally"
	}
	if len(words) == 0 || !speakVerbs[words[0]] {
		return false
	}
	for _, w := range words[1:] {
		switch {
		case topicPreps[w]:
			return false
		case !venuePreps[w] && !strings.HasSuffix(w, "ly") && w != "out" && w != "again":
			return false // "talks failed to find" is another reading
		}
	}
	return true
}

// pronounContent reports whether a's content is a pronoun alone
// ("Republicans decrying them", "described it"): what was said is not
// given.
func pronounContent(a *claimtrail.Attribution) bool {
	if a.Cue == nil || len(a.Content) != 1 || claimtrail.HasMarkedQuote(a.Content) {
		return false
	}
	switch lowerUpTo(strings.Trim(a.Content[0].Text, " ,."), len("these")) {
	case "it", "them", "him", "her", "this", "that", "these", "those", "so":
		return true
	}
	// nor when the pronoun is followed only by when, where or how it was
	// done ("Lorenz described it during the Q&A session following a
	// talk", "said it with passion", "called them after shooting Jean"):
	// a preposition of time, place or manner right after it
	w := lowerFields(a.Content[0].Text)
	if len(w) > 2 && (w[0] == "it" || w[0] == "them" || w[0] == "this") && adjunctPreps[w[1]] &&
		!strings.Contains(strings.ToLower(a.Cue.Text), "blam") { // "blames this on a 2004 law" says why
		return true
	}
	return false
}

// adjunctPreps open a phrase saying when, where or how, never what was
// said ("described it during the session"; not "as", "for" or "to",
// which go on with what: "described it as a failure", "urged them to").
var adjunctPreps = wordSet("during on with after in at from before while when")

// mediaPost reports whether a's content is a picture, a film or a link
// that was posted ("tweeted a photo of her visiting the restaurant",
// "shared a video"): what was shown, not what was said.
func mediaPost(a *claimtrail.Attribution) bool {
	if a.Cue == nil || len(a.Content) != 1 || claimtrail.HasMarkedQuote(a.Content) {
		return false
	}
	posted := false
	for _, cw := range lowerFields(a.Cue.Text) {
		posted = posted || postWords[cw]
	}
	if !posted {
		return false // (before the content's words are split: most cues post nothing)
	}
	w := lowerFields(a.Content[0].Text)
	if len(w) < 2 || !determinerWords[w[0]] {
		return false
	}
	return mediaNouns[strings.TrimRight(w[1], ",.;:")] || len(w) > 2 && mediaNouns[strings.TrimRight(w[2], ",.;:")]
}

// nameOnlyContent reports whether a's content is a name and nothing
// else ("calling out Speaker of the House John Boehner (R-Ohio)",
// "lashed out at O’Rourke"): whom the act was aimed at, not a statement.
// (The caller keeps a headline's topic report, "Harbour Chief Defends Fee
// Rise".)
func nameOnlyContent(a *claimtrail.Attribution) bool {
	if a.Cue == nil || len(a.Content) != 1 || claimtrail.HasMarkedQuote(a.Content) {
		return false
	}
	if wordsOver(a.Content[0].Text, 8) {
		return false // (before splitting a long content: most are)
	}
	words := fieldsOf(a.Content[0].Text)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	caps := 0
	for i, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		switch {
		case unicode.IsUpper(r) && titleCaseWords[strings.ToLower(w)] && !(i == 0 && w == "The"):
			return false // title case ("Admits To Aiding Al-Qaeda"), a headline's report
		case unicode.IsUpper(r):
			caps++
		case r == '(' || lowerInName[w] || w == "the":
		default:
			return false
		}
	}
	return caps > 0
}

// addresseeContent reports whether a's content only names whom words
// went to after a verb of telling ("He texted the source on Sept. 23",
// "emailed her lawyer"): no words are given. A content of at most four
// words, none of them "that", "to", "about" or "of", with no quote.
func addresseeContent(a *claimtrail.Attribution) bool {
	if a.Cue == nil || len(a.Content) != 1 || claimtrail.HasMarkedQuote(a.Content) {
		return false
	}
	cue := lowerFields(a.Cue.Text)
	if len(cue) == 0 || !contactVerbs[cue[len(cue)-1]] {
		return false
	}
	w := lowerFields(a.Content[0].Text)
	if len(w) == 0 || len(w) > 4 {
		return false
	}
	for _, x := range w {
		switch x {
		case "that", "to", "about", "of", "whether", "how", "what", "why":
			return false
		}
	}
	return true
}

// contactVerbs reach someone without saying what: "texted the source",
// "emailed her lawyer", "phoned the minister" ("called" names too:
// "called the sale illegal").
var contactVerbs = wordSet("texted emailed e-mailed messaged phoned rang contacted")

// recipientContent reports whether a's content only names whom a letter,
// a message or an apology went to ("sent a letter to Rep. Ryan in advance
// of his appearance", "apologized to Grassley in person"): no words are
// given. "to" and a verb ("pledged to protect") is another reading.
func recipientContent(a *claimtrail.Attribution) bool {
	if a.Cue == nil || len(a.Content) != 1 || claimtrail.HasMarkedQuote(a.Content) {
		return false
	}
	c := a.Content[0].Text
	if cueToRecipient(a.Cue.Text) && !strings.Contains(c, " that ") && !strings.HasPrefix(c, "that ") && !asksInContent(c) {
		// the cue took the "to": "the company has written to | homes
		// and businesses likely to be affected"
		return true
	}
	if !strings.HasPrefix(c, "to ") || strings.Contains(c, " that ") {
		return false
	}
	w := strings.Fields(c)
	if len(w) < 2 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(w[1])
	if !unicode.IsUpper(r) && !determinerWords[strings.ToLower(w[1])] {
		return false
	}
	return true
}

// askingWords say what a letter or a call asked for ("has written to
// Tony Blair demanding an explanation", "to offer to buy Channel 4"):
// then the words after the recipient are a request, kept.
var askingWords = wordSet("asking demanding urging calling seeking requesting inviting warning saying telling offering " +
	"ask demand urge request seek offer invite warn")

// asksInContent reports whether a content after a recipient goes on with
// what was asked or said.
func asksInContent(c string) bool {
	for _, w := range strings.Fields(c) {
		if askingWords[strings.ToLower(w)] {
			return true
		}
	}
	return false
}

// cueToRecipient reports whether a cue ends in a verb of writing,
// sending or speaking and "to" ("has written to", "sent a letter to",
// "spoke to"): what follows is whom the words went to.
func cueToRecipient(cue string) bool {
	if !strings.HasSuffix(cue, " to") {
		return false
	}
	f := fieldsOf(cue)
	if len(f) < 2 {
		return false
	}
	switch strings.ToLower(f[len(f)-2]) {
	case "written", "wrote", "writes", "write", "sent", "sends", "send", "spoke", "spoken", "speaks", "talked", "talks",
		"apologized", "apologised", "apologizes", "apologises", "letter", "letters", "message", "messages":
		return true
	}
	return false
}

var (
	auxiliaryWords  = wordSet("is are was were be been has have had will would 's")
	titleCaseWords  = wordSet("to at of for the with in on is are was were be he she it it's it’s can can’t his her their into from by were would will")
	determinerWords = wordSet("a an the his her their its our my")
	postWords       = wordSet("tweeted tweets tweet tweeting retweeted posted posts post posting shared shares share sharing " +
		"published publishes uploaded uploads released releases sent sends send")
	mediaNouns = wordSet("photo photos photograph photographs picture pictures image images video videos clip clips " +
		"meme memes link links screenshot screenshots map maps chart charts graphic graphics gif gifs selfie selfies")
	speakVerbs  = wordSet("spoke speaks speak speaking spoken talked talks talk talking testified testifies testify testifying")
	leadAdverbs = wordSet("also later then again previously once even still")
	topicPreps  = wordSet("about of on over up")
	venuePreps  = wordSet("at as to with in before after during from ahead for")
)

// demonstrativeSource reports whether a's source is a demonstrative
// pronoun alone ("That points to the bigger question", "This suggests"):
// it stands for a fact or an event, which says nothing. PolNeAR
// annotates a few such sources, so only the statements view drops them;
// words in quote marks stay.
func demonstrativeSource(a *claimtrail.Attribution) bool {
	if a.Source == nil || a.Cue == nil || claimtrail.HasMarkedQuote(a.Content) {
		return false
	}
	switch lowerOf(strings.TrimSpace(a.Source.Text)) {
	case "that", "this", "these", "those":
		return a.Source.Start < a.Cue.Start
	}
	return false
}

// headlineLabel reports whether a is a title line's "Label: ..." whose
// label is no speaker ("SPECIAL REPORT: ...", "Brexit: Goodbye United
// Kingdom", "Virginia: Muslim gets 20 years"). With no words in quote
// marks, a colon in a headline names its speaker when the story quotes
// that speaker too ("Rick Santorum: comment was about energy policy",
// bodySpeakers), when it is a person written with a first name and a
// surname the story names again, or when it describes someone ("Texas
// Mom: My son was attacked"); a label in capitals, or one whose head is
// no word for people, describes no one.
func headlineLabel(text string, a *claimtrail.Attribution, titleEnd int, bodySpeakers map[string]bool) bool {
	if titleEnd < 0 || a.Cue == nil || strings.TrimSpace(a.Cue.Text) != ":" || a.Cue.Start >= titleEnd ||
		claimtrail.HasMarkedQuote(a.Content) {
		return false
	}
	if a.Source != nil {
		// a label that opens with a gerund names a topic, even one the
		// story quotes: "Understanding Vell: What you need to know
		// about the report"
		if f := fieldsOf(a.Source.Text); len(f) > 1 && len(f[0]) > 5 && strings.HasSuffix(f[0], "ing") && capitalised(f[0]) && !resolve.FirstName(f[0]) {
			return true
		}
	}
	if bodySpeakers[a.Speaker.Name] {
		return false
	}
	name := fieldsOf(a.Speaker.Name)
	switch a.Speaker.Kind {
	case claimtrail.SpeakerDescription:
		// (nor does one whose head is no word for people: "Michele
		// Bachmann Chick-Fil-A Visit: GOP Rep Shows Support", "Dismal
		// Record: ...")
		// (and one whose words speak of no one as "I", "we", "she" or
		// "he" is the writer's epithet over a headline: "Sore Loser:
		// Stacey Abrams Ends Challenges", where "Texas Mom: My Son Was
		// Attacked" and "Witness: Aide Wiretapped Her" speak)
		return a.Speaker.Name == strings.ToUpper(a.Speaker.Name) || !resolve.PeopleNoun(a.Speaker.Name) || !personalPronounIn(a.Content)
	case claimtrail.SpeakerPerson:
		if len(name) < 2 {
			return true
		}
		nl := strings.IndexByte(text, '\n')
		return nl < 0 || !strings.Contains(text[nl:], name[len(name)-1])
	}
	return true
}

// passiveAgent reports whether a is a passive with its source as the
// agent after "by" ("His claims were denied by Foreign Secretary Jack
// Straw", "the interactions described by the White House “represent an
// illegal quid pro quo”", "first reported by NBC"): the content found is
// then the passive's subject, a noun phrase, or someone else's words
// after it, not a statement of the agent's. A question put by someone
// ("when asked by Senator Cory Booker whether ...") is the asker's and
// stays, and so do the agent's words after "as" ("described by Jobs as
// the “most important Mac”"). PolNeAR annotates these, so only the
// statements view drops them.
func passiveAgent(text string, byteOf func(int) int, a *claimtrail.Attribution) bool {
	if a.Source == nil || a.Cue == nil || a.Source.Start < a.Cue.End {
		return false
	}
	b0, b1 := byteOf(a.Cue.End), byteOf(a.Source.Start)
	if b0 > b1 || b1 > len(text) || !strings.EqualFold(strings.TrimSpace(text[b0:b1]), "by") {
		return false
	}
	if len(a.Content) > 0 && a.Content[0].Start >= a.Source.End {
		// the agent's words after "as": "described by Jobs as the “most
		// important Mac”"
		switch between := strings.ToLower(strings.TrimSpace(text[byteOf(a.Source.End):byteOf(a.Content[0].Start)])); between {
		case "as", "as a", "as an", "as the":
			return false
		}
	}
	words := lowerFields(a.Cue.Text)
	if len(words) == 0 {
		return false
	}
	last := words[len(words)-1]
	if l, _ := lemmaOf(last); l == "ask" && len(a.Content) > 0 {
		switch first := strings.ToLower(strings.Fields(a.Content[0].Text + " x")[0]); first {
		case "if", "whether", "why", "how", "what", "when", "where", "who", "which":
			return false
		}
	}
	return true
}

// citedSources reports whether a is a relay's "citing two officials"
// read as an attribution of its own ("NBC News reported, citing two
// officials"; "Bloomberg, citing three people familiar with the
// matter"): what is cited is who spoke, the statement is the report's.
func citedSources(a *claimtrail.Attribution) bool {
	if a.Cue == nil || len(a.Content) != 1 || claimtrail.HasMarkedQuote(a.Content) {
		return false
	}
	if l, _ := lemmaOf(strings.ToLower(firstField(a.Cue.Text, "x"))); l != "cite" {
		return false
	}
	words := lowerFields(a.Content[0].Text)
	if len(words) == 0 || len(words) > 8 {
		return false
	}
	for _, w := range words {
		switch strings.Trim(w, ",.") {
		case "source", "sources", "official", "officials", "people", "person", "persons", "someone", "aide", "aides", "insider", "insiders":
			return true
		}
	}
	return false
}

// personalPronounIn reports whether the content holds a personal pronoun
// of the first or third person singular or the first plural.
func personalPronounIn(content []claimtrail.Span) bool {
	for _, c := range content {
		for _, w := range strings.FieldsFunc(c.Text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' }) {
			switch strings.ToLower(w) {
			case "i", "i'm", "i’m", "me", "my", "we", "us", "our", "she", "her", "he", "him", "his":
				return true
			}
		}
	}
	return false
}
