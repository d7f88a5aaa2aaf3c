package qualify

import (
	"sort"
	"strings"

	"github.com/claimtrail/claimtrail"
)

// spanTokens converts a code-point span into the tokens it covers; spans
// out of range, inverted or covering no token are absent.
func (q *state) spanTokens(sp *claimtrail.Span) tokRange {
	none := tokRange{-1, -1}
	if sp == nil || len(q.toks) == 0 {
		return none
	}
	total := int(q.toks[len(q.toks)-1].cEnd)
	start, end := sp.Start, sp.End
	if start < 0 {
		start = 0
	}
	if end > total {
		end = total
	}
	if start >= end {
		return none
	}
	toks := q.toks
	lo, hi := 0, len(toks)
	for lo < hi { // first token ending after start
		m := int(uint(lo+hi) >> 1)
		if int(toks[m].cEnd) <= start {
			lo = m + 1
		} else {
			hi = m
		}
	}
	s := lo
	lo, hi = s, len(toks)
	for lo < hi { // first token starting at or after end
		m := int(uint(lo+hi) >> 1)
		if int(toks[m].cStart) < end {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo <= s {
		return none
	}
	return tokRange{s, lo}
}

// locate turns every attribution into tokens and its region: the
// sentences from its source and cue, widened to its content when that
// lies in the same paragraph.
func (q *state) locate(atts []claimtrail.Attribution) {
	for i := range atts {
		a := &atts[i]
		info := attInfo{speaker: strings.ToLower(strings.TrimSpace(a.Speaker.Name)), anchor: -1}
		info.src = q.spanTokens(a.Source)
		info.cue = q.spanTokens(a.Cue)
		start := len(q.ranges)
		for k := range a.Content {
			if r := q.spanTokens(&a.Content[k]); r.ok() {
				q.ranges = append(q.ranges, r)
			}
		}
		info.cont = q.ranges[start:len(q.ranges):len(q.ranges)]
		info.lo, info.hi = -1, -1
		for _, r := range []tokRange{info.src, info.cue} {
			if !r.ok() {
				continue
			}
			if !info.frame || r.s < info.lo {
				info.lo = r.s
			}
			if !info.frame || r.e > info.hi {
				info.hi = r.e
			}
			info.frame = true
		}
		switch {
		case info.frame:
			info.anchor = info.lo
			info.sLo, info.sHi = q.toks[info.lo].sent, q.toks[info.hi-1].sent
			info.para = q.toks[info.lo].para
			for _, c := range info.cont {
				if q.toks[c.s].para == info.para && q.toks[c.e-1].para == info.para {
					info.sLo = min(info.sLo, q.toks[c.s].sent)
					info.sHi = max(info.sHi, q.toks[c.e-1].sent)
				}
			}
		case len(info.cont) > 0:
			info.anchor = info.cont[0].s
			info.para = q.toks[info.anchor].para
			info.sLo, info.sHi = 1, 0 // empty region: nothing attaches by position
		default:
			info.sLo, info.sHi = 1, 0
		}
		q.atts = append(q.atts, info)
	}
}

// position of a hit relative to an attribution.
type position uint8

const (
	posNone position = iota
	posCue
	posSource
	posContent
	posContentTail     // last phrase of an indirect content, after a comma
	posContentHead     // first words of an indirect content right after the cue
	posFrame           // between source and cue
	posBeforeContent   // after the frame, before the content
	posAfterFrame      // after the frame, no content after it
	posAfterContent    // after the content, which follows the frame
	posBeforeFrame     // before the frame, nothing between
	posBeforeContentLt // before a content that precedes the frame
)

type where struct {
	pos                   position
	words, commas, others int // gap to the frame or content
	contentIdx            int
}

// inRegion: the hit lies in the attribution's sentences and paragraph.
func (q *state) inRegion(a *attInfo, s, e int) bool {
	if s < 0 || e <= s {
		return false
	}
	ts, te := &q.toks[s], &q.toks[e-1]
	return ts.sent >= a.sLo && te.sent <= a.sHi && ts.para == a.para
}

// gap counts words, commas and other punctuation in toks[s:e] leaving out
// the attribution's source (inverted order: "said Putin in a statement").
//
// Quotation marks of a partial quote do not break a clause, so they count
// as nothing. The counts come from running totals (index), so a gap costs
// the same however far apart its ends are.
func (q *state) gap(a *attInfo, s, e int) (words, commas, others int) {
	if e <= s {
		return 0, 0, 0
	}
	words, commas, others = q.counts(s, e)
	if a.src.ok() {
		if ss, se := max(s, a.src.s), min(e, a.src.e); ss < se {
			w, c, o := q.counts(ss, se)
			words, commas, others = words-w, commas-c, others-o
		}
	}
	return
}

// counts returns the words, commas and other punctuation in toks[s:e].
func (q *state) counts(s, e int) (words, commas, others int) {
	return int(q.words[e] - q.words[s]), int(q.commas[e] - q.commas[s]), int(q.others[e] - q.others[s])
}

func (q *state) locateHit(a *attInfo, s, e int) where {
	if a.cue.overlaps(s, e) {
		return where{pos: posCue}
	}
	if a.src.overlaps(s, e) {
		return where{pos: posSource}
	}
	for ci, c := range a.cont {
		if !c.overlaps(s, e) {
			continue
		}
		if c.contains(s, e) && q.isTail(c, s, e) {
			return where{pos: posContentTail, contentIdx: ci}
		}
		if e <= c.e && q.isHead(a, c, s) {
			return where{pos: posContentHead, contentIdx: ci}
		}
		return where{pos: posContent, contentIdx: ci}
	}
	if !a.frame {
		return where{}
	}
	if s >= a.lo && e <= a.hi {
		return where{pos: posFrame}
	}
	if s >= a.hi {
		best := -1
		after := false
		for ci, c := range a.cont {
			if c.s >= a.hi && c.e <= s && (best < 0 || c.e > a.cont[best].e) {
				best = ci
			}
			if c.s >= e {
				after = true
			}
		}
		if best >= 0 {
			w, c, o := q.gap(a, a.cont[best].e, s)
			return where{pos: posAfterContent, words: w, commas: c, others: o}
		}
		w, c, o := q.gap(a, a.hi, s)
		if after {
			return where{pos: posBeforeContent, words: w, commas: c, others: o}
		}
		return where{pos: posAfterFrame, words: w, commas: c, others: o}
	}
	// before the frame
	for _, c := range a.cont {
		if c.s >= e && c.e <= a.lo {
			w, cm, o := q.gap(a, e, c.s)
			return where{pos: posBeforeContentLt, words: w, commas: cm, others: o}
		}
	}
	w, c, o := q.gap(a, e, a.lo)
	return where{pos: posBeforeFrame, words: w, commas: c, others: o}
}

// isTail: toks[s:e] ends content c (only punctuation after it) and
// follows a comma.
func (q *state) isTail(c tokRange, s, e int) bool {
	if s <= c.s || q.toks[s-1].kind != tokPunct || q.toks[s-1].punct != ',' {
		return false
	}
	return e >= c.e || q.words[c.e] == q.words[e]
}

// asideInFrame: toks[s] sits in an aside between source and cue that is
// about something else: inside parentheses, or in a relative clause
// opened after the source ("Putin, who reportedly wanted X, said").
func (q *state) asideInFrame(a *attInfo, s int) bool {
	depth := 0
	for k := a.lo; k < s; k++ {
		t := &q.toks[k]
		if t.kind == tokPunct {
			switch t.punct {
			case '(', '[':
				depth++
			case ')', ']':
				depth--
			}
			continue
		}
		if k > a.lo && a.src.ok() && k >= a.src.e && relativePronouns[q.lower(k)] && q.lower(k) != "that" {
			if p := &q.toks[k-1]; p.kind == tokPunct && p.punct == ',' {
				return true
			}
		}
	}
	return depth > 0
}

// isHead: a hit starting at toks[s] opens an indirect content that
// follows the frame directly, or straddles its start ("said | during the
// press conference he had ...", "said during | the press conference ..."):
// an extractor that cut the content badly should not hide the cue's
// modifier.
func (q *state) isHead(a *attInfo, c tokRange, s int) bool {
	if !a.frame || c.s < a.hi || s < a.hi || q.toks[c.s].quoted {
		return false
	}
	if s > c.s {
		k := c.s
		if q.toks[k].kind == tokPunct && q.toks[k].punct == ',' {
			k++
		}
		if k != s {
			return false
		}
	}
	w, _, o := q.gap(a, a.hi, min(s, c.s))
	return w == 0 && o == 0
}

// openers may precede a sentence-initial marker or channel.
var sentenceOpeners = setOf("but", "and", "also", "however", "meanwhile", "later", "earlier", "yet", "so", "now", "speaking", "writing", "appearing", "then", "still")

// sentenceInitial: toks[s] starts its sentence, after at most one opener
// word ("But reportedly, ...", "Speaking at a rally, ...").
func (q *state) sentenceInitial(s int) bool {
	sent := q.toks[s].sent
	k := s - 1
	words := 0
	for k >= 0 && q.toks[k].sent == sent {
		t := &q.toks[k]
		if t.kind == tokWord {
			if !sentenceOpeners[q.lower(k)] {
				return false
			}
			words++
		} else if !isOpener(t.punct) && t.punct != ',' {
			return false
		}
		k--
	}
	return words <= 1
}

// markerScore: how surely marker m qualifies attribution a (0: not).
func (q *state) markerScore(a *attInfo, m *match) int {
	if !q.inRegion(a, m.s, m.e) {
		return 0
	}
	w := q.locateHit(a, m.s, m.e)
	if m.mtype == claimtrail.MarkerDenied && m.e-m.s == 1 && !q.deniesAClaim(a, m) {
		return 0
	}
	score := 0
	switch w.pos {
	case posCue:
		score = 100
	case posFrame:
		if !q.asideInFrame(a, m.s) && !(m.e <= a.cue.s && q.hasWord(m.e, a.cue.s, coordinators)) {
			score = 90
		}
	case posBeforeContent:
		if w.others == 0 {
			score = 85
		}
	case posAfterFrame:
		if w.words <= 4 && w.others == 0 && !q.hasWord(a.hi, m.s, clauseOpeners) {
			score = 80 - w.words
		}
	case posAfterContent:
		if w.words == 0 && w.others <= 1 {
			score = 60
		}
	case posBeforeFrame:
		if w.words == 0 && w.commas == 0 && w.others == 0 {
			score = 75
		} else if w.words == 0 && w.commas == 1 && w.others == 0 && q.sentenceInitial(m.s) {
			score = 70
		}
	case posBeforeContentLt:
		if w.words == 0 && w.commas == 1 && q.sentenceInitial(m.s) {
			score = 50
		}
	case posContentHead:
		if m.mtype != claimtrail.MarkerRetracted {
			score = 70
		}
	case posContentTail:
		if m.mtype == claimtrail.MarkerUnsupported || m.mtype == claimtrail.MarkerFalse {
			score = 45
		} else if m.mtype == claimtrail.MarkerRetracted && q.speakerRetracts(a, a.cont[w.contentIdx], m) {
			score = 40
		}
	case posContent:
		if m.mtype == claimtrail.MarkerRetracted && q.speakerRetracts(a, a.cont[w.contentIdx], m) {
			score = 40
		} else if (m.mtype == claimtrail.MarkerFalse || m.mtype == claimtrail.MarkerUnsupported) && q.objectHead(a.cont[w.contentIdx], m.s) {
			score = 65
		}
	}
	if m.weak && score < 60 {
		return 0
	}
	return score
}

var subjectPronouns = setOf("he", "she", "they", "i", "we", "it")

// speakerRetracts: the content's subject is the speaker and the retraction
// is its verb, at most two words (auxiliaries, adverbs) after it: "stating
// that he misspoke", "that she had since retracted"; not "she couldn't
// order the newspaper to retract the name".
func (q *state) speakerRetracts(a *attInfo, c tokRange, m *match) bool {
	k := q.subjectIsSpeaker(a, c)
	if k < 0 || m.s <= k {
		return false
	}
	words, _, _ := q.counts(k+1, m.s)
	return words <= 2
}

// subjectIsSpeaker: the content's first word (after "that") is a personal
// pronoun or a word of the speaker's name or source, so a retraction in it
// is the speaker's own ("stating that he misspoke"); it returns that
// word's token, or -1.
func (q *state) subjectIsSpeaker(a *attInfo, c tokRange) int {
	k := c.s
	for k < c.e && q.toks[k].kind != tokWord {
		k++
	}
	if k < c.e && q.lower(k) == "that" {
		k++
	}
	if k >= c.e || q.toks[k].kind != tokWord {
		return -1
	}
	w := q.stem(k)
	if subjectPronouns[w] {
		return k
	}
	if len(w) > 2 && a.speaker != "" {
		for _, part := range strings.Fields(a.speaker) {
			if part == w {
				return k
			}
		}
	}
	if a.src.ok() {
		for s := a.src.s; s < a.src.e; s++ {
			if q.toks[s].kind == tokWord && q.toks[s].upper && q.stem(s) == w {
				return k
			}
		}
	}
	return -1
}

// objectHead: toks[s] opens a noun-phrase content after nothing but
// determiners and adverbs ("repeated the widely debunked theory", "made a
// misleading statement"): the reporter's word for what was said, not a
// word inside a paraphrased clause.
func (q *state) objectHead(c tokRange, s int) bool {
	if s-c.s > 3 {
		return false
	}
	for k := c.s; k < s; k++ {
		if q.toks[k].kind != tokWord {
			return false
		}
		if w := q.lower(k); !contentDets[w] && !strings.HasSuffix(w, "ly") {
			return false
		}
	}
	return true
}

// coordinators between a marker and the cue join another verb phrase to
// the marker's ("Saris has apparently seen the writing on the wall and
// decided that ..."): the marker is not the cue's.
var coordinators = setOf("and", "but", "or", "yet")

// clauseOpeners after the frame start a clause of their own ("according
// to WHO estimates, although the real figure is thought to be higher").
var clauseOpeners = setOf("although", "though", "while", "whereas", "but", "despite", "because", "which", "who",
	"whom", "whose", "when", "where", "after", "before", "since", "if", "unless", "and", "as", "what", "whereby")

// hasWord: some word of toks[s:e] is in set.
func (q *state) hasWord(s, e int, set map[string]bool) bool {
	for k := max(s, 0); k < e && k < len(q.toks); k++ {
		if q.toks[k].kind == tokWord && set[q.lower(k)] {
			return true
		}
	}
	return false
}

// claimNouns are the objects a denial verb takes when it denies something
// said: "rejected the claims", "disputed the account".
var claimNouns = setOf("claim", "claims", "allegation", "allegations", "accusation", "accusations", "report",
	"reports", "reporting", "suggestion", "suggestions", "rumour", "rumours", "rumor", "rumors", "charge",
	"charges", "assertion", "assertions", "idea", "notion", "story", "stories", "criticism", "criticisms",
	"comparison", "comparisons", "characterisation", "characterization", "account", "accounts", "version",
	"findings", "finding", "conclusion", "conclusions", "premise", "speculation", "talk", "remarks", "remark",
	"comments", "comment", "statement", "statements", "theory", "theories", "wrongdoing", "knowledge",
	"involvement", "responsibility", "link", "links", "existence", "quote", "quotes", "assessment", "analysis",
	"figures", "numbers", "estimate", "estimates", "interpretation", "view", "views", "argument", "arguments",
	"insinuation", "insinuations", "impression", "reason", "research", "study", "survey", "attack", "attacks",
	"fears", "fear", "concerns", "warnings", "warning", "evidence", "description", "portrayal", "label", "verdict")

// notClaimObjects: "denied bail", "denied the same player again", "denied
// them a penalty" refuse or block something; nothing said is denied.
var notClaimObjects = setOf("bail", "entry", "access", "permission", "visa", "visas", "parole", "chance",
	"chances", "opportunity", "place", "right", "rights", "request", "requests", "application", "player",
	"players", "striker", "keeper", "penalty", "goal", "goals", "victory", "win", "title", "point", "points",
	"shot", "effort", "header", "treatment", "care", "funding", "service", "services", "benefits", "asylum",
	"admission", "promotion", "licence", "license", "him", "us", "me")

// refusedObject: the words after a denial verb ending at toks[e-1] name
// a thing refused, not a claim ("denied bail", "denied the same player"),
// or the verb is a passive ("denied by").
func (q *state) refusedObject(e int) bool {
	sent := q.toks[e-1].sent
	if e < len(q.toks) && q.toks[e].sent == sent && q.toks[e].kind == tokWord && q.lower(e) == "by" {
		return true // a passive without "be": "Chelsea denied by James heroics"
	}
	for k, n := e, 0; k < len(q.toks) && n < 4 && q.toks[k].sent == sent && q.toks[k].kind == tokWord; k, n = k+1, n+1 {
		w := q.lower(k)
		if contentDets[w] {
			continue
		}
		return notClaimObjects[w]
	}
	return false
}

// contentDets are skipped before a denial's object.
var contentDets = setOf("the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "same", "this",
	"these", "those", "all", "any", "both", "such", "repeated", "latest", "new", "recent", "fresh", "earlier")

// deniesAClaim: a bare denial verb ("denied", "rejected", "dismissed")
// on attribution a denies something said, judged by the content right
// after it: a that-clause, a quote, a gerund ("denies using drugs") or a
// claim noun ("rejected the claims") for the ambiguous verbs (weak ones);
// anything but a refused thing ("denied bail", "rejected the offer") for
// "denied". Without a content after the verb it stands as found.
func (q *state) deniesAClaim(a *attInfo, m *match) bool {
	var c tokRange
	found := false
	for _, r := range a.cont {
		if r.s >= m.e && (!found || r.s < c.s) {
			c, found = r, true
		}
	}
	if !found {
		// '"Nonsense," he denied.'; but not 'had a penalty appeal rejected'
		return !m.weak
	}
	if m.weak {
		// the ambiguous verbs take their object right after them: not
		// "had bids rejected, having come close", "rejected by two votes"
		if _, commas, others := q.counts(m.e, c.s); commas+others > 0 {
			return false
		}
		if m.e < len(q.toks) && q.toks[m.e].kind == tokWord && q.lower(m.e) == "by" {
			return false
		}
	}
	k := c.s
	if q.toks[k].kind != tokWord {
		return true // a quote or a bracket: something said
	}
	if q.lower(k) == "that" {
		return true
	}
	if !m.weak {
		return true // "denied": refused things were left out by refusedObject
	}
	// "dismissed the research as complete rubbish"
	if strings.HasPrefix(q.lower(m.s), "dismiss") {
		for j, n := k, 0; j < c.e && n < 7; j++ {
			if q.toks[j].kind == tokWord {
				if q.lower(j) == "as" {
					return true
				}
				n++
			}
		}
	}
	// the head: after determiners, possessives and capitalised names
	// ("rejected Swetnick's allegations", "the latest Tory attack")
	for words := 0; k < c.e && words < 5; k++ {
		if q.toks[k].kind != tokWord {
			return false
		}
		w := q.lower(k)
		if claimNouns[w] || (len(w) > 5 && strings.HasSuffix(w, "ing")) {
			return true
		}
		if !contentDets[w] && !q.possessive(k) && !q.capital(k) {
			return false
		}
		words++
	}
	return false
}

// assignMarkers gives each marker to the attribution that scores it
// highest (all of them on a tie, e.g. one cue shared by two contents).
func (q *state) assignMarkers() {
	for mi := range q.ms {
		m := &q.ms[mi]
		if m.cls != classMarker || m.s < 0 {
			continue
		}
		best := 0
		near := q.regionsAt(m.s)
		for _, ai := range near {
			if sc := q.markerScore(&q.atts[ai], m); sc > best {
				best = sc
			}
		}
		if best == 0 {
			m.spoken = q.inSomeContent(m.s, m.e)
			continue
		}
		q.cands = q.cands[:0]
		for _, ai := range near {
			if q.markerScore(&q.atts[ai], m) == best {
				q.cands = append(q.cands, int(ai))
			}
		}
		for _, ai := range q.preferOuter(q.cands) {
			if m.mtype == claimtrail.MarkerRetracted {
				ai = q.retractingOuter(ai, m)
			}
			if n := len(q.atts[ai].markers); n == 0 || q.atts[ai].markers[n-1] != mi {
				q.atts[ai].markers = append(q.atts[ai].markers, mi)
			}
		}
	}
}

// retractingOuter: a retraction found in the frame of an attribution
// nested in the content of another by the same speaker that also holds it
// ("stating that he misspoke and accepts the view", where an extractor
// also made "he ... accepts" an attribution) belongs to the outer one: the
// outer statement is the retraction.
func (q *state) retractingOuter(ai int, m *match) int {
	a := &q.atts[ai]
	if a.speaker == "" || a.anchor < 0 {
		return ai
	}
	// (markerScore is 0 outside a region, so only the regions holding
	// the marker are looked at)
	for _, bi := range q.regionsAt(m.s) {
		b := &q.atts[bi]
		if int(bi) == ai || b.speaker != a.speaker || !q.insideContent(a, b) {
			continue
		}
		if q.markerScore(b, m) > 0 {
			return int(bi)
		}
	}
	return ai
}

// channelScore: how surely channel hit m belongs to attribution a, and
// the distance used to break ties.
func (q *state) channelScore(a *attInfo, m *match) (int, int) {
	if !q.inRegion(a, m.s, m.e) || q.infinitive(m) {
		return 0, 0
	}
	w := q.locateHit(a, m.s, m.e)
	if m.quoted && w.pos != posCue {
		return 0, 0
	}
	score := 0
	switch w.pos {
	case posCue:
		score = 100
		if m.ent.generic {
			score = 86 // "told JTA in a statement": statement (89) wins
		}
	case posSource:
		// the source is the medium itself: "A statement from the White
		// House said"; not a channel word deep inside a long source
		if m.s <= a.src.s+1 {
			score = 80
		}
	case posFrame:
		// (not a word of another attribution's content: "issued a
		// statement saying ... he handed in his report and noting that
		// ...": the report is what was said, no channel of "noting")
		if q.boundInFrame(a, m) && !q.inSomeContent(m.s, m.e) {
			score = 85
		}
	case posBeforeContent, posAfterFrame:
		if w.words <= 4 && w.others == 0 {
			score = 90 - w.words
		}
	case posAfterContent:
		if w.words <= 1 && w.others <= 1 && (w.words == 0 || sentenceOpeners[q.lower(m.s-1)]) {
			score = 60
		}
	case posBeforeFrame:
		if w.words == 0 && w.commas == 0 && w.others == 0 {
			score = 80
		} else if w.words <= 6 && w.commas == 1 && w.others == 0 && q.sentenceInitial(m.s) {
			score = 70
		}
	case posBeforeContentLt:
		if w.commas >= 1 && w.words <= 3 && q.sentenceInitial(m.s) {
			score = 50
		}
	case posContentTail:
		score = 55
	case posContentHead:
		score = 80
	}
	if m.weak && score < 80 {
		return 0, 0
	}
	return score, w.words
}

// infinitive: an ambiguous channel word right after "to" is the verb,
// not the event ("tried to rally support by saying", "to speech" is no
// English), so it names no channel.
func (q *state) infinitive(m *match) bool {
	return m.weak && m.s > 0 && q.lower(m.s-1) == "to"
}

// boundInFrame: a channel between source and cue modifies the cue only if
// nothing but up to three words separate it from the cue, or if it is a
// parenthetical set off by commas right after the source ("Trump, in a
// statement, said"). "comments made during the press conference,
// stating" fails both.
func (q *state) boundInFrame(a *attInfo, m *match) bool {
	if !a.cue.ok() {
		return false
	}
	var s, e int
	if m.e <= a.cue.s {
		s, e = m.e, a.cue.s
	} else {
		s, e = a.cue.e, m.s
	}
	if w, c, o := q.gap(a, s, e); c == 0 && o == 0 && w <= 3 {
		return true
	}
	if m.s == 0 || m.e >= len(q.toks) {
		return false
	}
	prev, next := &q.toks[m.s-1], &q.toks[m.e]
	prevOK := (prev.kind == tokPunct && prev.punct == ',') || (a.src.ok() && m.s-1 == a.src.e-1) ||
		(prev.kind == tokWord && sentenceOpeners[q.lower(m.s-1)] && m.s >= 2 && q.toks[m.s-2].punct == ',')
	nextOK := (next.kind == tokPunct && next.punct == ',') || m.e == a.cue.s
	return prevOK && nextOK
}

var platformNames = map[string]string{
	"twitter": "Twitter", "facebook": "Facebook", "instagram": "Instagram", "tiktok": "TikTok", "youtube": "YouTube",
	"telegram": "Telegram", "linkedin": "LinkedIn", "reddit": "Reddit", "bluesky": "Bluesky", "weibo": "Weibo",
	"snapchat": "Snapchat", "gab": "Gab", "parler": "Parler", "substack": "Substack", "mastodon": "Mastodon",
	"whatsapp": "WhatsApp",
}

func (q *state) channelName(m *match) claimtrail.Channel {
	if m.ent.channel == "*" {
		if n, ok := platformNames[q.stem(m.e-1)]; ok {
			return claimtrail.Channel(n)
		}
		return claimtrail.Channel(q.text[q.toks[m.e-1].bStart:q.toks[m.e-1].bEnd])
	}
	return m.ent.channel
}

// assignChannels picks for every attribution the best-bound channel of its
// own sentence: highest score, then nearest, then most specific.
//
// Each attribution sees the channel hits in order, as before, but only the
// hits in its region are paired with it (channelScore is 0 elsewhere).
func (q *state) assignChannels() {
	for mi := range q.ms {
		m := &q.ms[mi]
		if m.cls != classChannel || m.s < 0 {
			continue
		}
		for _, ai := range q.regionsAt(m.s) {
			a := &q.atts[ai]
			sc, dist := q.channelScore(a, m)
			if sc == 0 {
				continue
			}
			if a.chScore == 0 || sc > a.chScore || (sc == a.chScore && (dist < a.chGap || dist == a.chGap && m.ent.rank < a.chRank)) {
				a.chScore, a.chGap, a.chRank = sc, dist, m.ent.rank
				a.channel = q.channelName(m)
				a.own = true
			}
		}
	}
}

// relayScore places a relay like a marker, but a relay is never the
// attribution's own source, nor inside its content except as a trailing
// phrase. On the cue or in the source only a carrier counts ("X told
// Reuters", "a memo seen by Reuters said"), or a name inside the source
// ("according to a report in the FT": the report is the speaker, the FT
// its relay); "according to the Post" as the cue has no relay.
func (q *state) relayScore(a *attInfo, m *match) int {
	if !q.inRegion(a, m.s, m.e) {
		return 0
	}
	if m.ns >= 0 && q.isSpeaker(a, m.ns, m.ne) {
		return 0
	}
	w := q.locateHit(a, m.s, m.e)
	if m.quoted && w.pos != posCue {
		return 0
	}
	inSource := a.src.ok() && m.ns >= a.src.s && m.ne <= a.src.e
	switch w.pos {
	case posCue:
		if m.ent != nil && m.ent.carrier || inSource {
			return 100
		}
	case posSource:
		if inSource {
			return 90
		}
	case posFrame:
		return 85
	case posBeforeContent:
		if w.others == 0 {
			return 85
		}
	case posAfterFrame:
		if w.words <= 4 && w.others == 0 {
			return 80 - w.words
		}
	case posAfterContent:
		if w.words == 0 && w.others <= 1 {
			return 70
		}
	case posBeforeFrame:
		if w.words <= 1 && w.commas == 0 && w.others == 0 {
			return 70
		}
		if w.words == 0 && w.commas == 1 && w.others == 0 && q.sentenceInitial(m.s) {
			return 70
		}
	case posBeforeContentLt:
		if w.words == 0 && w.commas == 1 && q.sentenceInitial(m.s) {
			return 50
		}
	case posContentTail:
		return 45
	case posContentHead:
		return 70
	case posContent:
		// "he said according to a transcript reviewed by Business
		// Insider", cut with "according to" in the cue and the document
		// as a content piece
		if m.ent != nil && m.ent.carrier && a.cue.ok() && q.lower(a.cue.e-1) == "to" &&
			a.cont[w.contentIdx].s == a.cue.e {
			return 60
		}
	}
	return 0
}

// isSpeaker: toks[ns:ne] names the attribution's own source or resolved
// speaker, which is never its relay ("According to the New York Daily
// News, X ..." cut badly as the source "the New York Daily News, X").
func (q *state) isSpeaker(a *attInfo, ns, ne int) bool {
	if a.src.ok() && q.sameName(a.src, ns, ne) {
		return true
	}
	// "showbusiness newspaper Variety reported": the name ends the source
	// in apposition; not "a report in the FT", "a memo seen by Reuters"
	if a.src.ok() && ne == a.src.e && ns > a.src.s {
		k := ns - 1
		if k > a.src.s && q.lower(k) == "the" {
			k--
		}
		if q.toks[k].kind == tokWord && !namePrepositions[q.lower(k)] {
			return true
		}
	}
	if a.speaker == "" {
		return false
	}
	name := strings.ToLower(q.nameText(ns, ne))
	return a.speaker == name || a.speaker == "the "+name || strings.TrimPrefix(a.speaker, "the ") == name
}

// speakerNamed reports whether a's resolved speaker is the name toks[ns:ne]
// ("the Post" and "Post" alike).
func (q *state) speakerNamed(a *attInfo, ns, ne int) bool {
	name := strings.TrimPrefix(strings.ToLower(q.nameText(ns, ne)), "the ")
	return strings.TrimPrefix(a.speaker, "the ") == name
}

// namePrepositions before an outlet's name at the end of a source make it
// the carrier of what the source said, not the source itself.
var namePrepositions = setOf("in", "by", "from", "of", "to", "at", "on", "with", "for", "via", "the")

// sameName: the source tokens name the same thing as toks[ns:ne].
func (q *state) sameName(src tokRange, ns, ne int) bool {
	s := src.s
	if q.lower(s) == "the" && s+1 < src.e {
		s++
	}
	return strings.EqualFold(q.nameText(s, src.e), q.nameText(ns, ne))
}

// assignRelays: relay phrases go to the best-placed attribution; a relay
// right after an attached one ("the Post reported, citing Reuters") and
// names joined by "and" ("according to NBC News and the AP") go with it;
// media sources of enclosing attributions relay what their content
// contains.
func (q *state) assignRelays() {
	prevEnd := -1
	var prevCands []int
	for mi := range q.ms {
		m := &q.ms[mi]
		if m.cls != classRelay || m.ns < 0 {
			continue
		}
		best := 0
		near := q.regionsAt(m.s)
		for _, ai := range near {
			if sc := q.relayScore(&q.atts[ai], m); sc > best {
				best = sc
			}
		}
		q.cands = q.cands[:0]
		if best > 0 {
			for _, ai := range near {
				if q.relayScore(&q.atts[ai], m) == best {
					q.cands = append(q.cands, int(ai))
				}
			}
			q.cands = append(q.cands[:0], q.preferOuter(q.cands)...)
		} else if prevEnd >= 0 && len(prevCands) > 0 && q.onlyCommas(prevEnd, m.s) {
			q.cands = append(q.cands, prevCands...)
		}
		if len(q.cands) == 0 {
			continue
		}
		for _, ai := range q.cands {
			q.atts[ai].addRelay(strings.Clone(q.nameText(m.ns, m.ne))) // do not pin the article text
			// "according to NBC News and the AP"
			for k := m.ne; k+1 < len(q.toks) && q.toks[k].sent == q.toks[m.ns].sent; {
				if !(q.toks[k].kind == tokWord && q.lower(k) == "and") && !(q.toks[k].kind == tokPunct && q.toks[k].punct == ',') {
					break
				}
				ns, ne, ok := q.mediaForward(k + 1)
				if !ok {
					break
				}
				q.atts[ai].addRelay(strings.Clone(q.nameText(ns, ne)))
				k = ne
			}
		}
		prevEnd = m.e
		prevCands = append(prevCands[:0], q.cands...)
	}
	for bi := range q.atts {
		b := &q.atts[bi]
		if !b.src.ok() || len(b.cont) == 0 {
			continue
		}
		ns, ne, ok := q.mediaForward(b.src.s)
		if !ok {
			continue
		}
		staff := ne != b.src.e
		if staff && !q.outletStaff(ne, b.src.e) {
			continue
		}
		if !staff && b.speaker != "" && !q.speakerNamed(b, ns, ne) && b.cue.ok() {
			// the outlet reports what it cites others for ("..., NBC News
			// reported, citing two officials"): extract gave the claim to
			// the cited party; the outlet relays it
			b.addRelay(strings.Clone(q.nameText(ns, ne)))
		}
		if !q.reportCue(b) {
			continue
		}
		name := strings.Clone(q.nameText(ns, ne))
		for _, c := range b.cont {
			if !b.cue.ok() {
				continue
			}
			// (a content before the frame, "Mackey said in a memo that
			// ... as prices fell, Yahoo Finance reported", is searched
			// too: the phrase rules miss it when a clause trails the
			// inner content)
			// the first attribution of the content that is not nested in
			// another one: the main clause's ("reported that Trump told");
			// the earliest anchor, then the lowest index
			first := -1
			k := sort.Search(len(q.byAnchor), func(k int) bool { return q.atts[q.byAnchor[k]].anchor >= c.s })
			for ; k < len(q.byAnchor) && q.atts[q.byAnchor[k]].anchor < c.e; k++ {
				if ai := q.byAnchor[k]; ai != bi && !q.nestedIn(ai, bi) && !q.relativeSource(ai) {
					first = ai
					break
				}
			}
			if first >= 0 && !q.isSpeaker(&q.atts[first], ns, ne) {
				q.atts[first].addRelay(name)
			}
		}
	}
}

// outletStaff: the source goes on past an outlet's possessive name with
// one of its people, toks[s:e] ("the Washington Post's Carol Leonnig",
// "the Times' chief political correspondent"): what that person reports
// the outlet carries, so its report relays what its content contains, as
// the outlet's own would.
func (q *state) outletStaff(s, e int) bool {
	if s > 0 && s < e && q.toks[s].kind == tokPunct && (q.toks[s].punct == '\'' || q.toks[s].punct == '’') &&
		strings.HasSuffix(q.lower(s-1), "s") {
		s++ // "the New York Times’ correspondent"
	} else if s == 0 || !q.possessive(s-1) {
		return false
	}
	if e-s < 1 || e-s > 6 {
		return false
	}
	for k := s; k < e; k++ {
		if q.toks[k].kind != tokWord {
			return false
		}
	}
	return q.capital(e-1) || staffNouns[q.lower(e-1)]
}

// staffNouns end a description of an outlet's journalist.
var staffNouns = setOf("reporter", "reporters", "correspondent", "correspondents", "columnist", "editor",
	"editors", "writer", "writers", "journalist", "journalists", "analyst", "critic", "commentator", "anchor", "host")

// onlyCommas: toks[s:e] hold nothing but commas.
func (q *state) onlyCommas(s, e int) bool {
	for k := s; k < e; k++ {
		if q.toks[k].kind != tokPunct || q.toks[k].punct != ',' {
			return false
		}
	}
	return true
}

// reportVerbs make a media source's attribution a report that relays what
// its content contains ("The Post reported that Trump told aides ...").
var reportVerbs = setOf("reported", "reports", "reporting", "according", "revealed", "reveals", "disclosed",
	"discloses", "published", "publishes", "obtained", "cited", "cites", "citing", "wrote", "writes", "learned", "confirmed")

// reportCue: some word of b's cue is a report verb.
func (q *state) reportCue(b *attInfo) bool {
	if !b.cue.ok() {
		return false
	}
	for k := b.cue.s; k < b.cue.e; k++ {
		if q.toks[k].kind == tokWord && reportVerbs[q.lower(k)] {
			return true
		}
	}
	return false
}

// nestedIn: attribution ai's anchor lies in the content of another
// attribution than ai and except.
func (q *state) nestedIn(ai, except int) bool {
	anchor := q.atts[ai].anchor
	if anchor < 0 {
		return false
	}
	return q.contentIdx.holds(anchor, ai, except)
}

// preferOuter keeps, of attributions tied for a hit, those not nested in
// another tied one's content: a qualification outside both belongs to the
// outer statement ("Trump claims that the Kremlin is supporting X,
// according to the Post": the relay is Trump's, not the Kremlin's).
//
// An attribution whose source is a relative pronoun ("Putin, who
// acknowledged ...") is subordinate by grammar and loses such a tie to
// any main-clause attribution, whatever its content span says.
func (q *state) preferOuter(cands []int) []int {
	if len(cands) < 2 {
		return cands
	}
	main := q.mainCands[:0]
	for _, ai := range cands {
		if !q.relativeSource(ai) {
			main = append(main, ai)
		}
	}
	q.mainCands = main
	if len(main) > 0 {
		cands = main
	}
	out := q.kept[:0]
	for _, ai := range cands {
		nested := false
		for _, bi := range cands {
			if bi == ai {
				continue
			}
			for _, c := range q.atts[bi].cont {
				if q.atts[ai].anchor >= c.s && q.atts[ai].anchor < c.e {
					nested = true
				}
			}
		}
		if !nested {
			out = append(out, ai)
		}
	}
	q.kept = out
	if len(out) == 0 {
		return cands
	}
	return out
}

var relativePronouns = setOf("who", "which", "whom", "that", "whose")

// relativeSource: the attribution's source is one relative pronoun.
func (q *state) relativeSource(ai int) bool {
	src := q.atts[ai].src
	return src.ok() && src.e-src.s == 1 && relativePronouns[q.lower(src.s)]
}

func (a *attInfo) addRelay(name string) {
	if len(a.relays) >= maxRelays {
		return // a list of hundreds of outlets is no relay chain
	}
	for _, r := range a.relays {
		if strings.EqualFold(r, name) {
			return
		}
	}
	a.relays = append(a.relays, name)
}

// maxRelays bounds the relays of one attribution.
const maxRelays = 16

// inheritChannels gives an attribution without a channel of its own the
// channel of an earlier attribution by the same speaker. Only the nearest
// earlier sentence holding attributions (or the attribution's own sentence,
// when earlier attributions share it) is consulted, so another speaker's
// statement in between blocks inheritance; that sentence must lie within 3
// paragraphs for a quote standing alone and within 1 otherwise.
// Attributions with no speaker name are ignored.
func (q *state) inheritChannels() {
	q.order = q.order[:0]
	for ai := range q.atts {
		if q.atts[ai].anchor >= 0 && q.atts[ai].speaker != "" {
			q.order = append(q.order, ai)
		}
	}
	order := q.order
	// by anchor, ties in index order
	sort.SliceStable(order, func(i, j int) bool { return q.atts[order[i]].anchor < q.atts[order[j]].anchor })
	for oi, ai := range order {
		a := &q.atts[ai]
		if a.channel != "" || q.newOccasion(a) {
			continue
		}
		limit := int32(1)
		if !a.src.ok() {
			limit = 3
		}
		group := int32(-1)
		for oj := oi - 1; oj >= 0; oj-- {
			b := &q.atts[order[oj]]
			if b.anchor >= a.anchor {
				continue
			}
			bs := q.toks[b.anchor].sent
			if group < 0 {
				if a.para-b.para > limit {
					break
				}
				group = bs
			} else if bs != group {
				break
			}
			// a sourced attribution inherits only a channel its giver found
			// in its own sentence, so channels do not run down an article
			// from sentence to sentence; a run of standalone quotes (one
			// statement over several paragraphs) passes it on.
			if b.speaker == a.speaker && b.channel != "" && (b.own || !a.src.ok()) && !q.insideContent(a, b) {
				a.channel = b.channel
				break
			}
		}
	}
}

// insideContent: a's anchor lies in b's content, so a is something b
// reported ("told Fox News that the suit, which he expects to file ..."),
// not a further statement on b's occasion.
func (q *state) insideContent(a, b *attInfo) bool {
	for _, c := range b.cont {
		if a.anchor >= c.s && a.anchor < c.e {
			return true
		}
	}
	return false
}

// occasionWords in an attribution's own sentence say it was made on
// another occasion than the statements before it.
var occasionWords = setOf("later", "since", "afterwards", "afterward", "subsequently", "previously", "earlier")

// occasionByLen holds the occasion words by length: index asks of every
// word of a text whether it is one, and a word is compared with the one
// or two of its length (most lengths have none) rather than hashed for a
// map look-up (a third of a percent of the default mode's instructions on
// BBC articles).
var occasionByLen = func() (t [16][]string) {
	for w := range occasionWords {
		t[len(w)] = append(t[len(w)], w) // (a longer word would not build)
	}
	return t
}()

// isOccasionWord is occasionWords[w].
func isOccasionWord(w string) bool {
	if len(w) >= len(occasionByLen) {
		return false
	}
	for _, o := range occasionByLen[len(w)] {
		if o == w {
			return true
		}
	}
	return false
}

// newOccasion: a sourced attribution whose sentence has an occasion word
// before its cue, or which carries a retraction, does not inherit.
func (q *state) newOccasion(a *attInfo) bool {
	if !a.frame {
		return false
	}
	for _, mi := range a.markers {
		if q.ms[mi].mtype == claimtrail.MarkerRetracted {
			return true
		}
	}
	// from the sentence's start to the frame, then up to three words past
	// it within the sentence (running counts, not walks)
	sent := q.toks[a.lo].sent
	if q.occasions[a.lo+1] > q.occasions[q.sentFirst[a.lo]] {
		return true
	}
	end := a.lo
	for end < a.hi+3 && end < len(q.toks) && q.toks[end].sent == sent {
		end++
	}
	return q.occasions[end] > q.occasions[a.lo]
}

// indexAtts fills the per-call tables once the attributions are located:
// which regions hold each sentence, the anchors in order, which tokens
// some content holds, and the contents holding each token (containers).
// The rules pair every hit with every attribution and every attribution
// with every other; these tables let them look only where a pairing can
// score, so that a long article costs its length, not its square.
func (q *state) indexAtts() {
	nSent := 0
	if n := len(q.toks); n > 0 {
		nSent = int(q.toks[n-1].sent) + 1
	}
	if cap(q.sentAt) < nSent+1 {
		q.sentAt = make([]int32, nSent+1)
	}
	q.sentAt = q.sentAt[:nSent+1]
	clear(q.sentAt)
	for ai := range q.atts {
		a := &q.atts[ai]
		for s := max(a.sLo, 0); s <= a.sHi && int(s) < nSent; s++ {
			q.sentAt[s+1]++
		}
	}
	for s := 1; s <= nSent; s++ {
		q.sentAt[s] += q.sentAt[s-1]
	}
	if n := int(q.sentAt[nSent]); cap(q.bySent) < n {
		q.bySent = make([]int32, n)
	} else {
		q.bySent = q.bySent[:n]
	}
	fill := q.cands[:0] // next free slot of each sentence, reusing scratch
	for s := 0; s < nSent; s++ {
		fill = append(fill, int(q.sentAt[s]))
	}
	for ai := range q.atts {
		a := &q.atts[ai]
		for s := max(a.sLo, 0); s <= a.sHi && int(s) < nSent; s++ {
			q.bySent[fill[s]] = int32(ai)
			fill[s]++
		}
	}
	q.cands = fill[:0]

	q.byAnchor = q.byAnchor[:0]
	for ai := range q.atts {
		if q.atts[ai].anchor >= 0 {
			q.byAnchor = append(q.byAnchor, ai)
		}
	}
	sort.SliceStable(q.byAnchor, func(i, j int) bool { return q.atts[q.byAnchor[i]].anchor < q.atts[q.byAnchor[j]].anchor })

	// tokens some content holds: a running count of covered tokens
	n := len(q.toks)
	if cap(q.contentRuns) < n+1 {
		q.contentRuns = make([]int32, n+1)
	}
	runs := q.contentRuns[:n+1]
	clear(runs)
	for ai := range q.atts {
		for _, c := range q.atts[ai].cont {
			runs[c.s]++
			runs[c.e]--
		}
	}
	depth, covered := int32(0), int32(0)
	for k := 0; k < n; k++ {
		depth += runs[k]
		runs[k] = covered
		if depth > 0 {
			covered++
		}
	}
	runs[n] = covered
	q.contentRuns = runs
	q.contentIdx = newContainers(q.atts)
}

// regionsAt returns the attributions whose region holds token i's
// sentence, in index order.
func (q *state) regionsAt(i int) []int32 {
	s := int(q.toks[i].sent)
	if s+1 >= len(q.sentAt) {
		return nil
	}
	return q.bySent[q.sentAt[s]:q.sentAt[s+1]]
}

// inSomeContent: some token of toks[s:e] lies in an attribution's content.
func (q *state) inSomeContent(s, e int) bool {
	return q.contentRuns[min(e, len(q.toks))] > q.contentRuns[max(s, 0)]
}

// containers answers "does a content of an attribution other than a and
// b hold token p" by a binary search: contents sorted by start, with, for
// each prefix, the three attributions whose contents in it reach furthest
// (at most two are excluded, so the third decides).
type containers struct {
	starts []int
	top    [][3]reach
}

type reach struct{ end, owner int }

func newContainers(atts []attInfo) *containers {
	type piece struct{ s, e, owner int }
	var ps []piece
	for ai := range atts {
		for _, c := range atts[ai].cont {
			ps = append(ps, piece{c.s, c.e, ai})
		}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].s < ps[j].s })
	cs := &containers{starts: make([]int, len(ps)), top: make([][3]reach, len(ps))}
	cur := [3]reach{{-1, -1}, {-1, -1}, {-1, -1}}
	for k, p := range ps {
		cs.starts[k] = p.s
		// raise p.owner's reach, or put it in place of the shortest
		at := -1
		for j := range cur {
			if cur[j].owner == p.owner {
				at = j
			}
		}
		if at < 0 {
			at = 2
			if p.e <= cur[2].end {
				at = -1
			}
		}
		if at >= 0 && p.e > cur[at].end {
			cur[at] = reach{p.e, p.owner}
			for j := at; j > 0 && cur[j].end > cur[j-1].end; j-- {
				cur[j], cur[j-1] = cur[j-1], cur[j]
			}
		}
		cs.top[k] = cur
	}
	return cs
}

func (cs *containers) holds(p, a, b int) bool {
	k := sort.SearchInts(cs.starts, p+1) - 1 // the last content starting at or before p
	if k < 0 {
		return false
	}
	for _, r := range cs.top[k] {
		if r.owner >= 0 && r.owner != a && r.owner != b {
			return r.end > p
		}
	}
	return false
}
