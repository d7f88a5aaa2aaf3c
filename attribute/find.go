// Package attribute finds attribution relations (source, cue, content) in a
// segmented, tagged and parsed Doc, as PolNeAR annotates them: a learned
// cue tagger, then for each cue learned rankers over candidate content and
// source spans. Models are trained from PolNeAR train (Train) and shipped
// embedded (Default).
package attribute

import (
	"context"
	"sync"

	"github.com/claimtrail/claimtrail/doc"
)

// Range is a token range [Start, End) into Doc.Tokens.
type Range struct{ Start, End int }

// Empty reports whether the range holds no token.
func (r Range) Empty() bool { return r.End <= r.Start }

// Found is one attribution found in a Doc, in token ranges.
type Found struct {
	Cue    Range
	Source Range // empty when the source is not written
	// Content is the content's envelope; Pieces are its parts (two for a
	// quote split by its cue, else one equal to Content).
	Content Range
	Pieces  []Range
	// Score margins, for confidence: how far the chosen spans beat the
	// runners-up.
	CueScore, ContentMargin, SourceMargin float32
}

const (
	labO = iota
	labB
	labI
	numCueLabels
)

// Feature template ids; their values only need to be distinct.
const (
	tBias = iota + 1
	tW
	tWm1
	tWp1
	tWm2
	tWp2
	tWm1W
	tWWp1
	tShape
	tSuf3
	tStem
	tPOS
	tPOSm1
	tPOSp1
	tPOSWp1
	tInQuote
	tNextQuote
	tPrevQuote
	tPrev
	tPrevW
	tDep
	tHeadPOS
	tChildren
	tFirst
	tPrevShape
	tWPOS
	tNextIsThat
	tNextColon
	tDepW
	tHeadW
	tGov
	tEndQuoteBefore
	tSubjKind
	tClauseStart
	tTri
	tPOSTri
	tStemPOSNext
	tLex
	tLexPrev
	tLexNext
	tAttach
	tAttachW
	tQuoteRel
	tQuoteRelStem
	tLeftArg
	tRightArg
)

// cueFeats appends the features of token i given the previous label.
func (v *view) cueFeats(i, prev int, f []uint64) []uint64 {
	return v.cueFeatsOf(i, prev, true, f)
}

// wordFeats appends the features of cueFeats that depend only on token
// i's word, shape and tag (and prev), as cueFeats computes them and in
// its order: the first pass keeps their coarse sum by word (see
// wordCache). TestWordFeatsSplitCueFeats holds the two together.
func (v *view) wordFeats(i, prev int, f []uint64) []uint64 {
	w := v.lw[i]
	f = append(f,
		fhash(tBias),
		mixH(fhash(tW), v.hw[i]),
		mixI(fhash(tShape), int(v.shape[i])),
		mixH(fhash(tStem), v.hst[i]),
		mixH(fhash(tPOS), v.hp[i]),
		mixH(mixH(fhash(tWPOS), v.hw[i]), v.hp[i]),
		mixH(mixI(fhash(tPrevW), prev), v.hw[i]),
	)
	if len(w) > 3 {
		f = append(f, mixS(fhash(tSuf3), w[len(w)-3:]))
	}
	if v.reportVerb[i] {
		f = append(f, mixH(fhash(tLex), v.hp[i]), mixI(mixH(fhash(tLexPrev), v.hp[i]), prev))
	}
	return f
}

