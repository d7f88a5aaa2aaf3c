// Package qualify is the last step of the extraction pipeline: for each
// attribution it finds the channel the statement went through ("on
// Twitter", "at a press conference"), the news organisations that relayed
// it ("according to the Washington Post") and the reporter's markers that
// qualify it ("seemingly without evidence", "falsely", "walked back"), and
// it reports the markers that qualify no attribution ("the meeting
// reportedly lasted two hours") at article level.
//
// It works on a token list made once per article (byte and code-point
// offsets side by side) with a lexicon compiled into a map keyed by each
// phrase's rarest leading word, so the cost is one pass over the text plus
// a few look-ups per attribution.
//
// Rules, in short (details at each function):
//
//   - Nothing inside quotation marks is the reporter's: a speaker who says
//     "allegedly" in a quote gives no marker, channel or relay.
//   - A marker attaches to the attribution whose frame it sits in: on the
//     cue ("denied"), between source and cue ("Trump walked back ...,
//     stating"; not in an aside there: "Putin, who reportedly ..., said"),
//     between cue and content ("claims on Twitter, seemingly without
//     evidence, that"), next to the cue after it, at the sentence's start
//     before the source ("Reportedly, ..."), or trailing the content after a
//     comma ("..., without evidence."). Inside an indirect content it
//     attaches only at its head right after the cue, as a retraction whose
//     subject is the speaker ("stating that he misspoke") or as a trailing
//     unsupported/false phrase. On a tie the main-clause, outer attribution
//     wins. Other markers are article-level, except ambiguous (weak) words
//     such as "dismissed" or "wrongly", which count only in an attribution's
//     frame, and markers inside an attribution's content: an indirect
//     content paraphrases the speaker ("Police said the man allegedly stole
//     a car"), so its hedges are the speaker's, like a quote's. Denials in
//     the passive or negated ("was denied bail", "had not denied") are none.
//   - A channel must be bound to the cue: on it ("tweeted"), within four
//     words after it, right before it, as a parenthetical between source and
//     cue (", in a statement,"), at the start of the sentence ("In a
//     statement, X said"), at the head of an indirect content, or trailing
//     the content after a comma. A channel in a phrase about something else
//     ("comments made during the press conference, stating") does not count.
//   - An attribution with no channel of its own inherits one from an
//     earlier attribution by the same speaker (Speaker.Name) in the nearest
//     earlier sentence holding attributions, so another speaker in between
//     blocks it; within 3 paragraphs for a quote standing alone (no source),
//     within the same or the previous paragraph otherwise; not when the
//     attribution marks a new occasion ("later", "since", a retraction) or
//     is nested in the giver's content. A sourced attribution inherits only
//     a channel found in its giver's own sentence.
//   - A relay is a news organisation that carried the statement: named in
//     "according to X", "citing X", "X reported", "as first reported by X",
//     "a report in X", placed like a marker relative to an attribution
//     whose source or speaker is not X (chains and lists follow: "X
//     reported, citing Y", "according to X and Y"); or the outlet the
//     speaker spoke or wrote to, or that saw the document (a carrier: "told
//     Reuters", "in an interview with CNN", "speaking to Sky News", "in a
//     statement to Fox News", "wrote in the Times", "a memo seen by
//     Reuters"), which may sit on the attribution's own cue or in its
//     source; or the media source of a reporting attribution whose content
//     contains this one ("The Post reported that Trump told aides ...",
//     "..., Bloomberg reported"). "according to X" that is the
//     attribution's own cue is never its relay; people ("told reporters",
//     "told MPs") and organisations that are not news media ("according to
//     two officials", "the International Energy Agency", "the Post
//     Office") are not relays. "told CNN" is both: channel interview, relay
//     CNN. An article by the relaying outlet keeps it ("told BBC News").
//   - A denial marker needs a denied claim: "denied bail", "denied by",
//     "rejected the offer" are none (deniesAClaim, refusedObject).
package qualify

