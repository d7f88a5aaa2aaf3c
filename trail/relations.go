package trail

import (
	"cmp"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail"
)

// What happens to a statement after it is made: corrected or walked back
// by its speaker, denied or contradicted by someone else, reversed by its
// speaker later. Relations are found from cues the extractor already
// reads (the cue verb, reporter markers, negation in the content) and the
// content words two statements share; precision comes first, so a pair
// needs several shared content words and a clear polarity cue.

// Statement is one attribution as relation finding reads it.
type Statement struct {
	AttributionID int64
	ArticleID     int64
	ArticleSource string
	Published     time.Time
	Speaker       string
	SpeakerKind   claimtrail.SpeakerKind
	Kind          claimtrail.Kind
	Cue           *claimtrail.Span
	Content       []claimtrail.Span
	Quotes        []claimtrail.Span
	Markers       []claimtrail.Marker
	Cluster       int64
}

// correctionCues are phrases by which a speaker (or a reporter) says a
// statement corrects an earlier one. Matched on lower-cased text.
var correctionCues = []string{
	"misspoke", "misspoken", "mis-spoke", "meant to say", "should have said", "i said the word",
	"walked back", "walk back", "walks back", "walking back", "correct myself", "slip of the tongue",
	"misstatement", "misstated", "retracted", "retract",
	// "take back" alone is as often "take back the House" or "take
	// back territory": only with the words taken back as its object.
	"take it back", "took it back", "take that back", "took that back", "take back what", "took back what",
	"take back my", "took back my", "took back his", "took back her", "take back those", "took back those",
	"take back the remark", "took back the remark", "take back the comment", "took back the comment",
}

// allegationNouns name what someone else said of a speaker. A correction
// cue after one ("defending himself against a report he misstated ...")
// is the allegation, not the speaker's own correction; a denial whose
// object is one ("rejected claims he ...", "denied reports that ...") is
// a denial of something said.
var allegationNouns = map[string]bool{
	"report": true, "reports": true, "claim": true, "claims": true, "allegation": true, "allegations": true,
	"accusation": true, "accusations": true, "charge": true, "charges": true, "suggestion": true,
	"suggestions": true, "criticism": true, "rumour": true, "rumours": true, "rumor": true, "rumors": true,
	"assertion": true, "assertions": true, "contention": true, "speculation": true,
}

// finiteWords are auxiliaries and copulas: one in a denial's object before
// any "to" makes it a clause ("the party was trying to ...", "the ban had
// led to ..."), where a noun phrase ("her plan to leave", "efforts by
// some to ...") has none.
var finiteWords = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "has": true, "have": true, "had": true,
	"will": true, "would": true, "can": true, "could": true, "should": true, "may": true, "might": true,
	"must": true, "did": true, "does": true, "do": true, "shall": true,
}

// proposition reports whether a denial's object is something said: a
// that-clause, a clause, a gerund ("denied being leant on") or an
// allegation ("rejected claims he ..."). Rejecting a proposal ("the
// call to open the books", "a proposal for one final debate", "her plan
// to take Britain out") or dismissing an action or a topic ("Obama's
// actions to regulate gun sales", "the story about her emails") decides
// or judges; it asserts no opposite of a statement.
func proposition(text string) bool {
	toks := Tokenize(text)
	for i, t := range toks {
		if i == 0 && len(t.Norm) > 4 && strings.HasSuffix(t.Norm, "ing") {
			return true
		}
		if t.Norm == "to" || i >= 12 {
			return false
		}
		if t.Norm == "that" || finiteWords[t.Norm] || strings.HasSuffix(t.Norm, "n't") || allegationNouns[t.Norm] {
			return true
		}
	}
	return false
}

// allegedCorrection reports whether the correction phrase at sp sits
// inside someone else's allegation in its content span c: an allegation
// noun before it in the same span.
func allegedCorrection(c *claimtrail.Span, sp *claimtrail.Span) bool {
	rs := []rune(c.Text)
	n := sp.Start - c.Start
	if n <= 0 || n > len(rs) {
		return false
	}
	for _, t := range Tokenize(string(rs[:n])) {
		if allegationNouns[t.Norm] {
			return true
		}
	}
	return false
}

