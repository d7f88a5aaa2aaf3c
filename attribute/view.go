package attribute

import (
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/claimtrail/claimtrail/doc"
)

// view holds per-token strings the features read, computed once per doc.
type view struct {
	d     *doc.Doc
	lw    []string // normalised lower-case word
	shape []byte   // 'X' capitalised, 'x' lower, 'd' digit, 'p' punctuation, 'q' quote
	stem  []string // crude stem of lw, for unseen inflections
	// hashes of lw, stem and POS (see strHash)
	hw, hst, hp []uint64
	reportVerb  []bool // isReportVerb of each token
	parsed      bool   // some token has a dependency label
	// qopen[i]/qclose[i]: token i opens/closes the quote region q (index+1)
	qopen, qclose []int32
	sentEnd       []int32 // per token: end (exclusive) of its sentence
	sentStart     []int32
	qFirst, qLast []int32 // token range of each quote region
	// qOuter: the outermost quote region enclosing each (itself at depth 0)
	qOuter []int32
	// running counts of verbs and commas before each token, for the
	// shape of a span without a parse (a source rarely holds a verb)
	verbsBefore, commasBefore []int32
	// quoteRel[i]: where token i stands to the quotes of its sentence
	// (see quoteRelations)
	quoteRel       []int8
	kids, kidStart []int32 // dependents, CSR-style (see children)
	// constituents maps a token span (s<<32|e) to the token whose
	// dependency subtree is exactly that span (see constituent).
	constituents map[uint64]int32
	// words holds the values of token texts seen lately (newView)
	words *viewWords
}

// constituent returns the token whose subtree spans exactly [s, e), or
// -1. Trailing punctuation inside the span is allowed to be outside the
// subtree and vice versa, as annotators trim commas and periods.
func (v *view) constituent(s, e int) int {
	if v.constituents == nil {
		v.buildConstituents()
	}
	if h, ok := v.constituents[uint64(s)<<32|uint64(e)]; ok {
		return int(h)
	}
	if e < len(v.lw) && v.shape[e] == 'p' {
		if h, ok := v.constituents[uint64(s)<<32|uint64(e+1)]; ok {
			return int(h)
		}
	}
	if e-1 > s && v.shape[e-1] == 'p' {
		if h, ok := v.constituents[uint64(s)<<32|uint64(e-1)]; ok {
			return int(h)
		}
	}
	return -1
}

func (v *view) buildConstituents() {
	n := len(v.d.Tokens)
	lo := make([]int32, n)
	hi := make([]int32, n)
	for i := range lo {
		lo[i], hi[i] = int32(i), int32(i)
	}
	// propagate each token's position up its head chain (bounded depth)
	for i := range v.d.Tokens {
		h := v.d.Tokens[i].Head
		for steps := 0; h >= 0 && h < n && steps < 64; steps++ {
			if int32(i) < lo[h] {
				lo[h] = int32(i)
			}
			if int32(i) > hi[h] {
				hi[h] = int32(i)
			}
			h = v.d.Tokens[h].Head
		}
	}
	v.constituents = make(map[uint64]int32, n)
	for i := range lo {
		if v.d.Tokens[i].Dep == "" {
			continue
		}
		v.constituents[uint64(lo[i])<<32|uint64(hi[i]+1)] = int32(i)
	}
}