import (
	"context"
	"slices"
	"sort"
	"strings"
	"sync"
	"unsafe"

	"github.com/claimtrail/claimtrail"
)

// tokRange is a half-open range of token indices; s < 0 means absent.
type tokRange struct{ s, e int }

func (r tokRange) ok() bool               { return r.s >= 0 && r.e > r.s }
func (r tokRange) overlaps(s, e int) bool { return r.ok() && s < r.e && e > r.s }
func (r tokRange) contains(s, e int) bool { return r.ok() && s >= r.s && e <= r.e }

// match is one lexicon hit.
type match struct {
	s, e   int // tokens
	ns, ne int // relay name tokens
	ent    *entry
	mtype  claimtrail.MarkerType
	cls    class
	weak   bool
	// spoken: the marker lies inside some attribution's content, so it is
	// the speaker's word (paraphrased), not the reporter's.
	spoken bool
	// quoted: the hit lies inside quotation marks as the tokenizer counts
	// them; it counts only on an attribution's cue (see cueBound).
	quoted bool
}

// cueBound entries ("told Reuters", "told the BBC") may match inside what
// the tokenizer takes for a quotation: straight quote marks left open
// earlier in a text make it count the reporter's own words as quoted, and
// when the extractor made the word an attribution's cue it is the
// reporter's. Such a quoted hit counts only on that cue.
func cueBound(e *entry) bool {
	return e.carrier || e.cls == classChannel && e.elems[0].kind == elemWord && e.elems[0].alts[0] == "told"
}

// cueBoundWords are the anchors of cueBound entries (filled by compile).
var cueBoundWords = map[string]bool{}

// attInfo is an attribution located in tokens.
type attInfo struct {
	src, cue tokRange
	cont     []tokRange
	lo, hi   int // frame: from the first to the last token of source and cue
	frame    bool
	sLo, sHi int32 // sentences of the region
	para     int32
	anchor   int
	speaker  string
	channel  claimtrail.Channel
	chScore  int
	chGap    int
	chRank   int
	own      bool // channel found in its own sentence
	relays   []string
	markers  []int // indices into state.matches
}

// state is the scratch of one Qualify call, pooled.
type state struct {
	text   string
	low    string // ASCII-lower-cased text, same byte offsets
	lowBuf []byte
	toks   []token
	ms     []match
	atts   []attInfo
	ranges []tokRange
	order  []int
	cands  []int
	kept   []int
	// mainCands is scratch for preferOuter.
	mainCands []int
	// src is a copy of the text whose tokens and matches toks, lowBuf and
	// ms hold when memo is set: the extractor qualifies each text twice,
	// and the second call reuses them (only match.spoken is changed after
	// findMatches, and reset clears it).
	src  []byte
	memo bool

	// Per-text tables (see index), so that no rule walks the text:
	// running counts of words, commas and other punctuation (gap), of
	// occasion words (newOccasion), and each token's sentence start.
	words, commas, others, occasions []int32
	sentFirst                        []int32
	// Per-call tables (see indexAtts): the attributions whose region
	// holds each sentence (CSR: bySent[sentAt[s]:sentAt[s+1]], in index
	// order), those with an anchor sorted by it, and how many contents
	// hold each token (running count).
	sentAt, bySent []int32
	byAnchor       []int
	contentRuns    []int32
	contentIdx     *containers
}

var statePool = sync.Pool{New: func() any { return new(state) }}

// recoverPanics turns a panic inside Qualify into an unqualified result;
// the fuzz test switches it off so that panics are seen.
var recoverPanics = true

// Qualify fills Channel, AccordingTo and Markers of each attribution from the
// text around its source, cue and content, and returns the article-level
// markers (hedges and qualifiers attached to no attribution). Spans are
// code-point offsets into text (claimtrail.Span); spans out of range are
// clamped, and empty or inverted ones treated as absent. The three fields
// are overwritten (empty lists, never nil), so calling it twice gives the
// same result. It never panics and is safe for concurrent use.
func Qualify(text string, atts []claimtrail.Attribution) []claimtrail.Marker {
	article, _ := QualifyContext(context.Background(), text, atts)
	return article
}