// denialCues are cue words that deny or dispute what is reported.
var denialCues = map[string]bool{
	"deny": true, "denied": true, "denies": true, "denying": true, "reject": true, "rejected": true,
	"rejects": true, "rejecting": true, "dispute": true, "disputed": true, "disputes": true,
	"refute": true, "refuted": true, "refutes": true, "rebut": true, "rebutted": true,
	"contradict": true, "contradicted": true, "contradicts": true, "dismissed": true, "dismisses": true,
}

// negations are words that turn a proposition around.
var negations = map[string]bool{
	"not": true, "no": true, "never": true, "nobody": true, "nothing": true, "none": true, "neither": true,
	"nor": true, "cannot": true, "without": true,
}

func isNegation(norm string) bool {
	return negations[norm] || strings.HasSuffix(norm, "n't")
}

// stmtFacts are what matching needs of a statement, computed once.
type stmtFacts struct {
	s        *Statement
	speaker  string // canonical, "" when unknown
	text     string // content text
	words    map[string]bool
	entities map[string]bool
	negated  bool
	// negWords are content words within four words after a negation:
	// the words whose polarity the statement turns around.
	negWords map[string]bool
	// plain are the content's normalised words without negations, and
	// negAt[i] is true when a negation stood right before plain[i]: the
	// proposition with its polarity set aside, to compare two statements
	// that say the same thing one way and the other.
	plain   []string
	negAt   []bool
	denial  *claimtrail.Span // the denial cue, when there is one
	correct *claimtrail.Span // the correction phrase, when there is one
	start   int              // position in the article
	end     int
}

func contentText(s *Statement) string {
	var parts []string
	for _, c := range s.Content {
		parts = append(parts, c.Text)
	}
	return strings.Join(parts, " ")
}

// findPhrase locates the first of phrases in span (lower-cased, on word
// boundaries) and returns it as a span of the article; at one place the
// longest phrase wins.
func findPhrase(span *claimtrail.Span, phrases []string) *claimtrail.Span {
	if span == nil {
		return nil
	}
	lower := strings.ToLower(span.Text)
	if utf8.RuneCountInString(lower) != utf8.RuneCountInString(span.Text) {
		return nil
	}
	best, bestLen := -1, 0 // byte offset and length in lower
	for _, p := range phrases {
		for from := 0; from < len(lower); {
			k := strings.Index(lower[from:], p)
			if k < 0 {
				break
			}
			at := from + k
			before, _ := utf8.DecodeLastRuneInString(lower[:at])
			after, _ := utf8.DecodeRuneInString(lower[at+len(p):])
			if at > 0 && unicode.IsLetter(before) || at+len(p) < len(lower) && unicode.IsLetter(after) {
				_, size := utf8.DecodeRuneInString(lower[at:])
				from = at + size
				continue
			}
			if best < 0 || at < best || at == best && len(p) > bestLen {
				best, bestLen = at, len(p)
			}
			break
		}
	}
	if best < 0 {
		return nil
	}
	// Lower-casing kept the number of runes; offsets are counted in runes.
	start := utf8.RuneCountInString(lower[:best])
	n := utf8.RuneCountInString(lower[best : best+bestLen])
	rs := []rune(span.Text)
	return &claimtrail.Span{Start: span.Start + start, End: span.Start + start + n, Text: string(rs[start : start+n])}
}