func newView(d *doc.Doc) *view {
	n := len(d.Tokens)
	v, _ := viewPool.Get().(*view)
	if v == nil {
		v = new(view)
	}
	// a released view's arrays are reused, cleared: every field is set
	// here or by the code below, as for a new view (its table of words
	// too, as it is)
	words := v.words
	*v = view{d: d, lw: fit(v.lw, n), shape: fit(v.shape, n), stem: fit(v.stem, n),
		hw: fit(v.hw, n), hst: fit(v.hst, n), hp: fit(v.hp, n), reportVerb: fit(v.reportVerb, n),
		qopen: fit(v.qopen, n), qclose: fit(v.qclose, n), sentEnd: fit(v.sentEnd, n), sentStart: fit(v.sentStart, n),
		verbsBefore: fit(v.verbsBefore, n+1), commasBefore: fit(v.commasBefore, n+1), quoteRel: fit(v.quoteRel, n),
		qFirst: fit(v.qFirst, len(d.Quotes)), qLast: fit(v.qLast, len(d.Quotes)), qOuter: fit(v.qOuter, len(d.Quotes))}
	// the values of each token's text, from the view's table of words
	// (speed_viewwords.go)
	if words == nil {
		words = new(viewWords)
	}
	v.words = words
	var scratch viewWord
	for i := range d.Tokens {
		w := words.get(d.Tokens[i].Text, &scratch)
		v.lw[i], v.stem[i], v.shape[i], v.reportVerb[i] = w.lw, w.stem, w.shape, w.report
		v.hw[i], v.hst[i] = w.hw, w.hst
		v.hp[i] = posHash(d.Tokens[i].POS)
	}
	for _, s := range d.Sents {
		for i := s.First; i < s.Last; i++ {
			v.sentStart[i] = int32(s.First)
			v.sentEnd[i] = int32(s.Last)
		}
	}
	v.countVerbs()
	// quote regions to token boundaries (binary searches, not walks over
	// each quote's tokens: nested quotes would make those quadratic)
	var open []int32 // quotes enclosing the current one, outermost first
	for qi, q := range d.Quotes {
		first := sort.Search(n, func(i int) bool { return d.Tokens[i].Start >= q.Start })
		// token ends grow with their index: the first token past the
		// quote's end, at or after first
		last := first + sort.Search(n-first, func(i int) bool { return d.Tokens[first+i].End > q.End })
		v.qFirst[qi], v.qLast[qi] = int32(first), int32(last)
		for len(open) > 0 && !(d.Quotes[open[len(open)-1]].Start <= q.Start && q.End <= d.Quotes[open[len(open)-1]].End) {
			open = open[:len(open)-1]
		}
		v.qOuter[qi] = int32(qi)
		if q.Depth > 0 && len(open) > 0 {
			v.qOuter[qi] = v.qOuter[open[len(open)-1]]
		}
		open = append(open, int32(qi))
		if last > first {
			if v.qopen[first] == 0 {
				v.qopen[first] = int32(qi + 1)
			}
			v.qclose[last-1] = int32(qi + 1)
		}
	}
	v.quoteRelations()
	v.setParsed()
	return v
}

// viewPool holds views handed back by Text.Release: the view's arrays,
// a dozen per article, are most of what the attribution stage allocates.
var viewPool sync.Pool

// fit returns s with length n and every element zero, in s's array when
// it is large enough.
func fit[T any](s []T, n int) []T {
	if cap(s) < n {
		return make([]T, n)
	}
	s = s[:n]
	clear(s)
	return s
}

// countVerbs fills verbsBefore and commasBefore. The counts run in
// locals and the slices are cut to length first, so that the loop (twice
// over every token: for the first pass and after tagging) reads no count
// back and checks no bounds.
func (v *view) countVerbs() {
	toks := v.d.Tokens
	lw := v.lw[:len(toks)]
	vb, cb := v.verbsBefore[:len(toks)+1], v.commasBefore[:len(toks)+1]
	var nv, nc int32
	vb[0], cb[0] = 0, 0
	for i := range toks {
		if p := toks[i].POS; p != "" && (p[0] == 'V' || p == "MD") {
			nv++
		}
		if lw[i] == "," {
			nc++
		}
		vb[i+1], cb[i+1] = nv, nc
	}
}

// retag refreshes what depends on tags and parse, which the pipeline adds
// after the view was built for the first pass.
func (v *view) retag() {
	for i := range v.d.Tokens {
		v.hp[i] = posHash(v.d.Tokens[i].POS)
	}
	v.countVerbs()
	v.kids, v.kidStart, v.constituents = nil, nil, nil
	v.setParsed()
}

func (v *view) setParsed() {
	v.parsed = false
	for i := range v.d.Tokens {
		if v.d.Tokens[i].Dep != "" {
			v.parsed = true
			return
		}
	}
}