// QualifyContext is Qualify that stops between its passes when ctx is
// done, returning ctx's error (and atts partly qualified).
func QualifyContext(ctx context.Context, text string, atts []claimtrail.Attribution) (article []claimtrail.Marker, err error) {
	q := statePool.Get().(*state)
	defer func() {
		q.text, q.low = "", ""
		if recoverPanics {
			if r := recover(); r != nil {
				// A bug here must not take an ingest run down: the article
				// keeps its attributions, unqualified. The state is not
				// returned to the pool.
				for i := range atts {
					atts[i].Channel, atts[i].AccordingTo, atts[i].Markers = "", []string{}, []claimtrail.Marker{}
				}
				article = []claimtrail.Marker{}
				return
			}
		}
		statePool.Put(q)
	}()
	if !q.reset(text) {
		q.findMatches()
		q.memo = true
	}
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	q.locate(atts)
	q.indexAtts()
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	q.assignMarkers()
	q.assignChannels()
	q.assignRelays()
	q.inheritChannels()
	q.tweetSignatures()

	taken := make([]bool, len(q.ms))
	for i := range q.atts {
		a := &q.atts[i]
		atts[i].Channel = a.channel
		atts[i].AccordingTo = []string{}
		if len(a.relays) > 0 {
			atts[i].AccordingTo = slices.Clone(a.relays)
		}
		atts[i].Markers = []claimtrail.Marker{}
		if len(a.markers) > 0 {
			sort.Ints(a.markers)
			out := make([]claimtrail.Marker, 0, len(a.markers))
			for _, mi := range a.markers {
				taken[mi] = true
				out = append(out, q.marker(mi))
			}
			atts[i].Markers = out
		}
	}
	for mi := range q.ms {
		m := &q.ms[mi]
		if m.cls != classMarker || taken[mi] || m.weak || m.spoken || m.s < 0 {
			continue
		}
		article = append(article, q.marker(mi))
	}
	if article == nil {
		article = []claimtrail.Marker{}
	}
	return article, nil
}

func (q *state) marker(mi int) claimtrail.Marker {
	m := &q.ms[mi]
	a, b := &q.toks[m.s], &q.toks[m.e-1]
	return claimtrail.Marker{Type: m.mtype, Span: claimtrail.Span{
		Start: int(a.cStart), End: int(b.cEnd), Text: q.text[a.bStart:b.bEnd],
	}}
}

// reset prepares q for text and reports whether q.ms already holds its
// matches (the text is the one of the last call on this state).
func (q *state) reset(text string) bool {
	q.text = text
	q.atts = q.atts[:0]
	q.ranges = q.ranges[:0]
	q.order = q.order[:0]
	if q.memo && len(q.src) == len(text) && string(q.src) == text {
		q.low = unsafe.String(unsafe.SliceData(q.lowBuf), len(q.lowBuf))
		for i := range q.ms {
			q.ms[i].spoken = false
		}
		return true
	}
	q.memo = false
	q.src = append(q.src[:0], text...)
	if cap(q.lowBuf) < len(text) {
		q.lowBuf = make([]byte, len(text))
	}
	q.lowBuf = q.lowBuf[:len(text)]
	copy(q.lowBuf, text) // tokenize lower-cases the words in place
	// The lower-cased copy lives as long as this call; nothing derived from
	// it escapes (outputs slice the original text).
	q.low = unsafe.String(unsafe.SliceData(q.lowBuf), len(q.lowBuf))
	q.toks = tokenize(text, q.lowBuf, q.toks[:0])
	segment(text, q.toks, strings.Contains(text, "\n\n") || strings.Contains(text, "\n\r\n"))
	q.index()
	q.ms = q.ms[:0]
	return false
}