func facts(s *Statement, names *Names) *stmtFacts {
	f := &stmtFacts{s: s, text: contentText(s), words: map[string]bool{}, entities: map[string]bool{}, negWords: map[string]bool{}}
	if Known(s.Speaker, s.SpeakerKind) {
		f.speaker = names.Canonical(s.Speaker, s.SpeakerKind)
	}
	lastNeg := -100
	for i, t := range Tokenize(f.text) {
		if isNegation(t.Norm) {
			f.negated = true
			lastNeg = i
			continue
		}
		if t.Norm == Gap {
			lastNeg = -100 // a negation does not reach across a cut
		}
		f.plain = append(f.plain, t.Norm)
		f.negAt = append(f.negAt, i-lastNeg <= 2)
		if i-lastNeg <= 4 && !stopwords[t.Norm] {
			f.negWords[t.Norm] = true
		}
		if t.Norm == Gap || stopwords[t.Norm] || len([]rune(t.Norm)) < 3 {
			continue
		}
		f.words[t.Norm] = true
		if r := []rune(t.Surface); i > 0 && unicode.IsUpper(r[0]) {
			f.entities[t.Norm] = true
		}
	}
	if len(s.Content) > 0 {
		f.start, f.end = s.Content[0].Start, s.Content[len(s.Content)-1].End
	}
	if len(s.Quotes) > 0 {
		f.start, f.end = s.Quotes[0].Start, s.Quotes[len(s.Quotes)-1].End
	}
	if s.Cue != nil && denialCues[strings.ToLower(lastWord(s.Cue.Text))] && !negatedCue(s.Cue.Text) {
		f.denial = s.Cue
	}
	for i := range s.Markers {
		if s.Markers[i].Type == claimtrail.MarkerDenied && f.denial == nil {
			m := s.Markers[i]
			f.denial = &claimtrail.Span{Start: m.Start, End: m.End, Text: m.Text}
		}
	}
	if f.denial != nil {
		// One who denies a misstatement ("denied she misspoke about the
		// budget") neither corrects it nor denies the budget claim: the
		// statement stands.
		for i := range s.Content {
			if findPhrase(&s.Content[i], correctionCues) != nil {
				f.denial = nil
				return f
			}
		}
		return f
	}
	f.correct = findPhrase(s.Cue, correctionCues)
	for i := 0; f.correct == nil && i < len(s.Content); i++ {
		if sp := findPhrase(&s.Content[i], correctionCues); sp != nil && !allegedCorrection(&s.Content[i], sp) {
			f.correct = sp
		}
	}
	return f
}

// negatedCue reports whether a negation stands before a cue's last word:
// "did not dispute", "never denied" concede what follows.
func negatedCue(cue string) bool {
	ws := strings.Fields(strings.ToLower(cue))
	for _, w := range ws[:max(0, len(ws)-1)] {
		if isNegation(strings.Trim(w, ".,;:")) {
			return true
		}
	}
	return false
}

func lastWord(s string) string {
	ws := strings.Fields(s)
	if len(ws) == 0 {
		return ""
	}
	return strings.Trim(ws[len(ws)-1], ".,;:")
}

// later orders statements in time: published, then article, then
// position; it reports whether a comes after b.
func later(a, b *stmtFacts) bool {
	if c := cmpTime(a.s.Published, b.s.Published); c != 0 {
		return c > 0
	}
	if a.s.ArticleID != b.s.ArticleID {
		return a.s.ArticleID > b.s.ArticleID
	}
	return a.start > b.start
}

func cmpTime(a, b time.Time) int {
	if a.IsZero() || b.IsZero() {
		return 0
	}
	return a.Compare(b)
}

func shared(a, b *stmtFacts) (words []string, entities int) {
	for w := range a.words {
		if b.words[w] {
			words = append(words, w)
			if a.entities[w] || b.entities[w] {
				entities++
			}
		}
	}
	slices.Sort(words)
	return words, entities
}

// Relations finds corrections, contradictions and reversals among the
// statements. names resolves speakers (nil: a fresh Names over them).
// The result is sorted (type, then from, then to) and depends only on
// the statements, not their order.
func Relations(stmts []Statement, names *Names) []claimtrail.Relation {
	if names == nil {
		names = NewNames(nil)
		for i := range stmts {
			names.Add(stmts[i].Speaker, stmts[i].SpeakerKind)
		}
	}
	fs := make([]*stmtFacts, len(stmts))
	// postings of content words to statements; words said by very many
	// statements are no evidence and are not posted.
	post := map[string][]int{}
	for i := range stmts {
		fs[i] = facts(&stmts[i], names)
		for w := range fs[i].words {
			post[w] = append(post[w], i)
		}
	}
	const maxPosting = 200
	var out []claimtrail.Relation
	for i, f := range fs {
		if f.correct == nil && f.denial == nil && !f.negated {
			continue
		}
		counts := map[int]int{}
		for w := range f.words {
			if l := post[w]; len(l) <= maxPosting {
				for _, j := range l {
					if j != i {
						counts[j]++
					}
				}
			}
		}
		var best *claimtrail.Relation
		for j, n := range counts {
			g := fs[j]
			if n < 2 {
				continue
			}
			r, ok := relate(f, g)
			if ok && (best == nil || len(r.Shared) > len(best.Shared) || len(r.Shared) == len(best.Shared) &&
				(r.Confidence > best.Confidence || r.Confidence == best.Confidence && r.To.AttributionID < best.To.AttributionID)) {
				rr := r
				best = &rr
			}
		}
		if best != nil {
			out = append(out, *best)
		}
	}
	slices.SortFunc(out, func(a, b claimtrail.Relation) int {
		if c := strings.Compare(string(a.Type), string(b.Type)); c != 0 {
			return c
		}
		if c := cmp.Compare(a.From.AttributionID, b.From.AttributionID); c != 0 {
			return c
		}
		return cmp.Compare(a.To.AttributionID, b.To.AttributionID)
	})
	return out
}