// cueFeatsOf is cueFeats, without the features of wordFeats unless words
// is true (in the same order as cueFeats when it is).
func (v *view) cueFeatsOf(i, prev int, words bool, f []uint64) []uint64 {
	lo, hi := int(v.sentStart[i]), int(v.sentEnd[i])
	w := v.lw[i]
	t := &v.d.Tokens[i]
	// the neighbours' hashes once: several features combine each
	wm1, wp1, pm1, pp1 := v.hword(i-1, lo, hi), v.hword(i+1, lo, hi), v.hpos(i-1, lo, hi), v.hpos(i+1, lo, hi)
	if words {
		f = append(f,
			fhash(tBias),
			mixH(fhash(tW), v.hw[i]),
		)
	}
	f = append(f,
		mixH(fhash(tWm1), wm1),
		mixH(fhash(tWp1), wp1),
		mixH(fhash(tWm2), v.hword(i-2, lo, hi)),
		mixH(fhash(tWp2), v.hword(i+2, lo, hi)),
		mixH(mixH(fhash(tWm1W), wm1), v.hw[i]),
		mixH(mixH(fhash(tWWp1), v.hw[i]), wp1),
	)
	if words {
		f = append(f,
			mixI(fhash(tShape), int(v.shape[i])),
			mixH(fhash(tStem), v.hst[i]),
			mixH(fhash(tPOS), v.hp[i]),
		)
	}
	f = append(f,
		mixH(fhash(tPOSm1), pm1),
		mixH(fhash(tPOSp1), pp1),
		mixH(mixH(fhash(tPOSWp1), v.hp[i]), wp1),
	)
	if words {
		f = append(f, mixH(mixH(fhash(tWPOS), v.hw[i]), v.hp[i]))
	}
	f = append(f,
		mixI(fhash(tInQuote), boolInt(t.Quote != 0)),
		mixI(mixI(fhash(tPrev), prev), boolInt(t.Quote != 0)),
	)
	if words {
		f = append(f, mixH(mixI(fhash(tPrevW), prev), v.hw[i]))
	}
	f = append(f,
		mixI(fhash(tFirst), boolInt(i == lo)),
		mixI(mixI(fhash(tPrevShape), int(v.shape[max(i-1, 0)])), int(v.shape[i])),
	)
	if words && len(w) > 3 {
		f = append(f, mixS(fhash(tSuf3), w[len(w)-3:]))
	}
	// the nearest words on either side past adverbs and auxiliaries: who
	// "has repeatedly said", and what follows ("said on Monday that")
	l := i - 1
	for l >= lo && l > i-5 && skippable(v.lw[l], v.d.Tokens[l].POS) {
		l--
	}
	r := i + 1
	for r < hi && r < i+4 && isAdverb(v.d.Tokens[r].POS) {
		r++
	}
	f = append(f,
		mixH(mixH(fhash(tLeftArg), v.hpos(l, lo, hi)), v.hst[i]),
		mixH(mixH(fhash(tRightArg), v.hword(r, lo, hi)), v.hst[i]),
	)
	if qr := int(v.quoteRel[i]); qr != 0 {
		f = append(f, mixH(mixI(fhash(tQuoteRel), qr), v.hp[i]), mixH(mixI(fhash(tQuoteRelStem), qr), v.hst[i]))
	}
	if i > lo {
		// how the token hangs on the one before: multiword cues ("has
		// said", "said in a statement") are held together by attachment
		rel := 0
		p := &v.d.Tokens[i-1]
		switch {
		case t.Head == i-1:
			rel = 1
		case p.Head == i:
			rel = 2
		case t.Head >= 0 && t.Head == p.Head:
			rel = 3
		case p.Head >= 0 && v.d.Tokens[p.Head].Head == i:
			rel = 4
		}
		f = append(f, mixI(mixI(mixS(fhash(tAttach), t.Dep), prev), rel), mixI(mixI(mixH(fhash(tAttachW), v.hw[i]), prev), rel))
	}
	if words && v.reportVerb[i] {
		// listed verbs of saying and thinking, by part of speech, so that
		// what is learned of listed verbs carries over to unseen ones
		f = append(f, mixH(fhash(tLex), v.hp[i]), mixI(mixH(fhash(tLexPrev), v.hp[i]), prev))
	}
	if i+1 < hi && v.reportVerb[i+1] {
		f = append(f, mixH(fhash(tLexNext), v.hp[i]))
	}
	f = append(f,
		mixH(mixH(mixH(fhash(tTri), wm1), v.hw[i]), wp1),
		mixH(mixH(mixH(fhash(tPOSTri), pm1), v.hp[i]), pp1),
		mixH(mixH(fhash(tStemPOSNext), v.hst[i]), pp1),
	)
	if i+1 < hi && v.qopen[i+1] != 0 {
		f = append(f, mixH(fhash(tNextQuote), v.hw[i]))
	}
	if i > lo && v.qclose[i-1] != 0 {
		f = append(f, mixH(fhash(tPrevQuote), v.hw[i]))
	}
	// a quote closed shortly before: "...," said Putin
	if i-2 >= lo && v.qclose[i-2] != 0 {
		f = append(f, mixH(fhash(tEndQuoteBefore), v.hw[i]))
	}
	if t.Dep != "" {
		hp, hw := "<root>", "<root>"
		if t.Head >= 0 && t.Head < len(v.lw) {
			hp, hw = v.d.Tokens[t.Head].POS, v.lw[t.Head]
		}
		f = append(f,
			mixS(fhash(tDep), t.Dep),
			mixH(mixS(fhash(tDepW), t.Dep), v.hw[i]),
			mixS(mixS(fhash(tHeadPOS), t.Dep), hp),
			mixS(mixH(fhash(tHeadW), v.hw[i]), hw),
		)
		// what the token governs: does it take a clause or a subject?
		var sig uint64 = fhash(tChildren)
		for _, c := range v.children(i) {
			ct := &v.d.Tokens[c]
			switch dep := ct.Dep; dep {
			case "ccomp", "nsubj", "nsubjpass", "xcomp", "dobj", "parataxis", "mark", "advcl", "nmod", "iobj":
				sig = mixS(sig, dep)
				f = append(f, mixH(mixS(fhash(tGov), dep), v.hw[i]))
				if dep == "nsubj" {
					// who acts: people and organisations say and think
					kind := ct.POS
					if len(ct.Ent) > 2 {
						kind = ct.Ent[2:]
					}
					f = append(f, mixH(mixS(fhash(tSubjKind), kind), v.hp[i]))
				}
				if dep == "ccomp" || dep == "parataxis" {
					// the clause's first word: "that", a quote mark, a pronoun
					if first := v.firstOfSubtree(int(c)); first > i {
						f = append(f, mixH(mixH(fhash(tClauseStart), v.hw[first]), v.hp[i]))
					}
				}
			}
		}
		f = append(f, sig, mixH(sig, v.hst[i]))
	}
	return f
}