// quoteRelations sets quoteRel: 0 no quote in the sentence, 1 inside a
// quote, 2 a quote later in the sentence, 3 one earlier, 4 both.
func (v *view) quoteRelations() {
	for _, s := range v.d.Sents {
		first, last := -1, -1
		for i := s.First; i < s.Last; i++ {
			if v.d.Tokens[i].Quote != 0 {
				if first < 0 {
					first = i
				}
				last = i
			}
		}
		if first < 0 {
			continue
		}
		for i := s.First; i < s.Last; i++ {
			switch {
			case v.d.Tokens[i].Quote != 0:
				v.quoteRel[i] = 1
			case i < first:
				v.quoteRel[i] = 2
			case i > last:
				v.quoteRel[i] = 3
			default:
				v.quoteRel[i] = 4
			}
		}
	}
}

// count3 buckets a count into 0, 1, 2 (two or more).
func count3(n int32) int { return int(min(n, 2)) }

// quoteTokens returns the token range [first, last) of quote region qi.
func (v *view) quoteTokens(qi int) (int, int) { return int(v.qFirst[qi]), int(v.qLast[qi]) }

func normWord(t string) string {
	switch t {
	case "“", "”", "„", "«", "»", "‟", "``", "''":
		return "\""
	case "‘", "’", "‚", "‹", "›", "`":
		return "'"
	case "—", "–", "―", "--":
		return "--"
	case "…":
		return "..."
	}
	if strings.ContainsRune(t, '’') {
		t = strings.ReplaceAll(t, "’", "'")
	}
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= 'A' && c <= 'Z' || c >= 0x80 {
			return strings.ToLower(t)
		}
	}
	return t
}

func shapeOf(t string) byte {
	r, _ := utf8.DecodeRuneInString(t)
	switch {
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLower(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	case doc.IsQuoteToken(t):
		return 'q'
	}
	return 'p'
}

// Stem is stemOf for other stages: the rules that compare a headline's
// words with the lead's use the same inflection stripping as the cue
// features.
func Stem(w string) string { return stemOf(w) }

// stemOf strips common inflections: says/said/saying → say is beyond it,
// but claims/claimed/claiming → claim is what matters for unseen cues.
func stemOf(w string) string {
	n := len(w)
	// every suffix below ends in g, d or s: most words end otherwise
	// (stemOf is asked of every token)
	if n == 0 || w[n-1] != 'g' && w[n-1] != 'd' && w[n-1] != 's' {
		return w
	}
	switch {
	case n > 5 && strings.HasSuffix(w, "ing"):
		return w[:n-3]
	case n > 4 && strings.HasSuffix(w, "ied"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "ed"):
		return w[:n-2]
	case n > 4 && strings.HasSuffix(w, "es"):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return w[:n-1]
	}
	return w
}

var (
	hashStart = strHash("<s>")
	hashEnd   = strHash("</s>")
	hashEmpty = strHash("")
)

// posHash hashes a tag, with the common case of no tag (the fast model)
// precomputed.
func posHash(pos string) uint64 {
	if pos == "" {
		return hashEmpty
	}
	return strHash(pos)
}

// hword is the hash of the word at i if it lies in the sentence [lo, hi),
// else of a boundary marker.
func (v *view) hword(i, lo, hi int) uint64 {
	if i < lo {
		return hashStart
	}
	if i >= hi {
		return hashEnd
	}
	return v.hw[i]
}

// hpos is the hash of the tag at i, or of a boundary marker, as hword.
func (v *view) hpos(i, lo, hi int) uint64 {
	if i < lo {
		return hashStart
	}
	if i >= hi {
		return hashEnd
	}
	return v.hp[i]
}

func bucket(n int) int {
	switch {
	case n <= 4:
		return n
	case n <= 6:
		return 5
	case n <= 10:
		return 6
	case n <= 20:
		return 7
	case n <= 40:
		return 8
	}
	return 9
}

// firstOfSubtree returns the leftmost token of i's subtree (bounded walk
// over the children).
func (v *view) firstOfSubtree(i int) int {
	first := i
	for steps := 0; steps < 32; steps++ {
		kids := v.children(first)
		if len(kids) == 0 || int(kids[0]) >= first {
			return first
		}
		first = int(kids[0])
	}
	return first
}

// constituentIfParsed is constituent, or -1 without a parse.
func (v *view) constituentIfParsed(s, e int) int {
	if !v.parsed {
		return -1
	}
	return v.constituent(s, e)
}