// relate decides whether f (with a correction, denial or negation) answers
// the earlier statement g.
func relate(f, g *stmtFacts) (claimtrail.Relation, bool) {
	var r claimtrail.Relation
	if !later(f, g) {
		return r, false
	}
	if f.s.Cluster != 0 && f.s.Cluster == g.s.Cluster {
		return r, false // the same utterance
	}
	if g.correct != nil {
		return r, false // a correction is not the statement corrected
	}
	words, entities := shared(f, g)
	small := min(len(f.words), len(g.words))
	if small == 0 {
		return r, false
	}
	overlap := float64(len(words)) / float64(small)
	sameSpeaker := f.speaker != "" && f.speaker == g.speaker
	switch {
	case f.correct != nil && sameSpeaker && len(words) >= 2 && overlap >= 0.5 && (entities >= 1 || len(words) >= 3):
		// A correction restates what it corrects: the shared words are
		// at least half of the shorter statement, and a name among them
		// or three of them; not a topic ("her private server", "public
		// ... email") that two remarks months apart both touch.
		r.Type = claimtrail.RelationCorrects
		r.Confidence = min(0.95, 0.55+0.1*float64(len(words))+0.2*overlap)
		r.Evidence = append(r.Evidence, evidence(f, f.correct))
	case f.correct == nil && g.denial == nil && f.speaker != "" && g.speaker != "" && !nested(f, g):
		// Either an explicit denial of the same proposition (several
		// shared content words, a name among them), or a near miss: the
		// same words with a negation on one side only.
		if len(g.words) < 4 {
			return r, false // a phrase is no proposition to contradict
		}
		if !namedSpeaker(f.s, f.speaker) || !namedSpeaker(g.s, g.speaker) {
			return r, false // "many", "Republicans": too loose to contradict anyone
		}
		// A denial is reported speech ("denied that ..."); a direct quote
		// or a partial quote under a denial cue is the words denied, quoted again.
		denial := f.denial != nil && f.s.Kind == claimtrail.KindIndirect && len(words) >= 3 && entities >= 1 && overlap >= 0.6 &&
			proposition(f.text)
		if !denial {
			if f.negated == g.negated {
				return r, false // no flip to find: skip the alignment
			}
			if near, flip := nearMiss(f, g); !near || !flip {
				return r, false
			}
		}
		if sameSpeaker {
			if f.s.ArticleID == g.s.ArticleID || cmpTime(f.s.Published, g.s.Published) <= 0 {
				return r, false // a reversal is later, elsewhere
			}
			r.Type = claimtrail.RelationReverses
		} else {
			r.Type = claimtrail.RelationContradicts
		}
		if denial {
			r.Confidence = min(0.9, 0.4+0.05*float64(len(words))+0.3*overlap+0.05*float64(entities))
			r.Evidence = append(r.Evidence, evidence(f, f.denial))
		} else {
			r.Confidence = min(0.9, 0.5+0.05*float64(len(words))+0.2*overlap)
		}
	default:
		return r, false
	}
	if r.Evidence == nil {
		r.Evidence = []claimtrail.EvidenceSpan{}
	}
	r.From, r.To = end(f), end(g)
	r.Shared = words
	return r, true
}

func evidence(f *stmtFacts, sp *claimtrail.Span) claimtrail.EvidenceSpan {
	return claimtrail.EvidenceSpan{ArticleSource: f.s.ArticleSource, Start: sp.Start, End: sp.End, Text: sp.Text}
}