// index fills the per-text tables.
func (q *state) index() {
	n := len(q.toks)
	grow := func(b []int32, n int) []int32 {
		if cap(b) < n {
			return make([]int32, n)
		}
		return b[:n]
	}
	q.words, q.commas, q.others, q.occasions = grow(q.words, n+1), grow(q.commas, n+1), grow(q.others, n+1), grow(q.occasions, n+1)
	q.sentFirst = grow(q.sentFirst, n)
	// the counts run in locals, and the tables are cut to their lengths
	// first, so that the loop over every token of the text reads no
	// count back and checks few bounds
	toks := q.toks
	words, commas, others, occasions := q.words[:n+1], q.commas[:n+1], q.others[:n+1], q.occasions[:n+1]
	sentFirst := q.sentFirst[:n]
	words[0], commas[0], others[0], occasions[0] = 0, 0, 0, 0
	var w, c, o, oc int32
	first := int32(0) // the first token of the sentence of k
	for k := range toks {
		t := &toks[k]
		switch {
		case t.kind == tokWord:
			w++
			if isOccasionWord(q.lower(k)) {
				oc++
			}
		case t.punct == ',':
			c++
		case t.quoted && (isOpener(t.punct) || isCloser(t.punct)):
		default:
			o++
		}
		words[k+1], commas[k+1], others[k+1], occasions[k+1] = w, c, o, oc
		if k == 0 || t.sent != toks[k-1].sent {
			first = int32(k)
		}
		sentFirst[k] = first
	}
}

// lower is token i lower-cased (ASCII only; ’ kept).
func (q *state) lower(i int) string {
	t := &q.toks[i]
	return q.low[t.bStart:t.bEnd]
}