func isAdverb(pos string) bool { return len(pos) >= 2 && pos[0] == 'R' && pos[1] == 'B' }

// skippable: adverbs and auxiliaries between a subject and its verb.
func skippable(w, pos string) bool {
	if isAdverb(pos) || pos == "MD" {
		return true
	}
	switch w {
	case "has", "have", "had", "is", "was", "are", "were", "been", "be", "will", "would", "also", "not", "n't":
		return true
	}
	return false
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// children lists the dependents of token i (computed lazily per doc).
func (v *view) children(i int) []int32 {
	if v.kids == nil {
		n := len(v.d.Tokens)
		v.kidStart = make([]int32, n+1)
		for _, t := range v.d.Tokens {
			if t.Head >= 0 && t.Head < n {
				v.kidStart[t.Head+1]++
			}
		}
		for k := 1; k <= n; k++ {
			v.kidStart[k] += v.kidStart[k-1]
		}
		v.kids = make([]int32, v.kidStart[n])
		fill := make([]int32, n)
		for j, t := range v.d.Tokens {
			if t.Head >= 0 && t.Head < n {
				v.kids[v.kidStart[t.Head]+fill[t.Head]] = int32(j)
				fill[t.Head]++
			}
		}
	}
	return v.kids[v.kidStart[i]:v.kidStart[i+1]]
}

// CueSentences marks the sentences of a segmented Doc where this model's
// cue tagger comes within slack of starting a cue somewhere. A model
// trained without syntax (the fast model) uses it as a cheap first pass,
// so that only the sentences that may hold an attribution are tagged,
// parsed and searched by the full model.
func (m *Model) CueSentences(d *doc.Doc, slack float32) []bool {
	return m.CueSentencesIn(NewText(d), slack)
}

// Text is a Doc's token view (normalised words, their hashes, quote
// regions), built once and shared by a first pass (CueSentencesIn) and
// the model after it (FindIn).
type Text struct{ v *view }

// NewText builds the view of d.
func NewText(d *doc.Doc) *Text { return &Text{v: newView(d)} }

// Release hands the view's memory to the next NewText. t must not be
// used after it (the Doc and what Find returned stay valid).
func (t *Text) Release() {
	if t.v == nil {
		return
	}
	t.v.d = nil
	viewPool.Put(t.v)
	t.v = nil
}

// CueSentencesIn is CueSentences over a Text.
func (m *Model) CueSentencesIn(t *Text, slack float32) []bool {
	sel, _ := m.CueSentencesContext(context.Background(), t, slack)
	return sel
}

// CueSentencesContext is CueSentencesIn that stops with ctx's error when
// ctx is done (checked every checkEvery sentences).
func (m *Model) CueSentencesContext(ctx context.Context, t *Text, slack float32) ([]bool, error) {
	v := t.v
	d := v.d
	sel := make([]bool, len(d.Sents))
	if len(d.Tokens) == 0 {
		return sel, nil
	}
	var f []uint64
	words := m.borrowWords()
	if words != nil {
		defer m.words.Put(words)
	}
	for si, s := range v.d.Sents {
		if si%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		// Any token passing selects the sentence, so the likely ones are
		// scored first: listed verbs of saying, then auxiliaries ("has",
		// "is", which start a cue in the fast model's eyes), then the rest.
		// Over BBC articles this scores 29% fewer tokens; the selection
		// is the same.
		for tier := range numSelectorTiers {
			for i := s.First; i < s.Last && !sel[si]; i++ {
				if v.selectorTier(i) != tier {
					continue
				}
				if words == nil {
					f = v.cueFeats(i, labO, f[:0])
					sel[si] = m.cue.passes(f, slack)
					continue
				}
				d, n := words.firstSums(v, i, m.cue)
				switch m.cue.coarseTest(d, n, slack) {
				case coarseAbove:
					sel[si] = true
				case coarseBelow:
				default:
					f = v.cueFeats(i, labO, f[:0])
					var sc [numCueLabels]float32
					m.cue.scores(f, sc[:])
					sel[si] = sc[labB]+slack > sc[labO]
				}
			}
		}
	}
	return sel, nil
}

// wordCache keeps, for the first pass, the coarse sums (see passes) of
// the features of wordFeats by what they depend on: a token's word, shape
// and tag (prev is always O there). They are about a third of a token's
// features, and words repeat within and across articles, so most tokens
// sum only the rest (sums are of integers: in any order, the same). A
// Model keeps a few (one per concurrent first pass) in a pool; a cache
// holds the sums of one model. It has 8,192 entries (512 KiB): at 4,096
// the default mode ran 12.7M more instructions over the 417 BBC politics
// articles (0.45%), the words of the first pass and the cue tagger
// missing each other's slots.
type wordCache struct {
	e [8192]wordEntry
	f []uint64
	// for firstSums (speed_first.go): the sums of the flag features
	// and a memo of the features of few values
	flagTab  flagTable
	posTab   [4096]posSlot
	shapeTab [64][64]shapeSlot
	memoTab  [64]memoSlot
}

type wordEntry struct {
	// the view's own string (v.lw, from its table of words, which
	// holds copies: never a slice of an article), not a copy of it: a
	// look-up of the same word then compares two equal pointers, where a
	// copy's bytes were read from memory the rankers' tables had pushed
	// out of the caches (string comparison was 2.3% of the default
	// mode's time in bench's CPU profile)
	w     string
	hp    uint64
	shape byte
	set   bool
	d, n  int64
	// the context features kept by the word (see firstSums)
	ctx [numCtx]int16
}

// sums returns the coarse sums of wordFeats(i, labO) under m's coarse
// lines.
func (c *wordCache) sums(v *view, i int, m *linear) (d, n int64) {
	e := c.entry(v, i, m)
	return e.d, e.n
}

// entry returns the cache's entry of token i's word, shape and tag,
// filled on a miss.
func (c *wordCache) entry(v *view, i int, m *linear) *wordEntry {
	w, hp, shape := v.lw[i], v.hp[i], v.shape[i]
	e := &c.e[(v.hw[i]^hp*fnvPrime^uint64(shape))%uint64(len(c.e))]
	if e.set && e.w == w && e.hp == hp && e.shape == shape {
		return e
	}
	c.f = v.wordFeats(i, labO, c.f[:0])
	d, n := coarseSum(m.packed.coarse, c.f)
	*e = wordEntry{w: w, hp: hp, shape: shape, set: true, d: d, n: n}
	e.fillCtx(v, i, m.packed.coarse)
	return e
}

const numSelectorTiers = 3

// selectorTier is the order in which CueSentencesContext scores token i of
// a sentence: 0 for a listed verb of saying or "according", 1 for an
// auxiliary, 2 for the rest.
func (v *view) selectorTier(i int) int {
	if v.reportVerb[i] || v.lw[i] == "according" {
		return 0
	}
	if skippable(v.lw[i], "") {
		return 1
	}
	return 2
}

// checkEvery is how many sentences or cues a loop handles between two
// looks at its context: a few milliseconds of work at most, so that a
// cancelled or timed-out extraction of a huge text stops promptly.
const checkEvery = 64

// bestCueLabel picks the best-scoring label that may follow prev (a cue
// continues only after it began).
func bestCueLabel(sc []float32, prev int) int {
	best := labO
	for k := 1; k < numCueLabels; k++ {
		if k == labI && prev == labO {
			continue
		}
		if sc[k] > sc[best] {
			best = k
		}
	}
	return best
}

// borrowWords takes a word cache from the model's pool when the cue
// model has the coarse lines the first pass reads from it (firstSums),
// else nil; the caller puts it back.
func (m *Model) borrowWords() *wordCache {
	if m.cue.packed == nil || m.cue.classes != numCueLabels || m.cue.packed.coarseLines() == nil {
		return nil
	}
	if words, _ := m.words.Get().(*wordCache); words != nil {
		return words
	}
	return new(wordCache)
}

// tagCues runs the greedy cue tagger over every sentence.
func (m *Model) tagCues(ctx context.Context, v *view, sel []bool) (labels []int8, scores []float32, err error) {
	n := len(v.d.Tokens)
	labels = make([]int8, n)
	scores = make([]float32, n)
	var f []uint64
	var sc [numCueLabels]float32
	// the coarse sums of a token outside a cue from the word cache, as in
	// the first pass (firstSums), when the model has coarse lines
	words := m.borrowWords()
	if words != nil {
		defer m.words.Put(words)
	}
	for si, s := range v.d.Sents {
		if si%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, nil, err
			}
		}
		if sel != nil && !sel[si] {
			continue
		}
		prev := labO
		for i := s.First; i < s.Last; i++ {
			if prev == labO && neverStartsCue(v.d.Tokens[i].POS) {
				labels[i], scores[i] = labO, 0
				continue
			}
			// outside a cue the label is B when B outscores O, else O
			// with score 0: what passes decides, mostly from the coarse
			// differences alone (passes written out, with the sums from
			// firstSums: the features are made only when needed)
			made := false
			if prev == labO {
				var pass bool
				if words == nil {
					f, made = v.cueFeats(i, prev, f[:0]), true
					pass = m.cue.passes(f, 0)
				} else {
					switch d, n := words.firstSums(v, i, m.cue); m.cue.coarseTest(d, n, 0) {
					case coarseAbove:
						pass = true
					case coarseBelow:
						pass = false
					default:
						f, made = v.cueFeats(i, prev, f[:0]), true
						m.cue.scores(f, sc[:])
						pass = sc[labB]+0 > sc[labO]
					}
				}
				if !pass {
					labels[i], scores[i] = labO, 0
					continue
				}
			}
			if !made {
				f = v.cueFeats(i, prev, f[:0])
			}
			m.cue.scores(f, sc[:])
			best := bestCueLabel(sc[:], prev)
			labels[i] = int8(best)
			scores[i] = sc[best] - sc[labO]
			prev = best
		}
	}
	return labels, scores, nil
}