func end(f *stmtFacts) claimtrail.RelationEnd {
	speaker := f.speaker
	if speaker == "" {
		speaker = f.s.Speaker
	}
	text := f.text
	if len(f.s.Quotes) > 0 {
		var parts []string
		for _, q := range f.s.Quotes {
			parts = append(parts, q.Text)
		}
		text = strings.Join(parts, " … ")
	}
	return claimtrail.RelationEnd{ArticleSource: f.s.ArticleSource, Start: f.start, End: f.end, Speaker: speaker,
		Cluster: f.s.Cluster, AttributionID: f.s.AttributionID, Published: f.s.Published, Text: text}
}

// nested reports whether two statements of one article overlap (a quote
// inside the reporter's account of it): one statement, not two.
func nested(f, g *stmtFacts) bool {
	return f.s.ArticleID == g.s.ArticleID && f.start < g.end && g.start < f.end
}

// namedSpeaker: a person or an organisation, not a group or an unknown.
// A person's name of one word is too often a group the resolver took
// for a person ("Republicans").
func namedSpeaker(s *Statement, canonical string) bool {
	switch s.SpeakerKind {
	case claimtrail.SpeakerOrganization:
		return true
	case claimtrail.SpeakerPerson:
		return len(strings.Fields(canonical)) >= 2 && looksLikeName(canonical)
	}
	return false
}

// nearMiss reports whether two statements say the same words (near) (at least
// three content words aligned, similarity of the shorter inside the
// longer at least MinSimilarity once negations are set aside) with a
// negation on one side only, as "why it would be Russia" and "why it
// wouldn't be Russia" (flip).
func nearMiss(f, g *stmtFacts) (near, flip bool) {
	short, long := f, g
	if len(short.plain) > len(long.plain) {
		short, long = long, short
	}
	if len(short.plain) < MinWords || !mayFit(short.plain, long.plain) {
		return false, false
	}
	fr := fit(short.plain, long.plain, true)
	if fr.content < 4 || fr.similarity() < MinSimilarity {
		return false, false
	}
	// The polarity of the aligned content words, side by side; a
	// negation that governs a stopword or a word of another piece is no
	// flip of this proposition.
	for k, st := range fr.steps {
		if st != stepMatch || stopwords[short.plain[fr.shortIdx[k]]] {
			continue
		}
		if short.negAt[fr.shortIdx[k]] != long.negAt[fr.longIdx[k]] {
			return true, true
		}
	}
	return true, false
}

// mayFit is a bound that saves the alignment: fit matches equal words
// only, so the short form's words found anywhere in the long one bound
// its matched weight (similarity at least MinSimilarity) and its matched
// content words (at least four). false means nearMiss's fit would fail.
func mayFit(short, long []string) bool {
	in := make(map[string]bool, len(long))
	for _, w := range long {
		in[w] = true
	}
	var total, found float64
	content := 0
	for _, w := range short {
		total += weight(w)
		if w != Gap && in[w] {
			found += weight(w)
			if !stopwords[w] {
				content++
			}
		}
	}
	return content >= 4 && total > 0 && found/total >= MinSimilarity
}

// SelectRelations finds the relations between stmts (see Relations) and
// keeps those f chooses; every store answers claimtrail.RelationStore
// with it, so that the rules live here once.
func SelectRelations(stmts []Statement, f claimtrail.RelationFilter) ([]claimtrail.Relation, error) {
	switch f.Type {
	case "", claimtrail.RelationCorrects, claimtrail.RelationContradicts, claimtrail.RelationReverses:
	default:
		return nil, claimtrail.Errorf(claimtrail.EINVALID, "unknown relation type %q (want corrects, contradicts or reverses)", f.Type)
	}
	out := []claimtrail.Relation{}
	for _, r := range Relations(stmts, nil) {
		if f.Type != "" && r.Type != f.Type {
			continue
		}
		if f.Cluster != 0 && r.From.Cluster != f.Cluster && r.To.Cluster != f.Cluster {
			continue
		}
		if f.AttributionID != 0 && r.From.AttributionID != f.AttributionID && r.To.AttributionID != f.AttributionID {
			continue
		}
		out = append(out, r)
	}
	return out, nil
}