func (q *state) possessive(i int) bool {
	w := q.lower(i)
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// stem is token i lower-cased without a possessive ending.
func (q *state) stem(i int) string {
	w := q.lower(i)
	if strings.HasSuffix(w, "'s") {
		return w[:len(w)-2]
	}
	if strings.HasSuffix(w, "’s") {
		return w[:len(w)-4]
	}
	return w
}

// joinLower is the lower-cased text of toks[s:e] as written (single
// spaces assumed); it returns the text slice, not a copy.
func (q *state) joinLower(s, e int) string {
	a, b := q.toks[s].bStart, q.toks[e-1].bEnd
	w := q.low[a:b]
	if strings.HasSuffix(w, "'s") {
		return w[:len(w)-2]
	}
	if strings.HasSuffix(w, "’s") {
		return w[:len(w)-4]
	}
	return w
}

// nameText is the text of toks[s:e] without a leading "the" and a
// possessive ending.
func (q *state) nameText(s, e int) string {
	w := q.text[q.toks[s].bStart:q.toks[e-1].bEnd]
	w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
	return w
}

// findMatches runs the compiled lexicon over the unquoted words, keeping
// per class the leftmost-longest non-overlapping hits.
func (q *state) findMatches() {
	toks := q.toks
	for i := range toks {
		t := &toks[i]
		if t.kind != tokWord {
			continue
		}
		// (a cueBound anchor is a key of lex.byFirst, so mayHave lets it
		// through: the filter spares most quoted words the map look-up)
		if t.quoted && (!lex.mayHave(q.lower(i)) || !cueBoundWords[q.lower(i)]) {
			continue
		}
		w := q.lower(i)
		st := q.stem(i)
		inLex := lex.mayHave(w)
		stInLex := len(st) != len(w) && lex.mayHave(st)
		reported := (w == "reported" || w == "reports") && i > 0 && !t.quoted
		if !inLex && !stInLex && !reported {
			continue // most words: nothing can match here
		}
		var best [numClasses]match
		for c := range best {
			best[c].s = -1
		}
		try := func(list []*entry) {
			for _, e := range list {
				ns, ne := -1, -1
				sent := toks[i].sent
				end := q.matchElems(e.elems[e.anchor:], i, sent, &ns, &ne)
				if end <= i {
					continue
				}
				start := q.matchBack(e.elems[:e.anchor], i-1, sent)
				if start < 0 {
					continue
				}
				quoted := q.anyQuoted(start, end)
				if quoted && !cueBound(e) {
					continue
				}
				if e.notPassive && q.passiveBefore(start) {
					continue
				}
				if e.notNegated && q.negatedBefore(start) {
					continue
				}
				if e.cls == classMarker && e.marker == claimtrail.MarkerDenied && len(e.elems) == 1 && q.refusedObject(end) {
					continue // "denied bail", "rejected them"
				}
				b := &best[e.cls]
				if b.s < 0 || end-start > b.e-b.s {
					*b = match{s: start, e: end, ns: ns, ne: ne, ent: e, mtype: e.marker, cls: e.cls, weak: e.weak, quoted: quoted}
				}
			}
		}
		if inLex {
			try(lex.byFirst[w])
		}
		if stInLex {
			try(lex.byFirst[st])
		}
		// "the Washington Post reported", "CNN first reported"
		if reported && best[classRelay].s < 0 {
			b := i
			for b > 0 && toks[b-1].kind == tokWord && reportedAdverbs[q.lower(b-1)] && b > i-3 {
				b--
			}
			if ns, ne, ok := q.mediaBackward(b); ok && !q.anyQuoted(ns, i+1) {
				s := ns
				if s > 0 && toks[s-1].kind == tokWord && q.lower(s-1) == "the" {
					s-- // "the Washington Post reported": the match covers "the"
				}
				best[classRelay] = match{s: s, e: i + 1, ns: ns, ne: ne, cls: classRelay}
			}
		}
		for c := range best {
			if best[c].s >= 0 {
				q.ms = append(q.ms, best[c])
			}
		}
	}
	// Leftmost-longest, no overlap within a class.
	ms := q.ms
	for i := 1; i < len(ms); i++ { // insertion sort: nearly sorted already
		for j := i; j > 0 && (ms[j].s < ms[j-1].s || ms[j].s == ms[j-1].s && ms[j].e > ms[j-1].e); j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
	var nextFree [numClasses]int
	kept := ms[:0]
	for _, m := range ms {
		if m.s < nextFree[m.cls] {
			continue
		}
		nextFree[m.cls] = m.e
		kept = append(kept, m)
	}
	q.ms = kept
	q.mergeHedges()
}

// passiveBefore: a form of "be" stands right before toks[i], or before
// an adverb in "-ly" there ("was denied bail", "was repeatedly denied").
func (q *state) passiveBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if q.toks[k].kind != tokWord {
			return false
		}
		w := q.lower(k)
		if passiveAux[w] {
			return true
		}
		if !strings.HasSuffix(w, "ly") {
			return false
		}
	}
	return false
}

// negatedBefore: one of the two words before toks[i] negates it ("has
// not denied", "never denied").
func (q *state) negatedBefore(i int) bool {
	for k := i - 1; k >= 0 && k >= i-2; k-- {
		if q.toks[k].kind != tokWord {
			return false
		}
		if negators[q.lower(k)] {
			return true
		}
	}
	return false
}

// mergeHedges joins a hedge adverb to an unsupported or false phrase right
// after it: "seemingly without evidence" is one unsupported marker.
func (q *state) mergeHedges() {
	var prev = -1
	for i := range q.ms {
		m := &q.ms[i]
		if m.cls != classMarker {
			continue
		}
		if prev >= 0 {
			p := &q.ms[prev]
			if p.mtype == claimtrail.MarkerHedged && p.e-p.s == 1 && p.e == m.s &&
				(m.mtype == claimtrail.MarkerUnsupported || m.mtype == claimtrail.MarkerFalse) {
				m.s = p.s
				p.s, p.e = -1, -1 // dropped
			}
		}
		prev = i
	}
}