// neverStartsCue reports whether a token of part of speech pos is not
// worth scoring as the start of a cue: punctuation, closed-class words and
// proper names. Cues are verbs and nouns of saying ("said", "according",
// "statement"). Over the BBC politics articles the default model started
// none of its ~5,900 cues on these tags but four (three DT, one IN);
// skipping them when no cue is open halves the tokens the cue tagger
// scores (its feature hashing and table look-ups were 17% of the default
// mode's time) and left PolNeAR dev exact F1 unchanged. Untagged tokens
// (the fast mode: pos "") are always scored.
func neverStartsCue(pos string) bool {
	switch pos {
	case ".", ",", "''", "``", "-LRB-", "-RRB-",
		"DT", "PDT", "IN", "CC", "CD", "PRP", "PRP$", "POS", "EX", "RP", "UH", "FW", "LS",
		"WDT", "WP", "WP$", "WRB", "JJR", "JJS", "RBR", "RBS", "NNP", "NNPS":
		return true
	}
	return false
}

// spanBufs keeps the rankers' scratch space and memos between documents.
var spanBufs = sync.Pool{New: func() any { return new(spanBuf) }}

// cueRanges turns BIO labels into cue ranges.
func cueRanges(labels []int8, scores []float32) ([]Range, []float32) {
	var out []Range
	var sc []float32
	for i := 0; i < len(labels); i++ {
		if labels[i] != labB {
			continue
		}
		j := i + 1
		for j < len(labels) && labels[j] == labI {
			j++
		}
		out = append(out, Range{i, j})
		sc = append(sc, scores[i])
		i = j - 1
	}
	return out, sc
}

