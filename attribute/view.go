package attribute

import (
	"sort"
	"strings"
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
	// qopen[i]/qclose[i]: token i opens/closes the quote region q (index+1)
	qopen, qclose  []int32
	sentEnd        []int32 // per token: end (exclusive) of its sentence
	sentStart      []int32
	qFirst, qLast  []int32 // token range of each quote region
	kids, kidStart []int32 // dependents, CSR-style (see children)
	// constituents maps a token span (s<<32|e) to the token whose
	// dependency subtree is exactly that span (see constituent).
	constituents map[uint64]int32
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
	v := &view{d: d, lw: make([]string, n), shape: make([]byte, n), stem: make([]string, n),
		qopen: make([]int32, n), qclose: make([]int32, n), sentEnd: make([]int32, n), sentStart: make([]int32, n)}
	for i := range d.Tokens {
		t := d.Tokens[i].Text
		v.lw[i] = normWord(t)
		v.shape[i] = shapeOf(t)
		v.stem[i] = stemOf(v.lw[i])
	}
	for _, s := range d.Sents {
		for i := s.First; i < s.Last; i++ {
			v.sentStart[i] = int32(s.First)
			v.sentEnd[i] = int32(s.Last)
		}
	}
	// quote regions to token boundaries
	v.qFirst = make([]int32, len(d.Quotes))
	v.qLast = make([]int32, len(d.Quotes))
	for qi, q := range d.Quotes {
		first := sort.Search(n, func(i int) bool { return d.Tokens[i].Start >= q.Start })
		last := first
		for last < n && d.Tokens[last].End <= q.End {
			last++
		}
		v.qFirst[qi], v.qLast[qi] = int32(first), int32(last)
		if last > first {
			if v.qopen[first] == 0 {
				v.qopen[first] = int32(qi + 1)
			}
			v.qclose[last-1] = int32(qi + 1)
		}
	}
	return v
}

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
	case isQuoteTok(t):
		return 'q'
	}
	return 'p'
}

func isQuoteTok(t string) bool {
	switch t {
	case "\"", "“", "”", "„", "«", "»", "'", "‘", "’", "``", "''", "‹", "›":
		return true
	}
	return false
}

// stemOf strips common inflections: says/said/saying → say is beyond it,
// but claims/claimed/claiming → claim is what matters for unseen cues.
func stemOf(w string) string {
	n := len(w)
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

func (v *view) word(i int) string {
	if i < 0 || i >= len(v.lw) {
		return "<none>"
	}
	return v.lw[i]
}

func (v *view) pos(i int) string {
	if i < 0 || i >= len(v.lw) {
		return "<none>"
	}
	return v.d.Tokens[i].POS
}

// sword is the word at i if it lies in the sentence [lo, hi), else a
// boundary marker.
func (v *view) sword(i, lo, hi int) string {
	if i < lo {
		return "<s>"
	}
	if i >= hi {
		return "</s>"
	}
	return v.lw[i]
}

func (v *view) spos(i, lo, hi int) string {
	if i < lo {
		return "<s>"
	}
	if i >= hi {
		return "</s>"
	}
	return v.d.Tokens[i].POS
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