func (q *state) anyQuoted(s, e int) bool {
	for k := s; k < e && k < len(q.toks); k++ {
		if q.toks[k].quoted {
			return true
		}
	}
	return false
}

// matchBack matches els backwards ending at token ti and returns the
// first token of the match (ti+1 when els is empty), or -1.
func (q *state) matchBack(els []elem, ti int, sent int32) int {
	if len(els) == 0 {
		return ti + 1
	}
	toks := q.toks
	el := &els[len(els)-1]
	rest := els[:len(els)-1]
	switch el.kind {
	case elemWord, elemExact:
		if ti < 0 || toks[ti].kind != tokWord || toks[ti].sent != sent {
			return -1
		}
		if el.kind == elemExact {
			if q.text[toks[ti].bStart:toks[ti].bEnd] != el.alts[0] {
				return -1
			}
			return q.matchBack(rest, ti-1, sent)
		}
		w, st := q.lower(ti), q.stem(ti)
		for _, a := range el.alts {
			if a == w || a == st {
				return q.matchBack(rest, ti-1, sent)
			}
		}
		return -1
	case elemSkip:
		for k := 0; k <= el.n; k++ {
			if k > 0 {
				j := ti - k + 1
				if j < 0 || toks[j].kind != tokWord || toks[j].sent != sent {
					return -1
				}
			}
			if r := q.matchBack(rest, ti-k, sent); r >= 0 {
				return r
			}
		}
	}
	return -1
}

// matchElems matches els from token ti within sentence sent and returns
// the end token index, or -1.
func (q *state) matchElems(els []elem, ti int, sent int32, ns, ne *int) int {
	if len(els) == 0 {
		return ti
	}
	toks := q.toks
	el := &els[0]
	switch el.kind {
	case elemWord:
		if ti >= len(toks) || toks[ti].kind != tokWord || toks[ti].sent != sent {
			return -1
		}
		w := q.lower(ti)
		st := q.stem(ti)
		for _, a := range el.alts {
			if a == w || a == st {
				return q.matchElems(els[1:], ti+1, sent, ns, ne)
			}
		}
		return -1
	case elemExact:
		if ti >= len(toks) || toks[ti].kind != tokWord || toks[ti].sent != sent {
			return -1
		}
		t := &toks[ti]
		if q.text[t.bStart:t.bEnd] != el.alts[0] {
			return -1
		}
		return q.matchElems(els[1:], ti+1, sent, ns, ne)
	case elemSkip:
		for k := 0; k <= el.n; k++ {
			if k > 0 {
				j := ti + k - 1
				if j >= len(toks) || toks[j].kind != tokWord || toks[j].sent != sent {
					return -1
				}
			}
			if r := q.matchElems(els[1:], ti+k, sent, ns, ne); r >= 0 {
				return r
			}
		}
		return -1
	case elemMedia:
		s, e, ok := q.mediaForward(ti)
		if !ok || toks[s].sent != sent {
			return -1
		}
		*ns, *ne = s, e
		return q.matchElems(els[1:], e, sent, ns, ne)
	}
	return -1
}

// tweetSignatures gives Twitter as the channel of an embedded tweet
// signed "— Name (@handle) date": a one-dash cue whose source a handle
// follows (extract's signature rule found it; no channel word is written).
func (q *state) tweetSignatures() {
	for i := range q.atts {
		a := &q.atts[i]
		if a.channel != "" || !a.src.ok() || !a.cue.ok() || a.cue.e-a.cue.s != 1 || a.src.e > len(q.toks) {
			continue
		}
		switch q.text[q.toks[a.cue.s].bStart:q.toks[a.cue.s].bEnd] {
		case "—", "–", "-", "--", "―":
		default:
			continue
		}
		if rest := strings.TrimLeft(q.text[q.toks[a.src.e-1].bEnd:], " \t"); strings.HasPrefix(rest, "(@") {
			a.channel, a.own = chTwitter, true
		}
	}
}