// Find returns the attributions in d. d must be segmented; POS tags and
// dependencies improve it when present. When sel is not nil, cues are
// looked for only in the sentences it marks (see CueSentences).
func (m *Model) Find(d *doc.Doc, sel []bool) []Found {
	return m.FindIn(NewText(d), sel)
}

// FindIn is Find over a Text, which is brought up to date with the Doc's
// tags and parse first (they may have been added since it was built).
func (m *Model) FindIn(t *Text, sel []bool) []Found {
	out, _ := m.FindContext(context.Background(), t, sel)
	return out
}

// FindContext is FindIn that stops with ctx's error when ctx is done
// (checked every checkEvery sentences and cues).
func (m *Model) FindContext(ctx context.Context, t *Text, sel []bool) ([]Found, error) {
	v := t.v
	if len(v.d.Tokens) == 0 {
		return nil, nil
	}
	v.retag()
	labels, scores, err := m.tagCues(ctx, v, sel)
	if err != nil {
		return nil, err
	}
	cues, cueScores := cueRanges(labels, scores)
	out := make([]Found, 0, len(cues))
	buf := spanBufs.Get().(*spanBuf)
	defer spanBufs.Put(buf)
	for k, c := range cues {
		if k%checkEvery == 0 {
			if err := ctx.Err(); err != nil {
				return nil, err
			}
		}
		content, cm, source, sm := m.bestPair(v, c, buf)
		pieces := content.pieces()
		out = append(out, Found{Cue: c, Content: content.r, Pieces: pieces, Source: source, CueScore: cueScores[k], ContentMargin: cm, SourceMargin: sm})
	}
	return repair(v.d, out), nil
}
